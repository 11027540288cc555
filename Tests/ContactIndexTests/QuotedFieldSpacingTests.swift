import Testing
@testable import ContactIndex

/// How a quoted field is read when it is not written exactly as RFC 4180 wants.
///
/// - Text after the closing quote (`"E""d"x`) was kept with the raw quoting (`"E""d"x`); it is
///   now the unquoted content and the text (`E"dx`), as Python's csv module and Excel read it,
///   and still reported.
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
}
