import Testing

@testable import ContactIndex

/// `NameNormalizer.normalizedSpacing` with the table of kept characters gives what the general
/// categories give.
@Suite struct NameSpacingCharactersTests {
    /// The table holds the category rule's answer for every character of the Basic
    /// Multilingual Plane, and the rule is asked directly beyond it.
    @Test func tableAgreesWithTheCategoriesForEveryCharacterOfTheBMP() {
        var disagreements: [String] = []
        var kept = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byTable = NameSpacingCharacters.isKept(scalar)
            if byTable { kept += 1 }
            if byTable != NameSpacingCharacters.isKeptByCategory(scalar) { disagreements.append(String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(10))")
        #expect(kept > 40_000, "letters, marks, numbers and symbols are most of the plane")
        #expect(NameSpacingCharacters.isKept("\u{20000}"), "a Han ideograph beyond the plane")
        #expect(!NameSpacingCharacters.isKept("\u{E0001}"), "a language tag, a format character")
    }

    @Test(arguments: [
        ("Алексей  Игнатьев", "Алексей Игнатьев"), ("Smith,  John", "Smith John"), (" O’Brien-Ó Dálaigh ", "OBrien Ó Dálaigh"), ("O‘Brien", "OBrien"),
        ("王·小明", "王 小明"), ("ООО «Калинин Снаб»", "ООО Калинин Снаб"), ("José\u{301} & Co.", "José\u{301} Co"), ("€5 ½", "€5 ½"),
    ])
    func normalizesSpacing(_ text: String, _ expected: String) {
        #expect(NameNormalizer.normalizedSpacing(text) == expected)
    }

    /// Random texts of letters, marks, digits, punctuation, spaces and symbols of many blocks
    /// give what a plain pass over the categories gives.
    @Test func randomTextsAreSpacedAsByTheCategories() {
        let blocks: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x370...0x52F, 0x591...0x6FF, 0x900...0x97F, 0xE01...0xE5B,
            0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x214F, 0x3000...0x30FF, 0x4E00...0x4E40, 0xAC00...0xAC40, 0xFF00...0xFFEF,
            0x1F600...0x1F64F, 0x20000...0x20040,
        ]
        let scalars = blocks.flatMap { $0.compactMap(Unicode.Scalar.init) }
        var random = CollationKeyIndexTests.Random(state: 31)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + random.next(below: 16)) { text.append(scalars[random.next(below: scalars.count)]) }
            let string = String(text)
            let expected = Self.spacedByCategories(string)
            if NameNormalizer.normalizedSpacing(string) != expected { mismatches.append(string) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
    }

    /// The spacing rule read straight off the categories, one scalar at a time.
    static func spacedByCategories(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // Apostrophes, typographic ones (’ ‘ ʼ ′) too, are dropped.
            if ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}"].contains(scalar) { continue }
            if NameSpacingCharacters.isKeptByCategory(scalar) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
