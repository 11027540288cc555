/// The kind of CRM record a contact is: contact, lead, user, account… Open-ended, because every
/// CRM has its own ("opportunity", "patient", "candidate").
public struct ContactEntity: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The entity name as the host writes it, lower-cased ("contact").
    public var rawValue: String

    /// Creates an entity from its name (lower-cased, without the spaces around it: " Lead " is
    /// "lead").
    public init(rawValue: String) { self.rawValue = Substring(rawValue).trimmingWhitespace().lowercased() }

    /// Creates an entity from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// A person in the CRM.
    public static let contact: ContactEntity = "contact"
    /// A prospective customer.
    public static let lead: ContactEntity = "lead"
    /// A user of the host application (an agent, an employee).
    public static let user: ContactEntity = "user"
    /// A company or organization.
    public static let account: ContactEntity = "account"

    /// The name.
    public var description: String { rawValue }

    /// Encodes as a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Decodes from a bare string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
}
