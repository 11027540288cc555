/// Which fields of a `Contact` a source of records holds: the columns a CSV export mapped, for
/// example. A merge (`Contact.merging(_:fields:)`) takes only these fields from an update and
/// keeps the others as they were.
public struct ContactFieldSet: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt16

    /// Creates a set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `Contact.firstName`.
    public static let firstName = ContactFieldSet(rawValue: 1 << 0)
    /// `Contact.lastName`.
    public static let lastName = ContactFieldSet(rawValue: 1 << 1)
    /// `Contact.displayName`.
    public static let displayName = ContactFieldSet(rawValue: 1 << 2)
    /// `Contact.phones`.
    public static let phones = ContactFieldSet(rawValue: 1 << 3)
    /// `Contact.emails`.
    public static let emails = ContactFieldSet(rawValue: 1 << 4)
    /// `Contact.entity`.
    public static let entity = ContactFieldSet(rawValue: 1 << 5)
    /// `Contact.company`.
    public static let company = ContactFieldSet(rawValue: 1 << 6)
    /// `Contact.region`.
    public static let region = ContactFieldSet(rawValue: 1 << 7)
    /// `Contact.attributes`.
    public static let attributes = ContactFieldSet(rawValue: 1 << 8)
    /// `Contact.createdAt`.
    public static let createdAt = ContactFieldSet(rawValue: 1 << 9)
    /// `Contact.updatedAt`.
    public static let updatedAt = ContactFieldSet(rawValue: 1 << 10)

    /// Every field: a merge with it replaces each field the update has a value for.
    public static let all: ContactFieldSet = [
        .firstName, .lastName, .displayName, .phones, .emails, .entity, .company, .region,
        .attributes, .createdAt, .updatedAt,
    ]
}
