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
        // swapped query with a comma about a microsecond).
        var sawComma = false
        var letterBefore = false
        var wordsBefore = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if sawComma {
                if isLetter(scalar) { return letterBefore && (1...3).contains(wordsBefore) ? .familyFirst : .givenFirst }
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
                if isLetter(scalar) { letterBefore = true }
            }
        }
        return .givenFirst
    }

    /// Whether a name query of two words or more has an initial: a word that is one Latin
    /// letter ("J Smith", "Smith, J.", "John F Kennedy"). An apostrophe is part of a word
    /// ("O'Brien" has none); a letter of another script is not an initial (Chinese names are
    /// written in one character each: "王 伟").
    /// - Complexity: one pass over the scalars, nothing built.
    static func hasInitial(_ text: String) -> Bool {
        var words = 0
        var letters = 0
        var latinOnly = true
        var sawInitial = false
        func endWord() {
            if letters == 1, latinOnly { sawInitial = true }
            letters = 0
            latinOnly = true
        }
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if isLetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                if letters == 0 { words += 1 }
                letters += 1
                if scalar.value >= 0x250 || !isLetter(scalar) { latinOnly = false }
            } else if letters > 0 {
                endWord()
            }
        }
        if letters > 0 { endWord() }
        return sawInitial && words >= 2
    }

    /// Whether a scalar is alphabetic (ASCII letters without a property look-up).
    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    /// The step from one of a contact's name roles to the next that this order reads as
    /// forward: +1 from given to family, -1 from family to given (see `ContactDirectory.score`).
    var forwardStep: Int { self == .givenFirst ? 1 : -1 }
}
