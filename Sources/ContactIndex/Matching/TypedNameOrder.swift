/// The order in which a name query is likely typed: given name first ("John Smith"), or family
/// name first when a comma follows the first words ("Smith, John", the "Last, First" form of
/// directories and CRM exports).
///
/// Both orders find the same contacts ("Smith John" finds John Smith), and a match with the
/// query tokens in either order outranks one with its tokens mixed up. Between two matches of
/// the same kind and nearly the same quality, the one in the order typed comes first: "and gar"
/// is Andre Garcia before Gary Andrade, "Chri Jon" Christopher Jones before Jonathan Chriss (see
/// `ContactDirectory.otherOrderShare`).
enum TypedNameOrder: Sendable, Equatable {
    case givenFirst
    case familyFirst

    /// The order of `text`: family first when a comma stands between letters, with one to three
    /// words before it ("Smith, John", "García López, Ana"); else given first.
    static func of(_ text: String) -> TypedNameOrder {
        // One pass over the scalars, without building arrays or strings: every name search and
        // every whole-name look-up asks (an array of the scalars and a split had cost a
        // swapped query with a comma about a microsecond). Without a comma's bytes (",", and
        // 0x8C, the last byte of "，" and "،") the order is given first, no scalar decoded.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == 0x8C }) else { return .givenFirst }
        var sawComma = false
        var letterBefore = false
        var wordsBefore = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if sawComma {
                if ICUCharacterProperties.isAlphabetic(scalar) { return letterBefore && (1...3).contains(wordsBefore) ? .familyFirst : .givenFirst }
                continue
            }
            switch scalar {
            case ",", "\u{FF0C}", "\u{060C}":
                sawComma = true
            case " ", "\t":
                inWord = false
            default:
                if !inWord {
                    wordsBefore += 1
                    inWord = true
                }
                if ICUCharacterProperties.isAlphabetic(scalar) { letterBefore = true }
            }
        }
        return .givenFirst
    }

    /// The initial and the family name of a query of two words, one of them a single Latin
    /// letter ("J Smith", "J. Smith", "Smith, J.", "É Durand"); nil for any other query. An
    /// apostrophe is part of a word ("O'Brien" is no initial); a letter of another script is no
    /// initial (Chinese names are written one character a word: "王 伟").
    /// - Complexity: one pass over the bytes, nothing decoded.
    static func initialAndFamily(_ text: String) -> (initial: Substring, family: Substring)? {
        // Every exact whole-name query asks: the words are found on the contiguous bytes, two
        // at most, kept in locals.
        let words: (Range<Int>, Range<Int>)?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var first: Range<Int>? = nil
            var second: Range<Int>? = nil
            var start = -1
            for offset in 0...bytes.count {
                let separates = offset == bytes.count || {
                    let byte = bytes[offset]
                    return byte == 32 || byte == 9 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
                }()
                if separates {
                    guard start >= 0 else { continue }
                    if first == nil { first = start..<offset } else if second == nil { second = start..<offset } else { return nil }
                    start = -1
                } else if start < 0 {
                    start = offset
                }
            }
            guard let first, let second else { return nil }
            return (first, second)
        }
        guard let found = words, let (firstRange, secondRange) = found else { return nil }
        let utf8 = text.utf8
        func word(_ range: Range<Int>) -> Substring {
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<utf8.index(lower, offsetBy: range.count)]
        }
        let a = word(firstRange), b = word(secondRange)
        if isInitial(a), !isInitial(b), b.utf8.count > 1 { return (a, b) }
        if isInitial(b), !isInitial(a), a.utf8.count > 1 { return (b, a) }
        return nil
    }

    /// Whether a word is one Latin letter: an ASCII letter, or a letter of Latin-1 and Latin
    /// Extended-A and B (two UTF-8 bytes, lead 0xC3–0xC9).
    private static func isInitial(_ word: Substring) -> Bool {
        let bytes = word.utf8
        guard let lead = bytes.first else { return false }
        if bytes.count == 1 { return (lead | 0x20) >= 97 && (lead | 0x20) <= 122 }
        guard bytes.count == 2, lead >= 0xC3, lead <= 0xC9, let trail = bytes.last else { return false }
        // × and ÷ are the two signs among them.
        return !(lead == 0xC3 && (trail == 0x97 || trail == 0xB7))
    }

    /// The step from one of a contact's name roles to the next that this order reads as
    /// forward: +1 from given to family, -1 from family to given (see `ContactDirectory.score`).
    var forwardStep: Int { self == .givenFirst ? 1 : -1 }
}
