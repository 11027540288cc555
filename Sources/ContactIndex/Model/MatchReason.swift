/// Why a contact matched a query. Each reason has a base score in [0, 1]; the scale is the same
/// for every query kind, so a host can set one "confident single match" threshold.
///
/// | reason | score |
/// |---|---|
/// | `id`, `exactE164`, `exactEmail` | 1.00 |
/// | `phoneExtensionDiffers` | 0.97 |
/// | `canonicalEmail` | 0.95 |
/// | `phoneFragment`, `emailPrefix` | 0.89 |
/// | `exactName` | 0.88 |
/// | `foldedName` | 0.85 (`MatchReason.confidentScore`), up to 0.87 for the typed words spelled as typed (`ContactDirectory.foldedScore`) |
/// | `transliteratedName` | 0.84 |
/// | `otherExtension` | 0.83 |
/// | `sameNationalNumber` | 0.82 |
/// | `nameTokens` | 0.80 |
/// | `nickname` | 0.76 |
/// | `namePrefix` | 0.70 |
/// | `tokenPrefix` | 0.68 |
/// | `initials` | 0.66 |
/// | `fuzzyOneEdit` | 0.60 |
/// | `romanized` | 0.55 |
/// | `companyName` | 0.52 |
/// | `fuzzyTwoEdits` | 0.50 |
/// | `partialName` | below 0.42 |
///
/// Name matches add less than 0.015 for query tokens that matched better than the weakest one
/// (so "Jon Smith" ranks "John Smith" above "Jon Smyth"), never enough to reach the next
/// reason. A partial name match (some query tokens matched nothing) scores half the full score
/// scaled by the share of tokens matched, so it ranks below every full match and more matched
/// tokens rank higher.
///
/// Only identity matches (but `otherExtension` and `sameNationalNumber`) and whole-name matches up to `foldedName`
/// reach `confidentScore`: a host may pop a record on its own when it is the only match at or
/// above it. Phone fragments and email prefixes answer what an agent types into the search box
/// (never an incoming call), and rank with the identity matches above names.
public enum MatchReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The query was the record's id.
    case id
    /// The query's E.164 number equals a stored number's (extensions equal or both absent).
    case exactE164 = "exact_e164"
    /// Same E.164 number, but one side has an extension the other lacks.
    case phoneExtensionDiffers = "phone_extension_differs"
    /// Same E.164 number, but both sides have an extension and they differ: another line
    /// behind the same switchboard ("x101" is not "ext=102"). A hint, like
    /// `sameNationalNumber`: it scores below the confident threshold and is never popped.
    case otherExtension = "other_extension"
    /// Same national significant number under a different country code (a number stored with
    /// the wrong region, or typed without its country code). A hint, not proof: it scores below
    /// the confident threshold, so it is offered to the agent and never popped on its own. Never
    /// when both numbers are valid in their own countries: then they are two different lines.
    case sameNationalNumber = "same_national_number"
    /// The normalized addresses are equal.
    case exactEmail = "exact_email"
    /// The provider-canonical addresses are equal (Gmail dots, `+tags`), not the addresses.
    case canonicalEmail = "canonical_email"
    /// The whole name equals the query, case aside.
    case exactName = "exact_name"
    /// The whole name equals the query at primary collation strength (accents, case and script
    /// folding aside).
    case foldedName = "folded_name"
    /// The name starts with the query at primary collation strength.
    case namePrefix = "name_prefix"
    /// At least 4 digits of the query occur in a stored number (a suffix or an infix).
    case phoneFragment = "phone_fragment"
    /// The query is the start of a stored address.
    case emailPrefix = "email_prefix"
    /// The whole name equals the query once both are folded to lower-case Latin (another script,
    /// or letters that collation keeps apart, such as "ł" and "l").
    case transliteratedName = "transliterated_name"
    /// Every query token equals a token of the record's names, in any order ("Smith" finds
    /// "John Smith"; "Ivanov" finds "Иванов").
    case nameTokens = "name_tokens"
    /// Every query token matched, one of them only as a nickname or the formal name of one
    /// ("Bob Smith" finds Robert Smith, and "Robert Smith" finds Bob Smith).
    case nickname
    /// Every query token matched, one of them only as the start of a name token ("Joh Smi"), or
    /// every one as a word of the company's name, which ranks as a start of a name does ("Acme"
    /// and "Acme Plumbing" find the staff of Acme Plumbing Ltd).
    case tokenPrefix = "token_prefix"
    /// Every query token matched, one of them only as an initial ("J. Smith").
    case initials
    /// Every query token matched, one of them only within one edit (Damerau–Levenshtein).
    case fuzzyOneEdit = "fuzzy_1"
    /// Every query token matched, one of them only by its consonant skeleton: another
    /// romanization of the same name ("Dimitris" for "Δημήτρης", "Mohammed" for "محمد").
    case romanized
    /// Every query token of a query of two tokens or more matched, some of them only as words of
    /// the record's company, the others on the person's names: "John Acme" finds John Smith of
    /// Acme. Below every match on a person's own names but the two-edit ones (a company's word
    /// is weaker evidence of a person than the person's names, even read across scripts).
    case companyName = "company_name"
    /// Every query token matched, one of them only within two edits.
    case fuzzyTwoEdits = "fuzzy_2"
    /// Some query tokens matched a name of the record, others matched nothing.
    case partialName = "partial_name"

    /// The score of a match for this reason.
    public var baseScore: Double {
        switch self {
        case .id, .exactE164, .exactEmail: 1.0
        case .phoneExtensionDiffers: 0.97
        case .canonicalEmail: 0.95
        case .sameNationalNumber: 0.82
        case .exactName: 0.88
        case .foldedName: 0.85
        case .namePrefix: 0.70
        case .phoneFragment, .emailPrefix: 0.89
        case .transliteratedName: 0.84
        case .otherExtension: 0.83
        case .nameTokens: 0.80
        case .nickname: 0.76
        case .tokenPrefix: 0.68
        case .initials: 0.66
        case .fuzzyOneEdit: 0.60
        case .romanized: 0.55
        case .companyName: 0.52
        case .fuzzyTwoEdits: 0.50
        case .partialName: 0.40
        }
    }

    /// The default "confident single match" score: a host may pop a record without asking when
    /// it is the only match scoring at least this (identity matches and whole-name matches up to
    /// `foldedName`). `DirectoryConfiguration.confidentMatchScore` holds the threshold in force.
    public static let confidentScore = 0.85

    /// Whether the reason is an identity match (phone or email), not a name match.
    public var isIdentity: Bool {
        switch self {
        case .id, .exactE164, .phoneExtensionDiffers, .otherExtension, .sameNationalNumber, .exactEmail, .canonicalEmail, .phoneFragment, .emailPrefix: true
        case .exactName, .foldedName, .namePrefix, .transliteratedName, .nameTokens, .nickname, .tokenPrefix, .initials,
             .fuzzyOneEdit, .romanized, .companyName, .fuzzyTwoEdits, .partialName: false
        }
    }
}
