import Testing
@testable import ContactIndex

/// Files written with ";" or tabs between fields (Excel in locales whose decimal separator is a
/// comma; "Unicode text") load without a setting, and the report says which delimiter was used.
@Suite struct CSVDelimiterDetectionTests {
    /// A German Outlook export: semicolons, quoted fields holding commas.
    @Test func aSemicolonExportLoads() throws {
        let csv = """
            "Vorname";"Nachname";"E-Mail-Adresse";"Telefon geschäftlich";"Firma";"Land/Region geschäftlich"
            "Hans";"Müller";"hans@example.de";"030 1234567";"Müller, Schmidt & Co. KG";"Deutschland"

            """
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(report.detectedDelimiter == ";")
        #expect(report.summary().contains(#"delimiter: ";""#))
        #expect(report.rowsLoaded == 1)
        let hans = try #require(directory.lookup(email: "hans@example.de").first?.contact)
        #expect(hans.lastName == "Müller")
        #expect(hans.company == "Müller, Schmidt & Co. KG")
        #expect(directory.lookup(phone: "+49301234567").first?.contact.id == hans.id)
    }

    @Test func aTabSeparatedFileLoads() throws {
        let (directory, report) = try ContactCSVLoader().load(bytes: Array("id\tfirst_name\tlast_name\n7\tAda\tLovelace\n".utf8))
        #expect(report.detectedDelimiter == "\t")
        #expect(directory.contact(id: "7")?.lastName == "Lovelace")
    }

    /// A comma anywhere in the header outside quotes keeps the comma; so does a semicolon inside
    /// quotes, or turning detection off.
    @Test func commasStay() throws {
        let (mixed, mixedReport) = try ContactCSVLoader().load(bytes: Array("id,notes;misc\n1,a;b\n".utf8))
        #expect(mixedReport.detectedDelimiter == nil)
        #expect(mixed.contact(id: "1")?.attributes["notes;misc"] == "a;b")
        let (quoted, quotedReport) = try ContactCSVLoader().load(bytes: Array("\"id;x\"\n1\n".utf8))
        #expect(quotedReport.detectedDelimiter == nil)
        #expect(quoted.count == 0 || quoted.contact(id: "1") == nil || quotedReport.columns.count == 1)
        var options = ContactCSVLoader.Options()
        options.detectsDelimiter = false
        let (_, off) = try ContactCSVLoader(options).load(bytes: Array("id;last_name\n1;Lee\n".utf8))
        #expect(off.detectedDelimiter == nil)
        #expect(off.columns.count == 1)
    }

    /// Detection reads through a byte-order mark and a UTF-16 file, and through reads of one
    /// byte at a time.
    @Test func detectionReadsThroughMarksAndShortReads() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "id;last_name\n1;Lee\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf8Marked: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;last_name\n1;Lee\n".utf8)
        for bytes in [utf16, utf8Marked] {
            var offset = 0
            let (directory, report) = try ContactCSVLoader().load { buffer in
                guard offset < bytes.count, buffer.count > 0 else { return 0 }
                buffer[0] = bytes[offset]
                offset += 1
                return 1
            }
            #expect(report.detectedDelimiter == ";")
            #expect(directory.contact(id: "1")?.lastName == "Lee")
        }
    }
}
