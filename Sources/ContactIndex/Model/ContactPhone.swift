/// One phone number of a contact: the label, the text as the CRM holds it, and what the
/// directory made of it.
public struct ContactPhone: Sendable, Hashable, Codable {
    /// The CRM's label ("mobile", "work", "Phone 1 - Value"); nil when there is none.
    public var label: String?
    /// The text as written ("(650) 555-1234 x12").
    public var raw: String
    /// The normalized number; nil until the directory normalizes it, or when it cannot be parsed.
    public var normalized: NormalizedPhone?
    /// Why the number could not be parsed; nil when it was (or was not tried yet). An unparseable
    /// number is kept raw and reported, never dropped.
    public var problem: PhoneParseFailure?

    /// Creates a phone from its raw text.
    public init(_ raw: String, label: String? = nil) {
        self.raw = raw
        self.label = label
    }

    /// Creates a phone with its normalized form already known.
    public init(_ raw: String, label: String? = nil, normalized: NormalizedPhone?, problem: PhoneParseFailure? = nil) {
        self.raw = raw
        self.label = label
        self.normalized = normalized
        self.problem = problem
    }

    /// The number as a list shows it: the E.164 form, followed by `;ext=` and the extension when
    /// it has one (RFC 3966's spelling), or the text as written when it did not parse.
    public var displayText: String {
        guard let normalized else { return raw }
        guard let ext = normalized.extension else { return normalized.e164 }
        return normalized.e164 + ";ext=" + ext
    }
}
