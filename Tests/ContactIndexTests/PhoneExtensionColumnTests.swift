import Testing
@testable import ContactIndex

/// An extension column ("Phone Ext" beside "Phone", "Ext" right after a phone column) is the
/// extension of that phone, not a phone of its own. Before, "4711" under "Phone Ext" was loaded
/// as the number "+14711" and reported invalid, and the contact's phone had no extension.
@Suite struct PhoneExtensionColumnTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init(configuration: .init(defaultRegion: "US"))) throws
        -> (ContactDirectory, CSVLoadReport)
    {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    /// Header rows and what their last column maps to.
    @Test(arguments: [
        (["Id", "Name", "Phone", "Phone Ext"], ContactCSVColumn.phoneExtension(ofHeader: "Phone")),
        (["Id", "Name", "Phone", "Phone Extension"], .phoneExtension(ofHeader: "Phone")),
        (["Id", "Mobile Phone", "Phone", "Mobile Phone Ext"], .phoneExtension(ofHeader: "Mobile Phone")),
        (["Id", "Business Phone", "Business Phone Ext"], .phoneExtension(ofHeader: "Business Phone")),
        (["Id", "Work Phone", "Home Phone", "Work Phone Extension"], .phoneExtension(ofHeader: "Work Phone")),
        (["Id", "Phone", "PhoneExt"], .phoneExtension(ofHeader: "Phone")),
        (["ID", "PHONE", "PHONEEXT"], .phoneExtension(ofHeader: "PHONE")),
        (["Id", "Phone", "Ext"], .phoneExtension(ofHeader: "Phone")),
        (["Id", "Phone", "Extension"], .phoneExtension(ofHeader: "Phone")),
        // No phone column to qualify: an attribute, never a phone of its own.
        (["Id", "Name", "Phone Ext"], .attribute("Phone Ext")),
        (["Id", "Phone", "Mobile Ext"], .attribute("Mobile Ext")),
        (["Id", "Phone", "Name", "Ext"], .attribute("Ext")),
        (["Id", "Extension"], .attribute("Extension")),
        // Words that only end in "ext" change nothing.
        (["Id", "Phone", "Phone Next"], .phone(label: nil)),
    ])
    func headerMapping(headers: [String], last: ContactCSVColumn) {
        #expect(ContactCSVHeaderMapping.columns(for: headers).last == last)
    }

    /// The black-box tester's file: the phone gets the extension, no "+14711" is indexed, and a
    /// call from the number with its extension, or a look-up of the number, finds the contact.
    @Test func theTestersFile() throws {
        let (directory, report) = try load("Id,Name,Phone,Phone Ext\n1,Al Bo,(212) 555-0111,4711\n")
        #expect(report.problems.isEmpty)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.phones.count == 1)
        #expect(contact.phones.first?.normalized?.e164 == "+12125550111")
        #expect(contact.phones.first?.normalized?.extension == "4711")
        #expect(contact.phones.first?.displayText == "+12125550111;ext=4711")
        #expect(contact.attributes.isEmpty)
        #expect(directory.lookup(phone: "+14711").isEmpty)
        let call = directory.lookup(phone: "+12125550111;ext=4711")
        #expect(call.map(\.contact.id) == ["1"])
        #expect(call.first?.reason == .exactE164)
        #expect(directory.lookup(phone: "+12125550111").map(\.contact.id) == ["1"])
        #expect(directory.lookupSummaries(phone: "(212) 555-0111 x4711").first?.phone == "+12125550111;ext=4711")
        #expect(directory.search("212 555 0111").first?.contact.id == "1")
        #expect(report.columnList().contains("Phone Ext → extension of Phone"))
    }

    /// Each phone gets the extension of its own column; a bare "Ext" follows the phone before it.
    @Test func severalPhonesEachWithItsExtension() throws {
        let csv = """
            Id,Name,Business Phone,Business Phone Ext,Mobile Phone,Mobile Phone Ext,Home Phone,Ext
            7,Cy Do,(212) 555-0122,12,(646) 555-0133,,(718) 555-0144 (home),9

            """
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty)
        let contact = try #require(directory.contact(id: "7"))
        #expect(contact.phones.map(\.displayText) == ["+12125550122;ext=12", "+16465550133", "+17185550144;ext=9"])
        #expect(contact.phones.last?.label == "home")
        #expect(contact.attributes.isEmpty)
        #expect(directory.lookup(phone: "+17185550144;ext=9").first?.reason == .exactE164)
    }

    /// A cell that is no extension is kept as an attribute, with a problem that says where and
    /// why; the phone keeps no extension from it.
    @Test(arguments: [
        ("n/a", "(212) 555-0111", CSVLoadProblem.PhoneExtensionReason.notDigits),
        ("x", "(212) 555-0111", .notDigits),
        ("ext. n/a", "(212) 555-0111", .notDigits),
        ("123456789012345678901", "(212) 555-0111", .tooManyDigits(limit: 20)),
        ("12", "", .noPhone),
        ("12", "(212) 555-0111 ::: (212) 555-0199", .severalPhones),
        ("12", "(212) 555-0111 x34", .phoneHasOtherExtension),
    ])
    func unusableExtensionIsKeptAndReported(extensionCell: String, phoneCell: String, reason: CSVLoadProblem.PhoneExtensionReason) throws {
        let csv = "Id,Name,Phone,Phone Ext\n1,Al Bo,\"\(phoneCell)\",\(extensionCell)\n"
        let (directory, report) = try load(csv)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.attributes["Phone Ext"] == extensionCell)
        #expect(!contact.phones.contains { $0.normalized?.extension == extensionCell })
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.line == 2)
        #expect(problem.column == "Phone Ext")
        #expect(problem.value == extensionCell)
        #expect(problem.kind == .phoneExtensionNotUsed(reason))
        #expect(problem.description.contains("kept as an attribute"))
    }

    /// An extension typed with its marker, as after a number ("x12", "Ext. 12", "#12"), is read
    /// as its digits.
    @Test(arguments: ["x12", "X 12", "ext. 12", "Ext 12", "extension: 12", "#12"])
    func anExtensionWithItsMarkerIsItsDigits(extensionCell: String) throws {
        let (directory, report) = try load("Id,Phone,Phone Ext\n1,(212) 555-0111,\(extensionCell)\n")
        #expect(report.problems.isEmpty, "\(report.problems)")
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.phones.map(\.displayText) == ["+12125550111;ext=12"], "\(extensionCell)")
        #expect(contact.attributes.isEmpty)
    }

    /// The phone's cell already ends in the same extension: nothing to add, nothing to report.
    @Test func sameExtensionInThePhoneCell() throws {
        let (directory, report) = try load("Id,Phone,Phone Ext\n1,(212) 555-0111 ext. 4711,4711\n")
        #expect(report.problems.isEmpty)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.phones.map(\.displayText) == ["+12125550111;ext=4711"])
        #expect(contact.attributes.isEmpty)
    }

    /// An explicit mapping wins, and one that names no phone column keeps the cells as
    /// attributes rather than dropping them.
    @Test func explicitMappings() throws {
        let options = ContactCSVLoader.Options(
            configuration: .init(defaultRegion: "US"), columns: ["Direct": .phoneExtension(ofHeader: "Phone"), "Memo": .phoneExtension(ofHeader: "Fax")])
        let (directory, report) = try load("Id,Phone,Direct,Memo\n1,(212) 555-0111,55,77\n", options)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.phones.map(\.displayText) == ["+12125550111;ext=55"])
        #expect(contact.attributes == ["Memo": "77"])
        #expect(report.columnList().contains("Direct → extension of Phone"))
        #expect(report.columnList().contains("Memo → attribute(Memo)"))
    }
}
