extension CSVLoadProblem {
    /// A cell's text in double quotes for a problem's sentence: quotes and backslashes escaped,
    /// control characters written as escapes (`\n`, `\t`, `\u{1B}`), everything else as it is.
    /// Swift's `debugDescription` also escaped apostrophes (`"\'+44 7700 900456"`), which are
    /// ordinary text in a cell.
    ///
    /// At most `quotedCellLimit` characters are written: a longer text (or one whose whole
    /// `length` is longer than the text kept, `CSVLoadProblem.value`) ends in "…" inside the
    /// quotes, followed by its length: `"1234…" (1000000 characters)`.
    /// - Parameter length: the whole text's length in Unicode scalars, when `text` is only its
    ///   start; nil when `text` is the whole text.
    /// - Complexity: O(min(n, `quotedCellLimit`)) in the text, plus O(n) to count a long one.
    static func quoted(_ text: String, length: Int? = nil) -> String {
        let whole = length ?? (text.utf8.count > quotedCellLimit ? text.unicodeScalars.count : 0)
        let isCut = whole > quotedCellLimit || whole > text.unicodeScalars.count
        var out = "\""
        for scalar in text.unicodeScalars.prefix(quotedCellLimit) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.properties.generalCategory == .control {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return isCut ? out + "…\" (\(whole) characters)" : out + "\""
    }

    /// "line 4 was" or "lines 3–5 were", for a problem about the lines a quoted field held.
    static func lines(_ first: Int, _ last: Int) -> String {
        first == last ? "line \(first) was" : "lines \(first)–\(last) were"
    }
}
