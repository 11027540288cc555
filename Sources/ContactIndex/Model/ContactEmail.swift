/// One email address of a contact: the label, the text as the CRM holds it, and what the
/// directory made of it.
public struct ContactEmail: Sendable, Hashable, Codable {
    /// The CRM's label ("work", "E-mail 2 Address"); nil when there is none.
    public var label: String?
    /// The text as written.
    public var raw: String
    /// The normalized address; nil until the directory normalizes it, or when it is invalid.
    public var normalized: NormalizedEmail?
    /// Why the text is not an address; nil when it is (or was not checked yet).
    public var problem: EmailNormalizationError?

    /// The address as written, without a display name, `mailto:` or spaces around it ("Hans
    /// <Hans@Example.de>" → "Hans@Example.de"; `EmailNormalizer.writtenAddress`): what a list
    /// shows, usable as an address.
    public var displayText: String { EmailNormalizer.writtenAddress(raw) }

    /// Creates an email from its raw text.
    public init(_ raw: String, label: String? = nil) {
        self.raw = raw
        self.label = label
    }

    /// Creates an email with its normalized form already known.
    public init(_ raw: String, label: String? = nil, normalized: NormalizedEmail?, problem: EmailNormalizationError? = nil) {
        self.raw = raw
        self.label = label
        self.normalized = normalized
        self.problem = problem
    }
}
