import Testing
@testable import ContactIndex

/// A name typed in Cyrillic or Greek letters finds the person stored in Latin letters as
/// English texts and passports spell them (`TranscribedQueryTokens`: the BGN/PCGN and UNGEGN
/// spelling of each typed word is an exact spelling of it), as the Latin spelling typed finds
/// the name stored in Cyrillic or Greek. Before, the query read as ICU's scholarly spelling
/// ("sergej", "dmitrij", "maurides") and met those persons one or two typing errors away, or
/// by the family name only.
@Suite struct CyrillicGreekQuerySpellingTests {
    static let directory = ContactDirectory([
        Contact(id: "r1", firstName: "Sergey", lastName: "Ivanov"),
        Contact(id: "r2", firstName: "Dmitriy", lastName: "Sokolov"),
        Contact(id: "r3", firstName: "Oleg", lastName: "Sokolov"),
        Contact(id: "r4", firstName: "Yuliya", lastName: "Tkachenko"),
        Contact(id: "g1", firstName: "Georgia", lastName: "Mavridis"),
        Contact(id: "g2", firstName: "Georgia", lastName: "Mavros"),
        Contact(id: "x1", firstName: "Sergej", lastName: "Ivanovic"),
    ])

    @Test(arguments: [
        ("Сергей Иванов", "r1"), ("Дмитрий Соколов", "r2"), ("Юлия Ткаченко", "r4"), ("Γεωργία Μαυρίδης", "g1"),
        ("Μαυρίδης", "g1"),
    ])
    func theLatinSpellingIsAnExactMatch(_ text: String, _ id: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let match = try #require(found.first { $0.contact.id == id }, "\(text): \(described)")
            // Every typed word on the name, spelled as English texts spell it: no typing error.
            #expect(![.fuzzyOneEdit, .fuzzyTwoEdits, .partialName, .romanized].contains(match.reason), "\(text): \(described)")
            #expect(found.first?.contact.id == id, "\(text): \(described)")
        }
    }

    @Test func theSpellingsFollowTheWords() throws {
        let names = try NameNormalizer()
        let text = "Сергей Иванов"
        let spellings = TranscribedQueryTokens(text: text, tokens: names.tokens(text), names: names)
        #expect(names.tokens(text).compactMap { spellings.spelling(of: $0) } == ["sergey"])
        let latin = TranscribedQueryTokens(text: "Sergey Ivanov", tokens: ["sergey", "ivanov"], names: names)
        #expect(latin.spelling(of: "sergey") == nil && latin.spelling(of: "ivanov") == nil)
    }
}
