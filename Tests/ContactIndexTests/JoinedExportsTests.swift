import Testing
@testable import ContactIndex

/// Two Excel "CSV UTF-8" exports joined (`cat a.csv b.csv`): the second one's header starts with a
/// byte-order mark. That header was loaded as a contact with id "\u{FEFF}id", and an id written
/// after a mark ("\u{FEFF}1") was another contact than "1". A mark at the start of a later line
/// is now dropped (and reported when the line is a record).
@Suite struct JoinedExportsTests {
    @Test func aRepeatedHeaderAfterAByteOrderMarkIsSkipped() throws {
        let csv = "\u{FEFF}id,first_name,phone,email\n1,Ann,2125550111,a@x.com\n\u{FEFF}id,first_name,phone,email\n2,Bob,2125550122,b@x.com\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(directory.count == 2)
        #expect(directory.contact(id: "\u{FEFF}id") == nil)
        #expect(report.rowsRejected == 1)
        #expect(report.problems.map(\.line) == [3])
        #expect(report.problems.first?.rejectsRow == true)
    }

    /// A quoted header after the mark is read as quoted, so it too is the repeated header.
    @Test func aQuotedRepeatedHeaderAfterAByteOrderMarkIsSkipped() throws {
        let csv = "\u{FEFF}\"id\",\"name\"\n1,Ann\n\u{FEFF}\"id\",\"name\"\n2,Bob\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(directory.count == 2)
        #expect(report.rowsRejected == 1)
    }

    @Test func anIDAfterAByteOrderMarkIsTheSameID() throws {
        let csv = "id,first_name,phone\n1,Ann,2125550111\n\u{FEFF}1,Ann2,2125550122\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(directory.count == 1)
        #expect(directory.contact(id: "1")?.firstName == "Ann2")
        #expect(report.rowsUpdated == 1)
        #expect(report.problems.contains { $0.line == 3 && $0.description.contains("byte-order mark") })
    }
}
