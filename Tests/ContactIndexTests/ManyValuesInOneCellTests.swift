@testable import ContactIndex
import Testing

/// A cell holding tens of thousands of values (a Google Contacts ` ::: ` list gone wrong) loads
/// like any other: no crash, no time quadratic in the values, every value searchable.
@Suite struct ManyValuesInOneCellTests {
    @Test func aCellOfSixtySixThousandPhonesLoads() throws {
        let count = 66_000  // more than a 16-bit count holds
        let phones = (0..<count).map { "+1 650 \(String(200 + $0 / 10_000)) \(String(1_000_000 + $0 % 10_000).suffix(4))" }
        let emails = (0..<20_000).map { "a\($0)@example.com" }
        let text = """
            Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,E-mail 1 - Value
            Ann Lee,Ann,Lee,Mobile,"\(phones.joined(separator: " ::: "))",ann@example.com
            Bob Lee,Bob,Lee,Mobile,+1 650 555 0100,"\(emails.joined(separator: " ::: "))"
            Cy Lee,Cy,Lee,Mobile,+1 650 555 0101,cy@example.com

            """
        let (directory, report) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(text.utf8))
        #expect(report.rowsLoaded == 3)
        #expect(directory.lookup(phone: "+1 650 555 9999").isEmpty)
        #expect(directory.lookup(phone: phones[count - 1]).first?.contact.firstName == "Ann")
        #expect(directory.lookup(phone: phones[0]).first?.contact.firstName == "Ann")
        #expect(directory.lookup(email: emails[emails.count - 1]).first?.contact.firstName == "Bob")
        #expect(directory.search("a19999@exam").first?.contact.firstName == "Bob")
        #expect(directory.lookup(phone: "+1 650 555 0101").first?.contact.firstName == "Cy")
    }
}
