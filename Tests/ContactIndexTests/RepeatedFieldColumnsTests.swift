import Testing
@testable import ContactIndex

/// Two columns mapped to one single-value field ("First Name" and "FirstName", "Company" and
/// "Account Name", two country columns): the first filled one wins, the others' values are kept
/// as attributes, and the report's column list says so. Before, the last column won silently
/// and the other value vanished.
@Suite struct RepeatedFieldColumnsTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    @Test func theFirstFilledColumnWinsAndTheOthersAreKept() throws {
        let csv = """
            Id,First Name,FirstName,Last Name,Company,Account Name
            1,Quentin,Zebulon,Smith,Acme Corp,Globex Inc
            2,,Zebulon,Jones,,Globex Inc

            """
        let (directory, report) = try load(csv)
        let first = try #require(directory.contact(id: "1"))
        #expect(first.firstName == "Quentin")
        #expect(first.company == "Acme Corp")
        #expect(first.attributes["FirstName"] == "Zebulon")
        #expect(first.attributes["Account Name"] == "Globex Inc")
        let second = try #require(directory.contact(id: "2"))
        #expect(second.firstName == "Zebulon")
        #expect(second.company == "Globex Inc")
        #expect(second.attributes.isEmpty)
        #expect(report.fallbackColumns == [2, 5])
        #expect(report.columnList().contains("FirstName → firstName (after an earlier firstName column"))
        #expect(!report.columnList().contains("First Name → firstName ("))
    }

    /// Pipedrive writes the organization twice ("Person - Organization", "Organization - Name").
    @Test func pipedrivesTwoOrganizationColumns() throws {
        let csv = """
            Person - ID,Person - Name,Person - Organization,Organization - Name
            101,Jane Doe,Globex Corp,Globex Corporation
            """
        let (directory, _) = try load(csv)
        let jane = try #require(directory.contact(id: "101"))
        #expect(jane.company == "Globex Corp")
        #expect(jane.attributes["Organization - Name"] == "Globex Corporation")
    }

    /// The first country cell that names a known country sets the region, whatever an earlier
    /// cell holds; the other cells stay as attributes.
    @Test func theFirstKnownCountryWins() throws {
        let csv = """
            Id,Name,Phone,Mailing Country,Other Country
            1,Al Bo,030 1234567,Narnia,Germany
            2,Cy Do,030 1234568,Germany,Narnia
            3,Ed Fo,030 1234569,,Narnia
            """
        let (directory, report) = try load(csv)
        let first = try #require(directory.contact(id: "1"))
        #expect(first.region == "DE")
        #expect(first.phones.first?.normalized?.e164 == "+49301234567")
        #expect(first.attributes["Mailing Country"] == "Narnia")
        let second = try #require(directory.contact(id: "2"))
        #expect(second.region == "DE")
        #expect(second.attributes["Other Country"] == "Narnia")
        let regionProblems = report.problems.filter { $0.kind == .unknownRegion }
        #expect(regionProblems.map(\.line) == [4])
        #expect(regionProblems.first?.column == "Other Country")
    }
}
