/// Finds where records end in a stream of CSV bytes without reading their fields, so that a
/// loader can cut the stream into blocks of whole records and parse the blocks on many threads.
///
/// It follows the same quoting rules as `CSVTokenizer` (a quote opens a quoted field only at the
/// start of a field, after any spaces, and after a byte-order mark that starts a record; inside one, a doubled quote is a quote; a line break ends a
/// record only outside quotes; a quoted field over several lines with text after its closing
/// quote is read again from its opening quote, unquoted), and counts line breaks (LF, CRLF or a lone CR) for line numbers. Every call
/// starts at a record start: the caller feeds the unfinished tail again with the next bytes.
///
/// The rules that plain RFC 4180 lacks are checked only at a quote inside an unquoted field and
/// after the closing quote of a field over several lines, which common rows never hold, so the
/// scan of a correct file does no more work.
struct CSVRecordSplitter {
    private enum State: UInt8 { case fieldStart, unquoted, quoted, quoteInQuoted }
    let delimiter: UInt8

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// A byte repeated in each of a word's eight bytes.
    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Flags (0x80) the zero bytes of a word; the lowest flag is always the first zero byte in
    /// memory order on a little-endian machine (a borrow only runs upward).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Scans `bytes` (which start at a record start) and returns the offset just past the
    /// last record terminator in them, or nil when no record ends in them; `lineBreaks` receives
    /// the number of line breaks before that offset. A CR as the last byte is left unscanned
    /// (its LF may follow), unless `isFinal`.
    /// - Complexity: O(n) in the bytes scanned.
    func lastRecordEnd(in bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool, lineBreaks: inout Int) -> Int? {
        var lastEnd: Int? = nil
        var breaksAtLastEnd = 0
        var breaks = 0
        var index = 0
        let count = bytes.count
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var state = State.fieldStart
        // The open quoted field's opening quote and the line breaks before it: a field over
        // several lines with text after its closing quote is read again from there, unquoted.
        var openingQuote = 0
        var breaksAtOpening = 0
        // The text that made a field be read again: no record ends before it is a cut, since
        // the tokenizer of a block that ended there would not see it and would read the field
        // as quoted (`CSVTokenizer`).
        var evidence = -1
        let raw = UnsafeRawBufferPointer(bytes)
        let quotes = Self.repeated(quote), lineFeeds = Self.repeated(lf), returns = Self.repeated(cr)
        let delimiters = Self.repeated(delimiter)
        scan: while index < count {
            // Skip eight bytes at a time to the next byte that can change the state: a quote or a
            // line break inside quotes; also a delimiter or a quote outside them.
            if state == .quoted {
                while index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let hits = Self.zeroBytes(word ^ quotes) | Self.zeroBytes(word ^ lineFeeds) | Self.zeroBytes(word ^ returns)
                    if hits == 0 { index += 8; continue }
                    index += hits.trailingZeroBitCount >> 3
                    break
                }
            } else if state != .quoteInQuoted {
                while index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let hits = Self.zeroBytes(word ^ quotes) | Self.zeroBytes(word ^ lineFeeds) | Self.zeroBytes(word ^ returns)
                        | Self.zeroBytes(word ^ delimiters)
                    let skipped = hits == 0 ? 8 : hits.trailingZeroBitCount >> 3
                    if skipped > 0 { state = .unquoted }  // ordinary bytes: inside an unquoted field
                    index += skipped
                    if hits != 0 { break }
                }
                if index >= count { break scan }
            }
            if index >= count { break scan }
            let byte = bytes[index]
            switch state {
            case .quoted:
                // Skip quickly through quoted text: only a quote changes state here.
                if byte == quote { state = .quoteInQuoted }
                else if byte == lf { breaks += 1 }
                else if byte == cr {
                    if index + 1 < count { if bytes[index + 1] != lf { breaks += 1 } }
                    else if isFinal { breaks += 1 }
                    else { break scan }
                }
                index += 1
                continue
            case .quoteInQuoted:
                if byte == quote { state = .quoted; index += 1; continue }
                if breaks != breaksAtOpening, byte != delimiter, byte != lf, byte != cr {
                    // After the closing quote of a field over several lines: spaces, then text
                    // mark a stray quote (`CSVTokenizer`).
                    var next = index
                    while next < count, bytes[next] == UInt8(ascii: " "), delimiter != UInt8(ascii: " ") { next += 1 }
                    if next == count, !isFinal { break scan }  // undecided until more bytes come
                    if next < count, bytes[next] != delimiter, bytes[next] != lf, bytes[next] != cr {
                        evidence = next
                        index = openingQuote + 1
                        breaks = breaksAtOpening
                        state = .unquoted
                        continue
                    }
                }
                state = .unquoted
                fallthrough
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    state = .fieldStart
                } else if byte == lf {
                    breaks += 1
                    state = .fieldStart
                    if index > evidence { lastEnd = index + 1; breaksAtLastEnd = breaks }
                } else if byte == cr {
                    if index + 1 < count {
                        if bytes[index + 1] == lf { index += 1 }
                    } else if !isFinal {
                        break scan
                    }
                    breaks += 1
                    state = .fieldStart
                    if index > evidence { lastEnd = index + 1; breaksAtLastEnd = breaks }
                } else if byte == quote, state == .fieldStart || opensQuotedField(bytes, at: index) {
                    state = .quoted
                    openingQuote = index
                    breaksAtOpening = breaks
                } else {
                    state = .unquoted
                }
            }
            index += 1
        }
        if isFinal, count > 0, lastEnd != count {
            lastEnd = count; breaksAtLastEnd = breaks
        }
        guard let end = lastEnd else { return nil }
        lineBreaks = breaksAtLastEnd
        return end
    }

    /// Whether the quote at `index`, met inside an unquoted field, opens a quoted field as
    /// `CSVTokenizer` reads it: only spaces stand between it and the field's start, which is
    /// the bytes' start (a record start), a delimiter, a line break, or a byte-order mark at a
    /// record's start.
    /// - Complexity: O(n) in the spaces before the quote.
    private func opensQuotedField(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index
        while start > 0, bytes[start - 1] == UInt8(ascii: " "), delimiter != UInt8(ascii: " ") { start -= 1 }
        guard start > 0 else { return true }
        let before = bytes[start - 1]
        if before == delimiter || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\r") { return true }
        guard start >= 3, CSVTokenizer.isByteOrderMark(bytes, at: start - 3) else { return false }
        return start == 3 || bytes[start - 4] == UInt8(ascii: "\n") || bytes[start - 4] == UInt8(ascii: "\r")
    }
}
