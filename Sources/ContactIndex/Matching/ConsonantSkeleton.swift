/// A lossy key that survives the usual differences between romanizations of one name.
///
/// Vowels, glides and "h" are dropped (Arabic script writes no short vowels, so ICU's "mhmd"
/// meets typed "Mohammed"; Greek η comes out "e" where people type "i"; Russian х comes out "h"
/// where people type "kh"), "v", "w" and "b" are dropped too (Greek β, αυ, ευ, Arabic و), digraphs
/// fold ("ph"→"f", "sh"→"s", "th"→"t", "ch"→"k", "ts"→"k" like Russian ц → "c", "tz"→"z" like
/// Hebrew צ → "z"), "c"/"q"→"k",
/// "x"→"ks", "ng"→"n", doubled letters collapse, an Arabic article "al" in front of a long
/// token goes, and so does a final "t" after two consonants (Arabic ta marbuta: "fatmt" →
/// "Fatima"). Anything that is not a-z or a digit is skipped.
///
/// "Dimitris" and ICU's "demetres" (Δημήτρης) both give "dmtrs"; "Sofia" and "sophia" give "sf".
/// A query token matches a name token with the same skeleton as `MatchReason.romanized`,
/// ranked below one edit.
enum ConsonantSkeleton {
    /// The skeleton of a folded (lower-case ASCII) token; empty when no consonant is left.
    /// - Parameter keepsArticle: keep a leading "al" (see `ArabicScriptSpelling.alternateSkeletons`).
    static func of(_ token: some Collection<UInt8>, keepsArticle: Bool = false) -> String {
        var bytes = token.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        if !keepsArticle, bytes.count > 4, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "l") { bytes.removeFirst(2) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func emit(_ byte: UInt8) {
            if out.last != byte { out.append(byte) }
        }
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            index += 1
            if next == UInt8(ascii: "h"), "pgkcsztdb".utf8.contains(byte) {
                byte = switch byte {
                case UInt8(ascii: "p"): UInt8(ascii: "f")
                case UInt8(ascii: "c"): UInt8(ascii: "k")
                case UInt8(ascii: "k"): UInt8(ascii: "h")
                default: byte
                }
                index += 1
            } else if byte == UInt8(ascii: "t"), next == UInt8(ascii: "s") {
                byte = UInt8(ascii: "k")
                index += 1
            } else if byte == UInt8(ascii: "t"), next == UInt8(ascii: "z") {
                byte = UInt8(ascii: "z")
                index += 1
            } else if byte == UInt8(ascii: "n"), next == UInt8(ascii: "g") {
                index += 1
            }
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "j"), UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "v"),
                 UInt8(ascii: "b"):
                continue
            case UInt8(ascii: "c"), UInt8(ascii: "q"): emit(UInt8(ascii: "k"))
            case UInt8(ascii: "x"): emit(UInt8(ascii: "k")); emit(UInt8(ascii: "s"))
            default: emit(byte)
            }
        }
        if out.count >= 3, out.last == UInt8(ascii: "t") { out.removeLast() }
        return String(utf8Bytes: out)
    }

    /// Whether a folded romanized token is consonantal: letters without a, e, i, o or u, as ICU
    /// writes Hebrew (שרה "srh", כהן "khn", דוד "dwd"), where people type the vowels ("Sarah",
    /// "Cohen", "David"). Single letters are not: they are initials.
    static func isConsonantal(_ token: some Collection<UInt8>) -> Bool {
        token.count >= 2 && !token.contains(where: isVowel)
    }

    /// Whether a folded letter is a, e, i, o or u.
    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }

    /// The other skeletons a consonantal token (`isConsonantal`) is filed under, besides its
    /// own: ICU writes Hebrew כ "kh" and ח "h" where people type "k", "c" or "ch" ("Cohen",
    /// "Rachel"), and פ "p" where they type "f" ("Yosef"), which `of` keeps apart ("kh" and "h"
    /// drop out, as Russian х's "h" must meet a typed "kh"). So the token is also filed with
    /// each of those read the typed way: "kh" and "h" as "k", "p" as "f", and both. And ז "z",
    /// which names of German and Yiddish origin type "s" ("Rosen", "Rosenberg" for רוזן,
    /// רוזנברג), is also read as "s".
    /// - Returns: the skeletons that differ from `of(token)` and from each other; none for a
    ///   token that is not consonantal.
    static func alternates(of token: some Collection<UInt8>) -> [String] {
        let bytes = Array(token)
        guard isConsonantal(bytes) else { return [] }
        let own = of(bytes)
        var alternates: [String] = []
        for (hardH, fricativeP, voicelessZ) in [(true, false, false), (false, true, false), (true, true, false), (false, false, true)] {
            var spelled: [UInt8] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if voicelessZ, byte == UInt8(ascii: "z") {
                    spelled.append(UInt8(ascii: "s"))
                } else if hardH, byte == UInt8(ascii: "k"), index < bytes.count, bytes[index] == UInt8(ascii: "h") {
                    spelled.append(UInt8(ascii: "k"))
                    index += 1
                } else if hardH, byte == UInt8(ascii: "h") {
                    spelled.append(UInt8(ascii: "k"))
                } else if fricativeP, byte == UInt8(ascii: "p") {
                    spelled.append(UInt8(ascii: "f"))
                } else {
                    spelled.append(byte)
                }
            }
            let skeleton = of(spelled)
            if !skeleton.isEmpty, skeleton != own, !alternates.contains(skeleton) { alternates.append(skeleton) }
        }
        return alternates
    }

    /// A consonantal spelling read by sound, for comparing a typed name's consonants with a
    /// romanization of Hebrew (`NameQueryToken.romanizedQuality`): "q" as "k" (ק, typed "k":
    /// "Rivka" for רבקה, "rbqh"), "v" and "w" as "b" (ב and ו, typed "v": "Tova" for טובה,
    /// "twbh"), "z" as "s" (ז typed "s": "Rosen"), and without a final "h" (ה ending a name is a
    /// vowel: "Rivka", "Sarah"). Other letters stay.
    static func bySound(_ letters: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = letters.map { byte in
            switch byte {
            case UInt8(ascii: "q"): UInt8(ascii: "k")
            case UInt8(ascii: "v"), UInt8(ascii: "w"): UInt8(ascii: "b")
            case UInt8(ascii: "z"): UInt8(ascii: "s")
            default: byte
            }
        }
        if out.count > 2, out.last == UInt8(ascii: "h") { out.removeLast() }
        return out
    }

    /// A typed name's initial vowels read as Hebrew writes them, for comparing it with a
    /// consonantal romanization whose first letter is `written` (`NameQueryToken.romanizedQuality`).
    ///
    /// A Hebrew name that starts with "i" or "e" mostly writes it with י, and one that starts
    /// with "o" or "u" with ו, each after a silent א or ע, which ICU drops (its "ʾ" and "ʿ" are
    /// modifier letters, folded away), or alone: איתי "yty" (Itai), יצחק "yzhq" (Itzhak beside
    /// Yitzhak), איתן "ytn" (Eitan), אופיר "wpyr" (Ofir). Typed "itai" is three edits from
    /// "yty", and its one consonant is too few to compare; "ofir" is three from "wpyr", and its
    /// consonants "fr" do not start as "wpr" does. So the typed vowels are read as that letter:
    /// "itai" as "ytai", "eitan" as "ytan", "ofir" as "wfir".
    /// - Returns: the reading, or nil when `written` is neither "y" nor "w", `typed` does not
    ///   start with a vowel that it writes, or nothing follows the vowels.
    static func initialVowelReading(_ typed: some Collection<UInt8>, before written: UInt8) -> [UInt8]? {
        guard let first = typed.first else { return nil }
        let writes: Bool
        switch written {
        case UInt8(ascii: "y"): writes = first == UInt8(ascii: "i") || first == UInt8(ascii: "e")
        case UInt8(ascii: "w"): writes = first == UInt8(ascii: "o") || first == UInt8(ascii: "u")
        default: writes = false
        }
        let rest = typed.drop(while: isVowel)
        return writes && !rest.isEmpty ? [written] + rest : nil
    }
}
