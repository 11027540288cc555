import Testing
@testable import ContactIndex

/// An initial stands for a given name: "smith j" is John Smith before Hannah Smith-Jones, whose
/// "j" would be the start of the second part of her family name while no word of the query
/// names her given name (`score`: such an initial is out of order).
@Suite struct InitialOnFamilyPartTests {
    static let directory = ContactDirectory([
        Contact(id: "hannah", firstName: "Hannah", lastName: "Smith-Jones"),
        Contact(id: "john", firstName: "John", lastName: "Smith"),
    ])

    @Test(arguments: ["smith j", "j smith", "smith, j", "J. Smith"])
    func theGivenNamesInitialComesFirst(query: String) {
        let found = Self.directory.search(query)
        #expect(found.map(\.contact.id) == ["john", "hannah"], "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
    }

    /// Her own initial and names still find her first, and her whole family name alone does.
    @Test(arguments: ["h smith", "smith h", "smith jones", "h smith-jones"])
    func herOwnInitialFindsHer(query: String) {
        #expect(Self.directory.search(query).first?.contact.id == "hannah", "\(query)")
    }
}
