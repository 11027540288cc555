/// Which characters `NameNormalizer.normalizedSpacing` keeps in a name, and which it turns into
/// a space: letters, combining marks, digits and symbols are kept; punctuation, spaces and
/// controls separate words.
///
/// Why a table: the general category of a character costs a look-up in the standard library's
/// Unicode data each time, about 2 µs for the 16 characters of "Алексей Игнатьев", and a contact
/// written in another script than Latin has two or three such names whose spacing is normalized
/// on every update and load. The Basic Multilingual Plane's answers are one bit each (8 KiB),
/// computed once from the same categories; the other planes are asked each time.
enum NameSpacingCharacters {
    /// One bit per character of the Basic Multilingual Plane: kept.
    private static let keptInBMP: [UInt64] = (0..<1024).map { word in
        var bits: UInt64 = 0
        for bit in 0..<64 {
            if let scalar = Unicode.Scalar(UInt32(word * 64 + bit)), isKeptByCategory(scalar) { bits |= 1 << UInt64(bit) }
        }
        return bits
    }

    /// Whether `normalizedSpacing` keeps `scalar`.
    @inline(__always)
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 0x10000 else { return isKeptByCategory(scalar) }
        return keptInBMP[Int(value >> 6)] >> UInt64(value & 63) & 1 == 1
    }

    /// The rule itself, from the general category: ASCII letters and digits; other letters,
    /// marks, numbers and symbols.
    static func isKeptByCategory(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
