import Testing
@testable import ContactIndex

/// A phone or email value longer than any number or address is left out with a
/// `cellTooLong` problem, and a name over its limit is cut there; the row loads with its other
/// fields. Before, a 1 MB "phone" was kept raw and sent in every reply showing the contact.
@Suite struct CSVLongCellTests {
    func load(_ text: String) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader().load(bytes: Array(text.utf8))
    }

    @Test func aTooLongPhoneIsLeftOutAndReported() throws {
        let long = String(repeating: "1", count: CSVLoadProblem.TooLongField.phone.limit + 1)
        let (directory, report) = try load("Id,First Name,Phone,Email\n1,Ann,\(long) ::: +16505550100,ann@example.com\n")
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.firstName == "Ann")
        #expect(ann.phones.map(\.raw) == ["+16505550100"])
        #expect(ann.emails.count == 1)
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.kind == .cellTooLong(.phone))
        #expect((problem.line, problem.column, problem.contactID) == (2, "Phone", "1"))
        #expect(problem.valueLength == long.count)
        #expect(report.rowsLoaded == 1)
    }

    @Test func aPhoneAtTheLimitIsKept() throws {
        let atLimit = String(repeating: "1", count: CSVLoadProblem.TooLongField.phone.limit)
        let (directory, report) = try load("Id,Phone\n1,\(atLimit)\n")
        #expect(directory.contact(id: "1")?.phones.map(\.raw) == [atLimit])
        #expect(!report.problems.contains { $0.kind == .cellTooLong(.phone) })
    }

    @Test func aTooLongEmailIsLeftOutAndReported() throws {
        let long = String(repeating: "a", count: CSVLoadProblem.TooLongField.email.limit) + "@example.com"
        let (directory, report) = try load("Id,Name,Email\n1,Ann Lee,\(long)\n")
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.emails.isEmpty)
        #expect(ann.displayName == "Ann Lee")
        #expect(report.problems.map(\.kind) == [.cellTooLong(.email)])
        #expect(report.problems.first?.description.contains("email left out") == true)
    }

    /// Names are counted in characters: as many "é" as the limit (twice as many bytes) are
    /// within it.
    @Test func aTooLongNameIsCutAtTheLimit() throws {
        let limit = CSVLoadProblem.TooLongField.name.limit
        let within = String(repeating: "é", count: limit)
        let long = String(repeating: "ü", count: limit + 500)
        let (directory, report) = try load("Id,First Name,Last Name,Company,Phone\n1,\(within),\(long),\(long),+16505550100\n")
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.firstName == within)
        #expect(contact.lastName == String(repeating: "ü", count: limit))
        #expect(contact.company == String(repeating: "ü", count: limit))
        #expect(contact.phones.count == 1)
        #expect(report.problems.map(\.kind) == [.cellTooLong(.name), .cellTooLong(.name)])
        #expect(report.problems.map(\.column) == ["Last Name", "Company"])
        #expect(report.problems.allSatisfy { $0.valueLength == limit + 500 })
    }
}
