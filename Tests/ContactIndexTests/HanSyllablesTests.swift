import CICU
@testable import ContactIndex
import Testing

/// `HanSyllables`: which Han text folds as its characters do, read from ICU's Han-Latin rules,
/// and a differential test of the composed folding against ICU's for every Han character of the
/// Basic Multilingual Plane.
@Suite struct HanSyllablesTests {
    @Test func rulesOfOneCharacterMapsAndContextsAreToldApart() throws {
        let rules = """
            ::Han-Spacedhan();
            {重}' '?庆 > chóng;
            [王汪] > wáng;
            陈 > chén;
            """
        let han = try #require(HanSyllables(rules: rules))
        #expect(han.contextual == ["重", "庆"].map { $0.unicodeScalars.first!.value }.reduce(into: Set<UInt32>()) { $0.insert($1) })
        #expect(han.composes("王陈"))
        #expect(!han.composes("重庆"), "a character a rule reads in context")
        #expect(han.composes("王 & 陈"), "spaces and ampersands")
        #expect(han.composes("Allied Dental 2 王陈"), "ASCII words set apart")
        #expect(!han.composes("Dental王"), "an ASCII letter touching a Han character")
        #expect(!han.composes("王2"), "an ASCII digit touching a Han character")
        #expect(!han.composes("佐々木"), "々 is a letter but no ideograph: ICU does not space it")
        #expect(!han.composes("二〇〇八"), "〇 is an ideograph but no letter")
        #expect(!han.composes("\u{FA08}"), "a compatibility ideograph, which NFKC changes")
        #expect(HanSyllables.composed("Co 王陈 & 2", syllable: { $0 == "王" ? "wang" : "chen" }) == "co wang chen & 2")
        #expect(!han.composes("王, 陈"), "other punctuation")
        #expect(!han.composes("Wang"))
        #expect(!han.composes(" & "), "no Han character")
        #expect(!han.composes(""))
        let syllable: (Unicode.Scalar) -> String = { $0 == "王" ? "wang" : "chen" }
        #expect(HanSyllables.composed(" 王陈 &陈", syllable: syllable) == " wang chen &chen")
    }

    @Test func rulesOfAnotherShapeTurnTheCompositionOff() {
        #expect(HanSyllables(rules: "[王] > wáng;") == nil, "no spacing pass")
        #expect(HanSyllables(rules: "[王] > wáng;\n::Han-Spacedhan();") == nil, "a mapping before the spacing")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n[一-龥] } [一-龥] > x;") == nil, "a context of ranges")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n{重} [^a] > x;") == nil, "a context of a set")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n[{重庆}] > x;") == nil, "a string in a set")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n::NFD;\n[王] > wáng;") == nil, "another pass")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n$x = [王];\n$x > wáng;") == nil, "a variable")
        #expect(HanSyllables(rules: "::Han-Spacedhan();\n[:Han:] { a > b;") == nil, "a context with no character named")
    }

    /// This machine's ICU has rules the composition models.
    @Test func icusHanLatinRulesAreRead() {
        #expect(HanSyllables.ofICU != nil)
    }

    /// Every Han character of the Basic Multilingual Plane and every fifth of the other planes
    /// (ideographs, radicals, marks, compatibility forms alike), in random texts of 1 to 8 of
    /// them (each in at least one), folds to the same text through the composition as through
    /// ICU alone; so do such texts joined by spaces, ampersands and ASCII words, and texts with
    /// the characters read in context, the characters that are Han but not plain ideographs
    /// ("々", "〇", compatibility forms of those read in context) among ideographs.
    @Test func composedFoldingsEqualICUsForEveryHanCharacterOfTheBMP() throws {
        let composing = try ScriptFolder(transliteratorID: nil)
        let icuAlone = try ScriptFolder(transliteratorID: nil, composingHan: false)
        let han = try #require(HanSyllables.ofICU)
        var characters: [Unicode.Scalar] = []
        for value in UInt32(0x2E80)...UInt32(0xFFFF) where CICU_is_han(value) != 0 {
            if let scalar = Unicode.Scalar(value) { characters.append(scalar) }
        }
        for value in stride(from: UInt32(0x20000), through: 0x3134F, by: 5) where CICU_is_han(value) != 0 {
            if let scalar = Unicode.Scalar(value) { characters.append(scalar) }
        }
        #expect(characters.count > 20_000)
        var random = CollationKeyIndexTests.Random(state: 5)
        var order = characters
        for index in order.indices.reversed() { order.swapAt(index, random.next(below: index + 1)) }
        var texts: [String] = []
        var start = 0
        while start < order.count {
            let length = 1 + random.next(below: 8)
            texts.append(String(String.UnicodeScalarView(order[start..<min(start + length, order.count)])))
            start += length
        }
        // Runs of them with spaces, ampersands and ASCII words between, before and after.
        let separators = [" ", " & ", "&", "  ", " &", " Allied Dental ", " Co ", " A ", " x1 ", " 2 ", " LTD & "]
        for index in 0..<2_000 {
            let first = texts[index % texts.count]
            let second = texts[(index * 7 + 3) % texts.count]
            let separator = separators[index % separators.count]
            texts.append(index % 10 == 0 ? separator + first + separator : first + separator + second)
        }
        texts += ["Allied Dental 股份有限公司", "Redwood Solutions 股份有限公司", "王 & 高股份有限公司", "杨 建设股份有限公司 2", "ABC 王"]
        // Han characters that are not plain ideographs, between ideographs.
        for odd in ["々", "〇", "〻", "⺀", "\u{F967}", "\u{2F00}", "\u{FA08}"] {
            texts += ["王\(odd)陈", "\(odd)\(odd)", "二\(odd)\(odd)八"]
        }
        // The characters read in context, in and out of their contexts, and the compatibility
        // forms NFKC turns into them.
        var contextual = han.contextual.compactMap(Unicode.Scalar.init)
        for value in UInt32(0xF900)...UInt32(0xFAFF) {
            if let scalar = Unicode.Scalar(value), let unified = ScriptFolder.nfkcCaseFold(String(Character(scalar))).unicodeScalars.first,
                han.contextual.contains(unified.value)
            {
                contextual.append(scalar)
            }
        }
        for scalar in contextual {
            texts.append(String(Character(scalar)))
            for other in contextual { texts.append(String(String.UnicodeScalarView([scalar, other]))) }
            texts.append(String(String.UnicodeScalarView([order[0], scalar, order[1]])))
        }
        var composed = 0
        var mismatches: [String] = []
        for text in texts {
            if han.composes(text) { composed += 1 }
            let expected = icuAlone.fold(text)
            let folded = composing.fold(text)
            if folded != expected { mismatches.append("\(text): \(folded) ≠ \(expected)") }
        }
        #expect(composed > texts.count / 2, "most texts took the composition")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(texts.count): \(mismatches.prefix(5))")
    }
}
