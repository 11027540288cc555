/// What a free-text search box query holds, as `ContactDirectory.search` reads it: a phone
/// number or part of one, an email address or its start, and name words, in any mix
/// ("john 555", "(650) 555-1234", "ana.garcia@", "garcia ana@example.com").
///
/// - Words made of digits and phone punctuation (`+ ( ) - . /`) with at least one digit form the
///   phone part (adjacent ones join: "(650) 555-1234").
/// - An extension belongs to the number before it, however it is written: "x123", "ext 123",
///   "ext. 123", "extension 123", "#123", or joined to the number ("6175550000x123",
///   "+16175550000;ext=123"). Its digits are not searched as a fragment.
/// - A vanity number ("1-800-FLOWERS", "1800CONTACTS": a digit first, then letters, 7 to 15
///   keys in all, at least 3 of them digits) is the phone part and also a name word: "3M" or
///   "B2B" stay names, and a name-like word that looks like a vanity number is searched both ways.
/// - A `tel:` or SIP URI is the number it carries (`PhoneQueryText.uriNumber`).
/// - A word with "@" is the email part, without brackets, quotes or punctuation pasted around
///   it (`unwrappedAddress`); a word like "john.sm" (letters joined by ".", "_" or
///   "+", no "@") is both an email prefix and name words.
/// - A query of one bare ASCII word ("jsmith2", "xss") is also the start of an address's local
///   part (`bareEmailWord`): agents type user names as often as names.
/// - Everything else is name words.
///
/// Decimal digits of other scripts and full-width forms of ASCII are read as the ASCII
/// characters they stand for first (`asciiForms(of:)`): "٦٥٠٥٥٥١٢٣٤" is a number.
struct FreeTextQuery: Equatable {
    /// The phone part as typed ("(650) 555-1234", "617 555 0000 ext 123"), when there is one.
    var phoneText: String?
    /// The phone part's digits, letters of a vanity number as their keypad digits, without the
    /// extension.
    var phoneDigits: [UInt8] = []
    /// The email part, lower-cased ("ana@example.com" or "ana.gar").
    var emailText: String?
    /// Whether `emailText` is a whole address (has "@" and a domain) rather than a start.
    var emailIsComplete = false
    /// The query's only word, lower-cased, when it is one ASCII word of letters and digits (at
    /// least 3) that could start an address's local part.
    var bareEmailWord: String?
    /// The name words, space-separated.
    var nameText = ""

    /// Whether there is nothing to search.
    var isEmpty: Bool { phoneText == nil && emailText == nil && nameText.isEmpty }

    /// Reads a query.
    /// - Complexity: O(n).
    init(_ text: String) {
        let text = Self.asciiForms(of: text)
        if let plain = Self.plainName(text) {
            self = plain
            return
        }
        self.init(reading: text)
    }

    /// An empty query, filled in by `plainName(_:)`.
    private init() {}

    /// Reads a query whose full-width forms and digits of other scripts were read as ASCII
    /// (`asciiForms(of:)`), word by word.
    init(reading text: String) {
        var phoneWords: [Substring] = []
        var extensionDigits: Substring?
        var nameWords: [Substring] = []
        var vanity = false
        let words = Self.words(of: text)
        var position = 0
        while position < words.count {
            var word = words[position]
            position += 1
            // A `tel:` or SIP URI ("tel:+442079460018", "sip:+44…@pbx") is the number it
            // carries, as an incoming caller id is: not a name, nor (for "@") an address.
            if let number = PhoneQueryText.uriNumber(of: word) {
                guard !number.isEmpty else { continue }
                word = number
            }
            // Byte tests: `contains("@")` on a string is Foundation's substring search.
            if word.utf8.contains(UInt8(ascii: "@")) {
                word = Self.unwrappedAddress(word)
                if emailText == nil {
                    let lowered = EmailNormalizer.asciiLowercased(word)
                    emailText = lowered
                    let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
                    emailIsComplete = parts.count == 2 && !parts[0].isEmpty && parts[1].utf8.contains(UInt8(ascii: "."))
                }
            } else if let (number, ext) = Self.numberWithExtension(word) {
                phoneWords.append(number)
                extensionDigits = ext
            } else if Self.isPhoneWord(word) {
                phoneWords.append(word)
            } else if !phoneWords.isEmpty, extensionDigits == nil, let ext = Self.extensionDigits(word, next: position < words.count ? words[position] : nil) {
                extensionDigits = ext.digits
                position += ext.wordsUsed - 1
            } else if phoneWords.isEmpty, Self.isVanityNumber(word) {
                phoneWords.append(word)
                vanity = true
                nameWords.append(word)
            } else {
                if emailText == nil, Self.looksLikeLocalPart(word) { emailText = EmailNormalizer.asciiLowercased(word) }
                nameWords.append(word)
            }
        }
        if !phoneWords.isEmpty {
            let joined = phoneWords.joined(separator: " ")
            phoneText = extensionDigits.map { "\(joined) ext. \($0)" } ?? joined
            phoneDigits = joined.utf8.compactMap { byte in
                if byte >= 48 && byte <= 57 { return byte }
                return vanity ? Self.keypadDigit(byte) : nil
            }
        }
        nameText = nameWords.joined(separator: " ")
        if words.count == 1, phoneText == nil, emailText == nil, Self.isBareWord(words[0]) {
            bareEmailWord = EmailNormalizer.asciiLowercased(words[0])
        }
    }

    /// What `init(reading:)` reads in `text` when it is name words alone, written as they are
    /// joined (one space between two words, none around them); nil for any other text. Without
    /// a digit, "@" or ":", no word is a phone number, an extension, a URI or an address, so
    /// every word is a name word, and the name text is the query itself: no word's string made
    /// and joined again (a tenth of the slowest exact-name look-ups). A test compares the two.
    static func plainName(_ text: String) -> FreeTextQuery? {
        let utf8 = text.utf8
        guard !utf8.contains(where: { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: ":") }) else {
            return nil
        }
        guard let ranges = utf8.withContiguousStorageIfAvailable(Self.wordRanges), let first = ranges.first, first.lowerBound == 0,
              ranges[ranges.count - 1].upperBound == utf8.count
        else { return nil }
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        // Single spaces between the words: each gap one byte, a space.
        for (before, after) in zip(ranges, ranges.dropFirst()) {
            guard after.lowerBound == before.upperBound + 1, utf8[index(before.upperBound)] == UInt8(ascii: " ") else { return nil }
        }
        var query = FreeTextQuery()
        query.nameText = text
        // An address's start in a name word ("john.smith"), the first one's.
        if utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "+") }) {
            for range in ranges {
                let word = text[index(range.lowerBound)..<index(range.upperBound)]
                if looksLikeLocalPart(word) {
                    query.emailText = EmailNormalizer.asciiLowercased(word)
                    break
                }
            }
        }
        if ranges.count == 1, query.emailText == nil, isBareWord(text[...]) { query.bareEmailWord = EmailNormalizer.asciiLowercased(text) }
        return query
    }

    /// The words of `text`, split at whitespace, on its bytes: ASCII whitespace (no ASCII
    /// character but these six is whitespace) and the scalars with Unicode's White_Space
    /// property (no-break, ideographic and the other spaces), rather than on
    /// grapheme clusters: the same words as the `Character` split (a test compares them),
    /// except that a combining mark typed right after a space starts a word instead of
    /// vanishing with the space. The `Character` split cost about 14,000 instructions for a
    /// name of two words, a third of an exact-name look-up.
    static func words(of text: String) -> [Substring] {
        let ranges = text.utf8.withContiguousStorageIfAvailable(Self.wordRanges)
        guard let ranges else { return text.split(whereSeparator: { $0.isWhitespace }) }
        let utf8 = text.utf8
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return Substring(text.unicodeScalars[lower..<upper])
        }
    }

    /// The scalar of a two- or three-byte UTF-8 sequence (its lead byte and continuation
    /// bytes), or nil for another length or an invalid sequence.
    static func scalar(_ sequence: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch sequence.count {
        case 2: return Unicode.Scalar(UInt32(sequence[0] & 0x1F) << 6 | UInt32(sequence[1] & 0x3F))
        case 3: return Unicode.Scalar(UInt32(sequence[0] & 0x0F) << 12 | UInt32(sequence[1] & 0x3F) << 6 | UInt32(sequence[2] & 0x3F))
        default: return nil
        }
    }

    /// The byte ranges of the words of UTF-8 text (see `words(of:)`). A scalar with the
    /// White_Space property outside ASCII starts with one of four lead bytes (U+0085 and
    /// U+00A0; U+1680; U+2000–U+205F; U+3000): only those scalars are decoded and looked up.
    private static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            var length = 1
            let isSpace: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            } else {
                while offset + length < bytes.count, bytes[offset + length] & 0xC0 == 0x80 { length += 1 }
                if byte == 0xC2 || (0xE1...0xE3).contains(byte) {
                    // The scalar from its bytes, without a `String` (Vietnamese letters start
                    // with 0xE1: a string for each of them was a fifth of a query's reading).
                    isSpace = Self.scalar(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]))?.properties.isWhitespace ?? false
                } else {
                    isSpace = false
                }
            }
            if isSpace {
                if let first = start { ranges.append(first..<offset) }
                start = nil
            } else if start == nil {
                start = offset
            }
            offset += length
        }
        if let first = start { ranges.append(first..<bytes.count) }
        return ranges
    }

    private static func isPhoneWord(_ word: Substring) -> Bool {
        var digits = 0
        for byte in word.utf8 {
            if byte >= 48 && byte <= 57 { digits += 1; continue }
            guard "+()-./".utf8.contains(byte) else { return false }
        }
        return digits > 0
    }

    /// The words that mark an extension ("ext", "ext.", "extn", "extension", "x", "#"), lower-cased
    /// and without a trailing "." or ":".
    private static let extensionMarkers: Set<String> = ["x", "ext", "extn", "extension", "#"]

    /// A number with its extension in one word: "6175550000x123", "555-0000ext.12",
    /// "+16175550000;ext=123", "555-0000#12": the number part and the extension's digits.
    private static func numberWithExtension(_ word: Substring) -> (Substring, Substring)? {
        // Names have no digits: most words leave here.
        guard word.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let lowered = word.lowercased()
        for marker in [";ext=", "extension", "extn", "ext.", "ext", "x", "#"] {
            guard let range = lowered.range(of: marker, options: .backwards) else { continue }
            let number = lowered[..<range.lowerBound]
            let digits = lowered[range.upperBound...]
            guard !number.isEmpty, isPhoneWord(Substring(number)), number.utf8.filter({ $0 >= 48 && $0 <= 57 }).count >= 4,
                  !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { continue }
            let numberEnd = word.utf8.index(word.utf8.startIndex, offsetBy: number.utf8.count)
            let digitsStart = word.utf8.index(word.utf8.startIndex, offsetBy: lowered.utf8.count - digits.utf8.count)
            return (word[..<numberEnd], word[digitsStart...])
        }
        return nil
    }

    /// An extension written after the number: a marker word and a digits word ("ext 123",
    /// "x 12"), or both joined ("x123", "ext.123", "#12"). Nil when `word` starts no extension.
    private static func extensionDigits(_ word: Substring, next: Substring?) -> (digits: Substring, wordsUsed: Int)? {
        var marker = word.lowercased()
        while let last = marker.last, last == "." || last == ":" { marker.removeLast() }
        if extensionMarkers.contains(marker), let next, !next.isEmpty, next.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return (next, 2)
        }
        for prefix in extensionMarkers.sorted(by: { $0.count > $1.count }) {
            let lowered = word.lowercased()
            guard lowered.hasPrefix(prefix) else { continue }
            var rest = lowered.dropFirst(prefix.count)
            while let first = rest.first, first == "." || first == ":" { rest.removeFirst() }
            guard !rest.isEmpty, rest.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { continue }
            return (word.suffix(rest.count), 1)
        }
        return nil
    }

    /// Whether `word` reads as a vanity number: a digit (or "+") first, letters after the first
    /// digits, only digits, ASCII letters and phone punctuation, 7 to 15 keys, at least 3 digits
    /// and 2 letters.
    private static func isVanityNumber(_ word: Substring) -> Bool {
        guard let first = word.utf8.first, first == UInt8(ascii: "+") || (first >= 48 && first <= 57) else { return false }
        var digits = 0, letters = 0
        for byte in word.utf8 {
            if byte >= 48 && byte <= 57 {
                digits += 1
            } else if keypadDigit(byte) != nil {
                letters += 1
            } else if !"+()-./".utf8.contains(byte) {
                return false
            }
        }
        return digits >= 3 && letters >= 2 && (7...15).contains(digits + letters)
    }

    /// The telephone keypad digit of an ASCII letter (ITU E.161), or nil.
    private static func keypadDigit(_ byte: UInt8) -> UInt8? {
        let lower = byte | 0x20
        guard lower >= 97 && lower <= 122 else { return nil }
        let keys: [UInt8] = Array("22233344455566677778889999".utf8)
        return keys[Int(lower - 97)]
    }

    private static func isBareWord(_ word: Substring) -> Bool {
        word.utf8.count >= 3 && word.utf8.allSatisfy(isAlphanumeric)
    }

    private static func looksLikeLocalPart(_ word: Substring) -> Bool {
        let bytes = word.utf8
        guard bytes.count >= 3 else { return false }
        // A dot, underscore or plus between two letters or digits ("john.smith").
        var beforePrevious: UInt8 = 0
        var previous: UInt8 = 0
        var seen = 0
        for byte in bytes {
            if seen >= 2, previous == UInt8(ascii: ".") || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "+"),
               Self.isAlphanumeric(beforePrevious), Self.isAlphanumeric(byte) {
                return true
            }
            beforePrevious = previous
            previous = byte
            seen += 1
        }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }
}
