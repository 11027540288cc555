/// What a free-text search box query holds, as `ContactDirectory.search` reads it: a phone
/// number or part of one, an email address or its start, and name words, in any mix
/// ("john 555", "(650) 555-1234", "ana.garcia@", "garcia ana@example.com").
///
/// Words made of digits and phone punctuation (`+ ( ) - . /`) with at least one digit form the
/// phone part (adjacent ones join: "(650) 555-1234"); a word with "@" is the email part; a word
/// like "john.sm" (letters joined by ".", "_" or "+", no "@") is both an email prefix and name
/// words; everything else is name words.
struct FreeTextQuery: Equatable {
    /// The phone part as typed ("(650) 555-1234"), when there is one.
    var phoneText: String?
    /// The phone part's digits.
    var phoneDigits: [UInt8] = []
    /// The email part, lower-cased ("ana@example.com" or "ana.gar").
    var emailText: String?
    /// Whether `emailText` is a whole address (has "@" and a domain) rather than a start.
    var emailIsComplete = false
    /// The name words, space-separated.
    var nameText = ""

    /// Whether there is nothing to search.
    var isEmpty: Bool { phoneText == nil && emailText == nil && nameText.isEmpty }

    /// Reads a query.
    /// - Complexity: O(n).
    init(_ text: String) {
        var phoneWords: [Substring] = []
        var nameWords: [Substring] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            if word.contains("@") {
                if emailText == nil {
                    let lowered = EmailNormalizer.asciiLowercased(word)
                    emailText = lowered
                    let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
                    emailIsComplete = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                }
            } else if Self.isPhoneWord(word) {
                phoneWords.append(word)
            } else {
                if emailText == nil, Self.looksLikeLocalPart(word) { emailText = EmailNormalizer.asciiLowercased(word) }
                nameWords.append(word)
            }
        }
        if !phoneWords.isEmpty {
            let joined = phoneWords.joined(separator: " ")
            phoneText = joined
            phoneDigits = joined.utf8.filter { $0 >= 48 && $0 <= 57 }
        }
        nameText = nameWords.joined(separator: " ")
    }

    private static func isPhoneWord(_ word: Substring) -> Bool {
        var digits = 0
        for byte in word.utf8 {
            if byte >= 48 && byte <= 57 { digits += 1; continue }
            guard "+()-./".utf8.contains(byte) else { return false }
        }
        return digits > 0
    }

    private static func looksLikeLocalPart(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3 else { return false }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") {
            if index > 0, index + 1 < bytes.count, Self.isAlphanumeric(bytes[index - 1]), Self.isAlphanumeric(bytes[index + 1]) { return true }
        }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }
}
