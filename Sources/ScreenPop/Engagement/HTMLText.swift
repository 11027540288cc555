/// Turns the HTML of agent notes into plain text that is safe to store and show: tags removed,
/// the content of `script`, `style` and comments dropped, blocks and `<br>` turned into line
/// breaks (blank lines dropped), character references decoded, control characters turned into
/// spaces, runs of spaces collapsed.
///
/// The result holds no markup; a decoded `&lt;` is a literal "<" character, which a host must
/// still escape when it writes the text into HTML, as with any text.
public enum HTMLText {
    /// The plain text of an HTML fragment.
    /// - Complexity: O(n) in the length of the text.
    public static func plainText(_ html: String) -> String {
        var output: [Character] = []
        output.reserveCapacity(html.count)
        let characters = Array(html)
        var index = 0
        var skipUntil: String?  // the closing tag whose content is dropped
        while index < characters.count {
            let character = characters[index]
            if character == "<" {
                if matches(characters, at: index, "<!--") {
                    index = find(characters, "-->", from: index + 4).map { $0 + 3 } ?? characters.count
                    continue
                }
                guard let close = characters[index...].firstIndex(of: ">") else {
                    index = characters.count  // an unterminated tag: drop the rest
                    continue
                }
                let tag = String(characters[(index + 1)..<close]).lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                let closing = tag.hasPrefix("/")
                if let waiting = skipUntil {
                    if closing, name == waiting { skipUntil = nil }
                } else if !closing, name == "script" || name == "style" {
                    skipUntil = String(name)
                } else if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"].contains(String(name)) {
                    output.append("\n")
                }
                index = close + 1
                continue
            }
            if skipUntil != nil {
                index += 1
                continue
            }
            if character == "&", let (decoded, length) = entity(characters, at: index) {
                output.append(decoded)
                index += length
                continue
            }
            output.append(character)
            index += 1
        }
        return tidy(output)
    }

    private static func matches(_ characters: [Character], at index: Int, _ text: String) -> Bool {
        var position = index
        for expected in text {
            guard position < characters.count, characters[position] == expected else { return false }
            position += 1
        }
        return true
    }

    private static func find(_ characters: [Character], _ text: String, from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if matches(characters, at: index, text) { return index }
            index += 1
        }
        return nil
    }

    private static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "euro": "€",
    ]

    /// A character reference at `index` ("&amp;", "&#233;", "&#xE9;") and its length.
    private static func entity(_ characters: [Character], at index: Int) -> (Character, Int)? {
        var end = index + 1
        while end < characters.count, end - index <= 10, characters[end] != ";" { end += 1 }
        guard end < characters.count, characters[end] == ";" else { return nil }
        let body = String(characters[(index + 1)..<end])
        let length = end - index + 1
        if let character = named[body] { return (character, length) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value: UInt32? = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
        return (Character(scalar), length)
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
