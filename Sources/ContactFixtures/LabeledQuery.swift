/// The kinds of name query in the labeled corpus.
public enum NameQueryClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// The name as stored, "given family" ("Jürgen Müller").
    case exact
    /// Without accents and in another case ("jurgen muller").
    case folded
    /// One typing error (Damerau–Levenshtein 1) in one token.
    case typo1
    /// Two typing errors: two in one long token, or one in each of two tokens.
    case typo2
    /// Family name first, with or without a comma ("Müller, Jürgen").
    case swapped
    /// Type-ahead prefixes of both tokens ("Jür Mül").
    case prefix
    /// The given name's initial, with or without a period ("J. Müller").
    case initials
    /// A nickname for the stored given name, or the formal name for a stored nickname.
    case nickname
    /// A common romanization of a name stored in another script ("Ivan Ivanov" for "Иван Иванов").
    case transliterated
    /// A name that no record has.
    case unknown
}

/// A query with the records it should find.
public struct LabeledQuery: Sendable, Hashable {
    /// The text an agent types.
    public var text: String
    /// What kind of query it is.
    public var queryClass: NameQueryClass
    /// The ids of the records that answer it (empty for `unknown`).
    public var expectedIDs: Set<String>

    /// Creates a labeled query.
    public init(text: String, queryClass: NameQueryClass, expectedIDs: Set<String>) {
        self.text = text
        self.queryClass = queryClass
        self.expectedIDs = expectedIDs
    }
}
