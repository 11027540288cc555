/// Where a name token of a contact comes from.
enum NameTokenRole: UInt32, Sendable {
    case given = 0
    case family = 1
    case display = 2
    case company = 3
    /// A multi-part given or family name written as one word ("van der Berg" → "vanderberg",
    /// "Smith-Jones" → "smithjones", "小明" → "xiaoming").
    case joined = 4
    /// A given, family or display name written in another script, as English texts spell it
    /// (`NameNormalizer.alternateRomanization`: "Пушкин" → "pushkin" beside "puskin", 이 →
    /// "lee" beside "i", 村上 → "murakami" beside "cun shang").
    case alternate = 5

    /// Whether `role` (a `rawValue`) is one of the person's own names as written: given or
    /// family.
    @inline(__always)
    static func isGivenOrFamily(_ role: UInt32) -> Bool { role == given.rawValue || role == family.rawValue }

    /// The name that an entry of a contact's token list (`NameTokenIndex`: id | role << 28 | script bit)
    /// counts in, for how many query tokens one token may serve: its most occurrences in one
    /// name. 0: given and family together; 1: the display name; 2: the company; 3: the joined
    /// and alternate forms.
    @inline(__always)
    static func occurrenceGroup(ofEntry entry: UInt32) -> Int {
        switch NameTokenIndex.role(ofEntry: entry) {
        case given.rawValue, family.rawValue: 0
        case display.rawValue: 1
        case company.rawValue: 2
        default: 3
        }
    }

    /// Whether some token occurs twice in one name (`occurrenceGroup`) among `entries` (token
    /// ids with roles): "Henry Henry" may match the query "hen hen" with its one token.
    static func repeatsToken(_ entries: UnsafeBufferPointer<UInt32>) -> Bool {
        guard entries.count > 1 else { return false }
        for later in 1..<entries.count {
            let id = entries[later] & NameTokenIndex.idMask
            let group = occurrenceGroup(ofEntry: entries[later])
            for earlier in 0..<later where entries[earlier] & NameTokenIndex.idMask == id && occurrenceGroup(ofEntry: entries[earlier]) == group {
                return true
            }
        }
        return false
    }
}

/// One folded token of a contact's names, with its role.
/// The script a name token was written in, as indexing needs it: Latin letters as written, or
/// ICU's romanization of another script, of Hebrew and of Arabic script apart (ICU writes them
/// without short vowels: `ConsonantSkeleton.isConsonantal`, `ArabicScriptSpelling`). The raw
/// value is what the fold memo keeps.
enum TokenScript: UInt8, Sendable {
    case latin = 0
    case other = 1
    case hebrew = 2
    case arabic = 3

    /// The script of a name field's bytes.
    init(of field: some Sequence<UInt8>) {
        self = if !NameNormalizer.hasNonLatinLetters(field) { .latin }
            else if NameNormalizer.hasHebrewLetters(field) { .hebrew }
            else if NameNormalizer.hasArabicLetters(field) { .arabic }
            else { .other }
    }

    /// Whether the token is ICU's romanization of another script.
    var isRomanized: Bool { self != .latin }
}

struct NameToken: Sendable, Hashable {
    var text: String
    var role: NameTokenRole
    /// Whether the token is ICU's romanization of another script (`NameNormalizer.hasNonLatinLetters`).
    var romanized = false
    /// How it was written, plainly or with Latin letters beyond ASCII (`WrittenAccents`).
    var written = WrittenAccents.Written()
}

/// Turns a contact's first, last, display and company names into folded tokens
/// (`NameNormalizer.tokens`: lower-case ASCII for every script, ASCII never through ICU), without
/// a company's legal form (`CompanyLegalForms`), and adds the joined form of multi-part given
/// and family names, then the English spellings of names written in another script
/// (`NameTokenRole.alternate`).
enum ContactNameTokens {
    /// The tokens of a contact, given names first, then family, display, company, joined forms.
    /// - Complexity: O(n) in the length of the names; one ICU fold per non-ASCII field.
    static func of(_ contact: Contact, names: NameNormalizer) -> [NameToken] {
        var out: [NameToken] = []
        func add(_ text: String?, _ role: NameTokenRole) -> (tokens: [String], romanized: Bool, written: [WrittenAccents.Written]) {
            guard let text, !text.isEmpty else { return ([], false, []) }
            let all = names.tokens(text)
            let romanized = NameNormalizer.hasNonLatinLetters(text.utf8)
            // How the tokens were written, from all the field's tokens: its words go one for one.
            var allWritten = Array(repeating: WrittenAccents.Written(), count: all.count)
            if !romanized, !text.utf8.allSatisfy({ $0 < 0x80 }) {
                allWritten = WrittenAccents.written(all.map(\.utf8), words: WrittenAccents.words(of: text.utf8))
            }
            // A legal form ("Ltd", "有限公司") identifies no company: its tokens are left out.
            let kept = role == .company ? CompanyLegalForms.keptRange(count: all.count) { all[$0] } : all.indices
            let tokens = Array(all[kept])
            let written = Array(allWritten[kept])
            for (token, form) in zip(tokens, written) { out.append(NameToken(text: token, role: role, romanized: romanized, written: form)) }
            return (tokens, romanized, written)
        }
        let given = add(contact.firstName, .given)
        let family = add(contact.lastName, .family)
        let display = add(contact.displayName, .display)
        _ = add(contact.company, .company)
        for part in [given, family] where part.tokens.count > 1 {
            let written = WrittenAccents.Written(joining: part.written)
            out.append(NameToken(text: part.tokens.joined(), role: .joined, romanized: part.romanized, written: written))
        }
        for (index, (text, part)) in [(contact.firstName, given), (contact.lastName, family), (contact.displayName, display)].enumerated() {
            guard let text, !text.isEmpty else { continue }
            // The spellings of a Latin name's umlauts ("mueller") are Latin, not romanizations:
            // no consonant skeleton (`NameTokenIndex`) compares them loosely.
            let romanizations = names.alternateTokens(text, besides: part.tokens, asGivenName: index == 0)
            for token in romanizations {
                out.append(NameToken(text: token, role: .alternate, romanized: part.romanized))
            }
            // So are the spellings derived from them ("dmitry" beside "dmitriy":
            // `NameNormalizer.derivedSpellings`).
            for token in names.derivedTokens(text, besides: part.tokens + romanizations, asGivenName: index == 0) {
                out.append(NameToken(text: token, role: .alternate, romanized: false))
            }
        }
        return out
    }
}
