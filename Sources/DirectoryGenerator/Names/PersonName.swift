/// A generated person's name as the CRM stores it.
public struct PersonName: Sendable, Hashable {
    /// Given name (may hold a compound or a middle name: "Jean-Pierre", "Văn Nam").
    public var given: String
    /// Family name (may be double, hyphenated or carry a particle).
    public var family: String
    /// The name locale it was drawn from ("de", "ru", "zh").
    public var locale: String
    /// Whether the person is female (family names of some locales depend on it).
    public var isFemale: Bool
}
