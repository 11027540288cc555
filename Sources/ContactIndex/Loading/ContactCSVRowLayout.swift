/// The header of a contact CSV, read: what each column is, and the columns that pair up.
struct ContactCSVRowLayout: Sendable {
    /// The header fields as written.
    let headers: [String]
    /// What each column is (an unmapped column's attribute name made distinct: `attributeKeys`).
    let columns: [ContactCSVColumn]
    /// Each column's key when its cell is kept as an attribute, distinct across the columns
    /// (`attributeKeys(columns:headers:)`).
    let attributeKeys: [String]
    /// For each column, the column holding its label (Google's "Phone 1 - Type"), or -1.
    let labelColumn: [Int]
    /// For each phone column, the column holding its extension ("Phone Ext"), or -1.
    let extensionColumn: [Int]
    /// For each extension column (`ContactCSVColumn.phoneExtension`), the phone column it
    /// extends, or -1.
    let extendedPhoneColumn: [Int]
    /// For each region column, how much it speaks for the row's phones, best first
    /// (`ContactCSVHeaderWords.countryRank`); 0 for the other columns.
    let regionRank: [Int]
    /// The columns mapped to a single-value field (a name, the company, the country, a date)
    /// that an earlier column maps too: read only when the earlier ones are empty (for a
    /// country: name no known country), otherwise kept as attributes under their headers.
    let fallbackColumns: [Int]
    /// The columns that give the row's id when the id column's cell is empty, best first, and
    /// the record kind each implies ("Lead ID" beside "Contact ID": a lead's row has only the
    /// former; `ContactCSVHeaderMapping.fallbackIDColumns`).
    let idFallbacks: [(column: Int, entity: ContactEntity?)]
    /// Problems of the header row itself (invalid UTF-8).
    let headerProblems: [CSVLoadProblem]
    /// No column holds the id: the loader makes one per row (`ContactCSVSynthesizedID`).
    let synthesizesIDs: Bool

    /// Reads the header.
    /// - Parameter mapped: the header's fields and columns when the header search has read
    ///   them already (`ContactCSVHeaderSearch.Outcome.mapped`): they are not read again.
    init(headerBytes block: CSVBlock, options: ContactCSVLoader.Options, mapped: ContactCSVHeaderSearch.MappedHeader? = nil) throws(CSVLoadError) {
        guard let decoded = mapped ?? ContactCSVHeaderSearch.mapped(block, options: options) else { throw .missingHeader }
        let headers = decoded.fields
        let problems = decoded.problems
        guard !headers.allSatisfy({ $0.isEmpty }) else { throw .missingHeader }
        var columns = decoded.columns
        let hasID = columns.contains(.id)
        guard hasID || options.synthesizesMissingIDs else { throw .noIDColumn(headers: headers) }
        let foldedHeaders = headers.map(ContactCSVHeaderMapping.folded)
        var labelColumn = [Int](repeating: -1, count: headers.count)
        // The first column of each folded header, found once: a search through every header for
        // each label column made a header of many "Phone N - Type" columns quadratic.
        var firstOfHeader: [String: Int] = [:]
        for (index, key) in foldedHeaders.enumerated() where firstOfHeader[key] == nil { firstOfHeader[key] = index }
        for (index, column) in columns.enumerated() {
            guard case .label(let valueHeader) = column else { continue }
            if let valueIndex = firstOfHeader[ContactCSVHeaderMapping.folded(valueHeader)] { labelColumn[valueIndex] = index }
        }
        (extensionColumn, extendedPhoneColumn) = Self.pairExtensions(&columns, headers: headers)
        let attributeKeys = Self.attributeKeys(columns: columns, headers: headers)
        for index in columns.indices {
            if case .attribute = columns[index] { columns[index] = .attribute(attributeKeys[index]) }
        }
        self.attributeKeys = attributeKeys
        self.headers = headers
        self.columns = columns
        self.labelColumn = labelColumn
        regionRank = zip(headers, columns).map { header, column in
            column == .region ? ContactCSVHeaderWords.countryRank(ContactCSVHeaderWords.words(header)) : 0
        }
        var seen: Set<ContactCSVColumn> = []
        fallbackColumns = columns.indices.filter { index in
            switch columns[index] {
            case .firstName, .lastName, .displayName, .company, .region, .createdAt, .updatedAt: !seen.insert(columns[index]).inserted
            default: false
            }
        }
        idFallbacks = ContactCSVHeaderMapping.fallbackIDColumns(columns, headers: headers, ownKind: options.defaultEntity.rawValue)
        self.headerProblems = problems
        self.synthesizesIDs = !hasID
    }

    /// Finds the phone column of each extension column, and makes an extension column whose
    /// phone is missing (an explicit `.phoneExtension(ofHeader:)` naming no phone column) or
    /// already has an extension column an attribute under its header, so that its cells are
    /// kept, never dropped.
    /// - Returns: for each phone column its extension column, and for each extension column its
    ///   phone column (-1 for the others).
    /// - Complexity: O(h log h) in the headers.
    static func pairExtensions(_ columns: inout [ContactCSVColumn], headers: [String]) -> (extensionColumn: [Int], extendedPhoneColumn: [Int]) {
        var extensionColumn = [Int](repeating: -1, count: columns.count)
        var extendedPhoneColumn = [Int](repeating: -1, count: columns.count)
        // Only extension columns change below, never phone columns: the index stays right.
        let phones = ContactCSVHeaderMapping.PhoneColumns(columns, foldedHeaders: headers.map(ContactCSVHeaderMapping.folded))
        for index in columns.indices {
            guard case .phoneExtension(let phoneHeader) = columns[index] else { continue }
            let stem = ContactCSVHeaderMapping.folded(phoneHeader)
            if let phone = phones.nearest(folded: stem, to: index),
               extensionColumn[phone] < 0
            {
                extensionColumn[phone] = index
                extendedPhoneColumn[index] = phone
            } else {
                columns[index] = .attribute(String(Substring(headers[index]).trimmingWhitespace()))
            }
        }
        return (extensionColumn, extendedPhoneColumn)
    }

    /// The fields of the first record of `block`, decoded as header text, and the problems of
    /// their bytes; nil when the block holds no record. Shared by the layout and the search for
    /// the header row (`ContactCSVHeaderSearch`), so that both read a row the same way.
    /// - Complexity: O(n) in the record's bytes.
    static func headerFields(of block: CSVBlock, options: ContactCSVLoader.Options) -> (fields: [String], problems: [CSVLoadProblem])? {
        let tokenizer = CSVTokenizer(delimiter: options.delimiter)
        var problems: [CSVLoadProblem] = []
        let fields: [String]? = block.bytes.withUnsafeBufferPointer { bytes in
            var position = 0
            var line = block.firstLine
            var spans: [CSVFieldSpan] = []
            let startLine = line
            guard tokenizer.nextRecord(in: bytes, position: &position, line: &line, fields: &spans) != nil else { return nil }
            var scratch: [UInt8] = []
            return spans.enumerated().map { index, span in
                CSVTokenizer.withFieldBytes(span, in: bytes, scratch: &scratch) { field in
                    // A header cell's NULs are dropped and reported as a data cell's are.
                    let nul = CSVNULCharacters.firstOffset(in: field)
                    let kept = nul == nil ? [] : field.filter { $0 != 0 }
                    var invalid: Int? = nil
                    let text = nul == nil
                        ? CSVTextDecoder.decode(field, encoding: options.encoding, invalidOffset: &invalid)
                        : kept.withUnsafeBufferPointer { CSVTextDecoder.decode($0, encoding: options.encoding, invalidOffset: &invalid) }
                    if let nul {
                        problems.append(CSVLoadProblem(line: startLine, column: "column \(index + 1)", contactID: "", value: text, kind: .nulCharacter(byteOffset: nul)))
                    }
                    if let invalid {
                        problems.append(CSVLoadProblem(line: startLine, column: "column \(index + 1)", contactID: "", value: text, kind: .invalidUTF8(byteOffset: invalid)))
                    }
                    return text
                }
            }
        }
        return fields.map { ($0, problems) }
    }
}
