/// What a loader does with one column of a contact CSV.
public enum ContactCSVColumn: Sendable, Hashable, CustomStringConvertible {
    /// The record id (`Contact.id`).
    case id
    /// Given name.
    case firstName
    /// Family name.
    case lastName
    /// The whole name as the CRM shows it.
    case displayName
    /// A phone number, with its label (nil: the header is the label). Cells may hold several
    /// numbers separated by ` ::: ` (Google Contacts).
    case phone(label: String?)
    /// An email address, with its label (nil: the header is the label). Cells may hold several
    /// addresses separated by ` ::: ` or `;`.
    case email(label: String?)
    /// The label of the phone or email in column `valueColumn` (Google's "Phone 1 - Type").
    case label(forHeader: String)
    /// The extension of the phone in the column headed `ofHeader` ("Phone Ext" beside "Phone",
    /// a bare "Ext" right after a phone column): its digits are added to that phone
    /// ("(212) 555-0111 ext. 4711"), so that a call from the number with its extension, or a
    /// look-up of the number, finds the record, and the reply shows the extension. Before, the
    /// column was read as a phone of its own ("+14711").
    case phoneExtension(ofHeader: String)
    /// The record kind (`ContactEntity`).
    case entity
    /// Company or account name.
    case company
    /// The country or region (ISO 3166 code, alpha-2 or alpha-3, or a country name): the region
    /// of the row's national phone numbers.
    case region
    /// When the CRM created the record (ISO 8601).
    case createdAt
    /// When the CRM last changed the record (ISO 8601).
    case updatedAt
    /// Kept in `Contact.attributes` under this key.
    case attribute(String)
    /// Not loaded.
    case ignored

    /// Whether a look-up can find a record by this column: the id, a name, a phone or an email.
    /// A header that maps none of them loads rows that nobody can find (a preamble read as the
    /// header: `ContactCSVHeaderSearch`).
    public var identifiesContact: Bool {
        switch self {
        case .id, .firstName, .lastName, .displayName, .phone, .email: true
        default: false
        }
    }

    /// A short name for reports ("phone(Mobile)").
    public var description: String {
        switch self {
        case .id: "id"
        case .firstName: "firstName"
        case .lastName: "lastName"
        case .displayName: "displayName"
        case .phone(let label): "phone(\(label ?? ""))"
        case .email(let label): "email(\(label ?? ""))"
        case .label(let header): "label(of \(header))"
        case .phoneExtension(let header): "extension of \(header)"
        case .entity: "entity"
        case .company: "company"
        case .region: "region"
        case .createdAt: "createdAt"
        case .updatedAt: "updatedAt"
        case .attribute(let key): "attribute(\(key))"
        case .ignored: "ignored"
        }
    }
}
