/// Turns the HTML of agent notes into plain text that is safe to store and show: tags removed,
/// the content of `script`, `style` and comments dropped, blocks and `<br>` turned into line
/// breaks (blank lines dropped), character references decoded, control characters turned into
/// spaces, runs of spaces collapsed.
///
/// Markup is recognized as HTML reads it, and text is never lost to a stray character:
/// - `<` opens a tag only when a letter follows (`<b`, `</b`), or `!` / `?` (comments and
///   declarations). Any other `<` is text: "5 < 6 units" stays "5 < 6 units".
/// - A tag ends at the first `>` outside a quoted attribute value: `<a title="a>b">x</a>` is "x".
/// - A tag that never ends (no `>` before the end of the note) is kept as text, so "x <b" stays
///   "x <b". Comments and declarations that never end are dropped to the end, as browsers do.
/// - `script` and `style` content is dropped up to the matching end tag (to the end of the
///   note when there is none).
///
/// The result holds no markup; a decoded `&lt;` is a literal "<" character, which a host must
/// still escape when it writes the text into HTML, as with any text.
public enum HTMLText {
    /// The plain text of an HTML fragment.
    /// - Complexity: O(n) in the length of the text: where a tag's name ends, where the next
    ///   quote and `>` are, and where a tag scanned from a position closes are each found once
    ///   (`Scan`), so that a note of many tags that never close ("<a<a<a…") is not read again
    ///   from every `<` (it was: 100 s for 16,000 of them).
    public static func plainText(_ html: String) -> String {
        var scan = Scan(Array(html.unicodeScalars))
        let scalars = scan.s
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let (markup, next) = markup(&scan, at: index) {
                index = next
                switch markup {
                case .ignored:
                    break
                case .start(let name) where name == "script" || name == "style":
                    index = endOfRawText(&scan, from: index, name: name)
                case .start(let name), .end(let name):
                    if lineBreaking.contains(name) {
                        output.append("\n")
                    } else if cellSeparating.contains(name) {
                        output.append(" ")
                    }
                }
                continue
            }
            if scalar == "&", let (decoded, length) = entity(scalars, at: index) {
                output.append(decoded)
                index += length
                continue
            }
            output.append(scalar)
            index += 1
        }
        return tidy(Array(String(output)))
    }

    /// What a piece of markup is.
    private enum Markup {
        /// A comment, a declaration, or an end tag without a name (`</>`).
        case ignored
        /// A start tag, with its lower-cased name.
        case start(String)
        /// An end tag, with its lower-cased name.
        case end(String)
    }

    private static let lineBreaking: Set<String> = [
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr",
        "section", "article", "header", "footer", "dt", "dd",
    ]
    private static let cellSeparating: Set<String> = ["td", "th"]

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// The text with what a scan of its tags needs found once: for each position, where a tag
    /// name from there ends, where the next `>` and quotes are, and (filled as tags are read)
    /// where a tag's attributes from there close.
    private struct Scan {
        let s: [Unicode.Scalar]
        /// The first position from i on holding a space, `/` or `>` (the count when none).
        private let nameEnd: [Int32]
        /// The first position from i on holding `>`, `"` or `'` (the count when none).
        private let nextGreater: [Int32]
        private let nextDoubleQuote: [Int32]
        private let nextSingleQuote: [Int32]
        /// Where attributes scanned from i close: the position after their `>`, `failed` when
        /// no `>` closes them, `unknown` before it is needed.
        private var closing: [Int32]
        private static let unknown: Int32 = -2
        private static let failed: Int32 = -1

        init(_ s: [Unicode.Scalar]) {
            self.s = s
            let count = s.count
            var nameEnd = [Int32](repeating: Int32(count), count: count + 1)
            var greater = nameEnd
            var double = nameEnd
            var single = nameEnd
            for i in stride(from: count - 1, through: 0, by: -1) {
                let scalar = s[i]
                nameEnd[i] = HTMLText.isSpace(scalar) || scalar == "/" || scalar == ">" ? Int32(i) : nameEnd[i + 1]
                greater[i] = scalar == ">" ? Int32(i) : greater[i + 1]
                double[i] = scalar == "\"" ? Int32(i) : double[i + 1]
                single[i] = scalar == "'" ? Int32(i) : single[i + 1]
            }
            self.nameEnd = nameEnd
            nextGreater = greater
            nextDoubleQuote = double
            nextSingleQuote = single
            closing = [Int32](repeating: Self.unknown, count: count + 1)
        }

        /// Where a tag name starting at `index` ends.
        func endOfName(from index: Int) -> Int { Int(nameEnd[index]) }

        /// The position of the first `>` from `index` on, or nil.
        func greater(from index: Int) -> Int? {
            let found = Int(nextGreater[min(index, s.count)])
            return found < s.count ? found : nil
        }

        /// The position after the `>` that closes attributes scanned from `index` (skipping
        /// quoted values after `=`), or nil when none does. The scan from one position goes on
        /// at a single later one, so every position on the way gets the same answer, and no
        /// position is scanned twice over all calls.
        mutating func closeOfAttributes(from index: Int) -> Int? {
            var visited: [Int] = []
            var position = index
            var result = Self.failed
            while true {
                guard position < s.count else { break }
                if closing[position] != Self.unknown {
                    result = closing[position]
                    break
                }
                visited.append(position)
                let scalar = s[position]
                if scalar == ">" {
                    result = Int32(position + 1)
                    break
                }
                var next = position + 1
                if scalar == "=" {
                    while next < s.count, HTMLText.isSpace(s[next]) { next += 1 }
                    if next < s.count, s[next] == "\"" || s[next] == "'" {
                        let close = Int(s[next] == "\"" ? nextDoubleQuote[next + 1] : nextSingleQuote[next + 1])
                        guard close < s.count else { break }  // an unclosed quote: no `>` closes the tag
                        next = close + 1
                    }
                }
                position = next
            }
            for position in visited { closing[position] = result }
            return result >= 0 ? Int(result) : nil
        }
    }

    /// The markup that starts with the `<` at `index`, and the index after it; nil when that
    /// `<` is text.
    private static func markup(_ scan: inout Scan, at index: Int) -> (Markup, Int)? {
        let s = scan.s
        let next = index + 1
        guard next < s.count else { return nil }
        switch s[next] {
        case "!":
            if matches(s, at: next + 1, "--") {
                // A comment: to "-->" (also "<!-->" and "<!--->"), or to the end.
                var end = next + 3
                if end < s.count, s[end] == ">" { return (.ignored, end + 1) }
                if matches(s, at: end, "->") { return (.ignored, end + 2) }
                while end < s.count, !matches(s, at: end, "-->") { end += 1 }
                return (.ignored, min(s.count, end + 3))
            }
            return (.ignored, (scan.greater(from: next) ?? s.count - 1) + 1)
        case "?":
            return (.ignored, (scan.greater(from: next) ?? s.count - 1) + 1)
        case "/":
            guard next + 1 < s.count else { return nil }
            if s[next + 1] == ">" { return (.ignored, next + 2) }
            guard isLetter(s[next + 1]), let (name, end) = tag(&scan, nameAt: next + 1) else { return nil }
            return (.end(name), end)
        default:
            guard isLetter(s[next]), let (name, end) = tag(&scan, nameAt: next) else { return nil }
            return (.start(name), end)
        }
    }

    /// The longest tag name kept whole: the names that matter are shorter, and a longer one
    /// only needs to differ from them.
    private static let maximumNameLength = 16

    /// A tag's lower-cased name starting at `index` (cut at `maximumNameLength` scalars), and
    /// the index after its closing `>`, skipping quoted attribute values; nil when no `>`
    /// closes it.
    private static func tag(_ scan: inout Scan, nameAt index: Int) -> (String, Int)? {
        let nameEnd = scan.endOfName(from: index)
        guard let end = scan.closeOfAttributes(from: nameEnd) else { return nil }
        var name = String.UnicodeScalarView()
        for scalar in scan.s[index..<min(nameEnd, index + Self.maximumNameLength)] {
            name.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return (String(name), end)
    }

    /// The index after the end tag `</name …>` that closes a raw-text element opened before
    /// `index`; the end of the text when none does.
    private static func endOfRawText(_ scan: inout Scan, from index: Int, name: String) -> Int {
        var position = index
        let count = scan.s.count
        while position + 1 < count {
            if scan.s[position] == "<", scan.s[position + 1] == "/", let (markup, end) = markup(&scan, at: position),
               case .end(let closing) = markup, closing == name {
                return end
            }
            position += 1
        }
        return count
    }

    private static func matches(_ s: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        var position = index
        for expected in text.unicodeScalars {
            guard position < s.count, s[position] == expected else { return false }
            position += 1
        }
        return true
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "euro": "€",
    ]

    /// A character reference at `index` ("&amp;", "&#233;", "&#xE9;") and its length; nil
    /// when the text there is not one (it is then kept as written).
    private static func entity(_ s: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < s.count, end - index <= 10, s[end] != ";" { end += 1 }
        guard end < s.count, s[end] == ";" else { return nil }
        var body = String.UnicodeScalarView()
        body.append(contentsOf: s[(index + 1)..<end])
        let text = String(body)
        let length = end - index + 1
        if let scalar = named[text] { return (scalar, length) }
        guard text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        let value: UInt32? = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Removes control characters, collapses runs of spaces and blank lines, trims.
    private static func tidy(_ characters: [Character]) -> String {
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        func endLine() {
            lines.append(line)
            line = ""
            pendingSpace = false
        }
        for character in characters {
            if character == "\n" || character == "\r\n" || character == "\r" {
                endLine()
            } else if character.isWhitespace || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                pendingSpace = !line.isEmpty
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .format || $0 == "\u{200D}" }) {
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.append(character)
            }
        }
        endLine()
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
