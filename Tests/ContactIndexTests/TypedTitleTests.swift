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
}
