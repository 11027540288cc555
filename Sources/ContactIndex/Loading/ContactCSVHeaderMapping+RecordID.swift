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

    /// The kind of record a record-id header names ("contact" for "Contact ID" and
    /// "(Do Not Modify) Contact", "lead" for "lead_id"), or nil for a bare id ("Id") or no id.
    /// - Parameter key: the folded header.
    static func recordIDKind(folded key: String) -> String? {
        guard recordIDRank(folded: key) != nil else { return nil }
        if key.hasPrefix(dynamicsKeyPrefix) { return String(key.dropFirst(dynamicsKeyPrefix.count)) }
        guard key.hasSuffix("id") else { return nil }
        let kind = String(key.dropLast(2))
        return kind.isEmpty || kind == "u" || kind == "uu" || kind == "g" ? nil : kind
    }

    /// Whether a record-id header names a person kind other than the rows' own ("lead_id" in a
    /// contacts export): such a column is the parent's id when the own kind's is there too.
    static func namesOtherPersonKind(_ key: String, ownKind: String?) -> Bool {
        guard let ownKind, let kind = recordIDKind(folded: key) else { return false }
        return kind != ownKind && ownRecordKinds.contains(kind) && kind != "record" && kind != "person"
    }

    /// The record-id columns ranked as `keepingOneID` ranks them, best first: rank, then a
    /// column not naming another person kind than the rows' own (`ownKind`: "contact_id" before
    /// "lead_id" in a contacts export such as Close's, where the lead is the parent record),
    /// then file order.
    static func rankedIDColumns(_ candidates: [Int], headers: [String], ownKind: String?) -> [Int] {
        candidates.sorted { lhs, rhs in
            let leftKey = folded(headers[lhs]), rightKey = folded(headers[rhs])
            let left = recordIDRank(folded: leftKey) ?? .organization
            let right = recordIDRank(folded: rightKey) ?? .organization
            if left != right { return left < right }
            let leftOther = namesOtherPersonKind(leftKey, ownKind: ownKind)
            let rightOther = namesOtherPersonKind(rightKey, ownKind: ownKind)
            if leftOther != rightOther { return rightOther }
            return lhs < rhs
        }
    }

    /// Keeps one id column: the first explicit one, else the best-ranked guess
    /// (`rankedIDColumns`); every other id column becomes an attribute named by its header.
    /// - Complexity: O(h log h) in the headers.
    static func keepingOneID(_ columns: [ContactCSVColumn], headers: [String], explicitIDs: Set<Int>, ownKind: String? = nil) -> [ContactCSVColumn] {
        let candidates = columns.indices.filter { columns[$0] == .id }
        let chosen: Int? = candidates.first(where: explicitIDs.contains) ?? rankedIDColumns(candidates, headers: headers, ownKind: ownKind).first
        var columns = columns
        for index in candidates where index != chosen { columns[index] = .attribute(headers[index]) }
        return columns
    }

    /// The columns that hold the row's id when the id column's cell is empty, best first, with
    /// the record kind each implies: the other own-record and external id columns (a Salesforce
    /// campaign members export has "Contact ID" and "Lead ID"; a lead's row has only the
    /// latter). Organisation ids are never used: every contact of an account shares one.
    /// - Parameters:
    ///   - columns: the mapped columns (`columns(for:overrides:)`).
    ///   - headers: the header fields.
    ///   - ownKind: the kind of record the rows are, to rank ties (`rankedIDColumns`).
    /// - Complexity: O(h log h) in the headers.
    static func fallbackIDColumns(_ columns: [ContactCSVColumn], headers: [String], ownKind: String?) -> [(column: Int, entity: ContactEntity?)] {
        let candidates = headers.indices.filter { index in
            guard case .attribute = columns[index], let rank = recordIDRank(folded: folded(headers[index])) else { return false }
            return rank != .organization
        }
        return rankedIDColumns(candidates, headers: headers, ownKind: ownKind).map { index in
            let kind = recordIDKind(folded: folded(headers[index]))
            return (index, kind.flatMap { ["contact", "lead"].contains($0) ? ContactEntity(rawValue: $0) : nil })
        }
    }
}
