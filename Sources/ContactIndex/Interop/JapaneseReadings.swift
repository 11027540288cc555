import CMeCab

/// How Japanese names written in kanji are read, from MeCab and its IPA dictionary
/// (`CMeCab`): "村上" → "ムラカミ", "山崎" → "ヤマザキ", "美加子" → "ミカコ".
///
/// Why MeCab: no Unicode table holds the readings of Japanese names. ICU's `Any-Latin` reads Han
/// characters as Mandarin ("村上" → "cun shang"), so an agent who typed "Murakami Asuka" for
/// 村上 あすか matched only the given name, written in kana, and about 5% of the transliterated
/// queries of a generated multi-locale directory missed their contact for this. The IPA
/// dictionary reads family names well and given names less so ("治" alone is read "チ", not
/// "オサム"): its readings are extra spellings of a name (`NameNormalizer.alternateRomanization`),
/// never a replacement for ICU's.
///
/// Only words the dictionary lists as names, of persons or organizations (many family names are
/// both), or written in kana, are read: a Chinese name is mostly characters MeCab does not know
/// ("伟") or splits into common words ("小明", "国华"), so its pinyin stays its only spelling. On
/// the Han names of a generated multi-locale directory, the rule for names alone read 94 of 184
/// distinct Japanese ones and 1,074 of 9,617 Chinese ones (mostly one-character family names
/// that Japanese has too: 王, 林, 李), against 121 and 4,019 when every word MeCab can read was.
///
/// Concurrency: one MeCab model and tagger for every thread (each call parses in a lattice of
/// its own), and a memo of the words read, under a lock. When MeCab or its dictionary is
/// missing, there are no readings and the engine works as before.
final class JapaneseReadings: @unchecked Sendable {
    // @unchecked: `reader` is an immutable handle that MeCab allows many threads to use at
    // once (see CMeCab.h); the memo is behind a lock.

    /// The readings of the system's MeCab, opened at first use.
    static let shared = JapaneseReadings()

    /// The most words remembered; the memo starts over when it is full.
    static let memoCapacity = 65_536

    private let reader: OpaquePointer?
    private let memo = PthreadMutex<[String: [String]]>([:])

    private init() {
        reader = CMeCab_open()
    }

    deinit {
        if let reader { CMeCab_close(reader) }
    }

    /// Whether MeCab and its dictionary are installed.
    var isAvailable: Bool { reader != nil }

    /// What a word is read as.
    enum Kind: Sendable {
        /// Any name or names (a family name, a whole name): MeCab's best parse, every word of it
        /// listed as a name or written in kana.
        case name
        /// A given name, whole: its reading as such ("治" → "オサム", not "チ"). The IPA
        /// dictionary lists most Japanese given names, and few Chinese ones.
        case givenName
    }

    /// The readings of `word` in katakana, most likely first, or none when MeCab is missing, or
    /// does not list it (or some part of it) as a name of that kind: the reading of MeCab's best
    /// parse, then, for a given name, the other readings the dictionary lists for the whole
    /// word as a given name.
    ///
    /// Why the others: a given name written in kanji is often read several ways, and the agent
    /// types the one the customer said. The best parse reads 里佳 "サトカ", and an agent told
    /// "Rika" found no one; the dictionary lists both, as it lists 和子 "カズコ" and "マサコ".
    /// Only readings of the whole word: readings pieced together from its characters' (涼 +
    /// 平) would be guesses. Not for family names, whose best parse is their common reading
    /// and whose other listed readings are mostly rare (山田 "ヤマタ" beside "ヤマダ"): with
    /// them, "Asuka Ymaamtoo" (Yamamoto, two typing errors) ranked あすか 山田 first, its
    /// consonants ("ymt") those of "yamata".
    /// - Complexity: a hash look-up for a word read before; one MeCab parse (microseconds), two
    ///   for a given name, else.
    func readings(of word: String, as kind: Kind = .name) -> [String] {
        guard let reader, !word.isEmpty else { return [] }
        let key = kind == .givenName ? "\u{1}" + word : word
        if let known = memo.withLock({ $0[key] }) { return known }
        var readings: [String] = []
        if let best = Self.call(word, { input, count, output, capacity in
            CMeCab_reading(reader, input, count, 1, kind == .givenName ? Self.givenNameFeature : nil, output, capacity)
        }) {
            readings.append(best)
        }
        if kind == .givenName, !readings.isEmpty {
            for reading in listedReadings(of: word, as: kind) where !readings.contains(reading) { readings.append(reading) }
        }
        memo.withLock { table in
            if table.count >= Self.memoCapacity { table.removeAll(keepingCapacity: true) }
            table[key] = readings
        }
        return readings
    }

    /// The readings the dictionary lists for the whole of `word` as one name of that kind (for
    /// `.name`, a person's or an organization's), most common first (by its word cost), each
    /// once; none when MeCab is missing or the dictionary lists no such word.
    func listedReadings(of word: String, as kind: Kind) -> [String] {
        guard let reader, !word.isEmpty else { return [] }
        let listed = Self.call(word) { input, count, output, capacity in
            CMeCab_wordReadings(reader, input, count, kind == .givenName ? Self.givenNameFeature : nil, output, capacity)
        }
        return listed?.split(separator: " ").map(String.init) ?? []
    }

    /// The text `function` writes for `word` (CMeCab's convention: the length written, or a
    /// negative `CMECAB_` code), with more room while it asks for it; nil for no reading.
    private static func call(
        _ word: String, _ function: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32) -> Int32
    ) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            var capacity = bytes.count * 4 + 32
            for _ in 0..<3 {
                var length: Int32 = 0
                let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    length = bytes.withMemoryRebound(to: CChar.self) { input in
                        out.withMemoryRebound(to: CChar.self) { output in
                            function(input.baseAddress, Int32(input.count), output.baseAddress, Int32(capacity))
                        }
                    }
                    count = max(Int(length), 0)
                }
                if length == Int32(CMECAB_BUFFER_TOO_SMALL) {
                    capacity *= 4
                    continue
                }
                guard length > 0 else { return nil }
                return String(decoding: text, as: UTF8.self)
            }
            return nil
        }
    }

    /// The IPA dictionary's features of a given name.
    private static let givenNameFeature = "名詞,固有名詞,人名,名"
}
