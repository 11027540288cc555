import Testing
@testable import ContactIndex

/// The created and updated columns of Zoho, Dynamics 365 and Pipedrive exports, and the
/// timestamps they write ("2023-01-05 14:03:00": ISO 8601 with a space). Before, these headers
/// were attributes and the record had no dates.
@Suite struct RecordDateColumnTests {
    @Test(arguments: [
        ("Modified Time", ContactCSVColumn.updatedAt),
        ("Created Time", .createdAt),
        ("Created On", .createdAt),
        ("Modified On", .updatedAt),
        ("(Do Not Modify) Modified On", .updatedAt),
        ("Date Modified", .updatedAt),
        ("Person - Add time", .createdAt),
        ("Person - Update time", .updatedAt),
        ("Last Activity Time", .attribute("Last Activity Time")),
    ])
    func dateHeaders(header: String, expected: ContactCSVColumn) {
        #expect(ContactCSVHeaderMapping.columns(for: ["Id", header])[1] == expected)
    }

    @Test func zohoAndPipedriveTimestampsLoad() throws {
        let csv = """
            Person - ID,Person - Name,Person - Add time,Person - Update time
            101,Jane Doe,2023-01-05 14:03:00,2023-02-01 09:00:00
            102,Otto Klein,5/1/2023 14:03,
            """
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        let jane = try #require(directory.contact(id: "101"))
        #expect(jane.createdAt?.timeIntervalSince1970 == 1_672_927_380)
        #expect(jane.updatedAt?.timeIntervalSince1970 == 1_675_242_000)
        // "5/1/2023" may be May 1 or January 5: not guessed, reported, kept as an attribute.
        let otto = try #require(directory.contact(id: "102"))
        #expect(otto.createdAt == nil)
        #expect(otto.attributes["Person - Add time"] == "5/1/2023 14:03")
        #expect(report.problems.map(\.kind) == [.invalidDate])
    }
}
