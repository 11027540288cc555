import Testing

@testable import ContactIndex

/// Names with a number in them ("7 Eleven", "Forever 21", "Studio 2026") typed in the search
/// box: their digits are read as a phone part, and the record they name must still come first.
@Suite struct NamesWithDigitsTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "1", phones: [ContactPhone("212 555 0100")], entity: .account, company: "7 Eleven"),
            Contact(id: "2", phones: [ContactPhone("212 555 0101")], entity: .account, company: "Studio 2026"),
            Contact(id: "3", phones: [ContactPhone("212 555 0106")], entity: .account, company: "Forever 21"),
            // Works at 7 Eleven, and her number holds a 7.
            Contact(id: "5", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("212 555 7777")], company: "7 Eleven"),
            Contact(id: "6", phones: [ContactPhone("212 555 0105")], entity: .account, company: "Eleven Madison Park"),
            Contact(id: "7", firstName: "John", lastName: "Smith", phones: [ContactPhone("212 555 0110")]),
            Contact(id: "8", firstName: "John", lastName: "Doe", phones: [ContactPhone("312 444 0101")]),
        ],
        configuration: .init(defaultRegion: "US"))

    @Test(arguments: [("7 eleven", "1"), ("7-Eleven", "1"), ("Studio 2026", "2"), ("forever 21", "3")])
    func theNamedRecordComesFirst(query: String, id: String) {
        let results = Self.directory.search(query)
        #expect(results.first?.contact.id == id, "\(query): \(results.map(\.contact.name))")
        #expect(results.first.map { $0.reason == .exactName || $0.reason == .foldedName } == true)
        #expect(results.dropFirst().allSatisfy { $0.score < results[0].score })
    }

    @Test func digitsStillConfirmNames() {
        // "john 555": three digits confirm the John whose number holds them.
        let results = Self.directory.search("john 555")
        #expect(results.map(\.contact.id).prefix(2) == ["7", "8"])
        #expect(results[0].score > results[1].score)
        // A whole number with a name is still a phone search.
        #expect(Self.directory.search("john 212 555 0110").first?.contact.id == "7")
    }
}
