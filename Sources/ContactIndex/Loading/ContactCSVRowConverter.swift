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
    /// at ";" and "," (HubSpot's additional addresses; "," only when the cell has no quote, which
    /// a `"Name, Title" <addr>` form needs); parts trimmed, empty parts dropped.
    /// - Complexity: O(n) on the UTF-8 bytes; a cell with one clean value is returned as is.
    static func splitMultiValue(_ cell: String, emailStyle: Bool) -> [String] {
        var native = cell
        native.makeContiguousUTF8()
        return native.utf8.withContiguousStorageIfAvailable { splitMultiValue(bytes: $0, cell: native, emailStyle: emailStyle) } ?? []
    }

    private static func splitMultiValue(bytes: UnsafeBufferPointer<UInt8>, cell: String, emailStyle: Bool) -> [String] {
        let count = bytes.count
        let splitsAtComma = emailStyle && !bytes.contains(UInt8(ascii: "\""))
        var parts: [String] = []
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            var low = start
            var high = end
            while low < high, isTrimmable(bytes, at: low, forward: true) { low += bytes[low] == 0xC2 ? 2 : 1 }
            while high > low, isTrimmable(bytes, at: high, forward: false) { high -= bytes[high - 1] == 0xA0 && high - 2 >= low && bytes[high - 2] == 0xC2 ? 2 : 1 }
            guard low < high else { return }
            if low == 0, high == count { parts.append(cell) } else {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " "), index + 5 <= count, bytes[index + 1] == UInt8(ascii: ":"), bytes[index + 2] == UInt8(ascii: ":"),
               bytes[index + 3] == UInt8(ascii: ":"), bytes[index + 4] == UInt8(ascii: " ") {
                flush(index)
                index += 5
                start = index
            } else if emailStyle, byte == UInt8(ascii: ";") || (splitsAtComma && byte == UInt8(ascii: ",")) {
                flush(index)
                index += 1
                start = index
            } else {
                index += 1
            }
        }
        flush(count)
        return parts
    }

    /// Whether the byte at `index` (forward) or before `index` (backward) starts or ends
    /// whitespace: ASCII space, tab, line breaks, or a no-break space (C2 A0).
    @inline(__always)
    private static func isTrimmable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, forward: Bool) -> Bool {
        if forward {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
            return byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
        }
        let byte = bytes[index - 1]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
        return byte == 0xA0 && index >= 2 && bytes[index - 2] == 0xC2
    }
}
