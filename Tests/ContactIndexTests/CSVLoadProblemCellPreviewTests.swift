import Testing
@testable import ContactIndex

/// A problem keeps and quotes at most `CSVLoadProblem.quotedCellLimit` characters of its cell,
/// then "…" and the cell's whole length. Before, it copied the whole cell: a 50 MB phone cell
/// made a 50 MB report line.
@Suite struct CSVLoadProblemCellPreviewTests {
    @Test func aLongCellIsQuotedByItsStartAndItsLength() {
        let cell = String(repeating: "7", count: 5_000)
        let problem = CSVLoadProblem(line: 2, column: "Phone", contactID: "1", value: cell, kind: .invalidPhone)
        #expect(problem.value == String(repeating: "7", count: CSVLoadProblem.quotedCellLimit))
        #expect(problem.valueLength == 5_000)
        #expect(problem.valueIsCut)
        let quoted = "\"" + String(repeating: "7", count: CSVLoadProblem.quotedCellLimit) + "…\" (5000 characters)"
        #expect(problem.description == "line 2, column \"Phone\": phone \(quoted) indexed, but libphonenumber's metadata calls it invalid")
    }

    @Test func aShortCellIsKeptWhole() {
        let cell = String(repeating: "é", count: CSVLoadProblem.quotedCellLimit)
        let problem = CSVLoadProblem(line: 2, column: "Created", contactID: "1", value: cell, kind: .invalidDate)
        #expect(problem.value == cell)
        #expect(!problem.valueIsCut)
        #expect(problem.description == "line 2, column \"Created\": \"\(cell)\" is not an ISO 8601 date; left out")
    }

    /// A long header or id is quoted the same way.
    @Test func aLongHeaderOrIdIsQuotedByItsStart() {
        let long = String(repeating: "h", count: 1_000)
        let problem = CSVLoadProblem(line: 3, column: long, contactID: long, value: long, kind: .duplicateID(earlierLine: 2))
        let quoted = "\"" + String(repeating: "h", count: CSVLoadProblem.quotedCellLimit) + "…\" (1000 characters)"
        #expect(problem.description == "line 3, column \(quoted): the id \(quoted) was already on line 2; this later row replaced it")
    }

    /// Every problem of a load of huge cells stays short: phones, emails, dates, countries.
    @Test func aLoadOfHugeCellsReportsShortProblems() throws {
        let huge = String(repeating: "9", count: 100_000)
        let text = "Id,Phone,Email,Created Date,Country\n1,\(huge),\(huge)@x,\(huge),\(huge)\n"
        let (_, report) = try ContactCSVLoader().load(bytes: Array(text.utf8))
        #expect(report.problems.count == 4)
        for problem in report.problems {
            #expect(problem.value.unicodeScalars.count <= CSVLoadProblem.quotedCellLimit)
            #expect(problem.description.utf8.count < 600)
            #expect(problem.description.contains("…\" ("))
        }
    }
}
