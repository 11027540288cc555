/// The spellings English texts, passports and CRMs give Russian and Ukrainian names beside the
/// BGN/PCGN one (`NameNormalizer.alternateRomanization`), derived from it by a few rules.
///
/// BGN/PCGN is one system; the Latin spellings of these names are several. People write
/// Дмитрий "Dmitry", "Dmitri" and "Dmitrii" as well as BGN's "Dmitriy", Александр "Alexander",
/// Наталья "Natalia" as well as "Natalya". Each is one or two typing errors from BGN's spelling,
/// so the person stored under one of them was found only as a typing error, or by one word
/// ("Дмитрий Соколов" matched Dmitry Sokolov by the family name only, 0.20). The rules below
/// write, over BGN's ASCII output, the letters that those spellings write otherwise; each rule is
/// optional, so a token gets every combination (at most `limit`), BGN's own spelling first:
///
/// - A word-final й (BGN "y"): "-ий" and "-ій" ("iy") also as "y", "i" and "ii" (Dmitry, Dmitri,
///   Dmitrii; Yury, Yuri; Grigory, Vasily, Anatoly, Arkady; "-sky" for "-skiy"; "ii" is the
///   spelling of Russian passports since 2013 (ICAO) and of Ukraine's national system: Serhii,
///   Andrii); "-ый" and Ukrainian "-ий" ("yy") also as "y" and "yi" (Zelensky, Zelenskyi); after
///   another vowel ("ay", "ey", "oy", "uy"), at the end or before a consonant, also as "i"
///   (Nikolai, Sergei, Andrei, Alexei, Tolstoi, Zaitsev, Kaidanovsky).
/// - "кс" ("ks") also as "x": Alexander, Alexey, Maxim, Xenia.
/// - я, ю, е after a soft sign or a consonant ("ya", "yu", "ye" after a consonant letter) also
///   as "ia", "iu", "ie": Natalia, Tatiana, Daria, Vasiliev, Grigoriev, Viacheslav, Liubov;
///   and "-ия" ("iya") also as "ia" and "iia": Maria, Anastasia, Ksenia, Yulia; Mariia, Yuliia.
/// - е at a word's start ("ye") also as "e": Evgeny, Egor, Ekaterina.
/// - A final "-андр" ("andr") also as "ander", as English writes the names of Greek "-andros":
///   Alexander, Leander.
///
/// ё is written "ë" by BGN, which ASCII folds to "e" (Fedor, Petr, Semen); English writes "yo"
/// (Fyodor, Pyotr, Semyon, Artyom): `yoRules` spell it so, as another spelling to derive from.
///
/// The rules only add spellings: a query or a name keeps BGN's and ICU's. A derived spelling
/// that is another name's ("andri") only ties it with that name's exact matches, and the name
/// written in the script typed comes first (`offerTokenMatch`'s cross-script tie-break).
enum CyrillicNameSpellings {
    /// The most spellings derived from one token.
    static let limit = 8

    /// The spellings derived from a token of the BGN/PCGN spelling of a Cyrillic word (folded,
    /// lower-case ASCII), without the token itself, in a fixed order; empty when no rule applies.
    /// - Complexity: O(n · `limit`).
    static func variants(of token: some StringProtocol) -> [String] {
        let bytes = Array(token.utf8)
        guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return [] }
        var spellings: [[UInt8]] = [bytes]
        for rule in rules {
            for spelling in spellings where spellings.count < limit + 1 {
                for derived in rule(spelling) where spellings.count < limit + 1 && !spellings.contains(derived) {
                    spellings.append(derived)
                }
            }
        }
        return spellings.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rules, in the order they combine; each gives a spelling's other forms under it.
    private static let rules: [@Sendable ([UInt8]) -> [[UInt8]]] = [finalShortI, shortIAfterVowel, ksAsX, softVowels, iyaAsIa, initialYe, finalAndr]

    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    private static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y")

    /// Whether a letter is a vowel of BGN's spelling of Russian (a, e, i, o, u, y).
    private static func isVowel(_ byte: UInt8) -> Bool { byte == a || byte == e || byte == i || byte == o || byte == u || byte == y }

    /// A word-final й: "iy" → "y", "i", "ii"; "yy" → "y", "yi".
    private static func finalShortI(_ s: [UInt8]) -> [[UInt8]] {
        guard s.count >= 4, s[s.count - 1] == y else { return [] }
        let stem = Array(s.dropLast(2))
        switch s[s.count - 2] {
        case i: return [stem + [y], stem + [i], stem + [i, i]]
        case y: return [stem + [y], stem + [y, i]]
        default: return []
        }
    }

    /// й after another vowel, at a word's end or before a consonant ("y" after a, e, o or u, not
    /// before a vowel) → "i", every one.
    private static func shortIAfterVowel(_ s: [UInt8]) -> [[UInt8]] {
        var out = s
        var changed = false
        for index in 1..<max(1, s.count) where s[index] == y {
            let previous = s[index - 1]
            guard previous == a || previous == e || previous == o || previous == u else { continue }
            if index + 1 < s.count, isVowel(s[index + 1]) { continue }
            out[index] = i
            changed = true
        }
        return changed ? [out] : []
    }

    /// "ks" → "x", every one.
    private static func ksAsX(_ s: [UInt8]) -> [[UInt8]] {
        guard s.count >= 3 else { return [] }
        var out: [UInt8] = []
        var index = 0
        var changed = false
        while index < s.count {
            if index + 1 < s.count, s[index] == UInt8(ascii: "k"), s[index + 1] == UInt8(ascii: "s") {
                out.append(UInt8(ascii: "x"))
                index += 2
                changed = true
            } else {
                out.append(s[index])
                index += 1
            }
        }
        return changed ? [out] : []
    }

    /// "ya", "yu", "ye" after a consonant → "ia", "iu", "ie", every one.
    private static func softVowels(_ s: [UInt8]) -> [[UInt8]] {
        var out = s
        var changed = false
        for index in 1..<max(1, s.count - 1) where s[index] == y && !isVowel(s[index - 1]) {
            let next = s[index + 1]
            if next == a || next == u || next == e {
                out[index] = i
                changed = true
            }
        }
        return changed ? [out] : []
    }

    /// "iya" → "ia" and "iia", every one.
    private static func iyaAsIa(_ s: [UInt8]) -> [[UInt8]] {
        var short: [UInt8] = []
        var doubled: [UInt8] = []
        var changed = false
        for (index, byte) in s.enumerated() {
            if byte == y, index > 0, index + 1 < s.count, s[index - 1] == i, s[index + 1] == a {
                doubled.append(i)
                changed = true
            } else {
                short.append(byte)
                doubled.append(byte)
            }
        }
        return changed ? [short, doubled] : []
    }

    /// "ye" at the start → "e".
    private static func initialYe(_ s: [UInt8]) -> [[UInt8]] {
        s.count >= 4 && s[0] == y && s[1] == e ? [Array(s.dropFirst())] : []
    }

    /// A final "andr" → "ander".
    private static func finalAndr(_ s: [UInt8]) -> [[UInt8]] {
        guard s.count >= 5, s.suffix(4).elementsEqual("andr".utf8) else { return [] }
        return [Array(s.dropLast()) + [e, UInt8(ascii: "r")]]
    }

    /// ICU transform rules that spell ё as English texts do, then as `NameNormalizer.fold`'s
    /// chain: after BGN/PCGN (which writes ё "ë", or "yë" at a word's start and after a vowel),
    /// "yo" ("Фёдор" → "fyodor", "Пётр" → "pyotr", "Семён" → "semyon"), and "o" after "zh",
    /// "ch", "sh" and "shch" (ж, ч, ш, щ: "Горбачёв" → "gorbachov"), where the fold gives
    /// "fedor". The fold's case folding comes first: the rules see lower case only. Only a text
    /// with ё or Ё is worth the transform (`hasYo`).
    static let yoRules = """
        ::Russian-Latin/BGN ;
        ::Null ;
        [zcs] h { ë > o ; yë > yo ; ë > yo ;
        ::Latin-ASCII ; ::[:Lm:] Remove ;
        """

    /// Whether `text` holds ё or Ё.
    static func hasYo(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "ё" || $0 == "Ё" }
    }
}
