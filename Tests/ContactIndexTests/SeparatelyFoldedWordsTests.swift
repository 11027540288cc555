import Foundation
import Testing

@testable import ContactIndex

/// Folding a name word by word (`SeparatelyFoldedWords`) gives ICU's folding of the whole name,
/// for both chains `NameNormalizer` uses.
@Suite struct SeparatelyFoldedWordsTests {
    /// The two chains: the main folding and the conventional romanization.
    static let chains: [String?] = [nil, NameNormalizer.conventionalChain]

    @Test func splitsOnlyTextsItCanDecide() {
        #expect(SeparatelyFoldedWords.split("ООО «Калинин Снаб»")?.map(String.init) == ["ООО", "«Калинин", "Снаб»"])
        #expect(SeparatelyFoldedWords.split("José  María")?.map(String.init) == ["José", "", "María"])
        #expect(SeparatelyFoldedWords.split("Алексей Smith")?.map(String.init) == ["Алексей", "Smith"])
        #expect(SeparatelyFoldedWords.split(" Ελένη ")?.map(String.init) == ["", "Ελένη", ""])
        #expect(SeparatelyFoldedWords.split("Иванов") == nil, "no space")
        #expect(SeparatelyFoldedWords.split("ПАО «First Bakery»")?.map(String.init) == ["ПАО", "«First", "Bakery»"])
        #expect(SeparatelyFoldedWords.split("ООО «Калинин» 2")?.map(String.init) == ["ООО", "«Калинин»", "2"])
        #expect(SeparatelyFoldedWords.split("Σιώρης & Sons Ε.Π.Ε.")?.map(String.init) == ["Σιώρης", "&", "Sons", "Ε.Π.Ε."], "inert punctuation")
        #expect(SeparatelyFoldedWords.split("Журавлев \u{B7} Васильев") == nil, "punctuation a transform may change")
        #expect(SeparatelyFoldedWords.split("Ελένη; Παπά") == nil, "the same")
        #expect(SeparatelyFoldedWords.split("Ελένη Иванова") == nil, "two scripts besides Latin")
        #expect(SeparatelyFoldedWords.split("Ελένη \u{387} Παπά") == nil, "the Greek ano teleia")
        #expect(SeparatelyFoldedWords.split("王 小明") == nil, "Han")
        #expect(SeparatelyFoldedWords.split("Дробʼязський Олег") == nil, "a modifier letter of no script")
        #expect(SeparatelyFoldedWords.split("Jose\u{301} Maria") == nil, "a combining mark")
        #expect(SeparatelyFoldedWords.split("Jose\u{A8} Maria") == nil, "a spacing accent, a space and a combining mark after NFKC")
        #expect(SeparatelyFoldedWords.split("Ελένη \u{37A}Παπά") == nil, "the same, a Greek letter")
        #expect(SeparatelyFoldedWords.split("Ελένη \u{203C}") == nil, "\"!!\" after NFKC")
        #expect(SeparatelyFoldedWords.split("Ελένη \u{200D}Παπά") == nil, "a joiner after a space: one grapheme cluster with it")
        #expect(SeparatelyFoldedWords.split("Ελένη\u{200C} Παπά") == nil, "the non-joiner")
    }

    /// The words are cut at the spaces' scalars: the same words as the `Character` split at
    /// " ", empty ones kept, for random texts of letters of several scripts, punctuation,
    /// spaces, joiners and combining marks (those that are split at all).
    @Test func theWordsAreTheCharacterSplit() {
        let alphabet = Array("aZé Ωλб«».,-&ŀ\u{301}\u{200D}\u{200C}\u{A0}\u{2009}가あ٣ا".unicodeScalars)
        var random = CollationKeyIndexTests.Random(state: 17)
        var split = 0
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<random.next(below: 12) { scalars.append(alphabet[random.next(below: alphabet.count)]) }
            let text = String(scalars)
            guard let words = SeparatelyFoldedWords.split(text) else { continue }
            split += 1
            let expected = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            #expect(words.map(String.init) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(split >= 500, "\(split) split")
    }

    /// ICU's Alphabetic property (`ICUCharacterProperties`) is the standard library's, for
    /// every scalar of the blocks the splitting rule reads (Latin, Greek, Cyrillic, General
    /// Punctuation, currency signs). Elsewhere the two may differ by their Unicode versions
    /// (ICU 72 has Unicode 15.0, the standard library 16.0, which made the combining Latin
    /// letters U+0363–U+036F Alphabetic).
    @Test func icuAlphabeticIsTheStandardLibrarys() {
        var differing: [String] = []
        let blocks: [ClosedRange<UInt32>] = [0...0x24F, 0x370...0x52F, 0x1E00...0x1FFF, 0x2000...0x206F, 0x20A0...0x20CF]
        for value in blocks.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ICUCharacterProperties.isAlphabetic(scalar) != scalar.properties.isAlphabetic { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "\(differing.count): \(differing.prefix(20))")
    }

    /// Random texts of Latin and another script's letters (Cyrillic, Greek, Arabic, Hebrew,
    /// Armenian, Georgian, Hangul, Hiragana, Katakana),
    /// punctuation, digits and symbols in and around words, between single and double spaces:
    /// each folds through both chains as ICU folds it whole.
    @Test func randomTextsFoldAsICUFoldsThemWhole() throws {
        let latin = Self.scalars(0x61...0x7A) + Self.scalars(0xC0...0x17F).filter { $0.properties.isAlphabetic }
        let cyrillic = Self.scalars(0x400...0x4FF).filter { $0.properties.isAlphabetic }
        let greek = (Self.scalars(0x386...0x3CE) + Self.scalars(0x1F00...0x1F7D)).filter { $0.properties.isAlphabetic }
        let others = [
            cyrillic, greek, Self.scalars(0x621...0x63A) + Self.scalars(0x641...0x64A), Self.scalars(0x5D0...0x5EA),
            Self.scalars(0x531...0x556) + Self.scalars(0x561...0x587), Self.scalars(0x10D0...0x10FA),
            Self.scalars(0xAC00...0xD7A3), Self.scalars(0x3041...0x3096), Self.scalars(0x30A1...0x30FA),
        ]
        let neutral = Array("«»\"'’-.,&()/№1920\u{A0}\u{2009}…+#@_\u{B7}".unicodeScalars)
        var random = CollationKeyIndexTests.Random(state: 11)
        var texts: [String] = []
        for index in 0..<40_000 {
            let other = others[index % others.count]
            var words: [String] = []
            for _ in 0..<(2 + random.next(below: 3)) {
                let letters = random.next(below: 3) == 0 ? latin : other
                var word = String.UnicodeScalarView()
                if random.next(below: 8) == 0 {
                    // A word of punctuation or digits alone.
                    for _ in 0..<(1 + random.next(below: 2)) { word.append(neutral[random.next(below: neutral.count)]) }
                    words.append(String(word))
                    continue
                }
                for _ in 0..<(1 + random.next(below: 7)) {
                    word.append(random.next(below: 6) == 0 ? neutral[random.next(below: neutral.count)] : letters[random.next(below: letters.count)])
                }
                words.append(String(word))
            }
            var text = words.joined(separator: random.next(below: 4) == 0 ? "  " : " ")
            if random.next(below: 10) == 0 { text = " " + text + " " }
            texts.append(text)
        }
        try Self.expectFoldingsAsWhole(texts, minimumSplit: 10_000)
    }

    /// Names as CRM exports write them.
    @Test func namesFoldAsICUFoldsThemWhole() throws {
        let names = [
            "ООО «Калинин Снаб»", "ТОВ «Захаренко Технологии»", "Алексей Игнатьев", "Евфросиния Ермакенко",
            "Анна-Мария Щербакова", "Юрий Хрущёв", "Ярослава Піддубний", "Ёлкин Объедков", "Ирина Ющенко-Еременко",
            "Φρειδερίκος Κυρίτσης", "Λιόλιος & Αβραμίδης IKE", "Σπυράννα Μπαμπινιώτη", "Ευάγγελος Γκίκας", "Ντίνος Αυγερινός",
            "José María Nuñez", "Ürper Ünsoy", "Søren Kierkegaard", "Łukasz Żółć", "Алексей Smith", "Maria Παπαδοπούλου",
            "جنى الهاشمي", "فاطمة العتيبي", "דוד כהן", "Արամ Խաչատրյան", "გიორგი ბერიძე", "김 민준", "박 지연", "さゆり たなか", "カタカナ スズキ",
        ]
        try Self.expectFoldingsAsWhole(names, minimumSplit: names.count - 2)
    }

    /// Every field of a CSV export with a space and a character outside ASCII folds as ICU folds
    /// it whole: the full run, over a generated directory (`FOLD_DIFFERENTIAL_CSV=contacts.csv
    /// swift test -c release --filter SeparatelyFoldedWordsTests`). Without the variable, nothing
    /// is read.
    @Test func fieldsOfAnExportFoldAsICUFoldsThemWhole() throws {
        guard let path = ProcessInfo.processInfo.environment["FOLD_DIFFERENTIAL_CSV"] else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var fields = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            for field in line.split(separator: ",") where field.contains(" ") && field.utf8.contains(where: { $0 >= 0x80 }) {
                fields.insert(String(field).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        let split = try Self.expectFoldingsAsWhole(Array(fields), minimumSplit: 1)
        print("SeparatelyFoldedWordsTests: \(fields.count) distinct fields of \(path) compared, \(split) of them split")
    }

    /// Expects every text to fold through both chains as ICU folds it whole, and at least
    /// `minimumSplit` of them to be split.
    /// - Returns: how many were split.
    @discardableResult
    static func expectFoldingsAsWhole(_ texts: [String], minimumSplit: Int) throws -> Int {
        var split = 0
        for text in texts where SeparatelyFoldedWords.split(text) != nil { split += 1 }
        #expect(split >= minimumSplit, "\(split) of \(texts.count) split")
        for chain in chains {
            let wordwise = try ScriptFolder(transliteratorID: chain)
            let whole = try ScriptFolder(transliteratorID: chain, splittingWords: false)
            var mismatches: [String] = []
            for text in texts {
                let folded = wordwise.fold(text)
                let expected = whole.fold(text)
                if folded != expected { mismatches.append("\(text) [\(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))] split \(SeparatelyFoldedWords.split(text) != nil): \(folded) ≠ \(expected)") }
            }
            #expect(mismatches.isEmpty, "\(chain ?? "default chain"): \(mismatches.count) of \(texts.count): \(mismatches.prefix(5))")
        }
        return split
    }

    static func scalars(_ range: ClosedRange<UInt32>) -> [Unicode.Scalar] {
        range.compactMap(Unicode.Scalar.init)
    }
}
