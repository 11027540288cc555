import Testing
@testable import ContactIndex

/// Emoji and other symbols pasted with a name are no words of it: they fold away
/// (`ICUFolder`), on the query's side and the stored name's.
@Suite struct SymbolsInQueriesTests {
    static let directory = ContactDirectory([
        Contact(id: "s1", firstName: "John", lastName: "Smith"),
        Contact(id: "s2", firstName: "John", lastName: "Smithers"),
        Contact(id: "s3", firstName: "Zoë 🎸", lastName: "Adams®"),
    ])

    @Test(arguments: [
        ("john smith 👍", "s1"), ("👍 john smith", "s1"), ("john 😀 smith", "s1"), ("john smith 👨‍👩‍👧", "s1"),
        ("zoe adams", "s3"), ("Zoë Adams", "s3"),
    ])
    func symbolsDoNotMakeAPartialMatch(query: String, id: String) throws {
        let first = try #require(Self.directory.search(query).first)
        #expect(first.contact.id == id)
        #expect(first.reason != .partialName, "\(query): \(first.reason)")
        #expect(first.score >= MatchReason.nameTokens.baseScore, "\(query): \(first.score)")
    }

    /// A whole name with a symbol pasted around it is still the exact whole name, as the
    /// query without it (`NameNormalizer.withoutSymbols`); it was `transliteratedName`.
    @Test(arguments: ["john smith 👍", "👍🏽 John Smith", "John Smith ©", "john smith 👨‍👩‍👧"])
    func aWholeNameWithASymbolIsExact(query: String) throws {
        let first = try #require(Self.directory.search(query).first)
        #expect(first.contact.id == "s1")
        #expect(first.reason == .exactName, "\(query): \(first.reason) \(first.score)")
    }

    /// A spacing accent stays: a name stored mis-decoded with one ("N˜zamett˜n Yılmaz") is
    /// found by itself typed as stored.
    @Test func aSpacingAccentIsKept() throws {
        let directory = ContactDirectory([Contact(id: "m", firstName: "N˜zamett˜n", lastName: "Yılmaz"), Contact(id: "o", firstName: "Nazmi", lastName: "Yilmaz")])
        let first = try #require(directory.search("n˜zamett˜n yilmaz").first)
        #expect(first.contact.id == "m", "\(first.reason)")
        #expect(NameNormalizer.withoutSymbols("n˜zamett˜n") == "n˜zamett˜n")
    }

    @Test func aSymbolAloneFindsNothing() {
        #expect(Self.directory.search("😀").isEmpty)
        #expect(Self.directory.search("john 😀").map(\.contact.id) == Self.directory.search("john").map(\.contact.id))
    }

    @Test func theFoldDropsSymbolsOutsideASCII() throws {
        let names = try NameNormalizer()
        #expect(names.tokens("John Smith 👍") == ["john", "smith"])
        #expect(names.tokens("Acme® ©2024") == ["acme", "2024"])
    }
}
