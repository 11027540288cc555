import Testing
@testable import ContactIndex

/// Two unmapped columns with the same header, or with no header, wrote their cells under one
/// attribute key, so all but the last were lost without a word. Every unmapped column now has
/// its own key: the header, the header with " (2)" for its second column, and "column N" for an
/// empty header (as for a row's surplus fields).
@Suite struct RepeatedHeaderNameTests {
    @Test func everyUnmappedColumnKeepsItsValue() throws {
        let csv = "id,first_name,phone,notes,notes,,\n1,Ann,2125550111,n1,n2,x,y\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.attributes == ["notes": "n1", "notes (2)": "n2", "column 6": "x", "column 7": "y"])
        #expect(report.problems.isEmpty)
    }

    /// A value moved to the attributes from a second column of one field ("First Name" twice)
    /// gets the same distinct key.
    @Test func aSecondColumnOfOneFieldKeepsItsValueUnderADistinctKey() throws {
        let csv = "id,First Name,First Name,First Name,Note\n1,Ann,Anna,Annie,x\n"
        let (directory, _) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.firstName == "Ann")
        #expect(ann.attributes == ["First Name (2)": "Anna", "First Name (3)": "Annie", "Note": "x"])
    }
}
