extension CSVTokenizer {
    /// The line breaks in `bytes` (LF, CRLF or a lone CR, counted as `nextRecord` counts them),
    /// without one that ends the bytes when `countsFinalBreak` is false: the lines that a
    /// quoted field's problem names (`CSVLoadProblem.Kind.unterminatedQuote`).
    /// - Complexity: O(n) in the bytes; only for records with a quoting problem.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, countsFinalBreak: Bool = true) -> Int {
        var breaks = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))) {
                if countsFinalBreak || index + 1 < bytes.count { breaks += 1 }
            }
            index += 1
        }
        return breaks
    }

    /// The line breaks inside the quoted field that the quote at `opening` opens, up to its
    /// closing quote (or the end of the bytes): how far a field that was read again with its
    /// quote as text (`CSVRecordFlags.quoteReadAsText`) had run.
    /// - Complexity: O(n) in the field's bytes.
    static func lineBreaksInQuotedField(in bytes: UnsafeBufferPointer<UInt8>, opening: Int) -> Int {
        var cursor = opening + 1
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "\"") {
                guard cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "\"") else { break }
                cursor += 2
            } else {
                cursor += 1
            }
        }
        return lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[(opening + 1)..<cursor]))
    }
}
