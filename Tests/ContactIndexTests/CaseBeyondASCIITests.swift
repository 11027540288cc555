import Testing
@testable import ContactIndex

/// A whole name that differs from the query only in the case of letters beyond ASCII is an
/// exact match, as one that differs in ASCII case is (`NameSpelling`): "HANS MÜLLER" was a
/// folded match tied with Hans Muller, and a CRM's surname in capitals ("Élodie DURAND")
/// lost to the name without accents.
@Suite struct CaseBeyondASCIITests {
    static let directory = ContactDirectory([
        Contact(id: "plain", firstName: "Hans", lastName: "Muller"),
        Contact(id: "umlaut", firstName: "Hans", lastName: "Müller"),
        Contact(id: "capitals", firstName: "Élodie", lastName: "DURAND"),
        Contact(id: "ascii", firstName: "Elodie", lastName: "Durand"),
        Contact(id: "cyrillic", firstName: "Александр", lastName: "Иванов"),
        Contact(id: "greek", firstName: "ΕΛΕΝΗ", lastName: "ΠΑΠΑΔΟΠΟΥΛΟΥ"),
    ])

    @Test(arguments: [
        ("HANS MÜLLER", "umlaut"), ("hans müller", "umlaut"), ("Müller, Hans", "umlaut"), ("élodie durand", "capitals"),
        ("ÉLODIE DURAND", "capitals"), ("александр иванов", "cyrillic"), ("Ελενη Παπαδοπουλου", "greek"),
    ])
    func onlyCaseApartIsExact(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason == .exactName, "\(query): \(first.reason) \(first.score)")
    }

    /// Accents still count: "hans muller" is Hans Muller exactly and Hans Müller folded.
    @Test func accentsStillCount() {
        let found = Self.directory.search("hans muller")
        #expect(found.map(\.contact.id) == ["plain", "umlaut"])
        #expect(found.map(\.reason) == [.exactName, .foldedName])
    }

    @Test func theKeys() {
        #expect(NameSpelling.key("HANS MÜLLER") == NameSpelling.key("hans müller"))
        #expect(NameSpelling.key("ÉLODIE") == Array("élodie".utf8))
        #expect(NameSpelling.key("Muller") != NameSpelling.key("Müller"))
        #expect(NameSpelling.equals(NameSpelling.key("élodie durand"), "Élodie", "DURAND"))
        // Invalid UTF-8 and sequences cut short compare as their bytes.
        #expect(NameSpelling.equals([0x61, 0xC3], [0x41, 0xC3] as [UInt8], nil as [UInt8]?))
        #expect(!NameSpelling.equals([0x61], [0x41, 0xC3] as [UInt8], nil as [UInt8]?))
    }
}

/// A name written with typographic punctuation (a word processor's "O’Brien", "Smith–Jones")
/// is spelled as the ASCII one typed for it: exact, not folded.
@Suite struct TypographicPunctuationTests {
    static let directory = ContactDirectory([
        Contact(id: "curly", firstName: "Seán", lastName: "O’Brien"),
        Contact(id: "dash", firstName: "Anna", lastName: "Smith–Jones"),
        Contact(id: "plain", firstName: "Sean", lastName: "OBrien"),
    ])

    @Test(arguments: [("Seán O'Brien", "curly"), ("Seán O’Brien", "curly"), ("seán o‘brien", "curly"), ("Anna Smith-Jones", "dash"), ("anna smith jones", "dash")])
    func typographicPunctuationIsSpelledAsTyped(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason == .exactName, "\(query): \(first.reason) \(first.score)")
    }

    @Test func theKeys() {
        #expect(NameSpelling.key("O’Brien") == NameSpelling.key("O'Brien"))
        #expect(NameSpelling.key("Smith–Jones") == NameSpelling.key("Smith Jones"))
        #expect(NameSpelling.equals(NameSpelling.key("sean obrien"), "Sean", "O’Brien"))
    }
}
