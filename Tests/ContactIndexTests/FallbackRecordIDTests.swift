import Testing
@testable import ContactIndex

/// The record id when the id column's cell is empty (Salesforce campaign members: a lead's row
/// has only "Lead ID"), and the row's own kind of id before a parent's (Close: "contact_id"
/// before "lead_id" in a contacts export).
@Suite struct FallbackRecordIDTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    @Test func aLeadRowTakesItsLeadID() throws {
        let csv = """
            Campaign Name,Contact ID,Lead ID,First Name,Last Name,Email,Phone
            Webinar,0035g00000AAAAA,,John,Smith,john@acme.com,(650) 555-1234
            Webinar,,00Q5g00000BBBBB,Lisa,Lead,lisa@lead.com,(650) 555-1299
            Webinar,,,No,Body,,
            """
        let (directory, report) = try load(csv)
        #expect(directory.contact(id: "0035g00000AAAAA")?.entity == .contact)
        let lisa = try #require(directory.contact(id: "00Q5g00000BBBBB"))
        #expect(lisa.entity == .lead)
        #expect(lisa.lastName == "Lead")
        #expect(report.rejections.map(\.line) == [4])
        #expect(report.rejections.first?.kind == .missingID)
    }

    /// An entity column wins over the kind the fallback id column names.
    @Test func anEntityColumnWinsOverTheFallbacksKind() throws {
        let csv = """
            Contact ID,Lead ID,Entity,Name
            ,00Q1,contact,Lisa Lead
            """
        let (directory, _) = try load(csv)
        #expect(directory.contact(id: "00Q1")?.entity == .contact)
    }

    @Test func closesContactIDOutranksTheParentLeadID() throws {
        let csv = """
            lead_id,lead_name,contact_id,name,primary_phone
            lead_AAA,Acme,cont_111,Jo Bloggs,+12125550111
            lead_AAA,Acme,cont_112,Max Mustermann,+12125550122
            """
        let (directory, report) = try load(csv)
        #expect(report.rowsLoaded == 2)
        #expect(report.rowsUpdated == 0)
        let jo = try #require(directory.contact(id: "cont_111"))
        #expect(jo.displayName == "Jo Bloggs")
        #expect(jo.attributes["lead_id"] == "lead_AAA")
        #expect(jo.attributes["lead_name"] == "Acme")
        #expect(directory.contact(id: "cont_112")?.displayName == "Max Mustermann")
    }

    /// In a leads export, the lead's own id wins.
    @Test func aLeadsExportKeepsTheLeadID() {
        let columns = ContactCSVHeaderMapping.columns(for: ["contact_id", "lead_id"], ownKind: "lead")
        #expect(columns == [.attribute("contact_id"), .id])
    }
}
