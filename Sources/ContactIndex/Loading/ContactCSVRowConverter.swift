#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// What one block of rows became: prepared contacts (in file order, with their lines) and the
/// problems found.
struct ContactCSVBlockResult: Sendable {
    var rows = PreparedRows()
    var lines: [Int32] = []
    var problems: [CSVLoadProblem] = []
    var rowsRead = 0
    var rowsRejected = 0
    var byteCount = 0
    var phonesNormalized = 0
    var phonesByFastPath = 0
    /// When ids are synthesized: the block, and each converted row's bytes in it, so that the
    /// assembler can remake a row whose id an earlier block took.
    var source: CSVBlock?
    var rowRanges: [Range<Int>] = []
}

/// Turns the rows of a block into prepared contacts: tokenizes, decodes, maps the cells to
/// contact fields straight into a `RecordDraft` (no `Contact` or `String` per field), and
/// prepares it (`ContactRowPreparer`: phones, emails, record, name keys). Safe to use from many
/// threads: each `convert` call has its own scratch state.
struct ContactCSVRowConverter: Sendable {
    let layout: ContactCSVRowLayout
    let options: ContactCSVLoader.Options
    /// Each column's header as UTF-8 bytes (default labels, the repeated-header check).
    private let headerBytes: [[UInt8]]
    /// Each column's attribute key as UTF-8 bytes (`ContactCSVRowLayout.attributeKeys`).
    private let attributeKeyBytes: [[UInt8]]
    /// Scratch states between `convert` calls, so that their memos (collation keys of names,
    /// regions, entities) last the whole load rather than one block.
    private let idle = ScratchPool()

    /// The most names a worker remembers the collation key of (see `NameIndexWriter`): about
    /// 10 MB a worker at most.
    static let nameKeyCacheLimit = 65_536

    init(layout: ContactCSVRowLayout, options: ContactCSVLoader.Options) {
        self.layout = layout
        self.options = options
        self.headerBytes = layout.headers.map { Array($0.utf8) }
        self.attributeKeyBytes = layout.attributeKeys.map { Array($0.utf8) }
    }

    /// Idle scratch states, shared by the copies of a converter.
    private final class ScratchPool: Sendable {
        let states = Mutex<[Scratch]>([])
    }

    /// The scratch state of one `convert` call.
    private struct Scratch: Sendable {
        var preparer: ContactRowPreparer
        /// The decoded cells of the current row, as ranges of `cellBytes`.
        var cellBytes: [UInt8] = []
        var cells: [Range<Int>] = []
        var spans: [CSVFieldSpan] = []
        var unescaped: [UInt8] = []
        var regions: [[UInt8]: CountryRegionResolver.Reading] = [:]
        var entities: [[UInt8]: ContactEntity] = [:]
        var phoneColumns: [Int] = []
        var emailColumns: [Int] = []
        /// The current row's filled country cells: (column, cell range in `cellBytes`).
        var regionCells: [(column: Int, cell: Range<Int>)] = []
    }

    /// Converts every record of a block.
    /// - Parameter lineIDsOnly: when ids are synthesized, give every row its line id (for a row
    ///   whose email or phone id an earlier row took).
    /// - Complexity: O(n) in the block's bytes, plus the preparation of each row.
    func convert(_ block: CSVBlock, lineIDsOnly: Bool = false) -> ContactCSVBlockResult {
        var result = ContactCSVBlockResult()
        result.byteCount = block.bytes.count
        if layout.synthesizesIDs { result.source = block }
        let tokenizer = CSVTokenizer(delimiter: options.delimiter)
        var scratch = idle.states.withLock { $0.popLast() }
            ?? Scratch(preparer: ContactRowPreparer(configuration: options.configuration, nameKeyCacheLimit: Self.nameKeyCacheLimit))
        defer { idle.states.withLock { [scratch] in $0.append(scratch) } }
        block.bytes.withUnsafeBufferPointer { bytes in
            var position = 0
            var line = block.firstLine
            while true {
                var rowLine = line
                // The tokenizer skips blank lines before the record: find where it starts.
                while position < bytes.count, bytes[position] == 10 || bytes[position] == 13 {
                    if bytes[position] == 13, position + 1 < bytes.count, bytes[position + 1] == 10 { position += 1 }
                    position += 1
                    rowLine += 1
                }
                line = rowLine
                let rowStart = position
                guard let flags = tokenizer.nextRecord(in: bytes, position: &position, line: &line, fields: &scratch.spans) else { break }
                if scratch.spans.allSatisfy({ $0.start == $0.end }) { continue }  // ",,,": an empty row
                result.rowsRead += 1
                var problems: [CSVLoadProblem] = []
                decodeCells(bytes, line: rowLine, scratch: &scratch, problems: &problems)
                if let kind = notARecord(scratch) {
                    let value = kind == .repeatedHeader ? "" : scratch.cellBytes.withUnsafeBufferPointer { String(utf8Bytes: UnsafeBufferPointer(rebasing: $0[scratch.cells[0]])) }
                    result.problems.append(CSVLoadProblem(line: rowLine, column: kind == .repeatedHeader ? nil : header(0), contactID: "", value: value, kind: kind))
                    result.rowsRejected += 1
                    continue
                }
                if !flags.isEmpty {
                    problems += quotingProblems(flags: flags, spans: scratch.spans, bytes: bytes, rowStart: rowStart, line: rowLine) { [scratch] index in
                        index < scratch.cells.count
                            ? scratch.cellBytes.withUnsafeBufferPointer { String(utf8Bytes: UnsafeBufferPointer(rebasing: $0[scratch.cells[index]])) } : ""
                    }
                }
                let expected = layout.columns.count
                let found = scratch.cells.count
                if found > expected {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .tooManyFields(expected: expected, found: found)))
                } else if found < expected {
                    problems.append(CSVLoadProblem(line: rowLine, column: nil, contactID: "", value: "", kind: .tooFewFields(expected: expected, found: found)))
                }
                let converted = result.lines.count
                convertRow(line: rowLine, lineIDsOnly: lineIDsOnly, scratch: &scratch, problems: &problems, into: &result)
                if layout.synthesizesIDs, result.lines.count > converted { result.rowRanges.append(rowStart..<position) }
            }
        }
        return result
    }

    /// Why the current row is no record, or nil when it may be one: a copy of the header row
    /// (Monday.com repeats it above every group), or a row with only its first cell filled,
    /// under a header of several columns, where that cell is no name, phone or email (a report's
    /// title or footer: Salesforce ends its reports with "Copyright (c) …", "Generated By: …"
    /// and the like). Each became a contact with the text as its id, and ranked first in search.
    /// A one-column file is never judged so.
    private func notARecord(_ scratch: Scratch) -> CSVLoadProblem.Kind? {
        let cells = scratch.cells
        if cells.count == headerBytes.count, !cells.isEmpty,
           scratch.cellBytes.withUnsafeBufferPointer({ all in
               zip(cells, headerBytes).allSatisfy { range, header in
                   header.withUnsafeBufferPointer { Self.trimmed($0).elementsEqual(Self.trimmed(UnsafeBufferPointer(rebasing: all[range]))) }
               }
           })
        {
            return .repeatedHeader
        }
        guard layout.columns.count > 1, let first = cells.first, !first.isEmpty, cells.dropFirst().allSatisfy({ $0.isEmpty }) else { return nil }
        switch layout.columns[0] {
        case .firstName, .lastName, .displayName, .phone, .email: return nil
        default: return .oneCellOnly
        }
    }

    /// Decodes the current record's fields into `scratch.cellBytes` as UTF-8 (checking UTF-8, or
    /// transcoding Windows-1252 and Latin-1), one range per cell. NUL characters are dropped
    /// and reported (`CSVLoadProblem.Kind.nulCharacter`).
    private func decodeCells(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, scratch: inout Scratch, problems: inout [CSVLoadProblem]) {
        scratch.cellBytes.removeAll(keepingCapacity: true)
        scratch.cells.removeAll(keepingCapacity: true)
        for (index, span) in scratch.spans.enumerated() {
            let start = scratch.cellBytes.count
            if span.start != span.end {
                CSVTokenizer.withFieldBytes(span, in: bytes, scratch: &scratch.unescaped) { field in
                    guard let offset = CSVNULCharacters.firstOffset(in: field) else {
                        decodeField(field, column: index, line: line, into: &scratch.cellBytes, problems: &problems)
                        return
                    }
                    let kept = field.filter { $0 != 0 }
                    problems.append(CSVLoadProblem(
                        line: line, column: header(index), contactID: "", value: String(utf8Bytes: kept), kind: .nulCharacter(byteOffset: offset)))
                    kept.withUnsafeBufferPointer { decodeField($0, column: index, line: line, into: &scratch.cellBytes, problems: &problems) }
                }
            }
            scratch.cells.append(start..<scratch.cellBytes.count)
        }
    }

    /// Appends one field's text as UTF-8 to `out`: checked UTF-8 (a problem and U+FFFD for bad
    /// bytes), or transcoded from Windows-1252 or Latin-1.
    private func decodeField(_ field: UnsafeBufferPointer<UInt8>, column index: Int, line: Int, into out: inout [UInt8], problems: inout [CSVLoadProblem]) {
        guard field.contains(where: { $0 >= 0x80 }) else {
            out.append(contentsOf: field)
            return
        }
        var invalid: Int? = nil
        var text = CSVTextDecoder.decode(field, encoding: options.encoding, invalidOffset: &invalid)
        if let invalid {
            problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", value: text, kind: .invalidUTF8(byteOffset: invalid)))
        }
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The header of column `index`, or "column N" for a field beyond the header's.
    func header(_ index: Int) -> String {
        index < layout.headers.count ? layout.headers[index] : "column \(index + 1)"
    }

    /// Fills the draft from the current row's cells and prepares it.
    private func convertRow(line: Int, lineIDsOnly: Bool, scratch: inout Scratch, problems: inout [CSVLoadProblem], into result: inout ContactCSVBlockResult) {
        scratch.preparer.draft.reset()
        scratch.preparer.draft.entity = options.defaultEntity
        scratch.phoneColumns.removeAll(keepingCapacity: true)
        scratch.emailColumns.removeAll(keepingCapacity: true)
        scratch.regionCells.removeAll(keepingCapacity: true)
        var entityFromColumn = false
        let cellBytes = scratch.cellBytes
        cellBytes.withUnsafeBufferPointer { all in
            func cell(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[range]) }
            for (index, range) in scratch.cells.enumerated() where !range.isEmpty {
                let column = index < layout.columns.count ? layout.columns[index] : .attribute("column \(index + 1)")
                let value: UnsafeBufferPointer<UInt8>
                switch column {
                case .attribute, .label, .ignored: value = cell(range)
                default:
                    // Every mapped field alike: `'bob@example.com`, `="00123"` (spreadsheet
                    // marks that force text) are read without their marks.
                    value = CSVExcelForcedText.unwrapped(cell(range))
                    if value.isEmpty { continue }
                }
                switch column {
                case .id: scratch.preparer.draft.id = scratch.preparer.draft.append(Self.trimmed(value))
                case .firstName: fillOnce(\.firstName, column: index, value: nameCell(value, column: index, line: line, problems: &problems), draft: &scratch.preparer.draft)
                case .lastName: fillOnce(\.lastName, column: index, value: nameCell(value, column: index, line: line, problems: &problems), draft: &scratch.preparer.draft)
                case .displayName: fillOnce(\.displayName, column: index, value: nameCell(value, column: index, line: line, problems: &problems), draft: &scratch.preparer.draft)
                case .company: fillOnce(\.company, column: index, value: nameCell(value, column: index, line: line, problems: &problems), draft: &scratch.preparer.draft)
                case .entity:
                    entityFromColumn = true
                    let key = Array(value)
                    if let known = scratch.entities[key] {
                        scratch.preparer.draft.entity = known
                    } else {
                        let entity = ContactEntity(rawValue: String(utf8Bytes: value))
                        scratch.entities[key] = entity
                        scratch.preparer.draft.entity = entity
                    }
                case .region:
                    scratch.regionCells.append((column: index, cell: range))
                case .phone(let label), .email(let label):
                    let isEmail: Bool
                    if case .email = column { isEmail = true } else { isEmail = false }
                    let labelRange: Range<Int>
                    // The header is only the default label: a label written in a phone's cell
                    // ("650 555 5555 (mobile)") is more precise.
                    var labelIsHeader = false
                    if let label {
                        labelRange = scratch.preparer.draft.append(label)
                    } else {
                        let labelIndex = layout.labelColumn[index]
                        if labelIndex >= 0, labelIndex < scratch.cells.count, !scratch.cells[labelIndex].isEmpty {
                            labelRange = scratch.preparer.draft.append(cell(scratch.cells[labelIndex]))
                        } else {
                            labelRange = headerBytes[index].withUnsafeBufferPointer { scratch.preparer.draft.append($0) }
                            labelIsHeader = true
                        }
                    }
                    // The digits of the phone's extension column ("Phone Ext"), written after
                    // the number as an extension typed in the cell would be.
                    var extensionDigits: [UInt8]? = nil
                    if !isEmail, layout.extensionColumn[index] >= 0,
                       case .add(let digits) = Self.extensionUse(phone: index, extensionColumn: layout.extensionColumn[index], all: all, cells: scratch.cells)
                    {
                        extensionDigits = digits
                    }
                    let limit = (isEmail ? CSVLoadProblem.TooLongField.email : .phone).limit
                    // The values too long to be a number or an address, reported after the loop:
                    // the closure reads no property of the converter, which would copy it (and
                    // retain its every array) for each cell (7% more CPU for a million rows).
                    var tooLong: [Range<Int>] = []
                    Self.forEachValue(in: value, emailStyle: isEmail) { part in
                        let partBytes = UnsafeBufferPointer(rebasing: value[part])
                        // No number or address is that long: left out, and said so.
                        if ContactCSVFieldLength.exceeds(partBytes, limit) {
                            tooLong.append(part)
                            return
                        }
                        if isEmail {
                            let raw = scratch.preparer.draft.append(partBytes)
                            scratch.preparer.draft.emails.append(RecordDraft.Email(label: labelRange, raw: raw))
                            scratch.emailColumns.append(index)
                        } else {
                            if let extensionDigits {
                                Self.withExtension(partBytes, digits: extensionDigits).withUnsafeBufferPointer {
                                    Self.appendPhone($0, label: labelRange, labelIsHeader: labelIsHeader, draft: &scratch.preparer.draft)
                                }
                            } else {
                                Self.appendPhone(partBytes, label: labelRange, labelIsHeader: labelIsHeader, draft: &scratch.preparer.draft)
                            }
                            scratch.phoneColumns.append(index)
                        }
                    }
                    for part in tooLong {
                        problems.append(CSVLoadProblem(
                            line: line, column: header(index), contactID: "", cell: UnsafeBufferPointer(rebasing: value[part]),
                            kind: .cellTooLong(isEmail ? .email : .phone)))
                    }
                case .phoneExtension:
                    // Added to its phone (above), unless `extensionUse` says why not: then kept
                    // as an attribute, and reported.
                    let phone = layout.extendedPhoneColumn[index]
                    if phone >= 0, case .keep(let reason) = Self.extensionUse(phone: phone, extensionColumn: index, all: all, cells: scratch.cells) {
                        problems.append(CSVLoadProblem(
                            line: line, column: header(index), contactID: "", value: String(utf8Bytes: value), kind: .phoneExtensionNotUsed(reason)))
                        addAttribute(key: index, value: value, draft: &scratch.preparer.draft)
                    } else if phone < 0 {
                        addAttribute(key: index, value: value, draft: &scratch.preparer.draft)
                    }
                case .createdAt, .updatedAt:
                    if let date = ISO8601Timestamp.parse(bytes: value) {
                        // A second column of the same date ("Created Date" and "Created Time"):
                        // the first filled one wins, the other is kept as an attribute.
                        let taken = column == .createdAt ? scratch.preparer.draft.createdAt != nil : scratch.preparer.draft.updatedAt != nil
                        if taken {
                            addAttribute(key: index, value: value, draft: &scratch.preparer.draft)
                        } else if column == .createdAt {
                            scratch.preparer.draft.createdAt = date.timeIntervalSinceReferenceDate
                        } else {
                            scratch.preparer.draft.updatedAt = date.timeIntervalSinceReferenceDate
                        }
                    } else {
                        problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", value: String(utf8Bytes: value), kind: .invalidDate))
                        addAttribute(key: index, value: value, draft: &scratch.preparer.draft)
                    }
                case .attribute(let key):
                    let keyRange = scratch.preparer.draft.append(key)
                    scratch.preparer.draft.attributes.append((keyRange, scratch.preparer.draft.append(value)))
                case .label, .ignored: break
                }
            }
            resolveRegion(line: line, scratch: &scratch, problems: &problems, all: all)
            if scratch.preparer.draft.id.isEmpty {
                // The id column's cell is empty: the next filled record-id column gives the id
                // (a lead's "Lead ID" beside an empty "Contact ID"), and the kind it names when
                // no entity column says otherwise.
                for fallback in layout.idFallbacks where fallback.column < scratch.cells.count {
                    let value = Self.trimmed(cell(scratch.cells[fallback.column]))
                    guard !value.isEmpty else { continue }
                    scratch.preparer.draft.id = scratch.preparer.draft.append(value)
                    if let entity = fallback.entity, !entityFromColumn { scratch.preparer.draft.entity = entity }
                    break
                }
            }
        }
        guard !scratch.preparer.draft.id.isEmpty || layout.synthesizesIDs else {
            problems.append(CSVLoadProblem(line: line, column: nil, contactID: "", value: "", kind: .missingID))
            result.rowsRejected += 1
            result.problems.append(contentsOf: problems)
            return
        }
        let (issues, fast) = scratch.preparer.normalize()
        if layout.synthesizesIDs {
            let id = (lineIDsOnly ? nil : ContactCSVSynthesizedID.stableID(of: scratch.preparer.draft)) ?? ContactCSVSynthesizedID.lineID(line)
            scratch.preparer.draft.id = scratch.preparer.draft.append(id)
        }
        result.phonesByFastPath += fast
        result.phonesNormalized += scratch.preparer.draft.phones.count
        if !issues.isEmpty || !problems.isEmpty {
            let draft = scratch.preparer.draft
            let id = draft.string(draft.id)
            for issue in issues {
                switch issue {
                case .phone(let index, let kind):
                    let csvKind: CSVLoadProblem.Kind
                    switch kind {
                    case .unparseablePhone(let failure): csvKind = .unparseablePhone(failure)
                    default: csvKind = .invalidPhone
                    }
                    problems.append(
                        CSVLoadProblem(line: line, column: header(scratch.phoneColumns[index]), contactID: id, value: draft.string(draft.phones[index].raw), kind: csvKind))
                case .email(let index, let error):
                    problems.append(
                        CSVLoadProblem(line: line, column: header(scratch.emailColumns[index]), contactID: id, value: draft.string(draft.emails[index].raw), kind: .invalidEmail(error)))
                }
            }
            for index in problems.indices { problems[index].contactID = id }
            result.problems.append(contentsOf: problems)
        }
        // Valid addresses before invalid ones, each group in file order: a reply shows a
        // contact's first address (an Outlook export of an Exchange contact has an X.500 path
        // in "E-mail Address" and the real address in "E-mail 2 Address"). After the problems,
        // which name the addresses by their index in the file.
        if let firstInvalid = scratch.preparer.draft.emails.firstIndex(where: { $0.address == nil }),
           scratch.preparer.draft.emails[firstInvalid...].contains(where: { $0.address != nil }) {
            let emails = scratch.preparer.draft.emails
            scratch.preparer.draft.emails = emails.filter { $0.address != nil } + emails.filter { $0.address == nil }
        }
        scratch.preparer.emit(into: &result.rows)
        result.lines.append(Int32(clamping: line))
    }

    /// Adds one phone value of a cell to the draft, with its label: a label written in brackets
    /// after the number ("650 555 5555 (mobile)") wins over the header's (`labelIsHeader`).
    private static func appendPhone(_ bytes: UnsafeBufferPointer<UInt8>, label: Range<Int>, labelIsHeader: Bool, draft: inout RecordDraft) {
        let raw = draft.append(bytes)
        var phoneLabel = label
        if labelIsHeader, let (_, written) = PhoneTrailingLabel.split(bytes) {
            phoneLabel = draft.append(UnsafeBufferPointer(rebasing: bytes[written]))
        }
        draft.phones.append(RecordDraft.Phone(label: phoneLabel, raw: raw))
    }

    /// A name or company cell, cut at `CSVLoadProblem.TooLongField.name`'s limit (with a
    /// problem) when longer: a 50 MB name was kept whole, indexed and sent in replies. The cell
    /// goes on to `fillOnce` at its call site: passed on through a function of its own, the
    /// field's key path was projected at run time in every row (about 9% more CPU for a
    /// million-row load).
    /// - Complexity: one comparison for a cell of at most the limit's bytes.
    @inline(__always)
    private func nameCell(_ value: UnsafeBufferPointer<UInt8>, column index: Int, line: Int, problems: inout [CSVLoadProblem]) -> UnsafeBufferPointer<UInt8> {
        let limit = CSVLoadProblem.TooLongField.name.limit
        guard ContactCSVFieldLength.exceeds(value, limit) else { return value }
        problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", cell: value, kind: .cellTooLong(.name)))
        return ContactCSVFieldLength.prefix(value, scalars: limit)
    }

    /// Sets a single-value field (a name, the company) from the first filled column that maps to
    /// it; the value of a later one ("FirstName" after "First Name", "Account Name" after
    /// "Company") is kept as an attribute under its header. Before, the last column won and the
    /// other value vanished without a word.
    private func fillOnce(_ field: WritableKeyPath<RecordDraft, Range<Int>?>, column index: Int, value: UnsafeBufferPointer<UInt8>, draft: inout RecordDraft) {
        if draft[keyPath: field] == nil {
            draft[keyPath: field] = draft.append(value)
        } else {
            addAttribute(key: index, value: value, draft: &draft)
        }
    }

    /// Sets the row's region from its country cells: the best-ranked one ("Mailing Country"
    /// before "Other Country", then file order) that names a known country, so that "Narnia"
    /// in the first column and "Germany" in the second give Germany. The other cells are kept as
    /// attributes under their headers. When none names a known country, the default region is
    /// used, and the best-ranked cell that is no placeholder ("N/A": no country) is reported
    /// (`unknownRegion`).
    /// - Complexity: one `CountryRegionResolver` look-up per distinct cell text (memoized).
    private func resolveRegion(line: Int, scratch: inout Scratch, problems: inout [CSVLoadProblem], all: UnsafeBufferPointer<UInt8>) {
        guard !scratch.regionCells.isEmpty else { return }
        // One country column (most exports): nothing to rank. Else the ranks are read through a
        // local: a closure that reads `layout` copies the whole converter, every row (7% of a
        // 1M-row load's samples in retains and releases).
        var candidates = scratch.regionCells
        if candidates.count > 1 {
            let ranks = layout.regionRank
            candidates.sort { lhs, rhs in
                let left = ranks[lhs.column], right = ranks[rhs.column]
                return left < right || (left == right && lhs.column < rhs.column)
            }
        }
        // A Google Contacts cell may hold several countries (" ::: "): the first one.
        func firstCountry(of range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            let cell = UnsafeBufferPointer(rebasing: all[range])
            var firstValue: Range<Int>? = nil
            Self.forEachValue(in: cell, emailStyle: false) { part in
                if firstValue == nil { firstValue = part }
            }
            return UnsafeBufferPointer(rebasing: cell[firstValue ?? 0..<cell.count])
        }
        var chosen: Int? = nil
        var firstUnknown: Int? = nil
        cells: for (position, candidate) in candidates.enumerated() {
            let key = Array(firstCountry(of: candidate.cell))
            let reading: CountryRegionResolver.Reading
            if let cached = scratch.regions[key] { reading = cached } else {
                reading = CountryRegionResolver.shared.reading(for: String(utf8Bytes: key))
                scratch.regions[key] = reading
            }
            switch reading {
            case .region(let region):
                scratch.preparer.draft.region = scratch.preparer.draft.append(region)
                chosen = position
                break cells
            case .unknown: if firstUnknown == nil { firstUnknown = position }
            case .noCountry: break
            }
        }
        if chosen == nil, let firstUnknown {
            let best = candidates[firstUnknown]
            let text = String(utf8Bytes: firstCountry(of: best.cell))
            problems.append(CSVLoadProblem(line: line, column: header(best.column), contactID: "", value: text, kind: .unknownRegion))
        }
        for (position, candidate) in candidates.enumerated() where position != chosen && candidates.count > 1 {
            addAttribute(key: candidate.column, value: UnsafeBufferPointer(rebasing: all[candidate.cell]), draft: &scratch.preparer.draft)
        }
    }

    /// Adds the cell of column `key` as an attribute named by its distinct key (its header, unless
    /// another column has the same one).
    private func addAttribute(key index: Int, value: UnsafeBufferPointer<UInt8>, draft: inout RecordDraft) {
        let keyRange: Range<Int>
        if index < attributeKeyBytes.count {
            keyRange = attributeKeyBytes[index].withUnsafeBufferPointer { draft.append($0) }
        } else {
            keyRange = draft.append("column \(index + 1)")
        }
        draft.attributes.append((keyRange, draft.append(value)))
    }

    /// The bytes without leading and trailing whitespace (ASCII and no-break space).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var low = 0
        var high = bytes.count
        while low < high, isTrimmable(bytes, at: low, forward: true) { low += bytes[low] == 0xC2 ? 2 : 1 }
        while high > low, isTrimmable(bytes, at: high, forward: false) { high -= bytes[high - 1] == 0xA0 && high - 2 >= low && bytes[high - 2] == 0xC2 ? 2 : 1 }
        return UnsafeBufferPointer(rebasing: bytes[low..<high])
    }

    /// The values of a multi-value cell: split at " ::: " (Google Contacts), and for emails also
    /// at ";" and "," (HubSpot's additional addresses; "," only when the cell has no quote, which
    /// a `"Name, Title" <addr>` form needs); parts trimmed, empty parts dropped.
    /// - Complexity: O(n) on the UTF-8 bytes.
    static func splitMultiValue(_ cell: String, emailStyle: Bool) -> [String] {
        var native = cell
        return native.withUTF8 { bytes in
            var parts: [String] = []
            forEachValue(in: bytes, emailStyle: emailStyle) { parts.append(String(utf8Bytes: UnsafeBufferPointer(rebasing: bytes[$0]))) }
            return parts
        }
    }

    /// Calls `body` with the range of each value of a multi-value cell (see `splitMultiValue`).
    static func forEachValue(in bytes: UnsafeBufferPointer<UInt8>, emailStyle: Bool, _ body: (Range<Int>) -> Void) {
        let count = bytes.count
        let splitsAtComma = emailStyle && !bytes.contains(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            var low = start
            var high = end
            while low < high, isTrimmable(bytes, at: low, forward: true) { low += bytes[low] == 0xC2 ? 2 : 1 }
            while high > low, isTrimmable(bytes, at: high, forward: false) { high -= bytes[high - 1] == 0xA0 && high - 2 >= low && bytes[high - 2] == 0xC2 ? 2 : 1 }
            if low < high { body(low..<high) }
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
