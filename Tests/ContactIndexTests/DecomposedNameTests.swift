import Testing
@testable import ContactIndex

/// A name written decomposed ("E" then U+0301 COMBINING ACUTE ACCENT, as macOS exports and some
/// web forms write it) is the same name as the composed one an agent types: it was a folded
/// match of itself (0.86, tied with the name without accents), and a decomposed "Müller" had no
/// "Mueller" spelling. Names are composed (NFC) when a contact is prepared and when a query is
/// read (`CanonicalComposition`).
@Suite struct DecomposedNameTests {
    /// "Élodie", "Müller", "Zoë Ångström" decomposed, spelled with their scalars so that no
    /// editor can compose them.
    static let elodieNFD = "E\u{301}lodie"
    static let mullerNFD = "Mu\u{308}ller"
    static let zoeNFD = "Zoe\u{308}"
    static let angstromNFD = "A\u{30A}ngstro\u{308}m"

    static let directory = ContactDirectory([
        Contact(id: "nfd", firstName: elodieNFD, lastName: "Durand"),
        Contact(id: "ascii", firstName: "Elodie", lastName: "Durand"),
        Contact(id: "muller-nfd", firstName: "Hans", lastName: mullerNFD),
        Contact(id: "zoe-nfc", firstName: "Zo\u{EB}", lastName: "\u{C5}ngstr\u{F6}m"),
        Contact(id: "zoe-plain", firstName: "Zoe", lastName: "Angstrom"),
    ])

    @Test(arguments: [
        ("\u{C9}lodie Durand", "nfd"), ("durand, \u{C9}LODIE", "nfd"),
        ("\(zoeNFD) \(angstromNFD)", "zoe-nfc"), ("Hans M\u{FC}ller", "muller-nfd"),
    ])
    func composedAndDecomposedAreOneName(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason == .exactName, "\(query): \(first.reason) \(first.score)")
        #expect(Self.directory.lookup(name: query).first?.reason == .exactName, "\(query)")
    }

    /// The umlaut's German spelling is kept for a decomposed name as for a composed one.
    @Test func decomposedUmlautHasItsSpelling() throws {
        let composed = ContactDirectory([Contact(id: "muller-nfc", firstName: "Hans", lastName: "M\u{FC}ller")])
        let fromComposed = try #require(composed.search("hans mueller").first)
        let fromDecomposed = try #require(Self.directory.search("hans mueller").first { $0.contact.id == "muller-nfd" })
        #expect(fromDecomposed.reason == fromComposed.reason)
        #expect(fromDecomposed.score == fromComposed.score)
    }

    /// The stored name is the composed one: a host gets one form back whatever the export wrote.
    @Test func theStoredNameIsComposed() throws {
        let contact = try #require(Self.directory.lookup(id: "nfd")?.contact)
        #expect(Array(contact.firstName!.utf8) == Array("\u{C9}lodie".utf8))
    }

    /// The CSV loader and live upserts compose too.
    @Test func loadsAndUpsertsCompose() throws {
        let csv = "id,first_name,last_name\n1,\(Self.elodieNFD),Durand\n2,Elodie,Durand\n"
        let (loaded, _) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(loaded.search("\u{C9}lodie Durand").first.map { "\($0.contact.id) \($0.reason)" } == "1 exactName")

        let live = LiveDirectory()
        live.upsert(Contact(id: "a", firstName: Self.elodieNFD, lastName: "Durand"))
        live.upsert(Contact(id: "b", firstName: "Elodie", lastName: "Durand"))
        let first = live.withDirectory { $0.search("\u{C9}lodie Durand").first }
        #expect(first.map { "\($0.contact.id) \($0.reason)" } == "a exactName")
    }

    @Test func theComposition() {
        #expect(CanonicalComposition.composed("Smith") == "Smith")
        #expect(Array(CanonicalComposition.composed(Self.elodieNFD).utf8) == Array("\u{C9}lodie".utf8))
        // Hangul written as conjoining jamo is one syllable composed.
        #expect(CanonicalComposition.composed("\u{1112}\u{1161}\u{11AB}") == "\u{D55C}")
        // Composed text and invalid UTF-8 are left as they are.
        let composedBytes: [UInt8] = Array("Иванов".utf8)
        #expect(composedBytes.withUnsafeBufferPointer { CanonicalComposition.composed($0) } == nil)
        let invalid: [UInt8] = [0x41, 0xCC, 0x41]
        #expect(invalid.withUnsafeBufferPointer { CanonicalComposition.composed($0) } == nil)
    }
}
