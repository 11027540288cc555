import Testing
@testable import ContactIndex

/// Header auto-mapping: which column is the record id, and which columns are phones.
@Suite struct ContactCSVHeaderMappingTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    /// A Salesforce contact report: "Contact ID" is the id, not the "Account ID" before it, so
    /// two contacts of one account stay two records.
    @Test func salesforceReportTakesTheContactIDOverTheAccountID() throws {
        let csv = """
            "Account ID","Contact ID","First Name","Last Name","Phone","Mobile","Email","Account Name","Mailing Country","Owner ID"
            "001A","003A","Ann","Lee","(650) 555-1000","","ann@x.com","Acme","United States","005X"
            "001A","003B","Bo","Kim","(650) 555-2000","","bo@x.com","Acme","United States","005X"

            """
        let (directory, report) = try load(csv)
        #expect(report.rowsLoaded == 2)
        #expect(report.rowsUpdated == 0)
        #expect(report.problems.isEmpty)
        let bo = try #require(directory.contact(id: "003B"))
        #expect(bo.attributes["Account ID"] == "001A")
        #expect(bo.attributes["Owner ID"] == "005X")
        #expect(directory.contact(id: "003A")?.firstName == "Ann")
    }

    @Test(arguments: [
        (["Account ID", "Contact ID", "Owner ID"], 1),
        (["Owner ID", "Account ID", "Lead ID"], 2),
        (["AccountId", "OwnerId", "Id"], 2),
        (["Account ID", "External ID"], 1),
        (["Account ID", "Account Name", "Owner ID"], 0),  // an account export
        (["Id", "Contact ID"], 0),  // equals: the first
        (["Record ID", "Contact ID", "Account ID"], 0),
        (["CreatedById", "ReportsToId", "Name"], nil),
        (["Organizational ID Number", "Name"], nil),
    ] as [([String], Int?)])
    func theRecordsOwnIDColumnWins(headers: [String], expected: Int?) {
        let columns = ContactCSVHeaderMapping.columns(for: headers)
        #expect(columns.firstIndex(of: .id) == expected, "\(headers) → \(columns)")
        #expect(columns.filter { $0 == .id }.count == (expected == nil ? 0 : 1))
        for (index, header) in headers.enumerated() where index != expected && ContactCSVHeaderMapping.folded(header).hasSuffix("id") {
            #expect(columns[index] == .attribute(header))
        }
    }

    @Test func anExplicitIDWinsOverEveryGuess() {
        let columns = ContactCSVHeaderMapping.columns(for: ["Contact ID", "Email"], overrides: ["email": .id])
        #expect(columns == [.attribute("Contact ID"), .id])
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

    /// Pipedrive prefixes a person export's fields with the record's kind ("Person - Name",
    /// "Person - Organization"): the field after it is guessed; another record's fields and the
    /// kind's own unknown ones stay attributes under their header.
    @Test(arguments: [
        ("Person - Name", ContactCSVColumn.displayName),
        ("Person - First name", .firstName),
        ("Person - Last name", .lastName),
        ("Person - Organization", .company),
        ("Person - ID", .id),
        ("Person - Phone - Mobile", .phone(label: nil)),
        ("Contact First Name", .firstName),
        ("Lead Source", .attribute("Lead Source")),
        ("Contact Owner", .attribute("Contact Owner")),
        ("Person - Label", .attribute("Person - Label")),
        ("Deal - Title", .attribute("Deal - Title")),
        ("Person", .attribute("Person")),
        ("(Do Not Modify) Contact", .id),
        ("(Do Not Modify) Row Checksum", .attribute("(Do Not Modify) Row Checksum")),
    ] as [(String, ContactCSVColumn)])
    func fieldsPrefixedWithTheRecordsKind(header: String, expected: ContactCSVColumn) {
        #expect(ContactCSVHeaderMapping.guess(header) == expected)
    }

    /// A Pipedrive person export and a Dynamics 365 contact export load with their names,
    /// companies and ids (the record's GUID, not one made from its address).
    @Test func pipedriveAndDynamicsExportsLoad() throws {
        let pipedrive = """
            Person - ID,Person - Name,Person - Phone - Work,Person - Email - Work,Person - Organization
            12,Ada Lovelace,+44 20 7946 0958,ada@example.co.uk,Analytical Engines Ltd

            """
        let (people, peopleReport) = try load(pipedrive)
        #expect(peopleReport.problems.isEmpty)
        let ada = try #require(people.contact(id: "12"))
        #expect(ada.displayName == "Ada Lovelace")
        #expect(ada.company == "Analytical Engines Ltd")
        #expect(people.lookup(fuzzyName: "ada lovelace").first?.contact.id == "12")
        let dynamics = """
            (Do Not Modify) Contact,(Do Not Modify) Row Checksum,Full Name,Email,Company Name,Business Phone
            7d1c1c8b-5f1a-4a3e-9a5d-0e8b1f2c3d4e,abc,Yvonne McKay,someone_a@example.com,Fourth Coffee,+1 206 555 0100

            """
        let (contacts, _) = try load(dynamics)
        let yvonne = try #require(contacts.contact(id: "7d1c1c8b-5f1a-4a3e-9a5d-0e8b1f2c3d4e"))
        #expect(yvonne.displayName == "Yvonne McKay")
        #expect(yvonne.attributes["(Do Not Modify) Row Checksum"] == "abc")
    }
}
