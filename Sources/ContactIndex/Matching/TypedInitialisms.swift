/// Words typed as two or three capital letters ("JL Picard", "MK Olsen", "TJ Miller"): the
/// initials of a given name in parts (Jean-Luc, Mary-Kate) or of two given names, written
/// together.
///
/// Read as a word, "jl" matched no name, and Jean-Luc Picard was a partial match (0.20) among
/// every Picard. A search reads such a word as its letters too, each an initial, in a pass of
/// its own (`ContactDirectory.TokenPass`) that runs only when the passes before left no full
/// match: "KC Coffey" is first a nickname of Casey, and "ED Smith", typed in capitals, Ed Smith.
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
}
