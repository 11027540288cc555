import CICU

/// Unicode character properties read from ICU's tables, for the scans that look one up for
/// every letter of a query.
///
/// Why not `Unicode.Scalar.Properties`: the standard library answers `isAlphabetic` by a search
/// of its sorted tables (`_swift_stdlib_getBinaryProperties`), which was 3–4% of the slowest
/// exact-name look-ups at a million contacts (names in Greek, Cyrillic and Vietnamese, whose
/// every letter was looked up two or three times). ICU reads the same property from a trie.
enum ICUCharacterProperties {
    /// Whether `scalar` has Unicode's Alphabetic property (ICU's `u_isUAlphabetic`); ASCII
    /// answered without a call.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let lowered = scalar.value | 0x20
            return lowered >= 0x61 && lowered <= 0x7A
        }
        return CICU_is_alphabetic(scalar.value) != 0
    }

    /// The value of `scalar` as a decimal digit of any script (general category Nd, whose
    /// Numeric_Type is Decimal: ICU's `u_charDigitValue`), or nil.
    ///
    /// Why not `properties.numericType` and `numericValue`: the standard library searches its
    /// tables for each, a sixth of an exact look-up of a name in Devanagari at a million
    /// contacts (every letter of a query past U+065F was looked up: `FreeTextQuery.asciiForms`).
    @inline(__always)
    static func decimalDigitValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.isASCII {
            return scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
        }
        let value = CICU_decimal_digit_value(scalar.value)
        return value >= 0 ? Int(value) : nil
    }
}
