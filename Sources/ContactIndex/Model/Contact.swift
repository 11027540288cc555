#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A record of the host's directory: a person, lead, user or account that a call can belong to.
///
/// The `id` is the host's own record id, kept byte for byte (CRM ids look like `0035g00000AbCdE`
/// or `51000000037`; they are compared without any normalization). Everything else is optional.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    /// The host's record id: required, unique in a directory, compared byte for byte.
    public var id: String
    /// Given name.
    public var firstName: String?
    /// Family name.
    public var lastName: String?
    /// The name as the CRM shows it, when it differs from first + last ("Dr. Ana de la Cruz").
    public var displayName: String?
    /// Phone numbers, in the CRM's order.
    public var phones: [ContactPhone]
    /// Email addresses, in the CRM's order.
    public var emails: [ContactEmail]
    /// The record kind (contact, lead, user, account…).
    public var entity: ContactEntity
    /// Company or account name.
    public var company: String?
    /// The region for this contact's national numbers (ISO 3166 alpha-2); nil uses the directory's.
    public var region: String?
    /// Other columns of the CRM export, kept as given.
    public var attributes: [String: String]
    /// When the CRM created the record, when known.
    public var createdAt: Date?
    /// When the CRM last changed the record, when known.
    public var updatedAt: Date?

    /// Creates a contact.
    public init(
        id: String,
        firstName: String? = nil,
        lastName: String? = nil,
        displayName: String? = nil,
        phones: [ContactPhone] = [],
        emails: [ContactEmail] = [],
        entity: ContactEntity = .contact,
        company: String? = nil,
        region: String? = nil,
        attributes: [String: String] = [:],
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.displayName = displayName
        self.phones = phones
        self.emails = emails
        self.entity = entity
        self.company = company
        self.region = region
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The name to show: the display name, else "first last", else the company, else the id.
    public var name: String {
        if let displayName, !displayName.isEmpty { return displayName }
        let joined = [firstName, lastName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        if !joined.isEmpty { return joined }
        if let company, !company.isEmpty { return company }
        return id
    }
}
