import Testing

@testable import ScreenPop

/// `HTMLText` reads each position of a note a bounded number of times. Its output must stay
/// what the plain scan gave, which read a tag that never closes to the end of the note from
/// every `<` (quadratic: 100 s for a 32 KB note of "<a<a…"): kept below, as it was, as the
/// reference for a differential test.
@Suite struct HTMLTextLinearTests {
    @Test func equalsTheReferenceOnRandomMarkup() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["<", ">", "</", "<a", "<b ", "<br>", "<p>", "</p>", "<script>", "</script>", "<style x='>'>", "</style >",
                      "=", "\"", "'", " ", "x", "é", "&amp;", "&#233;", "<!--", "-->", "<!x>", "<?x?>", "/", "<td>", "<TD>", "\n",
                      "<a href=\"a>b\">", "<SCRIPTX>", "</scrip", "< b>", "5 < 6", "<a title='q", "\u{0301}", "\u{0007}"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...24, using: &random)
            let html = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(HTMLText.plainText(html) == ReferenceHTMLText.plainText(html), "\(html.debugDescription)")
        }
    }

    @Test func tagsThatNeverCloseStayTextWithoutRescanning() {
        let opens = String(repeating: "<a", count: 16_000)
        #expect(HTMLText.plainText(opens) == opens)
        let quotes = String(repeating: "<a x=\"", count: 8_000)
        #expect(HTMLText.plainText(quotes) == quotes)
        let script = "<script>" + String(repeating: "</a", count: 16_000)
        #expect(HTMLText.plainText(script) == "")
        #expect(HTMLText.plainText("x" + opens + ">y") == "xy")
    }
}

/// The scan `HTMLText` replaced (quadratic on tags that never close), as the reference.
enum ReferenceHTMLText {
    /// The plain text of an HTML fragment.
    /// - Complexity: O(n) in the length of the text.
    static func plainText(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let (markup, next) = markup(scalars, at: index) {
                index = next
                switch markup {
                case .ignored:
                    break
                case .start(let name) where name == "script" || name == "style":
                    index = endOfRawText(scalars, from: index, name: name)
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

    /// The markup that starts with the `<` at `index`, and the index after it; nil when that
    /// `<` is text.
    private static func markup(_ s: [Unicode.Scalar], at index: Int) -> (Markup, Int)? {
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
            return (.ignored, (s[next...].firstIndex(of: ">") ?? s.count - 1) + 1)
        case "?":
            return (.ignored, (s[next...].firstIndex(of: ">") ?? s.count - 1) + 1)
        case "/":
            guard next + 1 < s.count else { return nil }
            if s[next + 1] == ">" { return (.ignored, next + 2) }
            guard isLetter(s[next + 1]), let (name, end) = tag(s, nameAt: next + 1) else { return nil }
            return (.end(name), end)
        default:
            guard isLetter(s[next]), let (name, end) = tag(s, nameAt: next) else { return nil }
            return (.start(name), end)
        }
    }

    /// A tag's lower-cased name starting at `index`, and the index after its closing `>`,
    /// skipping quoted attribute values; nil when no `>` closes it.
    private static func tag(_ s: [Unicode.Scalar], nameAt index: Int) -> (String, Int)? {
        var end = index
        var name = String.UnicodeScalarView()
        while end < s.count, !isSpace(s[end]), s[end] != "/", s[end] != ">" {
            name.append(contentsOf: s[end].properties.lowercaseMapping.unicodeScalars)
            end += 1
        }
        while end < s.count {
            let scalar = s[end]
            if scalar == ">" { return (String(name), end + 1) }
            end += 1
            guard scalar == "=" else { continue }
            while end < s.count, isSpace(s[end]) { end += 1 }
            guard end < s.count, s[end] == "\"" || s[end] == "'" else { continue }
            let quote = s[end]
            guard let close = s[(end + 1)...].firstIndex(of: quote) else { return nil }
            end = close + 1
        }
        return nil
    }

    /// The index after the end tag `</name …>` that closes a raw-text element opened before
    /// `index`; the end of the text when none does.
    private static func endOfRawText(_ s: [Unicode.Scalar], from index: Int, name: String) -> Int {
        var position = index
        while position + 1 < s.count {
            if s[position] == "<", s[position + 1] == "/", let (markup, end) = markup(s, at: position),
               case .end(let closing) = markup, closing == name {
                return end
            }
            position += 1
        }
        return s.count
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
