/// Initialisms typed in a name query, read both ways: as initials and as a name.
///
/// Words typed as two or three capital letters ("JL Picard", "MK Olsen", "TJ Miller") are the
/// initials of a given name in parts (Jean-Luc, Mary-Kate) or of two given names, written
/// together. Read as a word, "jl" matched no name, and Jean-Luc Picard was a partial match (0.20)
/// among every Picard. A search reads such a word as its letters too, each an initial, in a pass
/// of its own (`ContactDirectory.TokenPass`) that runs only when the passes before left no full
/// match: "KC Coffey" is first a nickname of Casey, and "ED Smith", typed in capitals, Ed Smith.
///
/// Letters written each with a point ("J.R. Smith", "T.J. Miller") are the other way round:
/// the fold reads them as initials, and a person whose given name is written "JR" or "TJ" was
/// missed ("J.R. Smith" found John Robert Smith, never JR Smith). A search also reads them as one
/// word, in a pass of its own that always runs (such queries are few).
enum TypedInitialisms {
    /// The folded forms ("jl") of the words of `text` typed as two or three ASCII capital
    /// letters, with a point, comma or semicolon after them or not.
    /// - Complexity: O(n); no allocation without two capitals in a row.
    static func words(in text: String) -> Set<String> {
        // Most queries have no two capitals in a row: they leave without a split.
        var previousCapital = false
        var twoCapitals = false
        for byte in text.utf8 {
            let capital = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if capital, previousCapital {
                twoCapitals = true
                break
            }
            previousCapital = capital
        }
        guard twoCapitals else { return [] }
        var found: Set<String> = []
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
            var letters = word[...]
            while let last = letters.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") {
                letters = letters.dropLast()
            }
            guard (2...3).contains(letters.count), letters.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { continue }
            found.insert(String(decoding: letters.map { $0 | 0x20 }, as: UTF8.self))
        }
        return found
    }

    /// `pass` with each of its tokens in `initialisms` read as its letters, each an initial; at
    /// most 8 tokens, as every pass. Nil when no token is one of them.
    static func spelledOut(_ pass: ContactDirectory.TokenPass, _ initialisms: Set<String>) -> ContactDirectory.TokenPass? {
        guard pass.tokens.contains(where: initialisms.contains) else { return nil }
        var tokens: [String] = []
        var typedWhole: [Bool] = []
        for (token, whole) in zip(pass.tokens, pass.typedWhole) {
            if initialisms.contains(token) {
                for letter in token { tokens.append(String(letter)); typedWhole.append(false) }
            } else {
                tokens.append(token)
                typedWhole.append(whole)
            }
        }
        return ContactDirectory.TokenPass(tokens: Array(tokens.prefix(8)), typedWhole: Array(typedWhole.prefix(8)), onlyWithoutFullMatch: true)
    }

    /// The words of `text` written as two or three ASCII letters, each followed by a point (the
    /// last one's may be left out; a comma or semicolon may follow): their letters, folded
    /// ("J.R." → ["j", "r"]).
    /// - Complexity: O(n); no allocation without a point in the text.
    static func dottedWords(in text: String) -> [[String]] {
        guard text.utf8.contains(UInt8(ascii: ".")) else { return [] }
        var found: [[String]] = []
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
            var rest = word[...]
            while let last = rest.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ";") { rest = rest.dropLast() }
            var letters: [String] = []
            var index = rest.startIndex
            var wellFormed = true
            while index < rest.endIndex {
                let byte = rest[index] | 0x20
                guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else {
                    wellFormed = false
                    break
                }
                letters.append(String(UnicodeScalar(byte)))
                let next = rest.index(after: index)
                if next == rest.endIndex { break }
                guard rest[next] == UInt8(ascii: ".") else {
                    wellFormed = false
                    break
                }
                index = rest.index(after: next)
            }
            if wellFormed, (2...3).contains(letters.count) { found.append(letters) }
        }
        return found
    }

    /// `pass` with each run of its tokens that spells one of `dotted` joined into one word,
    /// typed whole ("j", "r", "smith" → "jr", "smith"). Nil when no run does.
    static func joined(_ pass: ContactDirectory.TokenPass, _ dotted: [[String]]) -> ContactDirectory.TokenPass? {
        var tokens: [String] = []
        var typedWhole: [Bool] = []
        var position = 0
        var changed = false
        while position < pass.tokens.count {
            if let letters = dotted.first(where: { pass.tokens[position...].starts(with: $0) }) {
                tokens.append(letters.joined())
                typedWhole.append(true)
                position += letters.count
                changed = true
            } else {
                tokens.append(pass.tokens[position])
                typedWhole.append(pass.typedWhole[position])
                position += 1
            }
        }
        return changed ? ContactDirectory.TokenPass(tokens: tokens, typedWhole: typedWhole, onlyWithoutFullMatch: false) : nil
    }

    /// The pass that reads the letters typed with points in `text` ("J.R. Smith") as one word,
    /// made from the query's first pass; nil when there is none. It runs right after that pass.
    static func dottedPass(after first: ContactDirectory.TokenPass, typed text: String) -> ContactDirectory.TokenPass? {
        let dotted = dottedWords(in: text)
        return dotted.isEmpty ? nil : joined(first, dotted)
    }

    /// The pass that reads the two or three capitals typed in `text` ("JL Picard") as initials,
    /// made from the query's first pass; nil when there are none. It runs last.
    static func spelledPass(of first: ContactDirectory.TokenPass, typed text: String) -> ContactDirectory.TokenPass? {
        let initialisms = words(in: text)
        return initialisms.isEmpty ? nil : spelledOut(first, initialisms)
    }
}
