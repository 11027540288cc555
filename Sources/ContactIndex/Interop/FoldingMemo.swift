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

    /// A text as a table key, hashed and compared by its UTF-8 bytes. A `String` key hashes a
    /// text beyond ASCII through its canonical composition, a second pass over its bytes at
    /// each look-up: 4–5% of the slowest exact-name look-ups at a million contacts (names in
    /// Greek, Cyrillic, Vietnamese). The texts folded here are composed already (names are
    /// read composed: `CanonicalComposition`); two spellings of one text would only be two
    /// entries.
    struct Key: Hashable {
        /// The text.
        var text: String

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (left: Key, right: Key) -> Bool {
            var left = left.text, right = right.text
            return left.withUTF8 { leftBytes in right.withUTF8 { leftBytes.elementsEqual($0) } }
        }
    }

    private struct Tables {
        var texts: [Key: String] = [:]
        var syllables: [UInt32: String] = [:]
    }

    private let tables = PthreadMutex(Tables())

    /// Whether `text` is short enough to be remembered.
    static func holds(_ text: String) -> Bool {
        text.utf8.count <= maximumLength
    }

    /// The folding remembered for `text`, if any.
    func folding(of text: String) -> String? {
        tables.withLock { $0.texts[Key(text: text)] }
    }

    /// Remembers the folding of `text` (short: see `holds`).
    func remember(_ folded: String, of text: String) {
        tables.withLock { Self.store(folded, for: Key(text: text), in: &$0.texts) }
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
    private static func store<TableKey: Hashable>(_ folding: String, for key: TableKey, in table: inout [TableKey: String]) {
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = folding
    }
}
