import Foundation  // String.folding (diacritics)

/// Latin text reduced to lower-case ASCII letters and digits, for email local parts and domain
/// names ("Łukasz Wiśniewski" → "lukaszwisniewski").
enum ASCIIFolding {
    private static let special: [Character: String] = [
        "ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "đ": "d", "Đ": "d", "ı": "i", "œ": "oe", "þ": "th", "ð": "d",
    ]

    /// Lower-case ASCII letters and digits only; other characters dropped.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap { byte -> UInt8? in
                if byte >= 65 && byte <= 90 { return byte + 32 }
                return (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) ? byte : nil
            }, as: UTF8.self)
        }
        var replaced = ""
        for character in text { replaced += special[character] ?? String(character) }
        let folded = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) }.map(Character.init))
    }
}
