import Testing
@testable import ContactIndex

/// Umlauts and Nordic vowels typed as German, Danish and Norwegian spell them without the
/// letters ("mueller" for Müller, "oedegaard" for Ødegård) find the name as well as the folded
/// spelling does (`NameNormalizer.umlautTranscription`).
@Suite struct UmlautSpellingTests {
    static let directory = ContactDirectory([
        Contact(id: "u1", firstName: "Hans", lastName: "Müller", region: "DE"),
        Contact(id: "u2", firstName: "Jürgen", lastName: "Groß", region: "DE"),
        Contact(id: "u3", firstName: "Søren", lastName: "Ødegård", region: "NO"),
        Contact(id: "m1", firstName: "Mary", lastName: "Miller"),
        Contact(id: "m2", firstName: "Hans", lastName: "Mulder"),
    ])

    @Test(arguments: [
        ("hans mueller", "u1"), ("mueller", "u1"), ("Mueller, Hans", "u1"), ("juergen gross", "u2"), ("soeren oedegaard", "u3"),
        ("oedegaard", "u3"), ("hans muller", "u1"), ("jurgen gross", "u2"),
    ])
    func theSpellingWithoutTheLettersFindsTheName(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first)
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.score > MatchReason.fuzzyOneEdit.baseScore + 0.1, "\(query): \(first.reason) \(first.score)")
    }

    @Test func theTranscription() {
        #expect(NameNormalizer.umlautTranscription("Müller") == "Mueller")
        #expect(NameNormalizer.umlautTranscription("ÖZTÜRK") == "OeZTUeRK")
        #expect(NameNormalizer.umlautTranscription("Ødegård") == "Oedegaard")
        #expect(NameNormalizer.umlautTranscription("Muller") == nil)
        #expect(NameNormalizer.umlautTranscription("José") == nil)
    }
}
