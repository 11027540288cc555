import Testing
@testable import ContactIndex

/// A header of tens of thousands of columns maps in time linear in its columns, and maps as a
/// narrow one does: repeated names get distinct keys, extension and label columns find their
/// phones. Before, each repeated "notes" tried every earlier copy's number again, and each
/// extension or label column looked through every header: such a header took minutes.
@Suite struct CSVWideHeaderTests {
    /// The header: `copies` columns "notes", `copies` extension columns naming no phone, a phone
    /// and its label at the end, then its extension.
    func wideHeader(copies: Int) -> [String] {
        Array(repeating: "notes", count: copies) + Array(repeating: "Mobile Ext", count: copies)
            + ["Id", "Phone 1 - Type", "Phone 1 - Value", "Phone 1 - Value Ext"]
    }

    @Test func repeatedNamesGetDistinctKeysInFileOrder() {
        let headers = ["notes", "notes (3)", "notes", "notes", "notes", ""]
        let columns = ContactCSVHeaderMapping.columns(for: headers)
        #expect(ContactCSVRowLayout.attributeKeys(columns: columns, headers: headers) == ["notes", "notes (3)", "notes (2)", "notes (4)", "notes (5)", "column 6"])
    }

    @Test func aHeaderOfManyRepeatedColumnsMapsEveryColumn() throws {
        let copies = 20_000
        let headers = wideHeader(copies: copies)
        let row = ["n"] + Array(repeating: "", count: 2 * copies - 2) + ["1", "7", "work", "+16505550100", "12"]
        let text = headers.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(text.utf8))
        #expect(report.columns.count == headers.count)
        let keys = report.columns.compactMap { column -> String? in
            if case .attribute(let key) = column.column { return key }
            return nil
        }
        #expect(Set(keys).count == keys.count)
        #expect(keys.first == "notes")
        #expect(keys[copies - 1] == "notes (\(copies))")
        #expect(report.columns[2 * copies + 3].column == .phoneExtension(ofHeader: "Phone 1 - Value"))
        let contact = try #require(directory.contact(id: "7"))
        #expect(contact.phones.map(\.label) == ["work"])
        #expect(directory.lookup(phone: "+16505550100").first?.contact.id == "7")
        #expect(contact.attributes["notes"] == "n")
        #expect(contact.attributes["Mobile Ext (\(copies))"] == "1")
    }

    /// The byte-by-byte reading of an ASCII header is the one by Unicode properties.
    @Test(arguments: [
        ("Phone 1 - Value", "phone1value", ["phone", "1", "value"]),
        ("E-mail 2 Address", "email2address", ["e", "mail", "2", "address"]),
        ("MobilePhone2", "mobilephone2", ["mobile", "phone", "2"]),
        ("OWNER_ID", "ownerid", ["owner", "id"]),
        ("ab12CD", "ab12cd", ["ab", "12", "cd"]),
        (" x-Y_z9 ", "xyz9", ["x", "y", "z", "9"]),
        ("HomePhone", "homephone", ["home", "phone"]),
    ])
    func asciiHeadersFoldAndSplitAsBefore(header: String, folded: String, words: [String]) {
        #expect(ContactCSVHeaderMapping.folded(header) == folded)
        #expect(ContactCSVHeaderWords.words(header) == words)
        // The same header with a non-ASCII letter takes the Unicode path, and agrees.
        #expect(ContactCSVHeaderMapping.folded(header + "É") == folded + "é")
        #expect(ContactCSVHeaderWords.words(header + " É") == words + ["é"])
    }
}
