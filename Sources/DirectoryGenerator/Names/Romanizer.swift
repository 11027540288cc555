/// Writes a name held in another script the way a person types it in Latin letters: "Иванов" →
/// "Ivanov", "Παπαδόπουλος" → "Papadopoulos", "राहुल" → "Rahul", "김민준" → "Kim Minjun" (family
/// names with their usual spellings), "王小明" → "Wangxiaoming" per character, "佐藤" → "Sato".
///
/// These are the romanizations people use, written down as data in `Resources/romanization/`
/// (and the Japanese and Arabic names of the lists), not ICU's transliterators: an agent types
/// "Kim", "Mohammed" or "Giorgos", where ICU writes "gim", "mhmd" and "Giṓrgos". Names it has
/// no romanization for (an Arabic name not in its table, a Han character not in its table) give
/// nil.
public struct Romanizer: Sendable {
    private let cyrillic: [String: [String: String]]
    private let greek: [String: String]
    private let greekInitial: [String: String]
    private let devanagari: [Unicode.Scalar: (latin: String, kind: Character)]
    private let hangulInitials: [String]
    private let hangulMedials: [String]
    private let hangulFinals: [String]
    private let koreanSurnames: [String: String]
    private let han: [Character: String]
    private let dictionary: [String: String]

    /// The romanizer built from the package's data, shared.
    public static let shared = Romanizer()

    private init() {
        var cyrillic: [String: [String: String]] = [:]
        for row in ResourceText.rows("romanization/cyrillic.tsv") where row.count >= 2 {
            cyrillic[row[0], default: [:]][row[1]] = row.count > 2 ? row[2] : ""
        }
        self.cyrillic = cyrillic
        var greek: [String: String] = [:]
        var greekInitial: [String: String] = [:]
        for row in ResourceText.rows("romanization/greek.tsv") where row.count >= 2 {
            if row[0].hasPrefix("^") { greekInitial[String(row[0].dropFirst())] = row[1] } else { greek[row[0]] = row[1] }
        }
        self.greek = greek
        self.greekInitial = greekInitial
        var devanagari: [Unicode.Scalar: (String, Character)] = [:]
        for row in ResourceText.rows("romanization/devanagari.tsv") where row.count >= 3 {
            // One scalar per entry: a consonant with nukta is also written as two scalars,
            // which the table reads as the consonant and an ignored nukta.
            guard row[0].unicodeScalars.count == 1, let character = row[0].unicodeScalars.first, let kind = row[2].first else { continue }
            devanagari[character] = (row[1] == " " ? "" : row[1], kind)
        }
        self.devanagari = devanagari
        var initials: [String] = []
        var medials: [String] = []
        var finals: [String] = []
        var surnames: [String: String] = [:]
        for row in ResourceText.rows("romanization/hangul.tsv") where row.count >= 2 {
            let jamo = row[1].split(separator: " ").map { $0 == "-" ? "" : String($0) }
            switch row[0] {
            case "initials": initials = jamo
            case "medials": medials = jamo
            case "finals": finals = jamo
            case "surname" where row.count >= 3: surnames[row[1]] = row[2]
            default: continue
            }
        }
        hangulInitials = initials
        hangulMedials = medials
        hangulFinals = finals
        koreanSurnames = surnames
        var han: [Character: String] = [:]
        for row in ResourceText.rows("romanization/han.tsv") where row.count >= 2 {
            if let character = row[0].first { han[character] = row[1] }
        }
        self.han = han
        var dictionary: [String: String] = [:]
        for locale in ["ja", "ar", "zh", "tw"] {
            for (name, typed) in NameLists.load(locale: locale).typed { dictionary[name] = typed }
        }
        self.dictionary = dictionary
    }

    /// The typed Latin form of a name (each word capitalized), the name itself when it is
    /// already Latin, or nil when some word has no romanization here.
    /// - Parameter isFamilyName: Korean family names have their own spellings ("Kim", not "Gim").
    public func romanize(_ name: String, isFamilyName: Bool = false) -> String? {
        guard Self.isNonLatin(name) else { return name.isEmpty ? nil : name }
        var words: [String] = []
        for word in name.split(separator: " ") {
            guard let latin = romanizeWord(String(word), isFamilyName: isFamilyName) else { return nil }
            words.append(latin)
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Whether a name holds letters of a script other than Latin.
    public static func isNonLatin(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            let value = scalar.value
            let latin = value < 0x0370 || (0x1E00...0x1EFF).contains(value) || (0x2C60...0x2C7F).contains(value) || (0xA720...0xA7FF).contains(value)
            return !latin && scalar.properties.isAlphabetic
        }
    }

    private func romanizeWord(_ word: String, isFamilyName: Bool) -> String? {
        if let known = dictionary[word] { return known }
        guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return word }
        let latin: String?
        switch first.value {
        case 0x0000..<0x0370: return word
        case 0x0370...0x03FF, 0x1F00...0x1FFF: latin = table(word.lowercased(), greek, initial: greekInitial)
        case 0x0400...0x04FF:
            let lower = word.lowercased()
            let isUkrainian = lower.contains(where: { "ґєії".contains($0) })
            latin = table(lower, cyrillic[isUkrainian ? "uk" : "ru"] ?? [:], initial: [:])
        case 0x0900...0x097F: latin = devanagariWord(word)
        case 0xAC00...0xD7A3: latin = hangulWord(word, isFamilyName: isFamilyName)
        case 0x0600...0x06FF: latin = arabicWord(word)
        case 0x4E00...0x9FFF, 0x3400...0x4DBF:
            var out = ""
            for character in word {
                guard let reading = han[character] else { return nil }
                out += reading
            }
            latin = out
        default: latin = nil
        }
        return latin.map(Self.capitalized)
    }

    /// Longest-match replacement with a table of lower-case sequences (up to 3 characters).
    private func table(_ word: String, _ map: [String: String], initial: [String: String]) -> String? {
        let characters = Array(word)
        var out = ""
        var index = 0
        while index < characters.count {
            var matched = false
            for length in stride(from: min(3, characters.count - index), through: 1, by: -1) {
                let piece = String(characters[index..<(index + length)])
                if index == 0, let latin = initial[piece] {
                    out += latin; index += length; matched = true; break
                }
                if let latin = map[piece] {
                    out += latin; index += length; matched = true; break
                }
            }
            if !matched {
                let character = characters[index]
                guard character == "-" || character == "'" || character.isASCII else { return nil }
                out.append(character)
                index += 1
            }
        }
        return out
    }

    /// Devanagari: consonants carry an inherent "a" unless a vowel sign or virama follows, or
    /// the consonant ends the word.
    private func devanagariWord(_ word: String) -> String? {
        // Scalars, not Characters: a consonant and its vowel sign are one grapheme.
        let scalars = Array(word.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            guard let (latin, kind) = devanagari[scalar] else {
                if scalar == "-" { out.append("-"); continue }
                return nil
            }
            out += latin
            guard kind == "C" else { continue }
            var next = index + 1
            while next < scalars.count, devanagari[scalars[next]]?.kind == "Z" { next += 1 }
            guard next < scalars.count, let following = devanagari[scalars[next]] else { continue }  // word end: no "a"
            if following.kind == "M" || following.kind == "X" { continue }
            out += "a"
        }
        return out
    }

    /// Hangul: each syllable's jamo; a one- or two-syllable family name with its usual spelling.
    private func hangulWord(_ word: String, isFamilyName: Bool) -> String? {
        if isFamilyName, let surname = koreanSurnames[word] { return surname }
        guard hangulInitials.count == 19, hangulMedials.count == 21, hangulFinals.count == 28 else { return nil }
        var out = ""
        for scalar in word.unicodeScalars {
            guard scalar.value >= 0xAC00, scalar.value <= 0xD7A3 else { return nil }
            let index = Int(scalar.value - 0xAC00)
            out += hangulInitials[index / 588] + hangulMedials[(index % 588) / 28] + hangulFinals[index % 28]
        }
        return out
    }

    /// Arabic: names of the table, also behind the article ("الحسن" → "Al-Hassan").
    private func arabicWord(_ word: String) -> String? {
        let plain = String(word.unicodeScalars.filter { !(0x064B...0x0652).contains($0.value) }.map(Character.init))
        if let known = dictionary[plain] { return known }
        if plain.hasPrefix("ال"), let known = dictionary[String(plain.dropFirst(2))] { return "Al-" + known }
        return nil
    }

    private static func capitalized(_ word: String) -> String {
        var out = ""
        var startOfWord = true
        for character in word {
            out += startOfWord ? character.uppercased() : String(character)
            startOfWord = character == "-" || character == " " || character == "'"
        }
        return out
    }
}
