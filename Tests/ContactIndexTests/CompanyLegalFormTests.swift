import Testing

@testable import ContactIndex

/// Legal forms of companies are left out of the name tokens (`CompanyLegalForms`): they match
/// no query, and they no longer bring every company of a country into fuzzy matches.
@Suite struct CompanyLegalFormTests {
    static let names = NameNormalizer.shared

    static func companyTokens(_ company: String) -> [String] {
        ContactNameTokens.of(Contact(id: "x", company: company), names: names).filter { $0.role == .company }.map(\.text)
    }

    @Test(arguments: [
        ("Acme Ltd", ["acme"]), ("Acme, Inc.", ["acme"]), ("Müller Logistik GmbH & Co. KG", ["muller", "logistik"]),
        ("Grupo Bimbo, S.A. de C.V.", ["grupo", "bimbo"]), ("Siemens AG", ["siemens"]), ("Smith & Co", ["smith"]),
        ("Tan Pty Ltd", ["tan"]), ("ООО Ромашка", ["romaska"]), ("Ltd", ["ltd"]), ("Co Ltd", ["co"]),
        ("Limited Brands", ["limited", "brands"]), ("Acme Holdings", ["acme", "holdings"]),
        ("Padaria Silva ME", ["padaria", "silva"]), ("Mercado Bom Preço EPP", ["mercado", "bom", "preco"]),
        ("Allianz SE", ["allianz"]), ("Svensson Bygg HB", ["svensson", "bygg"]), ("Papadopoulos IKE", ["papadopoulos"]),
        ("Desjardins Ltée", ["desjardins"]), ("Smith & Jones, P.C.", ["smith", "jones"]), ("Cemex, S.A.B. de C.V.", ["cemex"]),
        ("Me", ["me"]),
    ])
    func aLegalFormAtEitherEndIsLeftOut(company: String, expected: [String]) {
        #expect(Self.companyTokens(company) == expected, "\(company)")
    }

    @Test func chineseJapaneseAndKoreanFormsAsICURomanizesThem() {
        for company in ["上海华信有限公司", "华为技术股份有限公司", "トヨタ株式会社", "株式会社 トヨタ", "삼성전자 주식회사"] {
            let tokens = Self.companyTokens(company)
            #expect(!tokens.isEmpty, "\(company)")
            for form in ["gong", "si", "zhu", "shi", "hui", "she", "jusighoesa"] where tokens.contains(form) {
                Issue.record("\(company) keeps \(form): \(tokens)")
            }
        }
        // A person's names are never trimmed: "Gong" and "Si" are surnames.
        let person = ContactNameTokens.of(Contact(id: "p", firstName: "Li", lastName: "Gong", company: "Si Ltd"), names: Self.names)
        #expect(person.map(\.text) == ["li", "gong", "si"])
    }

    @Test func searchesFindCompaniesWithOrWithoutTheirForm() {
        let directory = ContactDirectory([
            Contact(id: "1", company: "Acme Ltd"),
            Contact(id: "2", firstName: "Anna", lastName: "Ab"),
            Contact(id: "3", firstName: "Anna", lastName: "Berg"),
            Contact(id: "4", firstName: "Wei", lastName: "Gong", company: "上海华信有限公司"),
            Contact(id: "5", firstName: "Sara", lastName: "Gonzalez"),
            Contact(id: "6", company: "Beijing Si Gong 有限公司"),
        ])
        #expect(directory.search("Acme Ltd").first?.contact.id == "1")
        #expect(directory.search("acme").first?.contact.id == "1")
        // A last token that is also a legal form stays in a person's query.
        #expect(directory.search("Anna Ab").first?.contact.id == "2")
        #expect(directory.search("Wei Gong").first?.contact.id == "4")
        #expect(directory.search("Sara Gonz").first?.contact.id == "5")
        // "you xian gong si" of 有限公司 is no full match any more (partial ones at most); the
        // company's own "Si Gong" still is.
        #expect(directory.search("you xian gong si").allSatisfy { $0.reason == .partialName })
        #expect(directory.search("si gong").map(\.contact.id).first == "6")
    }

    @Test func theQueryDropsOnlyFormsNoOneTypesAsAName() {
        #expect(CompanyLegalForms.strippingQueryForm(["acme", "ltd"]) == ["acme"])
        #expect(CompanyLegalForms.strippingQueryForm(["acme", "pty", "ltd"]) == ["acme"])
        #expect(CompanyLegalForms.strippingQueryForm(["anna", "ab"]) == ["anna", "ab"])
        #expect(CompanyLegalForms.strippingQueryForm(["ltd"]) == ["ltd"])
        #expect(CompanyLegalForms.strippingQueryForm(["maria", "co"]) == ["maria", "co"])
    }
}
