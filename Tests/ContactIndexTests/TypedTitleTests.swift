import Testing
@testable import ContactIndex

/// Titles typed around a name that is not a whole name: the name is searched without them.
@Suite struct TypedTitleTests {
    static let directory = ContactDirectory([
        Contact(id: "p1", firstName: "Emily", lastName: "Watson"),
        Contact(id: "p3", firstName: "John", lastName: "Smith"),
        Contact(id: "p4", firstName: "Mary", lastName: "Jones"),
    ])

    @Test(arguments: [
        ("Mr. Smith", "p3"), ("Mr Smith", "p3"), ("Dr. Watson", "p1"), ("Dr Watson", "p1"),
        ("Mr. J. Smith", "p3"), ("Mr. Jon Smith", "p3"), ("Dr. Emily Watsn", "p1"), ("Mrs. Jones", "p4"),
    ])
    func aTitleDoesNotMakeAPartialMatch(query: String, id: String) throws {
        let withTitle = try #require(Self.directory.search(query).first)
        let untitled = try #require(Self.directory.search(NameTitles.stripping(query)!).first)
        #expect(withTitle.contact.id == id)
        #expect(withTitle.reason != .partialName)
        #expect(withTitle.reason == untitled.reason, "\(query)")
        #expect(abs(withTitle.score - untitled.score) < 1e-9, "\(query)")
    }

    /// A record stored with the title typed ("Dr. John" Smith) does not hide the one without
    /// it: "Dr John Smith" lists both, John Smith as it does when he is alone.
    @Test(arguments: ["Dr John Smith", "Dr. John Smith", "Smith, Dr. John"])
    func aRecordWithTheTitleDoesNotHideTheOneWithout(query: String) throws {
        let both = ContactDirectory(Array(Self.directory.contacts) + [Contact(id: "d3", firstName: "Dr. John", lastName: "Smith")])
        let found = both.search(query)
        let titled = try #require(found.first { $0.contact.id == "d3" }, "\(query): \(found.map(\.contact.id))")
        let plain = try #require(found.first { $0.contact.id == "p3" }, "\(query): \(found.map(\.contact.id))")
        let alone = try #require(Self.directory.search(query).first)
        #expect(alone.contact.id == "p3")
        #expect(plain.reason == alone.reason && abs(plain.score - alone.score) < 1e-9, "\(query): \(plain.reason) \(plain.score)")
        #expect(titled.reason == .exactName, "\(query)")
    }
}
