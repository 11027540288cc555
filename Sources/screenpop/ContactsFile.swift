import ContactIndex
import Foundation

/// Loads a contacts CSV into a directory. A stand-in kept in this one file until the shared
/// loader (`ContactCSVLoader`) lands on main; then only this file changes.
///
/// Columns by header name: `id`, `first_name`, `last_name`, `display_name`/`name`, every column
/// whose name contains `phone` or `mobile`, every column whose name contains `email`, `entity`,
/// `company`, `country`/`region`, `created_at`, `updated_at`.
struct ContactsFile {
    /// A problem of one row.
    struct RowProblem: CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    var directory: ContactDirectory
    var rows: Int
    var rowProblems: [RowProblem]

    static func load(path: String, region: String?) throws -> ContactsFile {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = parseCSV(text)
        guard let header = records.first else {
            return ContactsFile(directory: ContactDirectory([], configuration: .init(defaultRegion: region)), rows: 0, rowProblems: [])
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ candidates: String...) -> Int? { names.firstIndex(where: candidates.contains) }
        let id = column("id")
        let first = column("first_name", "firstname", "first name")
        let last = column("last_name", "lastname", "last name")
        let display = column("display_name", "name")
        let entity = column("entity", "type")
        let company = column("company", "account")
        let country = column("country", "region")
        let created = column("created_at", "createdat", "created")
        let updated = column("updated_at", "updatedat", "updated")
        let phoneColumns = names.indices.filter { names[$0].contains("phone") || names[$0].contains("mobile") }
        let emailColumns = names.indices.filter { names[$0].contains("email") }
        var contacts: [Contact] = []
        var problems: [RowProblem] = []
        for (offset, row) in records.dropFirst().enumerated() {
            if row.count == 1, row[0].isEmpty { continue }
            if row.count != header.count {
                problems.append(RowProblem(line: offset + 2, message: "\(row.count) fields where the header has \(header.count)"))
            }
            func value(_ index: Int?) -> String? {
                guard let index, index < row.count else { return nil }
                let text = row[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let date: (Int?) -> Date? = { index in
                value(index).flatMap { text in (try? Date(text, strategy: .iso8601)) ?? Double(text).map { Date(timeIntervalSince1970: $0) } }
            }
            contacts.append(Contact(
                id: value(id) ?? "",
                firstName: value(first), lastName: value(last), displayName: value(display),
                phones: phoneColumns.compactMap { index in value(index).map { ContactPhone($0, label: names[index]) } },
                emails: emailColumns.compactMap { index in value(index).map { ContactEmail($0, label: names[index]) } },
                entity: value(entity).map { ContactEntity(rawValue: $0) } ?? .contact,
                company: value(company), region: value(country),
                createdAt: date(created), updatedAt: date(updated)))
        }
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: region))
        return ContactsFile(directory: directory, rows: contacts.count, rowProblems: problems)
    }

    /// RFC 4180 records: quoted fields with doubled quotes and embedded line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// The load report, one line per problem, for stderr.
    func report(path: String) -> String {
        var lines = ["loaded \(directory.count) records from \(path) (\(rows) rows)"]
        for problem in rowProblems { lines.append("  \(problem)") }
        for problem in directory.problems { lines.append("  \(problem)") }
        return lines.joined(separator: "\n")
    }
}
