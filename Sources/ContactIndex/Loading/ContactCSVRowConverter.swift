/// What one block of rows became: prepared contacts (in file order, with their lines) and the
/// problems found.
struct ContactCSVBlockResult: Sendable {
    var prepared: [PreparedContact] = []
    var lines: [Int32] = []
    var problems: [CSVLoadProblem] = []
    var rowsRead = 0
    var rowsRejected = 0
    var byteCount = 0
    var phonesNormalized = 0
    var phonesByFastPath = 0
}

/// Turns the rows of a block into prepared contacts: tokenizes, decodes, maps the cells to
/// contact fields, and normalizes the contact (`ContactPreparer`). Safe to use from many threads.
struct ContactCSVRowConverter: Sendable {
    let layout: ContactCSVRowLayout
    let options: ContactCSVLoader.Options
    let preparer: ContactPreparer

    init(layout: ContactCSVRowLayout, options: ContactCSVLoader.Options) {
        self.layout = layout
        self.options = options
        self.preparer = ContactPreparer(configuration: options.configuration)
    }

    /// Converts every record of a block.
    /// - Complexity: O(n) in the block's bytes, plus one `ContactPreparer.prepare` per row.
    func convert(_ block: CSVBlock) -> ContactCSVBlockResult {
        var result = ContactCSVBlockResult()
        result.byteCount = block.bytes.count
        let tokenizer = CSVTokenizer(delimiter: options.delimiter)
        var regionCache: [String: String?] = [:]
        block.bytes.withUnsafeBufferPointer { bytes in
            var position = 0
            var line = block.firstLine
            var spans: [CSVFieldSpan] = []
            var scratch: [UInt8] = []
            var cells: [String] = []
            while true {
                var rowLine = line
                // The tokenizer skips blank lines before the record: find where it starts.
                while position < bytes.count, bytes[position] == 10 || bytes[position] == 13 {
                    if bytes[position] == 13, position + 1 < bytes.count, bytes[position + 1] == 10 { position += 1 }
                    position += 1
                    rowLine += 1
                }
                line = rowLine
                guard let flags = tokenizer.nextRecord(in: bytes, position: &position, line: &line, fields: &spans) else { break }
                if spans.allSatisfy({ $0.start == $0.end }) { continue }  // ",,,": an empty row
                result.rowsRead += 1
                var problems: [CSVLoadProblem] = []
                cells.removeAll(keepingCapacity: true)
                for (index, span) in spans.enumerated() {
                    if span.start == span.end { cells.append(""); continue }
                    let text = CSVTokenizer.withFieldBytes(span, in: bytes, scratch: &scratch) { field -> String in
                        var invalid: Int? = nil
                        let text = CSVTextDecoder.decode(field, encoding: options.encoding, invalidOffset: &invalid)
                        if let invalid {
                            problems.append(CSVLoadProblem(line: rowLine, column: header(index), contactID: "", value: text, kind: .invalidUTF8(byteOffset: invalid)))
                        }
                        return text
                    }
                    cells.append(text)
                }
                if flags.contains(.unterminatedQuote) {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .unterminatedQuote))
                }
                if flags.contains(.textAfterClosingQuote) {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .textAfterClosingQuote))
                }
                let expected = layout.columns.count
                if cells.count > expected {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .tooManyFields(expected: expected, found: cells.count)))
                } else if cells.count < expected {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .tooFewFields(expected: expected, found: cells.count)))
                }
                convertRow(cells, line: rowLine, problems: &problems, regionCache: &regionCache, into: &result)
            }
        }
        return result
    }

    private func header(_ index: Int) -> String {
        index < layout.headers.count ? layout.headers[index] : "column \(index + 1)"
    }

    /// Builds and prepares the contact of one row.
    private func convertRow(
        _ cells: [String], line: Int, problems: inout [CSVLoadProblem], regionCache: inout [String: String?],
        into result: inout ContactCSVBlockResult
    ) {
        var contact = Contact(id: "", entity: options.defaultEntity)
        var phoneColumns: [Int] = []
        var emailColumns: [Int] = []
        var regionText: String? = nil
        var regionColumn = -1
        for (index, cell) in cells.enumerated() {
            guard !cell.isEmpty else { continue }
            let column = index < layout.columns.count ? layout.columns[index] : .attribute("column \(index + 1)")
            switch column {
            case .id: contact.id = String(Substring(cell).trimmingWhitespace())
            case .firstName: contact.firstName = cell
            case .lastName: contact.lastName = cell
            case .displayName: contact.displayName = cell
            case .company: contact.company = cell
            case .entity: contact.entity = ContactEntity(rawValue: cell)
            case .region:
                if regionText == nil { regionText = cell; regionColumn = index }
            case .phone(let label):
                let label = label ?? self.label(of: index, in: cells)
                for value in Self.splitMultiValue(cell, emailStyle: false) {
                    contact.phones.append(ContactPhone(value, label: label))
                    phoneColumns.append(index)
                }
            case .email(let label):
                let label = label ?? self.label(of: index, in: cells)
                for value in Self.splitMultiValue(cell, emailStyle: true) {
                    contact.emails.append(ContactEmail(value, label: label))
                    emailColumns.append(index)
                }
            case .createdAt, .updatedAt:
                if let date = ISO8601Timestamp.parse(cell) {
                    if column == .createdAt { contact.createdAt = date } else { contact.updatedAt = date }
                } else {
                    problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", value: cell, kind: .invalidDate))
                    contact.attributes[header(index)] = cell
                }
            case .attribute(let key): contact.attributes[key] = cell
            case .label, .ignored: break
            }
        }
        if let regionText {
            let region: String?
            if let cached = regionCache[regionText] { region = cached } else {
                region = CountryRegionResolver.shared.region(for: regionText)
                regionCache[regionText] = region
            }
            if let region { contact.region = region } else {
                problems.append(CSVLoadProblem(line: line, column: header(regionColumn), contactID: "", value: regionText, kind: .unknownRegion))
            }
        }
        if contact.id.isEmpty {
            problems.append(CSVLoadProblem(line: line, column: nil, contactID: "", value: "", kind: .missingID))
            result.rowsRejected += 1
            result.problems.append(contentsOf: problems)
            return
        }
        let prepared = preparer.prepare(contact)
        result.phonesByFastPath += prepared.phonesByFastPath
        for (position, phone) in prepared.contact.phones.enumerated() {
            result.phonesNormalized += 1
            if let failure = phone.problem {
                problems.append(CSVLoadProblem(line: line, column: header(phoneColumns[position]), contactID: contact.id, value: phone.raw, kind: .unparseablePhone(failure)))
            } else if phone.normalized?.details?.isValid == false {
                problems.append(CSVLoadProblem(line: line, column: header(phoneColumns[position]), contactID: contact.id, value: phone.raw, kind: .invalidPhone))
            }
        }
        for (position, email) in prepared.contact.emails.enumerated() {
            if let error = email.problem {
                problems.append(CSVLoadProblem(line: line, column: header(emailColumns[position]), contactID: contact.id, value: email.raw, kind: .invalidEmail(error)))
            }
        }
        for index in problems.indices { problems[index].contactID = contact.id }
        result.problems.append(contentsOf: problems)
        result.prepared.append(prepared)
        result.lines.append(Int32(clamping: line))
    }

    /// The label of a phone or email cell: its paired label cell, else its header.
    private func label(of index: Int, in cells: [String]) -> String {
        let labelIndex = layout.labelColumn[index]
        if labelIndex >= 0, labelIndex < cells.count, !cells[labelIndex].isEmpty { return cells[labelIndex] }
        return layout.headers[index]
    }

    /// The values of a multi-value cell: split at " ::: " (Google Contacts), and for emails also
    /// at ";" (HubSpot's additional addresses); empty parts dropped.
    static func splitMultiValue(_ cell: String, emailStyle: Bool) -> [String] {
        var parts: [Substring] = [Substring(cell)]
        if cell.utf8.count > 5, cell.contains(" ::: ") {
            parts = cell.split(separator: " ::: ", omittingEmptySubsequences: true)
        }
        if emailStyle, cell.contains(";") {
            parts = parts.flatMap { $0.split(separator: ";") }
        }
        if emailStyle, cell.contains(","), !cell.contains("\"") {
            parts = parts.flatMap { $0.split(separator: ",") }
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map(String.init)
    }
}
