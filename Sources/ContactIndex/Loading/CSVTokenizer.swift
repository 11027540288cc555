/// Where one field lies in a block of CSV bytes.
struct CSVFieldSpan: Sendable, Hashable {
    /// Offset of the field's first content byte (after an opening quote).
    var start: Int32
    /// Offset just past the field's last content byte (before a closing quote, or after the
    /// text that followed one).
    var end: Int32
    /// The span's bytes are not the field's text as they lie, so `CSVTokenizer.withFieldBytes`
    /// copies them: the field was quoted and holds doubled quotes to undouble, or text followed
    /// its closing quote, which is dropped.
    var needsUnquoting: Bool
    /// Text followed the field's closing quote (`"Big" Joe`, read as `Big Joe`), so the problem
    /// can name the field's column (`CSVRecordFlags.textAfterClosingQuote`).
    var hasTextAfterClosingQuote = false
    /// Spaces stood around the field's quotes (`, "Ann" ,`): dropped, and the field read as
    /// quoted (`CSVRecordFlags.spacesAroundQuotedField`).
    var hasSpacesAroundQuotes = false
    /// The field was quoted over several lines with text after its closing quote: read again
    /// unquoted, its opening quote as a character (`CSVRecordFlags.quoteReadAsText`).
    var quoteReadAsText = false
}

/// What the tokenizer noticed about one record besides its fields.
struct CSVRecordFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// A quoted field was still open at the end of the input; it ran to the end.
    static let unterminatedQuote = CSVRecordFlags(rawValue: 1)
    /// A quoted field had text after its closing quote (`"ab"c`); the text was kept after the
    /// field's content (`abc`).
    static let textAfterClosingQuote = CSVRecordFlags(rawValue: 2)
    /// Spaces stood before an opening quote or after a closing one (`1, "Ann", "Lee"`); dropped.
    static let spacesAroundQuotedField = CSVRecordFlags(rawValue: 4)
    /// A quoted field over several lines had text after its closing quote, the mark of a
    /// missing quote: the field was read again with its opening quote as a character, and the
    /// lines it held as records.
    static let quoteReadAsText = CSVRecordFlags(rawValue: 8)
    /// A quoted field holds a line break.
    static let quotedLineBreak = CSVRecordFlags(rawValue: 16)
    /// A UTF-8 byte-order mark started the record (two exports joined into one file: `cat a.csv
    /// b.csv`); skipped, so that a repeated header is still the header and an id is still the id.
    static let byteOrderMark = CSVRecordFlags(rawValue: 32)
}

/// An RFC 4180 tokenizer over bytes: splits a block of whole records into fields without
/// copying them.
///
/// Rules: fields are separated by the delimiter and records by LF, CRLF or a lone CR. A field that
/// starts with a quote, or with spaces and a quote, is quoted: it runs to the next lone quote, and
/// may hold delimiters, line breaks and doubled quotes (a quote); spaces around its quotes are
/// dropped. A quote anywhere else is an ordinary character. Text after a closing quote follows
/// the field's content (and is flagged), as Python's csv module and Excel read it. A quoted field
/// that holds a line break and has text after its closing quote is read again unquoted: see
/// `CSVRecordFlags.quoteReadAsText`. A UTF-8 byte-order mark at the start of a record is
/// skipped (`CSVRecordFlags.byteOrderMark`), and blank lines are skipped. The tokenizer never fails: every byte sequence is some
/// sequence of records. `CSVRecordSplitter` finds the same record ends.
///
/// Why a stray quote is undone only when its field holds a line break and text follows its
/// closing quote: a quote opened by mistake (`1,"Ann,Lee,…`) runs to the next quote in the file,
/// usually the opening quote of a later field, so text follows it; a real quoted field over
/// several lines (an address) ends at a delimiter or a line end. The record's field count would
/// be a weaker sign (exports leave trailing empty fields out, so a short row with an address
/// over two lines is common), and the splitter, which cuts the stream into blocks before any
/// field is read, must decide from the bytes alone, as the tokenizer does.
struct CSVTokenizer {
    let delimiter: UInt8
    /// Spaces around quotes are dropped unless the space is the delimiter.
    private let readsSpacesAroundQuotes: Bool

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
        readsSpacesAroundQuotes = delimiter != UInt8(ascii: " ")
    }

    /// Reads the record that starts at `position`, appending its fields to `fields` (cleared
    /// first). Advances `position` past the record's terminator and `line` by the line breaks
    /// passed. Returns nil at the end of the bytes; blank lines are skipped.
    /// - Complexity: O(n) in the record's bytes.
    func nextRecord(
        in bytes: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int, fields: inout [CSVFieldSpan]
    ) -> CSVRecordFlags? {
        let count = bytes.count
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
        // Skip blank lines.
        while position < count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
            position += 1
            line += 1
        }
        guard position < count else { return nil }
        fields.removeAll(keepingCapacity: true)
        var flags: CSVRecordFlags = []
        if bytes[position] == 0xEF, CSVTokenizer.isByteOrderMark(bytes, at: position) {
            position += 3
            flags.insert(.byteOrderMark)
        }
        var index = position
        while true {
            // One field starts at `index`; spaces before an opening quote are no part of it.
            var opening = index
            if index < count, bytes[index] == space, readsSpacesAroundQuotes { opening = Self.quoteAfterSpaces(in: bytes, from: index) ?? index }
            if opening < count, bytes[opening] == quote {
                let lineAtOpening = line
                var doubled = false
                var cursor = opening + 1
                let start = cursor
                var closed = false
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == quote {
                        if cursor + 1 < count, bytes[cursor + 1] == quote {
                            doubled = true
                            cursor += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == lf { line += 1 }
                    else if byte == cr, !(cursor + 1 < count && bytes[cursor + 1] == lf) { line += 1 }
                    cursor += 1
                }
                let spacesBefore = opening != index
                if !closed {
                    flags.insert(.unterminatedQuote)
                    if line != lineAtOpening { flags.insert(.quotedLineBreak) }
                    if spacesBefore { flags.insert(.spacesAroundQuotedField) }
                    fields.append(CSVFieldSpan(start: Int32(start), end: Int32(count), needsUnquoting: doubled, hasSpacesAroundQuotes: spacesBefore))
                    index = count
                } else {
                    let end = cursor  // the closing quote
                    cursor += 1
                    var afterSpaces = cursor
                    while readsSpacesAroundQuotes, afterSpaces < count, bytes[afterSpaces] == space { afterSpaces += 1 }
                    if afterSpaces < count, bytes[afterSpaces] != delimiter, bytes[afterSpaces] != lf, bytes[afterSpaces] != cr {
                        if line != lineAtOpening {
                            // A quote is probably missing: read the field again, unquoted.
                            line = lineAtOpening
                            flags.insert(.quoteReadAsText)
                            cursor = opening + 1
                            while cursor < count, bytes[cursor] != delimiter, bytes[cursor] != lf, bytes[cursor] != cr { cursor += 1 }
                            fields.append(CSVFieldSpan(start: Int32(index), end: Int32(cursor), needsUnquoting: false, quoteReadAsText: true))
                        } else {
                            // Text after the closing quote: kept after the content, up to the
                            // next delimiter or break.
                            flags.insert(.textAfterClosingQuote)
                            if spacesBefore { flags.insert(.spacesAroundQuotedField) }
                            cursor = afterSpaces
                            while cursor < count, bytes[cursor] != delimiter, bytes[cursor] != lf, bytes[cursor] != cr { cursor += 1 }
                            fields.append(CSVFieldSpan(
                                start: Int32(start), end: Int32(cursor), needsUnquoting: true, hasTextAfterClosingQuote: true, hasSpacesAroundQuotes: spacesBefore))
                        }
                        index = cursor
                    } else {
                        if line != lineAtOpening { flags.insert(.quotedLineBreak) }
                        let spaced = spacesBefore || afterSpaces != cursor
                        if spaced { flags.insert(.spacesAroundQuotedField) }
                        fields.append(CSVFieldSpan(start: Int32(start), end: Int32(end), needsUnquoting: doubled, hasSpacesAroundQuotes: spaced))
                        index = afterSpaces
                    }
                }
            } else {
                var cursor = index
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    cursor += 1
                }
                fields.append(CSVFieldSpan(start: Int32(index), end: Int32(cursor), needsUnquoting: false))
                index = cursor
            }
            // After a field: a delimiter, a record terminator, or the end.
            if index >= count {
                position = count
                return flags
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                if index >= count {  // a trailing delimiter: one more, empty field
                    fields.append(CSVFieldSpan(start: Int32(index), end: Int32(index), needsUnquoting: false))
                    position = count
                    return flags
                }
                continue
            }
            if byte == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
            position = index + 1
            line += 1
            return flags
        }
    }

    /// The offset of the quote that follows the spaces from `index`, or nil when something else
    /// (or nothing) follows them: a field of spaces and a quoted part is quoted.
    /// - Complexity: O(n) in the spaces.
    @inline(__always)
    static func quoteAfterSpaces(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        return cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\"") ? cursor : nil
    }

    /// Whether a UTF-8 byte-order mark (EF BB BF) starts at `index`.
    @inline(__always)
    static func isByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
    }

    /// The content bytes of a field: the span itself, or (when it `needsUnquoting`) a copy written
    /// to `scratch` with doubled quotes undoubled and a closing quote dropped (the text after it
    /// copied as it is).
    @inline(__always)
    static func withFieldBytes<R>(
        _ span: CSVFieldSpan, in bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        let slice = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)])
        guard span.needsUnquoting else { return body(slice) }
        scratch.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        var index = 0
        while index < slice.count {
            if slice[index] == quote {
                if index + 1 < slice.count, slice[index + 1] == quote {
                    scratch.append(quote)
                    index += 2
                    continue
                }
                // The closing quote: what follows it is text after the field, as written.
                scratch.append(contentsOf: slice[(index + 1)...])
                break
            }
            scratch.append(slice[index])
            index += 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }
}
