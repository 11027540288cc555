import CICU

/// Owns one ICU collator handle (closed in `deinit`). Use through `CollationKeyMaker`.
final class ICUCollatorHandle: @unchecked Sendable {
    // @unchecked: the handle is only ever used by one thread at a time, which ICUHandlePool ensures.
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { CICU_collator_close(pointer) }

    static func open(locale: String, strength: CollationStrength) throws(ICUError) -> ICUCollatorHandle {
        var handle: OpaquePointer?
        let status = CICU_collator_open(locale, strength.icuValue, &handle)
        guard status == Int32(CICU_OK), let handle else { throw .openFailed(locale) }
        return ICUCollatorHandle(pointer: handle)
    }

    func clone() -> ICUCollatorHandle? {
        var copy: OpaquePointer?
        guard CICU_collator_clone(pointer, &copy) == Int32(CICU_OK), let copy else { return nil }
        return ICUCollatorHandle(pointer: copy)
    }
}

/// Collation strengths, from case- and accent-blind (primary) to identical.
public enum CollationStrength: Sendable, Hashable {
    /// Base letters only: "Müller" = "muller" = "MULLER".
    case primary
    /// Base letters and accents: "Müller" ≠ "Muller", but = "müller".
    case secondary
    /// Letters, accents and case.
    case tertiary
    /// Tertiary plus punctuation differences under "shifted" settings.
    case quaternary
    /// Code point identity after normalization.
    case identical

    var icuValue: Int32 {
        switch self {
        case .primary: Int32(CICU_STRENGTH_PRIMARY)
        case .secondary: Int32(CICU_STRENGTH_SECONDARY)
        case .tertiary: Int32(CICU_STRENGTH_TERTIARY)
        case .quaternary: Int32(CICU_STRENGTH_QUATERNARY)
        case .identical: Int32(CICU_STRENGTH_IDENTICAL)
        }
    }
}

/// Makes ICU collation sort keys for one locale at one strength, from any thread.
///
/// Sort keys compare with plain byte comparison (`memcmp` order) exactly as the collator compares
/// the strings, so a sorted array of keys supports exact and prefix look-ups by binary search.
/// Concurrency: the maker keeps a pool of cloned collators (see `ICUHandlePool`).
public struct CollationKeyMaker: Sendable {
    /// The locale the collator follows ("" is the CLDR root order).
    public let locale: String
    /// The strength of comparison.
    public let strength: CollationStrength
    private let pool: ICUHandlePool<ICUCollatorHandle>

    /// Opens a collator.
    /// - Parameters:
    ///   - locale: an ICU locale id such as "de" or "sv_SE"; "" for the root order.
    ///   - strength: `.primary` (the default) is case- and accent-blind.
    /// - Throws: `ICUError.openFailed` when ICU cannot open the collator.
    public init(locale: String = "", strength: CollationStrength = .primary) throws(ICUError) {
        self.locale = locale
        self.strength = strength
        let prototype = try ICUCollatorHandle.open(locale: locale, strength: strength)
        self.pool = ICUHandlePool(prototype: prototype) { $0.clone() }
    }

    /// The sort key of `text`, ending with a 0 byte. Invalid UTF-8 cannot occur in a Swift
    /// `String`, so the key is always produced.
    /// - Complexity: O(n) in the length of `text`.
    public func sortKey(_ text: String) -> [UInt8] {
        pool.withHandle { handle in
            text.withUTF8Bytes { bytes, count in
                withGrowingBuffer(initialCapacity: Int(count) * 3 + 8) { out, capacity, length in
                    CICU_collator_sort_key(handle.pointer, bytes, count, out, capacity, &length)
                }.bytes
            }
        }
    }

    /// Appends the sort key of UTF-8 `bytes` (ending with a 0 byte) to `out`; nothing for
    /// invalid UTF-8.
    /// - Complexity: O(n) in the length of `bytes`.
    func appendSortKey(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        pool.withHandle { handle in
            var capacity = bytes.count * 3 + 8
            for _ in 0..<3 {
                let start = out.count
                var length: Int32 = 0
                var status: CICU_Status = 0
                out.append(contentsOf: repeatElement(0, count: capacity))
                out.withUnsafeMutableBufferPointer { buffer in
                    status = CICU_collator_sort_key(handle.pointer, bytes.baseAddress, Int32(bytes.count), buffer.baseAddress! + start, Int32(capacity), &length)
                }
                if status == Int32(CICU_OK) {
                    out.removeLast(capacity - Int(length))
                    return
                }
                out.removeLast(capacity)
                guard status == Int32(CICU_BUFFER_TOO_SMALL) else { return }
                capacity = Int(length) + 16
            }
        }
    }

    /// The bounds of the sort keys of every string that starts with `prefix` at the first level:
    /// `lower <= key(s) < upper` for each such `s`.
    ///
    /// At primary strength a key is the primary weights and a terminating 0, and the weights of a
    /// prefix are a byte prefix of the weights of the whole (weights never hold 0x00, 0x01 or
    /// 0xFF bytes). So the bounds are the prefix's weights, and those weights followed by 0xFF.
    /// (ICU's `ucol_getBound` expects multi-level keys with level separators, which primary keys
    /// lack.) The tests check the prefix property on Latin, Cyrillic, Greek, Han, Devanagari and
    /// Arabic names.
    /// - Complexity: O(n) in the length of `prefix`.
    public func prefixBounds(_ prefix: String) -> (lower: [UInt8], upper: [UInt8]) {
        var weights = sortKey(prefix)
        if weights.last == 0 { weights.removeLast() }
        guard !weights.isEmpty else { return ([], []) }
        return (weights, weights + [0xFF, 0xFF, 0xFF, 0xFF])
    }
}
