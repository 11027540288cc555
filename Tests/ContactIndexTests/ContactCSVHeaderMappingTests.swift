import Testing
@testable import ContactIndex

/// Header auto-mapping: which columns are phones.
@Suite struct ContactCSVHeaderMappingTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    /// Name readings are attributes, never phones; words that end in "phone", or say "phone",
    /// "mobile" or "tel" whole, are phones.
    @Test(arguments: [
        ("Phonetic First Name", ContactCSVColumn.attribute("Phonetic First Name")),
        ("Phonetic Middle Name", .attribute("Phonetic Middle Name")),
        ("Phonetic Last Name", .attribute("Phonetic Last Name")),
        ("phonetic_name", .attribute("phonetic_name")),
        ("PhoneticLastName", .attribute("PhoneticLastName")),
        ("Given Yomi", .attribute("Given Yomi")),
        ("Surname Yomi", .attribute("Surname Yomi")),
        ("Company Yomi", .attribute("Company Yomi")),
        ("Phone 1 - Value", .phone(label: nil)),
        ("Phone 1 - Label", .label(forHeader: "phone1value")),
        ("MobilePhone", .phone(label: nil)),
        ("Mobile Phone Number", .phone(label: nil)),
        ("mobile_number", .phone(label: nil)),
        ("phone2", .phone(label: nil)),
        ("Company Main Telephone", .phone(label: nil)),
        ("TTY/TDD Phone", .phone(label: nil)),
        ("Assistant's Phone", .phone(label: nil)),
        ("Business Fax", .attribute("Business Fax")),
        ("Pager", .attribute("Pager")),
        ("Telex", .attribute("Telex")),
    ] as [(String, ContactCSVColumn)])
    func phoneColumnsAreWholeWords(header: String, expected: ContactCSVColumn) {
        #expect(ContactCSVHeaderMapping.guess(header) == expected)
    }

    @Test func googlePhoneticNamesLoadAsAttributes() throws {
        let csv = """
            ID,First Name,Last Name,Phonetic First Name,Phonetic Last Name,Phone 1 - Label,Phone 1 - Value
            g1,Taro,山田,たろう,やまだ,Mobile,+81 90-1111-2222

            """
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty)
        let taro = try #require(directory.contact(id: "g1"))
        #expect(taro.phones.map(\.raw) == ["+81 90-1111-2222"])
        #expect(taro.attributes["Phonetic First Name"] == "たろう")
        #expect(taro.attributes["Phonetic Last Name"] == "やまだ")
    }
}
