/// Finds where records end in a stream of CSV bytes without reading their fields, so that a
/// loader can cut the stream into blocks of whole records and parse the blocks on many threads.
///
/// It follows the same quoting rules as `CSVTokenizer` (a quote opens a quoted field only at the
/// start of a field; inside one, a doubled quote is a quote; a line break ends a record only
/// outside quotes), and counts line breaks (LF, CRLF or a lone CR) for line numbers. Every call
/// starts at a record start: the caller feeds the unfinished tail again with the next bytes.
struct CSVRecordSplitter {
    private enum State: UInt8 { case fieldStart, unquoted, quoted, quoteInQuoted }
    let delimiter: UInt8

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
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
        scan: while index < count {
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
                state = .unquoted
                fallthrough
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    state = .fieldStart
                } else if byte == lf {
                    breaks += 1
                    state = .fieldStart
                    lastEnd = index + 1; breaksAtLastEnd = breaks
                } else if byte == cr {
                    if index + 1 < count {
                        if bytes[index + 1] == lf { index += 1 }
                    } else if !isFinal {
                        break scan
                    }
                    breaks += 1
                    state = .fieldStart
                    lastEnd = index + 1; breaksAtLastEnd = breaks
                } else if byte == quote, state == .fieldStart {
                    state = .quoted
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
}
