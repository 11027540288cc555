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
    private let memo = PthreadMutex<[String: String?]>([:])

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

    /// The reading of `word` in katakana, or nil when MeCab is missing, or does not list it (or
    /// some part of it) as a name of that kind.
    /// - Complexity: a hash look-up for a word read before; a MeCab parse (microseconds) else.
    func reading(of word: String, as kind: Kind = .name) -> String? {
        guard let reader, !word.isEmpty else { return nil }
        let key = kind == .givenName ? "\u{1}" + word : word
        if let known = memo.withLock({ $0[key] }) { return known }
        let reading = Self.parse(word, as: kind, with: reader)
        memo.withLock { table in
            if table.count >= Self.memoCapacity { table.removeAll(keepingCapacity: true) }
            table[key] = .some(reading)
        }
        return reading
    }

    private static func parse(_ word: String, as kind: Kind, with reader: OpaquePointer) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            var capacity = bytes.count * 4 + 32
            for _ in 0..<3 {
                var length: Int32 = 0
                let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    length = bytes.withMemoryRebound(to: CChar.self) { input in
                        out.withMemoryRebound(to: CChar.self) { output in
                            CMeCab_reading(
                                reader, input.baseAddress, Int32(input.count), 1, kind == .givenName ? Self.givenNameFeature : nil,
                                output.baseAddress, Int32(capacity))
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
