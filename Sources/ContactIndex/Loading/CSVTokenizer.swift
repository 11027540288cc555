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
}

/// What the tokenizer noticed about one record besides its fields.
struct CSVRecordFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// A quoted field was still open at the end of the input; it ran to the end.
    static let unterminatedQuote = CSVRecordFlags(rawValue: 1)
    /// A quoted field had text after its closing quote (`"ab"c`); the text was kept after the
    /// field's content (`abc`).
    static let textAfterClosingQuote = CSVRecordFlags(rawValue: 2)
}

/// An RFC 4180 tokenizer over bytes: splits a block of whole records into fields without
/// copying them.
///
/// Rules: fields are separated by the delimiter and records by LF, CRLF or a lone CR. A field that
/// starts with a quote is quoted: it runs to the next lone quote, and may hold delimiters, line
/// breaks and doubled quotes (a quote). A quote anywhere else is an ordinary character. Text after
/// a closing quote follows the field's content (and is flagged), as Python's csv module and
/// Excel read it. Blank lines are skipped. The
/// tokenizer never fails: every byte sequence is some sequence of records.
struct CSVTokenizer {
    let delimiter: UInt8

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Reads the record that starts at `position`, appending its fields to `fields` (cleared
    /// first). Advances `position` past the record's terminator and `line` by the line breaks
    /// passed. Returns nil at the end of the bytes; blank lines are skipped.
    /// - Complexity: O(n) in the record's bytes.
    func nextRecord(
        in bytes: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int, fields: inout [CSVFieldSpan]
    ) -> CSVRecordFlags? {
        let count = bytes.count
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        // Skip blank lines.
        while position < count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
            position += 1
            line += 1
        }
        guard position < count else { return nil }
        fields.removeAll(keepingCapacity: true)
        var flags: CSVRecordFlags = []
        var index = position
        while true {
            // One field starts at `index`.
            if index < count, bytes[index] == quote {
                var doubled = false
                var cursor = index + 1
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
                if !closed {
                    flags.insert(.unterminatedQuote)
                    fields.append(CSVFieldSpan(start: Int32(start), end: Int32(count), needsUnquoting: doubled))
                    index = count
                } else {
                    var end = cursor  // the closing quote
                    cursor += 1
                    if cursor < count, bytes[cursor] != delimiter, bytes[cursor] != lf, bytes[cursor] != cr {
                        // Text after the closing quote: kept after the content, up to the next
                        // delimiter or break.
                        flags.insert(.textAfterClosingQuote)
                        while cursor < count, bytes[cursor] != delimiter, bytes[cursor] != lf, bytes[cursor] != cr { cursor += 1 }
                        end = cursor
                        fields.append(CSVFieldSpan(start: Int32(start), end: Int32(end), needsUnquoting: true, hasTextAfterClosingQuote: true))
                    } else {
                        fields.append(CSVFieldSpan(start: Int32(start), end: Int32(end), needsUnquoting: doubled))
                    }
                    index = cursor
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
