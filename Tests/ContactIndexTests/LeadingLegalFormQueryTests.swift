import Testing

@testable import ContactIndex

/// A company typed with the legal form written in front of its name ("ООО Ромашка", "PT Bank
/// Mandiri", "株式会社 ホンダ") finds it as its name alone does, where every token but the
/// form's matched and the company was a partial match at 0.17 or less
/// (`CompanyLegalForms.strippingLeadingForm`).
@Suite struct LeadingLegalFormQueryTests {
    static let directory = ContactDirectory([
        Contact(id: "ru", entity: .account, company: "ООО Ромашка", region: "RU"),
        Contact(id: "id", entity: .account, company: "PT Bank Mandiri", region: "ID"),
        Contact(id: "jp", entity: .account, company: "株式会社 ホンダ", region: "JP"),
        Contact(id: "ao", firstName: "Ao", lastName: "Wang"),
        Contact(id: "w", firstName: "Li", lastName: "Wang"),
    ])

    @Test(arguments: [
        ("ООО Ромашка", "ru", "Ромашка"), ("PT Bank Mandiri", "id", "Bank Mandiri"), ("株式会社 ホンダ", "jp", "ホンダ"),
    ])
    func theFormInFrontIsLeftOut(query: String, id: String, withoutForm: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason != .partialName, "\(query): \(first.reason) \(first.score)")
        // At least as well as the name alone; typed whole, as the account is named, it is the
        // account's exact name (`WholeNameSources`).
        #expect(first.score >= Self.directory.search(withoutForm).first?.score ?? 1, "\(query)")
        #expect(first.reason == .exactName, "\(query): \(first.reason)")
    }

    /// A form's letters that are a name's own stay: "ao wang" is Ao Wang, not every Wang.
    @Test func aNameThatStartsLikeAFormKeepsIt() {
        let found = Self.directory.search("ao wang")
        #expect(found.map(\.contact.id) == ["ao"], "\(found.map { "\($0.contact.id) \($0.reason)" })")
    }

    @Test func theStrippedTokens() {
        #expect(CompanyLegalForms.strippingLeadingForm(["ooo", "romaska"]) == ["romaska"])
        #expect(CompanyLegalForms.strippingLeadingForm(["zhu", "shi", "hui", "she", "honda"]) == ["honda"])
        #expect(CompanyLegalForms.strippingLeadingForm(["ooo"]) == nil)
        #expect(CompanyLegalForms.strippingLeadingForm(["acme", "gmbh"]) == nil)
    }
}
