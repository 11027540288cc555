import Testing
@testable import ContactIndex

/// A name stored one way and typed the other: "Müller" typed for a stored Mueller, and a whole
/// name matched exactly that no longer hides the same name spelt the other way
/// (`NameVariants.transcribed`, `TranscribedQueryTokens`).
@Suite struct UmlautBothWaysTests {
    static let contacts = [
        Contact(id: "plain", firstName: "Hans", lastName: "Mueller", region: "DE"),
        Contact(id: "marked", firstName: "Hans", lastName: "Müller", region: "DE"),
        Contact(id: "miller", firstName: "Hans", lastName: "Miller"),
        Contact(id: "mulder", firstName: "Hans", lastName: "Mulder"),
        Contact(id: "nordic", firstName: "Jens", lastName: "Oedegaard", region: "NO"),
    ]

    /// The match of `id` among the results of `query`, and the results for the message.
    static func match(_ id: String, _ query: String, in directory: ContactDirectory) -> (Match?, String) {
        let found = directory.search(query)
        return (found.first { $0.contact.id == id }, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
    }

    @Test(arguments: ["hans müller", "Müller, Hans", "HANS MÜLLER"])
    func anExactMatchWithUmlautsListsTheNameSpeltOut(query: String) throws {
        let directory = ContactDirectory(Self.contacts)
        let found = directory.search(query)
        #expect(found.first?.contact.id == "marked", "\(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        let (plain, message) = Self.match("plain", query, in: directory)
        let match = try #require(plain, Comment(rawValue: message))
        #expect(match.reason == .foldedName, Comment(rawValue: message))
        #expect(found.firstIndex { $0.contact.id == "plain" }! < found.firstIndex { $0.contact.id == "miller" } ?? found.count)
    }

    @Test(arguments: ["hans mueller", "Mueller, Hans"])
    func anExactMatchSpeltOutListsTheNameWithUmlauts(query: String) throws {
        let directory = ContactDirectory(Self.contacts)
        let found = directory.search(query)
        #expect(found.first?.contact.id == "plain")
        let (marked, message) = Self.match("marked", query, in: directory)
        #expect(try #require(marked, Comment(rawValue: message)).reason == .foldedName, Comment(rawValue: message))
    }

    @Test func aWholeNameTypedWithUmlautsFindsTheOnlySpellingStored() throws {
        let directory = ContactDirectory(Self.contacts.filter { $0.id != "marked" })
        let found = directory.search("hans müller")
        #expect(found.first?.contact.id == "plain", "\(found.map { "\($0.contact.id) \($0.reason)" })")
        #expect(found.first?.reason == .foldedName)
        let nordic = directory.search("jens ødegård")
        #expect(nordic.first?.contact.id == "nordic" && nordic.first?.reason == .foldedName, "\(nordic.map { "\($0.contact.id) \($0.reason)" })")
    }

    /// One token typed with umlauts: the name spelt out is an exact token, above the names one
    /// typing error away (Miller, Mulder), and below the name spelt as typed.
    @Test func aTokenTypedWithUmlautsFindsItsSpelling() {
        let directory = ContactDirectory(Self.contacts)
        let found = directory.search("müller")
        #expect(Array(found.prefix(2).map(\.contact.id)) == ["marked", "plain"], "\(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(found.dropFirst().first?.reason == .nameTokens)
        let alone = ContactDirectory(Self.contacts.filter { $0.id != "marked" }).search("ødegård")
        #expect(alone.first?.contact.id == "nordic" && alone.first?.reason == .nameTokens, "\(alone.map { "\($0.contact.id) \($0.reason)" })")
    }

    /// Updates keep the spelt-out keys: a contact renamed to Müller is found under "hans
    /// mueller", and no longer after it is renamed again.
    @Test func updatesKeepTheSpellings() {
        var directory = ContactDirectory(Self.contacts.filter { $0.id != "marked" })
        directory.upsert(Contact(id: "late", firstName: "Hans", lastName: "Müller", region: "DE"))
        #expect(directory.search("hans mueller").contains { $0.contact.id == "late" && $0.reason == .foldedName })
        directory.upsert(Contact(id: "late", firstName: "Hans", lastName: "Schmidt", region: "DE"))
        #expect(!directory.search("hans mueller").contains { $0.contact.id == "late" })
        #expect(directory.search("hans schmidt").first?.contact.id == "late")
    }

    @Test func theVariantsSpeltOut() {
        #expect(NameVariants.transcribed(Contact(id: "1", firstName: "Hans", lastName: "Müller")) == ["Hans Mueller", "Mueller Hans"])
        #expect(NameVariants.transcribed(Contact(id: "2", firstName: "Hans", lastName: "Mueller")).isEmpty)
        #expect(NameNormalizer.hasUmlautLetters("Ødegård".utf8))
        #expect(!NameNormalizer.hasUmlautLetters("José Çelik".utf8))
    }
}
