/// The column layout of a CRM export.
public enum CRMStyle: String, Sendable, CaseIterable {
    /// `id,first_name,last_name,phone,mobile,email,entity,company,country`.
    case canonical
    /// Salesforce's contact export, with a custom `__c` field.
    case salesforce
    /// HubSpot's contact export.
    case hubspot

    /// The header row.
    public var header: [String] {
        switch self {
        case .canonical: ["id", "first_name", "last_name", "phone", "mobile", "email", "entity", "company", "country"]
        case .salesforce:
            ["Id", "FirstName", "LastName", "Phone", "MobilePhone", "HomePhone", "OtherPhone", "Email", "Account.Name", "MailingCountry", "Lead_Source__c"]
        case .hubspot:
            ["Record ID", "First Name", "Last Name", "Phone Number", "Mobile Phone Number", "Email", "Additional email addresses", "Country/Region"]
        }
    }

    /// The id of row `row` (0-based) of this entity: "C000000042", Salesforce's 15-character ids
    /// with the object's key prefix ("003" contact, "00Q" lead, "001" account), HubSpot's numbers.
    public func id(row: Int, entity: DirectoryRecord.Entity) -> String {
        switch self {
        case .canonical:
            let digits = String(row + 1)
            let prefix = entity == .contact ? "C" : (entity == .lead ? "L" : "A")
            return prefix + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        case .salesforce:
            let prefix = entity == .contact ? "003" : (entity == .lead ? "00Q" : "001")
            return prefix + "5g00000" + Self.base62(row, width: 5)
        case .hubspot:
            return String(51_000_000_000 + row)
        }
    }

    /// The fields of a record, in header order.
    public func fields(_ record: DirectoryRecord) -> [String] {
        switch self {
        case .canonical:
            return [record.id, record.firstName, record.lastName, record.phone ?? "", record.mobile ?? "", record.emails.first ?? "",
                    record.entity.rawValue, record.company ?? "", record.country]
        case .salesforce:
            return [record.id, record.firstName, record.lastName, record.phoneIsHome ? "" : (record.phone ?? ""), record.mobile ?? "",
                    record.phoneIsHome ? (record.phone ?? "") : "", record.otherPhone ?? "", record.emails.first ?? "",
                    record.company ?? "", record.country, record.entity == .lead ? "Web" : "Partner"]
        case .hubspot:
            return [record.id, record.firstName, record.lastName, record.phone ?? "", record.mobile ?? "", record.emails.first ?? "",
                    record.emails.dropFirst().joined(separator: ";"), record.country]
        }
    }

    private static func base62(_ value: Int, width: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var value = value
        var out = [Character](repeating: "0", count: width)
        for index in stride(from: width - 1, through: 0, by: -1) {
            out[index] = alphabet[value % 62]
            value /= 62
        }
        return String(out)
    }
}
