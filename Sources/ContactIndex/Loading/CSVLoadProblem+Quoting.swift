extension CSVLoadProblem {
    /// A cell's text in double quotes for a problem's sentence: quotes and backslashes escaped,
    /// control characters written as escapes (`\n`, `\t`, `\u{1B}`), everything else as it is.
    /// Swift's `debugDescription` also escaped apostrophes (`"\'+44 7700 900456"`), which are
    /// ordinary text in a cell.
    /// - Complexity: O(n) in the text.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
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
        return out + "\""
    }

    /// "line 4 was" or "lines 3–5 were", for a problem about the lines a quoted field held.
    static func lines(_ first: Int, _ last: Int) -> String {
        first == last ? "line \(first) was" : "lines \(first)–\(last) were"
    }
}
