import Testing
@testable import ContactIndex

/// A header that is not on the first line: Excel's separator hint (`sep=;`) and preambles
/// (LinkedIn's Connections.csv). Before, such a file loaded with exit 0 and no findable contact.
@Suite struct ContactCSVHeaderSearchTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    /// Excel's hint line sets the delimiter and is skipped; the header is the next line, and
    /// lines keep their numbers in the file.
    @Test(arguments: [
        ("sep=;\r\nId;Name;Phone;Email\r\n1;Al Bo;+49 30 1234567;al@bo.de\r\n", Character(";")),
        ("sep=,\nId,Name,Phone,Email\n1,Al Bo,+49 30 1234567,al@bo.de\n", Character(",")),
        ("sep=\t\r\nId\tName\tPhone\tEmail\r\n1\tAl Bo\t+49 30 1234567\tal@bo.de\r\n", Character("\t")),
        ("\"sep=;\"\nId;Name;Phone;Email\n1;Al Bo;+49 30 1234567;al@bo.de", Character(";")),
        ("SEP=;\rId;Name;Phone;Email\r1;Al Bo;+49 30 1234567;al@bo.de\r", Character(";")),
    ])
    func theSeparatorLineSetsTheDelimiter(csv: String, delimiter: Character) throws {
        let (directory, report) = try load(csv)
        #expect(report.delimiterFromSeparatorLine == delimiter)
        #expect(report.columns.map(\.header) == ["Id", "Name", "Phone", "Email"])
        #expect(report.problems.isEmpty)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.displayName == "Al Bo")
        #expect(directory.lookup(phone: "+49301234567").first?.contact.id == "1")
        #expect(directory.lookup(email: "al@bo.de").first?.contact.id == "1")
    }

    /// The hint line counts as line 1: problems of the rows name their lines in the file.
    @Test func linesAfterTheSeparatorLineKeepTheirNumbers() throws {
        let (_, report) = try load("sep=;\nId;Name;Email\n1;Al;al@bo.de\n;Cy;cy@do.de\n")
        #expect(report.problems.map(\.line) == [4])
        #expect(report.problems.first?.kind == .missingID)
    }

    /// A first line that merely starts like a hint is the header.
    @Test func aHeaderStartingWithSepIsNoHint() throws {
        let (directory, report) = try load("sep=x,Id,Email\n1,2,al@bo.de\n")
        #expect(report.delimiterFromSeparatorLine == nil)
        #expect(report.columns.count == 3)
        #expect(directory.contact(id: "2") != nil)
    }

    static let linkedIn = """
        Notes:\r
        "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it."\r
        \r
        First Name,Last Name,URL,Email Address,Company,Position,Connected On\r
        Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,Analytical Engines,Countess,12 Jan 2024\r
        Alan,Turing,https://www.linkedin.com/in/alan,,Bletchley,Cryptanalyst,03 Feb 2023\r

        """

    /// LinkedIn's notes before the header are skipped and reported once, with their lines; the
    /// rows under the header load with their names, emails and companies.
    @Test func aPreambleIsSkippedAndReported() throws {
        let (directory, report) = try load(Self.linkedIn)
        #expect(report.rowsRead == 2)
        #expect(report.rowsLoaded == 2)
        #expect(report.columns.map(\.header).first == "First Name")
        let preamble = try #require(report.problems.first)
        #expect(preamble.kind == .preambleSkipped(lines: [1, 2], headerLine: 4))
        #expect(preamble.line == 1)
        #expect(preamble.value == "Notes:")
        #expect(report.problems.count == 1)
        #expect(directory.lookup(email: "ada@example.com").first?.contact.company == "Analytical Engines")
        #expect(directory.search("alan turing").first?.contact.lastName == "Turing")
    }

    /// The header search reads the same in small blocks as in one.
    @Test func aPreambleIsFoundInSmallBlocks() throws {
        let options = ContactCSVLoader.Options(blockSize: 4096, threads: 2)
        let padding = String(repeating: "x", count: 5000)
        let csv = "Report of \(padding)\n\nId,Name,Email\n1,Al Bo,al@bo.de\n"
        let (directory, report) = try load(csv, options)
        #expect(report.problems.first?.kind == .preambleSkipped(lines: [1], headerLine: 3))
        #expect(directory.contact(id: "1")?.displayName == "Al Bo")
    }

    /// A header that maps no name, phone, email or id column, with no better row after it, stays
    /// the header, and the report says loudly that nobody can be found.
    @Test func aHeaderThatMapsNothingIsReported() throws {
        let (directory, report) = try load("Colour,Size\nred,10\nblue,12\n")
        #expect(directory.count == 2)
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .headerMapsNoContactField)
        #expect(problem.line == 1)
        #expect(report.summary().contains("maps no name, phone, email or id column"))
        #expect(report.columns.map(\.header) == ["Colour", "Size"])
    }

    /// A one-column file whose header names a field still loads without a problem.
    @Test func aOneColumnFileStillLoads() throws {
        let (directory, report) = try load("Email\nal@bo.de\ncy@do.de\n")
        #expect(report.problems.isEmpty)
        #expect(directory.count == 2)
    }
}
