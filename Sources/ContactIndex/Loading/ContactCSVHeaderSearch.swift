/// Finds the header row of a contact CSV that does not start with it.
///
/// Some exports put lines before the header: LinkedIn's Connections.csv starts with "Notes:", a
/// long quoted sentence and a blank line. Read as the header, such a line maps no column to a
/// contact field, every row then loads as attributes only, and no look-up finds anyone. So when
/// the first row maps no name, phone, email or id column, the search reads up to
/// `maximumPreambleRecords` more records and takes the first that does; the records before it
/// are a preamble, left out and reported as one problem (`CSVLoadProblem.Kind.preambleSkipped`).
/// When none does, the first row stays the header and the report says that it maps nothing
/// (`CSVLoadProblem.Kind.headerMapsNoContactField`).
enum ContactCSVHeaderSearch {
    /// How many records after the first one may hold the header: preambles are a few lines of
    /// notes, and a longer search would mostly meet data rows.
    static let maximumPreambleRecords = 20

    /// The header row, and the problems of the search.
    struct Outcome {
        /// The block holding the header record.
        var header: CSVBlock
        /// A `preambleSkipped` or a `headerMapsNoContactField` problem, or none.
        var problems: [CSVLoadProblem]
        /// The header's fields and their guessed columns, as the search read them: the layout
        /// takes them rather than decoding and mapping the header a second time.
        var mapped: MappedHeader?
    }

    /// A record read as a header: its fields, the problems of their bytes, and their columns
    /// (`ContactCSVHeaderMapping.columns(for:overrides:ownKind:)`).
    struct MappedHeader {
        var fields: [String]
        var problems: [CSVLoadProblem]
        var columns: [ContactCSVColumn]

        /// Whether a column holds the record id, a name, a phone or an email.
        var mapsContactField: Bool { columns.contains(where: \.identifiesContact) }
    }

    /// Takes the header from `input`: its first record, or the first of the next
    /// `maximumPreambleRecords` records that maps a contact field when the first maps none.
    /// Records read ahead and not used go back to the input.
    /// - Parameter first: the input's first record (`CSVBlockReader.headerBlock()`).
    /// - Complexity: O(n) in the bytes of the records read ahead.
    static func locate(first: CSVBlock, in input: inout CSVBlockReader, options: ContactCSVLoader.Options) -> Outcome {
        let firstMapped = mapped(first, options: options)
        if firstMapped?.mapsContactField == true { return Outcome(header: first, problems: [], mapped: firstMapped) }
        var skipped: [CSVBlock] = [first]
        while skipped.count <= maximumPreambleRecords, let next = input.headerBlock() {
            if let nextMapped = mapped(next, options: options), nextMapped.mapsContactField {
                let lines = skipped.map(recordLine)
                let text = firstMapped?.fields.joined(separator: ",") ?? ""
                let problem = CSVLoadProblem(
                    line: lines[0], column: nil, contactID: "", value: text,
                    kind: .preambleSkipped(lines: lines, headerLine: recordLine(next)))
                return Outcome(header: next, problems: [problem], mapped: nextMapped)
            }
            skipped.append(next)
        }
        input.putBack(Array(skipped.dropFirst()))
        let problem = CSVLoadProblem(line: recordLine(first), column: nil, contactID: "", value: "", kind: .headerMapsNoContactField)
        return Outcome(header: first, problems: [problem], mapped: firstMapped)
    }

    /// The first record of `block` read as a header and mapped, or nil when the block holds no
    /// record.
    /// - Complexity: O(n) in the record's bytes and O(h) in its fields.
    static func mapped(_ block: CSVBlock, options: ContactCSVLoader.Options) -> MappedHeader? {
        guard let header = ContactCSVRowLayout.headerFields(of: block, options: options) else { return nil }
        let columns = ContactCSVHeaderMapping.columns(for: header.fields, overrides: options.columns, ownKind: options.defaultEntity.rawValue)
        return MappedHeader(fields: header.fields, problems: header.problems, columns: columns)
    }

    /// The line where the first record of `block` starts: the block's first line, past the blank
    /// lines that `headerBlock()` keeps in front of a record.
    static func recordLine(_ block: CSVBlock) -> Int {
        var line = block.firstLine
        var index = 0
        let bytes = block.bytes
        while index < bytes.count, bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
            if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            index += 1
            line += 1
        }
        return line
    }
}
