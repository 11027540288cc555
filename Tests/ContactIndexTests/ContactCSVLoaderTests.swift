import Synchronization
import Testing
@testable import ContactIndex

@Suite struct ContactCSVLoaderTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    @Test func canonicalExport() throws {
        let csv = """
            id,first_name,last_name,phone,mobile,email,entity,company,country
            c1,Ana,Lopez,+1 650 555 1234,,ana@example.com,lead,Acme,US
            c2,Hans,Müller,030 1234567,0151 23456789,hans@müller.de,contact,,Deutschland

            """
        let (directory, report) = try load(csv)
        #expect(report.rowsRead == 2)
        #expect(report.rowsLoaded == 2)
        #expect(directory.count == 2)
        let hans = try #require(directory.contact(id: "c2"))
        #expect(hans.region == "DE")
        #expect(hans.phones.map { $0.normalized?.e164 } == ["+49301234567", "+4915123456789"])
        #expect(hans.phones.map(\.label) == ["phone", "mobile"])
        #expect(directory.lookup(phone: "+4915123456789").first?.contact.id == "c2")
        #expect(directory.contact(id: "c1")?.entity == .lead)
        #expect(directory.lookup(email: "ana@example.com").first?.contact.id == "c1")
    }

    @Test func salesforceExport() throws {
        let csv = """
            "Id","FirstName","LastName","Phone","MobilePhone","HomePhone","OtherPhone","Email","Account.Name","MailingCountry","Loyalty_Tier__c","CreatedDate","LastModifiedDate"
            "0035g00000AbCdEAAA","Jane","Doe","(415) 555-0100","","","","jane@acme.com","Acme","United States","Gold","2023-04-01T12:34:56.000+0000","2023-05-01T00:00:00.000+0000"
            "0035g00000AbCdFAAA","Tom","Smith","020 7946 0958","07700 900123","","","tom@acme.co.uk","Acme UK","United Kingdom","","2023-04-02T00:00:00.000+0000","not a date"
            """
        let (directory, report) = try load(csv)
        #expect(report.rowsLoaded == 2)
        let tom = try #require(directory.contact(id: "0035g00000AbCdFAAA"))
        #expect(tom.region == "GB")
        #expect(tom.company == "Acme UK")
        #expect(tom.phones.compactMap { $0.normalized?.e164 } == ["+442079460958", "+447700900123"])
        #expect(tom.createdAt?.timeIntervalSince1970 == 1_680_393_600)
        #expect(tom.updatedAt == nil)
        let jane = try #require(directory.contact(id: "0035g00000AbCdEAAA"))
        #expect(jane.attributes["Loyalty_Tier__c"] == "Gold")
        #expect(jane.updatedAt?.timeIntervalSince1970 == 1_682_899_200)
        let dateProblem = try #require(report.problems.first { $0.kind == .invalidDate })
        #expect(dateProblem.line == 3)
        #expect(dateProblem.column == "LastModifiedDate")
    }

    @Test func hubspotExport() throws {
        let csv = """
            Record ID,First Name,Last Name,Phone Number,Mobile Phone Number,Email,Additional email addresses,Country/Region
            501,Marie,Curie,01 23 45 67 89,06 12 34 56 78,marie@example.fr,m.curie@example.org;marie.c@example.net,France
            """
        let (directory, _) = try load(csv)
        let marie = try #require(directory.contact(id: "501"))
        #expect(marie.region == "FR")
        #expect(marie.phones.compactMap { $0.normalized?.e164 } == ["+33123456789", "+33612345678"])
        #expect(marie.emails.map(\.raw) == ["marie@example.fr", "m.curie@example.org", "marie.c@example.net"])
    }

    @Test func googleContactsExport() throws {
        let csv = """
            Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,ID
            Rosa Parks,Rosa,Parks,* Home,rosa@example.com ::: rosa.parks@example.org,Mobile,+1 313-555-0101 ::: +1 313-555-0102,Work,313 555 0199,g1
            """
        let (directory, _) = try load(csv)
        let rosa = try #require(directory.contact(id: "g1"))
        #expect(rosa.displayName == "Rosa Parks")
        #expect(rosa.phones.map(\.raw) == ["+1 313-555-0101", "+1 313-555-0102", "313 555 0199"])
        #expect(rosa.phones.map(\.label) == ["Mobile", "Mobile", "Work"])
        #expect(rosa.emails.map(\.label) == ["* Home", "* Home"])
    }

    @Test func outlookExportWithExplicitIDMapping() throws {
        let csv = """
            First Name,Last Name,Company,E-mail Address,E-mail 2 Address,Business Phone,Mobile Phone,Business Country/Region,Notes
            Ada,Lovelace,Analytical,ada@example.com,ada2@example.com,+44 20 7946 0000,,UK,first programmer
            """
        #expect(throws: CSVLoadError.self) { try load(csv, .init(synthesizesMissingIDs: false)) }
        let (directory, report) = try load(csv, .init(columns: ["E-mail Address": .id, "Notes": .ignored]))
        let ada = try #require(directory.contact(id: "ada@example.com"))
        #expect(ada.emails.map(\.raw) == ["ada2@example.com"])
        #expect(ada.region == "GB")
        #expect(ada.attributes.isEmpty)
        #expect(report.columns.map(\.column) == [.firstName, .lastName, .company, .id, .email(label: nil), .phone(label: nil), .phone(label: nil), .region, .ignored])
    }

    @Test func badRowsAreReportedAndNeverLost() throws {
        let csv = """
            id,name,phone,email
            1,First,+1 650 555 1234,one@example.com
            ,No Id,+1 650 555 0000,x@example.com
            2,Two,not a phone,bad@@example
            1,First Again,+1 650 555 9999,one@example.com
            3,"Ragged",+1 650 555 1111,three@example.com,extra
            4,Short

            """
        let (directory, report) = try load(csv)
        #expect(report.rowsRead == 6)
        #expect(report.rowsRejected == 1)
        #expect(report.rowsUpdated == 1)
        #expect(report.rowsLoaded == 4)
        #expect(report.rowsRead == report.rowsLoaded + report.rowsUpdated + report.rowsRejected)
        #expect(directory.contact(id: "1")?.displayName == "First Again")
        #expect(directory.lookup(phone: "+16505551234").isEmpty)
        let kinds = report.problems.map { "\($0.line):\($0.kind)" }
        #expect(kinds.contains("3:missingID"))
        #expect(kinds.contains("5:duplicateID(earlierLine: 2)"))
        #expect(report.problems.contains { $0.line == 4 && $0.column == "phone" && { if case .unparseablePhone = $0.kind { true } else { false } }($0) })
        #expect(report.problems.contains { $0.line == 4 && $0.column == "email" && { if case .invalidEmail = $0.kind { true } else { false } }($0) })
        #expect(kinds.contains("6:tooManyFields(expected: 4, found: 5)"))
        #expect(kinds.contains("7:tooFewFields(expected: 4, found: 2)"))
        #expect(directory.contact(id: "3")?.attributes["column 5"] == "extra")
        #expect(directory.contact(id: "2")?.phones.first?.raw == "not a phone")
        #expect(throws: CSVLoadError.self) { try load(csv, .init(strict: true)) }
    }

    @Test func strictModeAcceptsACleanFile() throws {
        let (directory, report) = try load("id,phone\n1,+16505551234\n", .init(strict: true))
        #expect(directory.count == 1)
        #expect(report.problems.isEmpty)
    }

    @Test func bomCRLFAndWindows1252() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,last_name\r\n1,M".utf8) + [0xFC] + Array("ller\r\n".utf8)
        let (utf8Directory, utf8Report) = try ContactCSVLoader().load(bytes: bytes)
        #expect(utf8Directory.contact(id: "1")?.lastName == "M\u{FFFD}ller")
        #expect(utf8Report.problems.first?.kind == .invalidUTF8(byteOffset: 1))
        #expect(utf8Report.problems.first?.line == 2)
        #expect(utf8Report.problems.first?.column == "last_name")
        bytes.removeFirst(3)
        let (directory, report) = try ContactCSVLoader(.init(encoding: .windows1252)).load(bytes: bytes)
        #expect(directory.contact(id: "1")?.lastName == "Müller")
        #expect(report.problems.isEmpty)
    }

    @Test func smallBlocksGiveTheSameResultAndLineNumbers() throws {
        var text = "id,name,phone\n"
        for row in 0..<3000 {
            text += row % 7 == 0 ? "r\(row),\"Multi\nLine \(row)\",+1 650 555 \(1000 + row % 9000)\r\n" : "r\(row),Name \(row),+1 650 555 \(1000 + row % 9000)\n"
            if row % 500 == 0 { text += ",no id\n" }
        }
        let calls = Mutex((count: 0, rows: 0, bytes: 0))
        let options = ContactCSVLoader.Options(blockSize: 4096, threads: 2, progress: { rows, bytes in
            calls.withLock { $0 = (count: $0.count + 1, rows: rows, bytes: bytes) }
        })
        let (small, smallReport) = try load(text, options)
        let (large, largeReport) = try load(text)
        #expect(small.count == 3000)
        #expect(large.count == 3000)
        #expect(smallReport.problems == largeReport.problems)
        #expect(smallReport.problems.map(\.line) == largeReport.problems.map(\.line))
        #expect(smallReport.rowsRejected == 6)
        let progress = calls.withLock { $0 }
        #expect(progress.count > 10)
        #expect(progress.rows == 3006)
        let firstMissing = try #require(smallReport.problems.first { $0.kind == .missingID })
        #expect(firstMissing.line == 4)  // header, r0 (2 lines), then the row without id
    }

    @Test func emptyAndHeaderlessInputsFailCleanly() {
        #expect(throws: CSVLoadError.self) { try load("") }
        #expect(throws: CSVLoadError.self) { try load("\n\n") }
        #expect(throws: CSVLoadError.self) { try load("name,phone\nx,1\n", .init(synthesizesMissingIDs: false)) }
    }

    @Test(arguments: [("GB", "GB"), ("gbr", "GB"), ("United Kingdom", "GB"), ("Royaume-Uni", "GB"), ("Deutschland", "DE"),
                      ("Côte d’Ivoire", "CI"), ("USA", "US"), ("México", "MX"), ("uk", "GB")])
    func countryNamesResolve(text: String, region: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == region)
    }

    @Test func headerGuesses() {
        let columns = ContactCSVHeaderMapping.columns(for: ["Id", "HasOptedOutOfEmail", "Fax", "Phone 1 - Type", "Account.Name", "Custom_Phone__c", "Contact ID"])
        #expect(columns == [.id, .attribute("HasOptedOutOfEmail"), .attribute("Fax"), .label(forHeader: "phone1value"), .company, .attribute("Custom_Phone__c"), .attribute("Contact ID")])
    }
}

@Suite struct MultiValueCellTests {
    @Test(arguments: [
        ("+1 650 555 1234", false, ["+1 650 555 1234"]),
        ("  +1 650 555 1234\u{A0}", false, ["+1 650 555 1234"]),
        ("+1 650 555 1234 ::: +44 20 7946 0958", false, ["+1 650 555 1234", "+44 20 7946 0958"]),
        ("a@x.com ::: b@y.com", true, ["a@x.com", "b@y.com"]),
        ("a@x.com; b@y.com;;", true, ["a@x.com", "b@y.com"]),
        ("a@x.com, b@y.com", true, ["a@x.com", "b@y.com"]),
        ("\"Smith, John\" <john@x.com>", true, ["\"Smith, John\" <john@x.com>"]),
        ("1;2", false, ["1;2"]),
        (" ::: ", false, []),
        ("", true, []),
        ("José@exämple.de ::: ü@ö.de", true, ["José@exämple.de", "ü@ö.de"]),
    ])
    func splitsAndTrims(_ cell: String, _ emailStyle: Bool, _ expected: [String]) {
        #expect(ContactCSVRowConverter.splitMultiValue(cell, emailStyle: emailStyle) == expected)
    }
}
