/// Facts about Unicode scalars that the name comparisons ask of many scalars a query, read once
/// from the standard library's Unicode data (`Unicode.Scalar.Properties`) for the whole Basic
/// Multilingual Plane and kept as bit sets (8 KiB each, built at first use).
///
/// Why: asked of the standard library each time, whether a letter changes when lower-cased
/// cost a look-up in its property tables for every letter beyond ASCII of every namesake's
/// name read by a whole-name search (four spellings each), and took the exact-name class's
/// p99 at a million contacts from 17.6 to 24.6 µs (`NameSpelling`).
enum ScalarFacts {
    /// Whether the scalar `value` changes when lower-cased (`changesWhenLowercased`).
    @inline(__always)
    static func changesWhenLowercased(_ value: UInt32) -> Bool {
        if value < 0x10000 { return lowercaseChanges.withUnsafeBufferPointer { contains($0, value) } }
        return Unicode.Scalar(value)?.properties.changesWhenLowercased ?? false
    }

    /// The lower-case of a scalar of two UTF-8 bytes (U+0080 to U+07FF: Latin, Greek, Cyrillic,
    /// Armenian capitals) when it is one scalar of two bytes too, else nil (`lowercaseMapping`).
    @inline(__always)
    static func twoByteLowercase(_ value: UInt32) -> UInt32? {
        guard value >= 0x80, value < 0x800 else { return nil }
        let lower = twoByteLowercases.withUnsafeBufferPointer { $0[Int(value - 0x80)] }
        return lower == 0 ? nil : UInt32(lower)
    }

    /// Whether the scalar `value` is a symbol a name search leaves out
    /// (`NameNormalizer.withoutSymbols`): another symbol (emoji, ©), a format character
    /// (joiners), a variation selector or an emoji skin tone.
    @inline(__always)
    static func isDroppedSymbol(_ value: UInt32) -> Bool {
        if value < 0x10000 { return droppedSymbols.withUnsafeBufferPointer { contains($0, value) } }
        if (0x1F3FB...0x1F3FF).contains(value) { return true }
        return Unicode.Scalar(value).map(isDroppedSymbol) ?? false
    }

    private static func isDroppedSymbol(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        if (0xFE00...0xFE0F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .format: return true
        default: return false
        }
    }

    private static let lowercaseChanges = bits { $0.properties.changesWhenLowercased }
    /// `twoByteLowercase` by scalar from U+0080 (0: none of one two-byte scalar).
    private static let twoByteLowercases: [UInt16] = (UInt32(0x80)..<0x800).map { value in
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { return 0 }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first, (0x80..<0x800).contains(only.value) else { return 0 }
        return UInt16(only.value)
    }
    private static let droppedSymbols = bits(isDroppedSymbol)

    @inline(__always)
    private static func contains(_ words: UnsafeBufferPointer<UInt64>, _ value: UInt32) -> Bool {
        words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// The bit set of the Basic Multilingual Plane's scalars that pass `test` (surrogates never).
    private static func bits(_ test: (Unicode.Scalar) -> Bool) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), test(scalar) else { continue }
            words[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        return words
    }
}
