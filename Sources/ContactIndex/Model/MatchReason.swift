/// Why a contact matched a query. Each reason has a base score in [0, 1]; the scale is the same
/// for every query kind, so a host can set one "confident single match" threshold.
///
/// | reason | score |
/// |---|---|
/// | `id`, `exactE164`, `exactEmail` | 1.00 |
/// | `phoneExtensionDiffers` | 0.97 |
/// | `canonicalEmail` | 0.95 |
/// | `sameNationalNumber` | 0.90 |
/// | `exactName` | 0.88 |
/// | `foldedName` | 0.85 |
/// | `namePrefix` | 0.70 |
public enum MatchReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The query was the record's id.
    case id
    /// The query's E.164 number equals a stored number's (extensions equal or both absent).
    case exactE164 = "exact_e164"
    /// Same E.164 number, but one side has an extension the other lacks or differs in it.
    case phoneExtensionDiffers = "phone_extension_differs"
    /// Same national significant number under a different country code (a number stored with
    /// the wrong region, or typed without its country code).
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

    /// The score of a match for this reason.
    public var baseScore: Double {
        switch self {
        case .id, .exactE164, .exactEmail: 1.0
        case .phoneExtensionDiffers: 0.97
        case .canonicalEmail: 0.95
        case .sameNationalNumber: 0.90
        case .exactName: 0.88
        case .foldedName: 0.85
        case .namePrefix: 0.70
        }
    }

    /// Whether the reason is an identity match (phone or email), not a name match.
    public var isIdentity: Bool {
        switch self {
        case .id, .exactE164, .phoneExtensionDiffers, .sameNationalNumber, .exactEmail, .canonicalEmail: true
        case .exactName, .foldedName, .namePrefix: false
        }
    }
}
