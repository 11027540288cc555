import Testing
@testable import ContactIndex

/// Names written in kana alone are found by their spelling without long vowels, as passports
/// and agents write them ("Yuko Sato" for ユウコ サトウ), as names in kanji already were
/// (`NameNormalizer.kanaSpellings`); before, the fold's "yuuko satou" left them one typing
/// error away, tied with or below another person.
@Suite struct KanaNameSpellingTests {
    static let directory = ContactDirectory([
        Contact(id: "yoko", firstName: "Yoko", lastName: "Sato"),
        Contact(id: "katakana", firstName: "ユウコ", lastName: "サトウ", region: "JP"),
        Contact(id: "hiragana", firstName: "ゆうこ", lastName: "いとう", region: "JP"),
        Contact(id: "ito", firstName: "Yoko", lastName: "Ito"),
    ])

    @Test(arguments: [("yuko sato", "katakana"), ("sato yuko", "katakana"), ("yuko ito", "hiragana"), ("yuuko itou", "hiragana")])
    func theSpellingWithoutLongVowelsFindsTheKanaName(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.score >= MatchReason.nameTokens.baseScore, "\(query): \(first.reason) \(first.score)")
    }

    @Test func theSpellings() throws {
        let spellings = try #require(NameNormalizer.shared.alternateRomanization("ユウコ"))
        #expect(spellings.split(separator: " ").contains("yuko"), "\(spellings)")
        #expect(NameNormalizer.shared.alternateRomanization("Yoko") == nil)
    }
}
