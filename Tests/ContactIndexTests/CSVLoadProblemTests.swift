import Testing
@testable import ContactIndex

/// What a load problem says: its column when it is about one cell, and the cell's text as
/// written.
@Suite struct CSVLoadProblemTests {
    func load(_ text: String) throws -> CSVLoadReport {
        try ContactCSVLoader().load(bytes: Array(text.utf8)).1
    }

    /// An apostrophe is shown as it is; quotes, backslashes and control characters are escaped.
    @Test func aCellsTextIsQuotedWithoutEscapingApostrophes() {
        let problem = CSVLoadProblem(line: 2, column: "Phone", contactID: "1", value: "O'Brien \"x\" \\ \u{1B}\n", kind: .invalidPhone)
        #expect(problem.description == #"line 2, column "Phone": phone "O'Brien \"x\" \\ \u{1B}\n" indexed, but libphonenumber's metadata calls it invalid"#)
    }
}

extension CSVLoadProblemTests {
    /// A header cell's NUL is dropped and reported, as a data cell's is: the column maps.
    @Test func aNULInAHeaderCellIsDroppedAndReported() throws {
        let (directory, report) = try ContactCSVLoader().load(bytes: Array("Id,Em\u{0}ail\n1,al@bo.de\n".utf8))
        #expect(report.columns.map(\.header) == ["Id", "Email"])
        #expect(report.problems.map(\.kind) == [.nulCharacter(byteOffset: 2)])
        #expect(report.problems.first?.line == 1)
        #expect(report.problems.first?.column == "column 2")
        #expect(directory.lookup(email: "al@bo.de").first?.contact.id == "1")
    }
}

extension CSVLoadProblemTests {
    /// Text after a closing quote and an unclosed quote are about one cell: the problem names
    /// its column, and the first gives the text kept (unquoted, with the text after it).
    @Test func quoteProblemsNameTheirColumn() throws {
        let report = try load("Id,Name,Phone\n2,\"Big\" Joe,2125550102\n3,\"Unclosed,2125550103\n")
        let after = try #require(report.problems.first { $0.kind == .textAfterClosingQuote })
        #expect(after.line == 2)
        #expect(after.column == "Name")
        #expect(after.value == "Big Joe")
        let unclosed = try #require(report.problems.first { $0.kind == .unterminatedQuote(fromLine: 3, toLine: 3) })
        #expect(unclosed.line == 3)
        #expect(unclosed.column == "Name")
    }
}
