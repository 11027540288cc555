extension ContactCSVHeaderMapping {
    /// How surely a header names the id of the row's own record, best first.
    ///
    /// A CRM export often carries the ids of related records too: a Salesforce contact report
    /// starts with "Account ID" and "Owner ID" before "Contact ID". The record's id is the
    /// best-ranked id column (the first of equals); the others stay attributes.
    enum RecordIDRank: Int, Comparable, Sendable {
        /// A bare id ("Id", "UID", "UUID") or one that names a person record's own kind
        /// ("Contact ID", "Lead ID", "Record ID", "Person ID").
        case ownRecord = 0
        /// An id given by another system ("External ID").
        case external = 1
        /// The id of an organisation ("Account ID", "Company ID"): the record's id only in an
        /// export of those organisations, where no better id column exists.
        case organization = 2

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Record kinds whose "<kind> ID" column is the row's own id.
    static let ownRecordKinds: Set<String> = ["record", "contact", "lead", "person"]
    /// Organisation kinds whose "<kind> ID" column is the row's id only when nothing better is.
    static let organizationKinds: Set<String> = ["account", "company", "organization", "organisation"]
    /// What the folded headers of a Dynamics 365 export's columns for the system start with.
    static let dynamicsKeyPrefix = "donotmodify"

    /// The rank of a header as the record's id, or nil when it is no id of the record (the id of
    /// another kind of record: "Owner ID", "CreatedById", "ReportsToId", "Parent ID"…).
    /// - Parameter key: the folded header (`folded(_:)`).
    /// - Complexity: O(n) in the key.
    static func recordIDRank(folded key: String) -> RecordIDRank? {
        if ["id", "uid", "uuid", "guid"].contains(key) { return .ownRecord }
        // Microsoft Dynamics 365 names the record's key column "(Do Not Modify) Contact" (or
        // "… Lead", "… Account"), beside "(Do Not Modify) Row Checksum" and "… Modified On".
        if key.hasPrefix(dynamicsKeyPrefix) {
            let kind = String(key.dropFirst(dynamicsKeyPrefix.count))
            if ownRecordKinds.contains(kind) { return .ownRecord }
            if organizationKinds.contains(kind) { return .organization }
            return nil
        }
        guard key.hasSuffix("id") else { return nil }
        let kind = String(key.dropLast(2))
        if ownRecordKinds.contains(kind) { return .ownRecord }
        if kind == "external" { return .external }
        if organizationKinds.contains(kind) { return .organization }
        return nil
    }

    /// Keeps one id column: the first explicit one, else the best-ranked guess (the first among
    /// equals); every other id column becomes an attribute named by its header.
    /// - Complexity: O(h) in the headers.
    static func keepingOneID(_ columns: [ContactCSVColumn], headers: [String], explicitIDs: Set<Int>) -> [ContactCSVColumn] {
        let candidates = columns.indices.filter { columns[$0] == .id }
        let chosen: Int? = candidates.first(where: explicitIDs.contains) ?? candidates.min { lhs, rhs in
            let left = recordIDRank(folded: folded(headers[lhs])) ?? .organization
            let right = recordIDRank(folded: folded(headers[rhs])) ?? .organization
            return left < right || (left == right && lhs < rhs)
        }
        var columns = columns
        for index in candidates where index != chosen { columns[index] = .attribute(headers[index]) }
        return columns
    }
}
