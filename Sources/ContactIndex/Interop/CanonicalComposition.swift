import CICU

/// Unicode canonical composition (NFC) through ICU, for names stored or typed decomposed.
///
/// Why: a name exported from a Mac (or pasted from some web forms) can be written decomposed,
/// "e" followed by U+0301 COMBINING ACUTE ACCENT, where an agent types "é". The two are the same
/// text to a reader, and Swift's `==` says so too, but the engine compares names as bytes (the
/// exact-name comparison, the umlaut spellings, the script checks): decomposed, "Élodie" was a
/// folded match of itself, and "Müller" had no "Mueller" spelling. Names are composed once, when
/// a contact is prepared and when a query is read, so everything after sees one form.
enum CanonicalComposition {
    /// Whether bytes are NFC without asking ICU: every byte below 0xCC, that is every scalar
    /// below U+0300, where no character composes with what follows or decomposes (ASCII, Latin-1
    /// and the Latin extensions: most names).
    @inline(__always)
    static func isSurelyComposed(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0xCC }
    }

    /// The NFC form of UTF-8 bytes, or nil when they are NFC already (or are not valid UTF-8,
    /// which is then left as it is).
    /// - Complexity: O(n); bytes below 0xCC return at once.
    static func composed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard !isSurelyComposed(bytes), let base = bytes.baseAddress else { return nil }
        var changed: Int32 = 0
        let (status, out) = withGrowingBuffer(initialCapacity: bytes.count + 16) { out, capacity, length in
            CICU_nfc(base, Int32(bytes.count), out, capacity, &length, &changed)
        }
        guard status == Int32(CICU_OK), changed != 0 else { return nil }
        return out
    }

    /// The NFC form of a text (the text itself when it is NFC already).
    /// - Complexity: O(n); text below U+0300 returns at once.
    static func composed(_ text: String) -> String {
        // On the contiguous bytes: every name query asks.
        let surely = text.utf8.withContiguousStorageIfAvailable { isSurelyComposed($0) } ?? isSurelyComposed(text.utf8)
        guard !surely else { return text }
        var copy = text
        return copy.withUTF8 { composed($0) }.map { String(utf8Bytes: $0) } ?? text
    }
}
