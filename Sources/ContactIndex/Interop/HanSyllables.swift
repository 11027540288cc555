import CICU

/// Which Han text ICU's Han-Latin transform reads one character at a time, so that its folding
/// can be put together from each character's folding, remembered, instead of asking ICU for the
/// whole text.
///
/// Why: Han-Latin costs about 12 µs a character here (a company name of 11 characters, such as
/// "王信息技术股份有限公司", 130–150 µs), so an update of a Chinese contact spent 200–300 µs in
/// ICU, and every Chinese name of a bulk load not seen before did too. ICU's rules (read at
/// their first use with `CICU_transliterator_rules`) first put a space between two Han
/// ideographs (`::Han-Spacedhan();`), then map each character alone (`[…] > pinyin;`), but for a
/// few rules that read a neighbour ("{重}' '?庆 > chóng;"). So a text made only of Han
/// ideographs, none of which such a rule names, folds to its characters' foldings with a space
/// between them; spaces, ampersands and ASCII words set apart from such runs fold as they are (in
/// lower case). The tests check that against ICU for every Han character of the Basic
/// Multilingual Plane and for a sample of the others.
///
/// A rules text of another shape (another pass, a mapping before the spacing, a variable, a
/// context rule whose characters cannot be told) turns the composition off: ICU then folds
/// every text, as before.
struct HanSyllables: Sendable {
    /// Han characters that a rule reading more than one character names.
    let contextual: Set<UInt32>

    /// The one pass the composition models: a space between two Han characters.
    static let spacingPass = "::Han-Spacedhan();"

    /// Reads Han-Latin rules (one rule a line, as ICU's toRules writes them); nil when they
    /// have a shape the composition does not model.
    init?(rules: String) {
        var contextual: Set<UInt32> = []
        var spaced = false
        for line in rules.split(whereSeparator: \.isNewline) {
            let rule = Self.trimmed(line)
            if rule.isEmpty { continue }
            if rule.hasPrefix("::") {
                guard rule == Self.spacingPass, !spaced else { return nil }
                spaced = true
                continue
            }
            // The spacing comes before every mapping.
            guard spaced else { return nil }
            if Self.mapsOneCharacter(rule) { continue }
            guard let named = Self.contextCharacters(rule) else { return nil }
            contextual.formUnion(named)
        }
        guard spaced else { return nil }
        self.contextual = contextual
    }

    /// The Han characters a rule with context names, when its left side is made only of Han
    /// characters written out and the marks of context and optional quoted spaces
    /// (`{重}' '?庆 > chóng;`); nil for any other shape (a range, a set, a property, an escape:
    /// characters that cannot be told).
    static func contextCharacters(_ rule: Substring) -> [UInt32]? {
        guard let (source, target) = sides(of: rule), isPlain(target) else { return nil }
        var named: [UInt32] = []
        for scalar in source.unicodeScalars {
            if scalar == "{" || scalar == "}" || scalar == "'" || scalar == " " || scalar == "?" { continue }
            guard CICU_is_han(scalar.value) != 0 else { return nil }
            named.append(scalar.value)
        }
        return named.isEmpty ? nil : named
    }

    /// A line without its leading and trailing spaces and tabs.
    static func trimmed(_ line: Substring) -> Substring {
        var rule = line
        while let first = rule.first, first == " " || first == "\t" { rule.removeFirst() }
        while let last = rule.last, last == " " || last == "\t" { rule.removeLast() }
        return rule
    }

    /// The composition for this ICU's Han-Latin, read at its first use: opening Han-Latin
    /// costs about 130 ms here (ICU compiles its rules), which a directory with no Han text
    /// never pays.
    static let ofICU: HanSyllables? = fromICU()

    /// The composition for this ICU's Han-Latin, or nil (rules of another shape, or none).
    static func fromICU() -> HanSyllables? {
        let (status, bytes) = withGrowingBuffer(initialCapacity: 256 * 1024) { out, capacity, length in
            CICU_transliterator_rules("Han-Latin", out, capacity, &length)
        }
        guard status == Int32(CICU_OK) else { return nil }
        return HanSyllables(rules: String(decoding: bytes, as: UTF8.self))
    }

    /// Whether a rule maps one character, alone or from a set, to text: `X > text;` or
    /// `[set] > text;`, with no context (`{ }`), cursor (`|`), quoting or variable on either
    /// side, and no nested set or string in the set.
    static func mapsOneCharacter(_ rule: Substring) -> Bool {
        guard let (source, target) = sides(of: rule), isPlain(target) else { return false }
        if source.count == 1 { return isPlain(source) }
        guard source.first == "[", source.last == "]" else { return false }
        let inner = source.dropFirst().dropLast()
        return isPlain(inner) && !inner.contains(":")
    }

    /// Characters with a meaning in a rule besides themselves.
    static let specials: Set<Character> = ["{", "}", "|", "'", "$", "\\", ";", ">", "<", "="]

    /// A rule's left side and its right side without the final ";", split at " > ".
    static func sides(of rule: Substring) -> (source: Substring, target: Substring)? {
        guard rule.hasSuffix(";") else { return nil }
        var index = rule.startIndex
        while index < rule.endIndex {
            if rule[index...].hasPrefix(" > ") {
                return (rule[..<index], rule[rule.index(index, offsetBy: 3)...].dropLast())
            }
            index = rule.index(after: index)
        }
        return nil
    }

    /// Whether a part of a rule is plain text (no marks, sets or quoting).
    static func isPlain(_ text: Substring) -> Bool {
        !text.contains(where: { specials.contains($0) || $0 == "[" || $0 == "]" })
    }

    /// Characters kept as they are beside runs of Han characters: no rule reads them and no
    /// pass changes them ("王 & 高股份有限公司", "杨 建设股份有限公司"). Neither is a letter, nor
    /// punctuation the spacing pass puts a space beside.
    static let separators: Set<UInt32> = [0x20, 0x26]  // space, ampersand

    /// ASCII letters and digits, which fold to themselves in lower case. They may be words of
    /// their own beside Han words ("Allied Dental 股份有限公司"), never touching a Han character:
    /// ICU puts a space between a Han character and a Latin letter in some texts and not in
    /// others.
    static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
    }

    /// Whether `text` has a Han character (what makes reading the rules worth it). Characters
    /// below the first CJK block are not asked about.
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isHan)
    }

    /// Whether the scalar is of the Han script (ICU's script property).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2E80 && CICU_is_han(scalar.value) != 0
    }

    /// Whether the folding of `text` is `composed(_:syllable:)`: it is made of Han ideographs
    /// (letters, left as they are by NFKC: `CICU_is_plain_han_ideograph`), none of them read in
    /// context, `separators`, and ASCII letters and digits that touch no ideograph, with at least
    /// one ideograph. Other Han characters ("々", "〇", radicals, compatibility forms) go to ICU:
    /// the spacing pass spaces only an ideograph beside a letter, and NFKC comes before the rules.
    func composes(_ text: String) -> Bool {
        var any = false
        var previous: (han: Bool, alphanumeric: Bool) = (false, false)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if Self.separators.contains(value) {
                previous = (false, false)
            } else if Self.isASCIIAlphanumeric(value) {
                guard !previous.han else { return false }
                previous = (false, true)
            } else {
                guard !previous.alphanumeric, value >= 0x2E80, CICU_is_plain_han_ideograph(value) != 0, !contextual.contains(value) else {
                    return false
                }
                any = true
                previous = (true, false)
            }
        }
        return any
    }

    /// The folding of a text that `composes`: each Han character's folding (`syllable`), a
    /// space between two Han characters (the spacing pass), ASCII letters in lower case, the
    /// rest as it is.
    static func composed(_ text: String, syllable: (Unicode.Scalar) -> String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        var afterHan = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if separators.contains(value) || isASCIIAlphanumeric(value) {
                out.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
                afterHan = false
            } else {
                if afterHan { out.append(" ") }
                out.append(syllable(scalar))
                afterHan = true
            }
        }
        return out
    }
}
