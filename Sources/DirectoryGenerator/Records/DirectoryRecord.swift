/// One row of a generated CRM export, before it is written in a style.
public struct DirectoryRecord: Sendable, Hashable {
    /// The record kind.
    public enum Entity: String, Sendable, Hashable { case contact, lead, account }

    /// The id, given by the writer from the row number and style.
    public var id = ""
    /// Contact, lead or account.
    public var entity: Entity
    /// Given name ("" for accounts).
    public var firstName: String
    /// Family name ("" for accounts).
    public var lastName: String
    /// The main number (work, or the household's home number).
    public var phone: String?
    /// The mobile number.
    public var mobile: String?
    /// Another number (Salesforce's OtherPhone).
    public var otherPhone: String?
    /// Whether `phone` is a household's shared home number.
    public var phoneIsHome = false
    /// Email addresses, the primary first.
    public var emails: [String]
    /// Company or account name.
    public var company: String?
    /// The country column as written ("DE", "Germany", "DEU").
    public var country: String
    /// The region behind the country column.
    public var region: String
}
