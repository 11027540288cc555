import Testing
@testable import ContactIndex

/// A contact's valid addresses come before its invalid ones: a reply shows the first. Before,
/// an Outlook export of an Exchange contact showed the X.500 path of "E-mail Address".
@Suite struct EmailOrderTests {
    @Test func validAddressesComeFirst() throws {
        let csv = """
            First Name,Last Name,E-mail Address,E-mail 2 Address,E-mail 3 Address
            John,Smith,/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jsmith,john@contoso.com,j.smith@contoso.com
            """
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        let john = try #require(directory.contact(id: "email:john@contoso.com"))
        #expect(john.emails.map(\.raw) == ["john@contoso.com", "j.smith@contoso.com",
                                            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jsmith"])
        #expect(john.emails.first?.normalized != nil)
        let problem = try #require(report.problems.first)
        #expect(problem.column == "E-mail Address")
        #expect(problem.value.hasPrefix("/o=ExchangeLabs"))
    }
}
