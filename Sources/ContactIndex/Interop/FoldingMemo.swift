/// The foldings a `ScriptFolder` remembers: of short texts and words, and of single Han
/// characters (see `HanSyllables`), shared by all its ICU handles.
///
/// Why shared: the handles are lent per call (`ICUHandlePool`), so with one memo per handle a
/// word folded at load on one thread was not remembered by the handle another thread took
/// later. A single-contact update then asked ICU again, about 10 µs a word, for one name in
/// thirty of the multi-script export's, though every one of its words had been folded at load.
/// Each look-up takes the memo's lock for a hash look-up, tens of nanoseconds; ICU is called
/// outside it.
final class FoldingMemo: Sendable {
    /// The most texts (and, apart, Han characters) held; the memo starts over when it is full.
    static let capacity = 131_072
    /// The longest text remembered, in UTF-8 bytes.
    static let maximumLength = 48

    private struct Tables {
        var texts: [String: String] = [:]
        var syllables: [UInt32: String] = [:]
    }

    private let tables = PthreadMutex(Tables())

    /// Whether `text` is short enough to be remembered.
    static func holds(_ text: String) -> Bool {
        text.utf8.count <= maximumLength
    }

    /// The folding remembered for `text`, if any.
    func folding(of text: String) -> String? {
        tables.withLock { $0.texts[text] }
    }

    /// Remembers the folding of `text` (short: see `holds`).
    func remember(_ folded: String, of text: String) {
        tables.withLock { Self.store(folded, for: text, in: &$0.texts) }
    }

    /// The folding remembered for the Han character `scalar`, if any.
    func syllable(_ scalar: UInt32) -> String? {
        tables.withLock { $0.syllables[scalar] }
    }

    /// Remembers the folding of the Han character `scalar`.
    func remember(syllable: String, of scalar: UInt32) {
        tables.withLock { Self.store(syllable, for: scalar, in: &$0.syllables) }
    }

    /// Adds `folding` to `table`, which starts over when it holds `capacity`.
    private static func store<Key: Hashable>(_ folding: String, for key: Key, in table: inout [Key: String]) {
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = folding
    }
}
