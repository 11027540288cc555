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
}
