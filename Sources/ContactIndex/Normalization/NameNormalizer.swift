/// Turns person and company names into match keys: folded ASCII tokens and ICU collation keys.
///
/// - `fold(_:)` gives lower-case ASCII Latin for any script. Plain ASCII takes a fast path in
///   Swift (a lower-casing copy); anything else goes through ICU (`ScriptFolder`: NFKC case
///   folding, the Arabic alef maqsura read as an alef, `Any-Latin`, `Latin-ASCII`, modifier
///   letters removed).
/// - `tokens(_:)` splits the folded text into tokens at anything that is not a letter or digit;
///   apostrophes inside a word join ("O'Brien" → "obrien").
/// - `collationKey(_:)` is the ICU sort key at primary strength (case- and accent-blind), the key
///   for exact and prefix name look-ups by binary search.
public struct NameNormalizer: Sendable {
    /// The ICU services, one reference: a search reads the normalizer through copies of the
    /// structures that hold it, and with its services stored inline each copy took a
    /// retain and a release of every one (about 1.5% of an exact-name look-up).
    private final class Services: Sendable {
        let folder: ScriptFolder
        let collation: CollationKeyMaker
        let conventionalFolder: ScriptFolder
        let ukrainianFolder: ScriptFolder
        let yoFolder: ScriptFolder
        let indicFolder: ScriptFolder
        let koreanGivenNameFolder: ScriptFolder
        let koreanPopularFolder: ScriptFolder
        let readingFolders: [ScriptFolder]

        init(
            folder: ScriptFolder, collation: CollationKeyMaker, conventionalFolder: ScriptFolder, ukrainianFolder: ScriptFolder,
            yoFolder: ScriptFolder, indicFolder: ScriptFolder, koreanGivenNameFolder: ScriptFolder, koreanPopularFolder: ScriptFolder,
            readingFolders: [ScriptFolder]
        ) {
            self.folder = folder
            self.collation = collation
            self.conventionalFolder = conventionalFolder
            self.ukrainianFolder = ukrainianFolder
            self.yoFolder = yoFolder
            self.indicFolder = indicFolder
            self.koreanGivenNameFolder = koreanGivenNameFolder
            self.koreanPopularFolder = koreanPopularFolder
            self.readingFolders = readingFolders
        }
    }

    private let services: Services
    private var folder: ScriptFolder { services.folder }
    private var collation: CollationKeyMaker { services.collation }
    /// The romanization English texts use for Cyrillic and Greek (see `alternateRomanization`).
    private var conventionalFolder: ScriptFolder { services.conventionalFolder }
    /// The romanization of Ukrainian names (see `alternateRomanization`).
    private var ukrainianFolder: ScriptFolder { services.ukrainianFolder }
    /// BGN/PCGN with ё spelt "yo" (`CyrillicNameSpellings.yoRules`).
    private var yoFolder: ScriptFolder { services.yoFolder }
    /// `indicRules`.
    private var indicFolder: ScriptFolder { services.indicFolder }
    /// Korean given names as the Revised Romanization spells them (`KoreanGivenNameSpelling`).
    private var koreanGivenNameFolder: ScriptFolder { services.koreanGivenNameFolder }
    /// Korean given names in their popular spelling (`KoreanGivenNameSpelling.popularSpelling`).
    private var koreanPopularFolder: ScriptFolder { services.koreanPopularFolder }
    /// Japanese readings (katakana, from `JapaneseReadings`) spelt as written, long vowels
    /// and all ("タロウ" → "tarou"), and as Hepburn without its macrons ("taro"), the way
    /// passports and English texts write them.
    private var readingFolders: [ScriptFolder] { services.readingFolders }

    /// The chain of `alternateRomanization`: BGN/PCGN for Cyrillic (ICU's `Russian-Latin/BGN`),
    /// UNGEGN for Greek, then what is left as `fold` would, and ASCII without modifier letters.
    static let conventionalChain = "Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII; [:Lm:] Remove"

    /// The chain for Ukrainian names (ICU's `Ukrainian-Latin/BGN`, the BGN/PCGN 2019 system,
    /// close to the national one of Ukrainian passports: "Гаєвський" → "hayevskyy", "Ігор" →
    /// "ihor", where the Russian system gives "gaevskiy" and "igor").
    static let ukrainianChain = "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; [:Lm:] Remove"

    /// The rules for names written in Devanagari, Bengali, Gurmukhi or Gujarati letters, as Indian
    /// English spells them. ICU's `Any-Latin` gives ISO 15919, which writes every consonant's
    /// inherent vowel and the sibilants as "ś" and "ṣ": "rājeśa kumāra" for राजेश कुमार, whom
    /// agents type "Rajesh Kumar". So, after ICU's transform, these rules drop the inherent "a"
    /// that ends a word after a vowel and one consonant (or aspirated consonant, "kh"; a nasal
    /// may come between: "sinh" for सिंह), keep it after a cluster ("mishra", "krishna",
    /// "chandra"), and write ś and ṣ "sh", c "ch", ṛ "ri" ("ashish", "krishna"); then ASCII as
    /// `fold` does. Hindi also drops inherent vowels inside words ("Arvind", not "aravind"):
    /// those stay, one or two typing errors away.
    static let indicRules = """
        ::Any-Latin ;
        $v = [aāiīuūeēoōŏĕêôæ\\u0325] ; $n = [nṅṁṃ\\u0303\\u0310] ; $c = [bcdfghjklmnpqrstvwxyzḍḷṅṇñṣśṭ] ;
        $a = [kgcjṭḍtdpb] ; $e = [^[:L:][:M:]] ;
        $v $n? $a h { a } $e > ; $v $n? $a h { a } $ > ; $v $n? $c { a } $e > ; $v $n? $c { a } $ > ;
        ::Null ;
        ś > sh ; ṣ > sh ; c > ch ; r \\u0325 > ri ;
        ::Latin-ASCII ; ::[:Lm:] Remove ;
        """

    /// The chains of `readingFolders`. Through hiragana: ICU's Katakana-Latin spells a small
    /// "ョ" apart ("キョウスケ" → "ki~yousuke"); its Hiragana-Latin does not.
    static let readingChains = [
        "Katakana-Hiragana; Hiragana-Latin; Latin-ASCII; [:Lm:] Remove",
        "Katakana-Hiragana; ja_Hrkt-ja_Latn/BGN; Latin-ASCII; [:Lm:] Remove",
    ]

    /// Opens the ICU folder and collator.
    /// - Parameter collationLocale: the collation locale ("" for the CLDR root order).
    /// - Throws: `ICUError` when ICU cannot open them.
    public init(collationLocale: String = "") throws(ICUError) {
        var readingFolders: [ScriptFolder] = []
        for chain in Self.readingChains {
            readingFolders.append(try ScriptFolder(transliteratorID: chain, composingHan: false, splittingWords: false))
        }
        services = Services(
            folder: try ScriptFolder(), collation: try CollationKeyMaker(locale: collationLocale, strength: .primary),
            conventionalFolder: try ScriptFolder(transliteratorID: Self.conventionalChain),
            ukrainianFolder: try ScriptFolder(transliteratorID: Self.ukrainianChain), yoFolder: try ScriptFolder(rules: CyrillicNameSpellings.yoRules),
            indicFolder: try ScriptFolder(rules: Self.indicRules), koreanGivenNameFolder: try ScriptFolder(rules: KoreanGivenNameSpelling.rules),
            koreanPopularFolder: try ScriptFolder(rules: KoreanGivenNameSpelling.popularRules), readingFolders: readingFolders)
    }

    /// The shared normalizer with the root collation order.
    public static let shared: NameNormalizer = {
        do { return try NameNormalizer() } catch { fatalError("ICU could not open the root collator or the Any-Latin transliterator: \(error)") }
    }()

    /// Folds a name to lower-case ASCII Latin ("Müller" → "muller", "Иванов" → "ivanov").
    ///
    /// A word in Thai letters is one word of Latin letters ("ชัฎชา" → "chadcha"): ICU's Thai
    /// transliteration puts a space between its syllables ("chad cha"), and each syllable was
    /// then a name token of its own, matched exactly by whatever query held it ("nat" found
    /// นาฏคายี, "natkhayi", as an exact token, above Nathan Charlton, a nickname match). Thai
    /// writes no space inside a name, and romanized Thai names are written as one word.
    /// - Complexity: O(n); ASCII input never reaches ICU.
    public func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return EmailNormalizer.asciiLowercased(text)
        }
        guard Self.hasThaiLetters(text.utf8) else { return folder.fold(text) }
        return text.split(whereSeparator: { $0.isWhitespace }).map { word in
            let folded = folder.fold(String(word))
            return Self.hasThaiLetters(word.utf8) ? String(folded.unicodeScalars.filter { $0 != " " }) : folded
        }.joined(separator: " ")
    }

    /// Whether the text holds a character of the Thai block (U+0E00–U+0E7F, whose UTF-8 starts
    /// E0 B8 or E0 B9).
    /// - Complexity: O(n) in bytes, no scalar decoded: every name beyond ASCII is folded through
    ///   here, and decoding its scalars was 1% of an exact look-up of a Devanagari name.
    static func hasThaiLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        var afterLead = false
        for byte in bytes {
            if afterLead, byte == 0xB8 || byte == 0xB9 { return true }
            afterLead = byte == 0xE0
        }
        return false
    }

    /// Other spellings of a name written in another script than Latin. For Cyrillic and Greek,
    /// the romanization English texts and passports use (BGN/PCGN: "Пушкин" → "pushkin", "Хрущёв" → "khrushchev", "Юрий" →
    /// "yuriy"; UNGEGN: "Ελένη" → "eleni"), where `fold` gives ICU's scholarly one ("puskin",
    /// "hrusev", "urij", "elene"). Agents type the former. A Cyrillic name that is Ukrainian by
    /// its letters (`isUkrainian`: і, ї, є, ґ, or the soft "ськ"/"цьк" of "-ський") also gets
    /// the Ukrainian system's spelling ("Гаєвський" → "gaevs'kiy hayevs'kyy", the tokens
    /// "gaevskiy" and "hayevskyy"). For Korean family names, the
    /// spellings in common use (`KoreanFamilyNameSpellings`: 이 → "lee yi rhee", where
    /// `fold` gives "i"; a name written without a space, 이민지, also gives its parts apart:
    /// "lee yi rhee i minji"); for Korean given names, their Revised Romanization as one word
    /// (`KoreanGivenNameSpelling`: 연숙 → "yeonsuk", where `fold` gives "yeonsug"). For
    /// Chinese family names that ICU reads as another word, their
    /// reading as family names (`ChineseFamilyNameReadings`: 曾 → "zeng", where `fold` gives
    /// "ceng"). For names in Devanagari, Bengali, Gurmukhi or Gujarati letters, the spelling of
    /// Indian English (`indicRules`: राजेश कुमार → "rajesh kumar", where `fold` gives "rajesa
    /// kumara"). For words with kanji, their Japanese readings (`JapaneseReadings`:
    /// 村上 → "murakami", where `fold` gives "cun shang"; 遠藤 → "endou endo"), else the given
    /// name of a Chinese name written as one word as one word (吴斌瑞 → "binrui"); for words in
    /// kana alone, their spellings with and without long vowels (`kanaSpellings`). For a Latin
    /// name with umlauts or Nordic vowels, its German and Nordic spelling without them
    /// (`umlautTranscription`: "Müller" → "mueller"). Nil for names in other scripts, and when
    /// none of this applies.
    /// - Complexity: O(n); one ICU transform for Cyrillic or Greek text, a MeCab parse and two
    ///   ICU transforms for each word with kanji not read before, none otherwise.
    /// - Parameter asGivenName: the text is a given name (a contact's first-name field): a word
    ///   in kanji is read as a given name, whole (`JapaneseReadings.Kind.givenName`: 治 →
    ///   "osamu", where its best parse as any word is "chi").
    public func alternateRomanization(_ text: String, asGivenName: Bool = false) -> String? {
        if let transcribed = Self.umlautTranscription(text) { return fold(transcribed) }
        if Self.hasCyrillicOrGreek(text.utf8) {
            let conventional = Self.withGreekInitialDigraphs(conventionalFolder.fold(text), of: text)
            guard Self.isUkrainian(text) else { return conventional }
            return conventional + " " + ukrainianFolder.fold(text)
        }
        if let korean = koreanSpellings(text) { return korean }
        if Self.hasIndicLetters(text.utf8) { return indicFolder.fold(text) }
        return hanSpellings(text, asGivenName: asGivenName) ?? kanaSpellings(text)
    }

    /// The spellings of the words of `text` written in kana alone, space-separated: by every
    /// `readingFolders` chain, and without long vowels, as passports write them (Hepburn: "ou"
    /// and "oo" as "o", "uu" as "u"): "いとう" → "itou ito", "ユウコ" → "yuuko yuko"; nil when
    /// there is none. The fold writes long vowels out ("yuuko"), agents mostly do not ("Yuko
    /// Ito"); the kanji names' readings are spelt both ways too (`hanSpellings`). A name whose "ou" is
    /// two vowels ("いのうえ", Inoue) gets one spelling no one types ("inoe") beside its own.
    private func kanaSpellings(_ text: String) -> String? {
        var spellings: [String] = []
        // Only ASCII spellings: a chain writes a lone long-vowel mark ("ー") as a combining macron.
        func add(_ spelling: String) {
            if !spelling.isEmpty, spelling.utf8.allSatisfy({ $0 < 0x80 }), !spellings.contains(spelling) { spellings.append(spelling) }
        }
        for word in text.split(whereSeparator: { $0.isWhitespace }) where word.unicodeScalars.allSatisfy(Self.isKana) {
            forEachSpelling(ofReading: String(word), add)
        }
        return spellings.isEmpty ? nil : spellings.joined(separator: " ")
    }

    /// Calls `body` with each spelling of a Japanese reading in kana: by every `readingFolders`
    /// chain, each as written and without long vowels (`withoutLongVowels`).
    private func forEachSpelling(ofReading reading: String, _ body: (String) -> Void) {
        for folder in readingFolders {
            let spelling = folder.fold(reading)
            body(spelling)
            body(Self.withoutLongVowels(spelling))
        }
    }

    /// A romanized Japanese reading without its long vowels, as passports write it (Hepburn
    /// without macrons: "ou" and "oo" as "o", "uu" as "u"): "itou" → "ito", "oota" → "ota".
    static func withoutLongVowels(_ spelling: String) -> String {
        spelling.replacing("ou", with: "o").replacing("oo", with: "o").replacing("uu", with: "u")
    }

    /// Whether a scalar is a hiragana or katakana letter or mark (the halfwidth ones included).
    private static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: true
        default: false
        }
    }

    /// `text` with its umlauts and Nordic vowels written as German, Danish and Norwegian
    /// spell them without those letters: ä, ö, ü as "ae", "oe", "ue", ø as "oe", å as "aa"
    /// ("Müller" → "Mueller", "Ødegård" → "Oedegaard"), or nil when it has none. The fold
    /// drops the marks ("muller", "odegard"); agents type these spellings as often, and a
    /// name stored with one of them ("Mueller") is another contact's spelling, not this one.
    /// - Complexity: O(n) in the scalars; no allocation when there is none of these letters.
    static func umlautTranscription(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        // Composed letters only (U+00C4…U+00FC): NFC text, as names are typed and stored.
        guard scalars.contains(where: { $0.value >= 0xC4 && $0.value <= 0xFC && umlautSpellings[$0.value] != nil }) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            if let spelled = umlautSpellings[scalar.value] { out.append(contentsOf: spelled.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// Whether UTF-8 `bytes` hold one of the letters `umlautTranscription` spells otherwise
    /// (composed, as there): a byte scan, no decoding.
    static func hasUmlautLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            // Ä Å Ö Ø Ü ä å ö ø ü: C3 followed by one of these.
            if previous == 0xC3 {
                switch byte {
                case 0x84, 0x85, 0x96, 0x98, 0x9C, 0xA4, 0xA5, 0xB6, 0xB8, 0xBC: return true
                default: break
                }
            }
            previous = byte
        }
        return false
    }

    /// The letters of `umlautTranscription` and how they are spelt without their marks.
    private static let umlautSpellings: [UInt32: String] = [
        0xE4: "ae", 0xF6: "oe", 0xFC: "ue", 0xF8: "oe", 0xE5: "aa",
        0xC4: "Ae", 0xD6: "Oe", 0xDC: "Ue", 0xD8: "Oe", 0xC5: "Aa",
    ]

    /// The customary spellings of the Korean family names among the words of `text`; for a
    /// whole name written without a space (김민준, folded "gimminjun"), also ICU's folding of
    /// its family name and of its given name apart ("kim gim minjun"); and the given names'
    /// Revised Romanization (`KoreanGivenNameSpelling`). Nil when there is none.
    private func koreanSpellings(_ text: String) -> String? {
        guard KoreanFamilyNameSpellings.hasHangul(text) else { return nil }
        var spellings: [String] = []
        func add(_ words: [String]) {
            for word in words where !word.isEmpty && !spellings.contains(word) { spellings.append(word) }
        }
        // Each given name's ICU spelling as one word, for its Revised Romanization after the rest.
        var givenNames: [(name: String, folded: String)] = []
        for name in KoreanFamilyNameSpellings.names(in: text) {
            switch name {
            case .familyName(let family):
                add(KoreanFamilyNameSpellings.table[family] ?? [])
            case .wholeName(let family, let given):
                add(KoreanFamilyNameSpellings.table[family] ?? [])
                // The given name as ICU writes it (its parts, as a query in Hangul folds), and
                // as one word.
                let folded = folder.fold(given)
                add([folder.fold(family), folded, Self.oneWord(folded)])
                givenNames.append((given, Self.oneWord(folded)))
            case .otherWord(let word):
                givenNames.append((word, Self.oneWord(folder.fold(word))))
            }
        }
        // A given name's Revised Romanization, where it is not ICU's ("yeonsuk" for 연숙, none for 민지).
        for given in givenNames {
            let spelled = Self.oneWord(koreanGivenNameFolder.fold(given.name))
            if spelled != given.folded { add([spelled]) }
        }
        return spellings.isEmpty ? nil : spellings.joined(separator: " ")
    }

    /// A Korean given name's ICU spelling as one word: ICU marks some syllable breaks with a
    /// hyphen ("sun-og" for 순옥), and a given name is written in Latin letters as one word.
    private static func oneWord(_ text: String) -> String { String(text.unicodeScalars.filter { $0 != "-" && $0 != " " }) }

    /// The spellings of a name that people type and no romanization system gives, derived from
    /// the romanizations (`alternateRomanization`), space-separated, each once, none of those:
    /// for a Russian or Ukrainian name, those of `CyrillicNameSpellings` and ё as "yo"
    /// ("Дмитрий" → "dmitry dmitri dmitrii", "Фёдор" → "fyodor"); for a Korean given name, its
    /// popular spelling (`KoreanGivenNameSpelling.popularSpelling`: 현우 → "hyunwoo"). Nil
    /// when there is none.
    ///
    /// A name is indexed under them as under Latin spellings (`NameIndexWriter`): they are
    /// spellings as people type them, matched exactly, as prefixes and as typing errors, not
    /// romanizations that a consonant skeleton compares loosely, which the romanization they
    /// come from is. Filed under skeletons, a Korean name's "sungmin" was a romanized match
    /// three edits from "Sengimn", above the Latin Seongmin Park two typing errors away.
    /// - Complexity: O(n); for Cyrillic text, `conventionalTokenSpellings` and
    ///   `alternateRomanization`'s transforms (remembered); for Hangul, two ICU transforms per
    ///   given name.
    func derivedSpellings(_ text: String, asGivenName: Bool = false) -> String? {
        var derived: [String] = []
        if Self.hasCyrillic(text.utf8), let lists = conventionalTokenSpellings(text) {
            let romanized = Set(Self.splitTokens(alternateRomanization(text, asGivenName: asGivenName) ?? ""))
            for list in lists {
                for token in list where !romanized.contains(token) && !derived.contains(token) { derived.append(token) }
            }
        } else if KoreanFamilyNameSpellings.hasHangul(text) {
            for name in KoreanFamilyNameSpellings.names(in: text) {
                let given: String
                switch name {
                case .familyName: continue
                case .wholeName(_, let name): given = name
                case .otherWord(let word): given = word
                }
                let popular = KoreanGivenNameSpelling.popularSpelling(transformed: Self.oneWord(koreanPopularFolder.fold(given)))
                let icu = Self.oneWord(folder.fold(given))
                let revised = Self.oneWord(koreanGivenNameFolder.fold(given))
                if popular != icu, popular != revised, !derived.contains(popular) { derived.append(popular) }
            }
        }
        return derived.isEmpty ? nil : derived.joined(separator: " ")
    }

    /// The tokens of `derivedSpellings` that `main` (the name's tokens and its romanizations')
    /// does not already hold, in order.
    /// - Complexity: as `derivedSpellings`.
    func derivedTokens(_ text: String, besides main: [String], asGivenName: Bool = false) -> [String] {
        guard let derived = derivedSpellings(text, asGivenName: asGivenName) else { return [] }
        return Self.newTokens(of: derived, besides: main)
    }

    /// The other spellings of the words of `text` that hold Han characters, space-separated;
    /// nil when there is none:
    /// - outside a given name, the reading of a family name that ICU reads as another word
    ///   (`ChineseFamilyNameReadings`: 曾 → "zeng", where the fold gives "ceng"), for a word that
    ///   is one, or that starts the text as a whole name written without a space ("曾伟");
    /// - a word's Japanese reading, spelt by every `readingFolders` chain ("村上" → "murakami");
    /// - else, for a whole Chinese name written as one word of three or four characters
    ///   ("吴斌瑞", folded "wu bin rui"), its given name as one word ("binrui"), as it is written
    ///   in Latin letters; the first character is the family name (a name with a family name of
    ///   two characters, "欧阳", gets a wrong one). A given name in a field of its own gets this
    ///   as its joined form.
    private func hanSpellings(_ text: String, asGivenName: Bool) -> String? {
        guard HanSyllables.hasHan(text) else { return nil }
        var spellings: [String] = []
        func add(_ spelling: String) {
            if !spelling.isEmpty, !spellings.contains(spelling) { spellings.append(spelling) }
        }
        for (position, word) in text.split(whereSeparator: { $0.isWhitespace }).enumerated()
        where word.unicodeScalars.contains(where: HanSyllables.isHan) {
            // A family name's own reading first (曾 "zeng" where ICU reads "ceng").
            if !asGivenName {
                for reading in ChineseFamilyNameReadings.readings(of: word, leading: position == 0) { add(reading) }
            }
            let readings = JapaneseReadings.shared.readings(of: String(word), as: asGivenName ? .givenName : .name)
            if !readings.isEmpty {
                // As written and as passports write it: 太田 (オオタ) is "oota" by both chains,
                // "Ota" on a passport.
                for reading in readings { forEachSpelling(ofReading: reading, add) }
            } else if (3...4).contains(word.unicodeScalars.count), word.unicodeScalars.allSatisfy(HanSyllables.isHan) {
                add(String(folder.fold(String(word.dropFirst())).unicodeScalars.filter { $0 != " " }))
            }
        }
        return spellings.isEmpty ? nil : spellings.joined(separator: " ")
    }

    /// The spellings of each word of a Cyrillic or Greek text as English texts, passports and
    /// CRMs write it: one list per token of its BGN/PCGN and UNGEGN spelling, that token first,
    /// then, aligned word for word, the Ukrainian system's for a Ukrainian name and the spelling
    /// with ё as "yo" for a name with ё, then the spellings derived from these
    /// (`CyrillicNameSpellings`), and for a Greek word starting with γκ or ντ its spellings
    /// with "g", "gk" and "d" (`withGreekInitialDigraphs`). A spelling that does not line up
    /// word for word with the BGN/PCGN one is left out. Nil for text without Cyrillic or Greek
    /// letters.
    /// - Complexity: O(n); one ICU transform by the conventional chain, one more for a Ukrainian
    ///   name and one for a name with ё (their words remembered).
    func conventionalTokenSpellings(_ text: String) -> [[String]]? {
        guard Self.hasCyrillicOrGreek(text.utf8) else { return nil }
        var lists = Self.splitTokens(conventionalFolder.fold(text)).map { [$0] }
        func addAligned(_ tokens: [String]) {
            guard tokens.count == lists.count else { return }
            for (position, token) in tokens.enumerated() where !lists[position].contains(token) { lists[position].append(token) }
        }
        let cyrillic = Self.hasCyrillic(text.utf8)
        if cyrillic, Self.isUkrainian(text) { addAligned(Self.splitTokens(ukrainianFolder.fold(text))) }
        if cyrillic, CyrillicNameSpellings.hasYo(text) { addAligned(Self.splitTokens(yoFolder.fold(text))) }
        let greek = Self.hasGreek(text.utf8)
        for position in lists.indices {
            for token in lists[position] {
                var others = cyrillic ? CyrillicNameSpellings.variants(of: token) : []
                if greek { others += Self.splitTokens(Self.withGreekInitialDigraphs(token, of: text)).dropFirst() }
                for other in others where !lists[position].contains(other) { lists[position].append(other) }
            }
        }
        return lists
    }

    /// The tokens of `alternateRomanization` that `tokens(text)` does not already hold, in order.
    /// - Complexity: O(n); one ICU transform for Cyrillic or Greek text, none otherwise.
    func alternateTokens(_ text: String, besides main: [String], asGivenName: Bool = false) -> [String] {
        guard let alternate = alternateRomanization(text, asGivenName: asGivenName) else { return [] }
        return Self.newTokens(of: alternate, besides: main)
    }

    /// The tokens of an `alternateRomanization` that `main` does not hold, once each, in order.
    static func newTokens(of alternate: String, besides main: [String]) -> [String] {
        var out: [String] = []
        for token in splitTokens(alternate) where !main.contains(token) && !out.contains(token) { out.append(token) }
        return out
    }

    /// Whether Cyrillic text may be Ukrainian, and so gets the Ukrainian system's spelling too:
    /// it has one of і, ї, є, ґ (which Russian does not have), or "ськ"/"цьк", a soft sign
    /// before "к" after "с" or "ц" anywhere in the text, as in the surname endings "-ський",
    /// "-цький" ("Гаєвський", "Зарецький": Russian writes "-ский", "-цкий"); or every one of
    /// its Cyrillic letters is in the Ukrainian alphabet (`isWrittenInUkrainianLetters`).
    ///
    /// Why the second: most Ukrainian names have none of Ukrainian's own letters ("Галина
    /// Бабариченко", "Гаврило Рудик", "Олег Бондаренко"), and their passports, and the agents
    /// who read them, write "Halyna" and "Havrylo", two typing errors from the Russian system's
    /// "galina" and "gavrilo", over a six-letter word's budget. Such a name may as well be
    /// Russian: it then has one spelling no one types ("husev" for Гусев) beside its own, an
    /// extra spelling only. A name with a letter Ukrainian does not write (ы, э, ё, ъ;
    /// Serbian's ј, Kazakh's ә, …) or a word that Ukrainian would start with "і" ("Иванов")
    /// keeps the Russian system alone ("Крылов", "Эдуард", "Игорь").
    static func isUkrainian(_ text: String) -> Bool {
        let lowered = text.lowercased().unicodeScalars
        return hasUkrainianMarks(lowered) || isWrittenInUkrainianLetters(lowered: lowered)
    }

    /// Whether lower-case Cyrillic text has one of Ukrainian's own letters (і, ї, є, ґ) or its
    /// "ськ" or "цьк" (see `isUkrainian`).
    private static func hasUkrainianMarks(_ lowered: String.UnicodeScalarView) -> Bool {
        var previous: Unicode.Scalar = " "
        var beforePrevious: Unicode.Scalar = " "
        for scalar in lowered {
            switch scalar {
            case "і", "ї", "є", "ґ": return true
            case "к" where previous == "ь" && (beforePrevious == "с" || beforePrevious == "ц"): return true
            default: break
            }
            beforePrevious = previous
            previous = scalar
        }
        return false
    }

    /// The lower-case letters of the Ukrainian alphabet (its apostrophe, "Мар'яна", is no
    /// Cyrillic character: not looked at).
    private static let ukrainianLetters: Set<Unicode.Scalar> = Set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя".unicodeScalars)

    /// Whether text has Cyrillic letters, each of them (in either case) a letter of the
    /// Ukrainian alphabet, and no word starting with "и", which Ukrainian writes "і" ("Иван",
    /// "Ирина" are Russian: Іван, Ірина); characters of other scripts are not looked at.
    static func isWrittenInUkrainianLetters(_ text: String) -> Bool {
        isWrittenInUkrainianLetters(lowered: text.lowercased().unicodeScalars)
    }

    /// `isWrittenInUkrainianLetters` of text already lower-cased.
    private static func isWrittenInUkrainianLetters(lowered: String.UnicodeScalarView) -> Bool {
        var cyrillic = false
        var wordStart = true
        for scalar in lowered {
            defer { wordStart = !ICUCharacterProperties.isAlphabetic(scalar) }
            guard (0x400...0x52F).contains(scalar.value) else { continue }
            guard ukrainianLetters.contains(scalar), !(wordStart && scalar == "и") else { return false }
            cyrillic = true
        }
        return cyrillic
    }

    /// Whether the text holds a Devanagari, Bengali, Gurmukhi or Gujarati letter (`indicRules`).
    static func hasIndicLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { (0x900...0xAFF).contains($0.value) }
    }

    /// Whether the text holds a Cyrillic letter.
    static func hasCyrillic(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { (0x400...0x52F).contains($0.value) }
    }

    /// Whether the text holds a Greek letter.
    static func hasGreek(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { (0x370...0x3FF).contains($0.value) || (0x1F00...0x1FFF).contains($0.value) }
    }

    /// Whether the text holds a Cyrillic or Greek letter.
    static func hasCyrillicOrGreek(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { (0x370...0x52F).contains($0.value) || (0x1F00...0x1FFF).contains($0.value) }
    }

    /// `conventional`, the conventional spelling of `text`, with the spellings Greeks give a name
    /// that starts with γκ or ντ after it: ICU writes these "nk" and "nt" at a word's start
    /// (Γκαλίου "nkaliou", Ντόρα "ntora"), where passports (ELOT 743) write "gk" and English
    /// texts "g" and "d" ("Gkaliou", "Galiou", "Dora"). Other text is returned as it is.
    /// - Complexity: O(n).
    static func withGreekInitialDigraphs(_ conventional: String, of text: String) -> String {
        guard containsScalar(text.utf8, where: { (0x370...0x3FF).contains($0.value) || (0x1F00...0x1FFF).contains($0.value) })
        else { return conventional }
        var extra: [String] = []
        for word in conventional.split(separator: " ") {
            if word.hasPrefix("nk") {
                extra += ["g" + word.dropFirst(2), "gk" + word.dropFirst(2)]
            } else if word.hasPrefix("nt") {
                extra.append("d" + word.dropFirst(2))
            }
        }
        return extra.isEmpty ? conventional : ([conventional] + extra).joined(separator: " ")
    }

    /// The folded tokens of a name, in order ("Smith-Jones, Mary Ann" → ["smith", "jones", "mary", "ann"]).
    /// - Complexity: O(n).
    public func tokens(_ text: String) -> [String] {
        Self.splitTokens(fold(text))
    }

    /// The tokens of `tokens(text)`, each with whether a hyphen follows it in the text before
    /// the next token ("al" in "Mar Al-" and "Al-Gh", "jean" in "Jean-Pi"): a token the agent
    /// typed whole, as the first part of a hyphenated name, not the start of a longer one.
    /// - Complexity: O(n), plus the fold.
    public func tokensMarkingHyphens(_ text: String) -> [(token: String, beforeHyphen: Bool)] {
        Self.splitTokensMarkingHyphens(fold(text))
    }

    /// The primary-strength collation key of a whole name, with spacing and punctuation normalized
    /// (runs of separators become one space) so that "Smith,  John" and "smith john" share a key.
    /// - Complexity: O(n).
    public func collationKey(_ text: String) -> [UInt8] {
        collation.sortKey(Self.normalizedSpacing(text))
    }

    /// The key bounds of every name that starts with `prefix` (see `CollationKeyMaker.prefixBounds`).
    public func collationPrefixBounds(_ prefix: String) -> (lower: [UInt8], upper: [UInt8]) {
        collation.prefixBounds(Self.normalizedSpacing(prefix))
    }

    /// `text` without the symbols beyond ASCII that the fold drops (CICU's folding rules):
    /// emoji and their skin-tone modifiers, joiners, variation selectors, signs such as ©,
    /// trimmed; the text itself when it has none. A query pasted from a chat ("John Smith 👍")
    /// then meets the whole names by collation key and spelling, as the tokens already did.
    /// Not the spacing accents (˜, ¨, ´: modifier symbols too), which the fold's NFKC step turns
    /// into a space and an accent before that rule: a name stored with them (a mis-decoded
    /// "N˜zamett˜n") keeps its words, and so must the query that names it.
    /// - Complexity: O(n); ASCII returns at once.
    static func withoutSymbols(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        func isSymbol(_ scalar: Unicode.Scalar) -> Bool { ScalarFacts.isDroppedSymbol(scalar.value) }
        guard text.unicodeScalars.contains(where: isSymbol) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isSymbol(scalar) { kept.append(scalar) }
        return String(Substring(String(kept)).trimmingWhitespace())
    }

    /// Whether a name is written, at least in part, in a script other than Latin ("Иванов",
    /// "王", "Ελένη"; not "Müller" or "Nguyễn"): its folded tokens are ICU's romanization, which
    /// people spell differently (see `ConsonantSkeleton`).
    /// - Complexity: O(n); ASCII returns at once. The Alphabetic property is read from ICU's
    ///   trie (`ICUCharacterProperties`), and only past the Latin blocks: a Vietnamese name
    ///   ("Nguyễn") looked each letter up in the standard library's tables, on every query.
    static func hasNonLatinLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { $0.value >= 0x370 && !isLatinOrMark($0.value) && ICUCharacterProperties.isAlphabetic($0) }
    }

    /// Whether a name holds Hebrew letters, which ICU romanizes without vowels ("srh khn" for
    /// שרה כהן: see `ConsonantSkeleton.alternates`).
    static func hasHebrewLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { (0x05D0...0x05EA).contains($0.value) || (0xFB1D...0xFB4F).contains($0.value) }
    }

    /// Whether a name holds letters of Arabic script (Arabic, Persian, Urdu), which ICU romanizes
    /// letter by letter without short vowels ("mhmd" for محمد: see `ArabicScriptSpelling`).
    static func hasArabicLetters(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { scalar in
            switch scalar.value {
            case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: true
            default: false
            }
        }
    }

    /// Whether a name holds Han, Hangul or kana: scripts whose names are written family name
    /// first and without a space ("장혁중", "王小明"), so the joined form is a name too.
    static func hasUnspacedScript(_ bytes: some Sequence<UInt8>) -> Bool {
        containsScalar(bytes) { scalar in
            switch scalar.value {
            case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F:
                true
            default:
                false
            }
        }
    }

    /// Whether UTF-8 `bytes` hold a scalar that passes `test` (invalid sequences are skipped).
    private static func containsScalar(_ bytes: some Sequence<UInt8>, where test: (Unicode.Scalar) -> Bool) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if test(scalar) { return true }
            case .emptyInput: return false
            case .error: continue
            }
        }
    }

    /// Latin letters beyond Latin-1 and the IPA (Latin Extended Additional, -C, -D, -E, the
    /// phonetic extensions, full-width forms) and combining marks.
    private static func isLatinOrMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x1D00...0x1DFF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF00...0xFFEF,
             0x1AB0...0x1AFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            true
        default:
            false
        }
    }

    /// Splits folded text into tokens of letters and digits.
    static func splitTokens(_ folded: String) -> [String] {
        var tokens: [String] = []
        forEachToken(folded) { token, _ in tokens.append(token) }
        return tokens
    }

    /// The tokens of folded text (`splitTokens`), each with whether a hyphen comes after it
    /// and before the next token: "al" in "mar al-", "jean" in "jean-pi".
    static func splitTokensMarkingHyphens(_ folded: String) -> [(token: String, beforeHyphen: Bool)] {
        var tokens: [(token: String, beforeHyphen: Bool)] = []
        forEachToken(folded) { token, beforeHyphen in tokens.append((token, beforeHyphen)) }
        return tokens
    }

    /// Calls `body` with each token of folded text, in order, and whether a hyphen follows it
    /// before the next token. Tokens are runs of letters and digits (ASCII letters lowercased;
    /// every non-ASCII byte counts as a letter: the text is folded); an apostrophe between
    /// letters joins them ("o'brien").
    private static func forEachToken(_ folded: String, _ body: (String, Bool) -> Void) {
        var current: [UInt8] = []
        // The last token, held until the separators after it are read.
        var held: String? = nil
        var hyphenAfterHeld = false
        var previousWasLetter = false
        let bytes = Array(folded.utf8)
        for (index, byte) in bytes.enumerated() {
            let isWordByte = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte >= 0x80
            if isWordByte {
                if current.isEmpty, let token = held {
                    body(token, hyphenAfterHeld)
                    held = nil
                }
                current.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                previousWasLetter = true
            } else if byte == UInt8(ascii: "'"), previousWasLetter, index + 1 < bytes.count,
                      (bytes[index + 1] | 0x20) >= 97 && (bytes[index + 1] | 0x20) <= 122 {
                continue  // "o'brien" joins
            } else {
                if !current.isEmpty {
                    held = String(utf8Bytes: current)
                    hyphenAfterHeld = false
                }
                if byte == UInt8(ascii: "-") { hyphenAfterHeld = true }
                current.removeAll(keepingCapacity: true)
                previousWasLetter = false
            }
        }
        if let token = held { body(token, hyphenAfterHeld) }
        if !current.isEmpty { body(String(utf8Bytes: current), false) }
    }

    /// Collapses whitespace and punctuation runs to one space, and trims. Letters, combining
    /// marks, digits and non-ASCII symbols are kept (`NameSpacingCharacters`); apostrophes,
    /// typographic ones too, are dropped ("O'Brien", "O’Brien").
    /// - Complexity: O(n) over Unicode scalars.
    static func normalizedSpacing(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNormalizedSpacing(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // Typographic apostrophes (’ ‘ ʼ ′) are dropped as "'" is (`NameSpelling`).
            if scalar == "'" || NameSpelling.typographicPunctuation(scalar.value) == .apostrophe { continue }
            if NameSpacingCharacters.isKept(scalar) {
                if pendingSpace, !out.isEmpty { out.append(32) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            } else {
                pendingSpace = true
            }
        }
        return String(utf8Bytes: out)
    }

    /// `normalizedSpacing` for ASCII text, on bytes.
    private static func asciiNormalizedSpacing(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var text = text
        text.withUTF8 { appendASCIINormalizedSpacing($0, to: &out) }
        return String(utf8Bytes: out)
    }

    /// Appends the `normalizedSpacing` of ASCII bytes to `out`.
    static func appendASCIINormalizedSpacing(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        var pendingSpace = false
        for byte in bytes {
            let isWord = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            if isWord {
                if pendingSpace, out.count > start { out.append(32) }
                pendingSpace = false
                out.append(byte)
            } else if byte != UInt8(ascii: "'") {
                pendingSpace = true
            }
        }
    }

    /// Appends the collation key of text whose spacing is already normalized
    /// (`normalizedSpacing`), given as UTF-8 bytes.
    func appendCollationKey(ofSpaced bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        collation.appendSortKey(of: bytes, to: &out)
    }
}
