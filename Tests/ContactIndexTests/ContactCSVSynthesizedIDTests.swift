import Testing
@testable import ContactIndex

/// Files without an id column (Google Contacts, Outlook) load with ids made from each row's
/// first email, else first phone, else line; unique in the file.
@Suite struct ContactCSVSynthesizedIDTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    static let googleHeader = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
        + "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
        + "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,"
        + "Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
        + "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address"

    @Test func googleContactsNewFormat() throws {
        let csv = Self.googleHeader + "\n"
            + "Alice,B.,Cooper,,,,,,Ally,,Vincent Inc,Singer,,,,,* myContacts,Work,Alice@Cooper.com ::: alice.c@gmail.com,Home,"
            + "alice@home.net,Mobile,+1 602-555-0111 ::: +1 602-555-0112,Work,602-555-0199,Home,\"1 Main St\nPhoenix AZ\",1 Main St,"
            + "Phoenix,,AZ,85001,US,\n"
            + "Taro,,山田,たろう,,やまだ,,,,,,,,,,,* myContacts,,,,,Mobile,090-1111-2222,,,,,,,,,,Japan,\n"
            + "Nobody,,Known,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
        let (directory, report) = try load(csv)
        #expect(report.rowsLoaded == 3)
        #expect(report.rowsRejected == 0)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.idSynthesis != nil)
        #expect(report.summary().components(separatedBy: "ids: ").count == 2)
        let alice = try #require(directory.contact(id: "email:alice@cooper.com"))
        #expect(alice.company == "Vincent Inc")
        #expect(alice.region == "US")
        #expect(alice.phones.map(\.label) == ["Mobile", "Mobile", "Work"])
        let taro = try #require(directory.contact(id: "phone:+819011112222"))
        #expect(taro.region == "JP")
        #expect(taro.phones.count == 1)
        #expect(taro.attributes["Phonetic First Name"] == "たろう")
        #expect(directory.contact(id: "line:5")?.firstName == "Nobody")
    }

    @Test func googleContactsOlderFormat() throws {
        let csv = """
            Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Family Name Yomi,Nickname,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value
            Rosa Parks,Rosa,,Parks,,,,,,* myContacts,* Home,rosa@example.com,Mobile,+1 313-555-0101,Work,313 555 0199

            """
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty)
        let rosa = try #require(directory.contact(id: "email:rosa@example.com"))
        #expect(rosa.phones.compactMap { $0.normalized?.e164 } == ["+13135550101", "+13135550199"])
        #expect(rosa.phones.map(\.label) == ["Mobile", "Work"])
    }

    @Test func outlookExport() throws {
        let header = "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,"
            + "E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,"
            + "Pager,Business Fax,Home Fax,Other Fax,Company Main Telephone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,"
            + "Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,"
            + "Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,"
            + "Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,"
            + "Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes"
        let headers = header.split(separator: ",").map(String.init)
        var cells = [String](repeating: "", count: headers.count)
        func set(_ name: String, _ value: String) { cells[headers.firstIndex(of: name)!] = value }
        set("First Name", "Ada")
        set("Last Name", "Lovelace")
        set("Given Yomi", "エイダ")
        set("Business Phone", "020 7946 0000")
        set("Business Fax", "020 7946 0001")
        set("Pager", "020 7946 0002")
        set("Company", "Analytical")
        set("Business Country/Region", "United Kingdom")
        let csv = header + "\n" + cells.joined(separator: ",") + "\n"
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let ada = try #require(directory.contact(id: "phone:+442079460000"))
        #expect(ada.region == "GB")
        #expect(ada.phones.map(\.raw) == ["020 7946 0000"])
        #expect(ada.attributes["Business Fax"] == "020 7946 0001")
        #expect(ada.attributes["Pager"] == "020 7946 0002")
        #expect(ada.attributes["Given Yomi"] == "エイダ")
        #expect(directory.lookup(phone: "+442079460001").isEmpty)
    }

    /// Two rows with one email: the first keeps the email id, the later gets its line id (the
    /// same in small blocks across threads); nothing is reported as a duplicate.
    @Test(arguments: [1 << 20, 4096])
    func collisionsGetTheLineID(blockSize: Int) throws {
        var csv = "First Name,E-mail Address,Mobile Phone\n"
        for row in 0..<400 { csv += "Name \(row),shared\(row % 200)@example.com,\n" }
        csv += "Phoneless,,+1 650 555 1000\nAgain,,+1 650 555 1000\n"
        let (directory, report) = try load(csv, .init(blockSize: blockSize, threads: 2))
        #expect(report.rowsLoaded == 402)
        #expect(report.rowsUpdated == 0)
        #expect(report.problems.isEmpty)
        #expect(directory.contact(id: "email:shared7@example.com")?.firstName == "Name 7")
        #expect(directory.contact(id: "line:209")?.firstName == "Name 207")
        #expect(directory.contact(id: "phone:+16505551000")?.firstName == "Phoneless")
        #expect(directory.contact(id: "line:403")?.firstName == "Again")
    }

    @Test func problemsNameTheSynthesizedID() throws {
        let csv = "First Name,E-mail Address,Mobile Phone\nA,a@example.com,12\nB,a@example.com,34\n"
        let (_, report) = try load(csv)
        #expect(report.problems.map(\.contactID) == ["email:a@example.com", "line:3"])
    }

    @Test func canBeTurnedOff() {
        #expect(throws: CSVLoadError.self) { try load("First Name,E-mail Address\nA,a@example.com\n", .init(synthesizesMissingIDs: false)) }
    }
}
