import Testing
@testable import ContactIndex

/// A spreadsheet's marks that force text (`'007`, `="00123"`) are unwrapped for every mapped
/// field: before, only phones were read through them (by accident of libphonenumber).
@Suite struct CSVExcelForcedTextTests {
    @Test(arguments: [
        ("'bob@example.com", "bob@example.com"),
        ("'007", "007"),
        ("=\"00123\"", "00123"),
        ("=\"=Jones\"", "=Jones"),
        ("'t Hooft", "'t Hooft"),
        ("'s-Gravesande", "'s-Gravesande"),
        ("O'Brien", "O'Brien"),
        ("=\"a\"\"b\"", "=\"a\"\"b\""),
        ("=SUM(A1)", "=SUM(A1)"),
        ("'", "'"),
    ])
    func unwrapsTheMarks(cell: String, expected: String) {
        var text = cell
        let result = text.withUTF8 { String(utf8Bytes: CSVExcelForcedText.unwrapped($0)) }
        #expect(result == expected)
    }

    @Test func everyMappedFieldIsUnwrapped() throws {
        let csv = """
            Id,First Name,Last Name,Company,Email,Phone,Country,Notes
            ="1001",="Anna",'Smith,'Acme,="anna@example.com",="+44 20 7946 0958",="GB",'kept
            '1002,Bob,="=Jones",Globex,'bob@example.com,'020 7946 0959,'GB,="kept"
            """
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(report.problems.isEmpty)
        let anna = try #require(directory.contact(id: "1001"))
        #expect(anna.firstName == "Anna")
        #expect(anna.lastName == "Smith")
        #expect(anna.company == "Acme")
        #expect(anna.emails.map(\.raw) == ["anna@example.com"])
        #expect(anna.phones.map(\.raw) == ["+44 20 7946 0958"])
        #expect(anna.region == "GB")
        #expect(anna.attributes["Notes"] == "'kept")
        let bob = try #require(directory.contact(id: "1002"))
        #expect(bob.lastName == "=Jones")
        #expect(bob.region == "GB")
        #expect(bob.phones.first?.normalized?.e164 == "+442079460959")
        #expect(directory.lookup(email: "bob@example.com").first?.contact.id == "1002")
    }
}
