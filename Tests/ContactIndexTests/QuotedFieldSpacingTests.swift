import Testing
@testable import ContactIndex

/// How a quoted field is read when it is not written exactly as RFC 4180 wants.
///
/// - Text after the closing quote (`"E""d"x`) was kept with the raw quoting (`"E""d"x`); it is
///   now the unquoted content and the text (`E"dx`), as Python's csv module and Excel read it,
///   and still reported.
/// - Spaces before the opening quote (`1, "Ann", "Lee"`, as some scripts write) made the field
///   unquoted: the quotes stayed in the value, an email in quotes was rejected, and a quoted comma
///   split the field. A field of spaces, a quoted part and spaces is now read as quoted, and
///   reported once per line.
@Suite struct QuotedFieldSpacingTests {
    func load(_ text: String) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(text.utf8))
    }

    @Test(arguments: [
        ("\"E\"\"d\"x,b\n", [["E\"dx", "b"]]),
        ("\"Cat\"s,b\n", [["Cats", "b"]]),
        ("\"Big\" Joe\n", [["Big Joe"]]),
        ("\"a\"b\"c\",d\n", [["ab\"c\"", "d"]]),
    ] as [(String, [[String]])])
    func textAfterTheClosingQuoteFollowsTheUnquotedContent(text: String, expected: [[String]]) {
        #expect(tokenize(Array(text.utf8)) == expected)
    }

    @Test func textAfterTheClosingQuoteIsStoredUnquotedAndReported() throws {
        let (directory, report) = try load("id,first_name,last_name,phone\n1,\"E\"\"d\"x,Eve,2125550111\n")
        #expect(directory.contact(id: "1")?.firstName == "E\"dx")
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .textAfterClosingQuote)
        #expect(problem.value == "E\"dx")
    }

    @Test(arguments: [
        ("1, \"Ann\", \"Lee\"\n", [["1", "Ann", "Lee"]]),
        ("2, \"Smith, Bob\", \"Bee\"\n", [["2", "Smith, Bob", "Bee"]]),
        ("  \"a\"  ,b\n", [["a", "b"]]),
        ("1, \"multi\nline\", x\n2,y\n", [["1", "multi\nline", " x"], ["2", "y"]]),
        ("a b,\"c\" d\n", [["a b", "c d"]]),
        (" x\"y\",z\n", [[" x\"y\"", "z"]]),
    ] as [(String, [[String]])])
    func spacesAroundAQuotedFieldAreDropped(text: String, expected: [[String]]) {
        #expect(tokenize(Array(text.utf8)) == expected)
    }

    @Test func spacesBeforeOpeningQuotesAreReadAsQuotedFields() throws {
        let csv = """
            id, first_name, last_name, phone, email
            1, "Ann", "Lee", "212-555-0111", "ann@x.com"
            2, "Smith, Bob", "Bee", "212-555-0122", "bob@x.com"

            """
        let (directory, report) = try load(csv)
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.firstName == "Ann")
        #expect(ann.emails.first?.normalized != nil)
        let bob = try #require(directory.contact(id: "2"))
        #expect(bob.firstName == "Smith, Bob")
        #expect(bob.lastName == "Bee")
        #expect(directory.lookup(email: "bob@x.com").first?.contact.id == "2")
        #expect(report.problems.map(\.line) == [2, 3])
        #expect(report.problems.allSatisfy { $0.description.contains("spaces around a quoted field") })
    }
}
