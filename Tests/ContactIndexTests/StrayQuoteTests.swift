import Testing
@testable import ContactIndex

/// A stray opening quote (`1,"Ann,Lee,…` with no closing quote on its line) made the quoted field
/// run on to the next quote in the file, swallowing the records between: they vanished with
/// nothing in the report saying so, and the text after that next quote became a contact of its
/// own. A quoted field that holds line breaks and has text after its closing quote is now read
/// again with its opening quote as a character, so the lines it held are records again; the
/// report says so. A quoted field over several lines that the loader cannot tell from a real one
/// is reported with the lines it holds.
@Suite struct StrayQuoteTests {
    static let strayQuote = """
        id,first_name,last_name,phone,email,company
        1,"Ann,Lee,2125550111,ann@x.com,A
        2,Bob,Bee,2125550122,bob@x.com,B
        3,Cat,Cole,2125550133,cat@x.com,"Cole
        and Sons, Ltd"
        4,Dan,Day,2125550144,dan@x.com,D

        """

    func load(_ text: String, blockSize: Int = 1 << 20) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"), blockSize: blockSize, threads: 2)).load(bytes: Array(text.utf8))
    }

    @Test func theLinesAStrayQuoteHeldAreReadAsRecords() throws {
        let (directory, report) = try load(Self.strayQuote)
        #expect(report.rowsRead == 4)
        #expect(directory.count == 4)
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.firstName == "\"Ann")
        #expect(ann.emails.first?.normalized != nil)
        #expect(directory.contact(id: "2")?.firstName == "Bob")
        #expect(directory.contact(id: "3")?.company == "Cole\nand Sons, Ltd")
        #expect(directory.contact(id: "4")?.firstName == "Dan")
        #expect(directory.contact(id: "and Sons") == nil)
        let problem = try #require(report.problems.first)
        #expect(problem.line == 2)
        #expect(problem.column == "first_name")
        #expect(problem.description.contains("ran over 3 lines (to line 4)"))
        #expect(!report.problems.contains { $0.description.contains("fields where the header has") })
    }

    /// Padded so that the stray quote's record and the records it held straddle a block
    /// boundary: the reader's record splitter agrees with the tokenizer, in blocks of any size.
    @Test(arguments: [4096, 1 << 20])
    func theRecoveryIsTheSameAcrossABlockBoundary(blockSize: Int) throws {
        var text = "id,first_name,last_name,phone,email,company\n"
        var row = 100
        while text.utf8.count < 4000 {
            text += "\(row),Pad,Row,2125550\(row),p\(row)@x.com,P\n"
            row += 1
        }
        text += Self.strayQuote.split(separator: "\n", maxSplits: 1)[1]
        let (directory, report) = try load(text, blockSize: blockSize)
        #expect(directory.count == row - 100 + 4)
        #expect(directory.contact(id: "2")?.firstName == "Bob")
        #expect(directory.contact(id: "3")?.company == "Cole\nand Sons, Ltd")
        #expect(report.problems.count == 1)
    }

    /// A quoted field over several lines that closes cleanly could be a real one (an address):
    /// it is kept, and when its row has the wrong number of fields the report names the lines it
    /// holds, which were not read as records.
    @Test func aCleanlyClosedFieldOverSeveralLinesInAShortRowIsReported() throws {
        let (directory, report) = try load("id,name,phone\n1,\"Ann,2125550111\n2,Bob,2125550122\"\n3,Cat,2125550133\n")
        #expect(directory.count == 2)
        #expect(report.problems.contains { $0.line == 2 && $0.column == "name" && $0.description.contains("ran over 2 lines (to line 3)") })
    }

    /// An unclosed quote at the end of the file says how many lines it held.
    @Test func anUnclosedQuoteSaysHowManyLinesItHeld() throws {
        let (_, report) = try load("id,name,phone\n1,Ann,2125550111\n2,\"Bob,2125550122\n3,Cat,2125550133\n4,Dan,2125550144\n")
        let problem = try #require(report.problems.first { $0.line == 3 })
        #expect(problem.column == "name")
        #expect(problem.description.contains("runs over 3 lines to the end of the file (line 5)"))
    }
}
