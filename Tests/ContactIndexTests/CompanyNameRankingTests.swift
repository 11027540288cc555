import Testing
@testable import ContactIndex

/// A query of a person's names that some contact matches through its company's words
/// (`MatchReason.companyName`): that contact ranks after the persons whose own names match, even
/// when theirs match only read across scripts, and before the two-edit matches. In each case the
/// contact found through its company has the earlier id, so only the score can put the person
/// first.
@Suite struct CompanyNameRankingTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Othman", lastName: "Al-Harbi", company: "الحسن للتجارة S.A.E."),
        Contact(id: "a2", firstName: "Salma", lastName: "Othman", company: "الحسن للاستشارات Co."),
        Contact(id: "a3", firstName: "Lubna", lastName: "Issa", company: "Nassar Alsaeed"),
        Contact(id: "a4", firstName: "دينا", lastName: "آل شريف", company: "العنزي للمقاولات"),
        Contact(id: "a5", firstName: "Dina", lastName: "Sherif", company: "Anazi Contracting"),
        Contact(id: "a6", firstName: "John", lastName: "Smithson", company: "Smith Ltd"),
        Contact(id: "a7", firstName: "芳芳", lastName: "彭", company: "方建设股份有限公司"),
        Contact(id: "b1", firstName: "عثمان", lastName: "الحسن"),
        Contact(id: "b2", firstName: "لبنى", lastName: "السعيد"),
        Contact(id: "b3", firstName: "شريف", lastName: "العنزي"),
        Contact(id: "b4", firstName: "Jon", lastName: "Smythe"),
        Contact(id: "b5", firstName: "Fang", lastName: "Shen"),
    ])

    @Test(arguments: [
        ("Othman Al-Hassan", "b1", "a1"), ("Othman Hassan", "b1", "a2"), ("Lubna Al-Saeed", "b2", "a3"), ("Lubna Alsaeed", "b2", "a3"),
        ("Sherif Al-Anazi", "b3", "a4"), ("Sherif Anazi", "b3", "a5"), ("Fang She", "b5", "a7"),
    ])
    func thePersonsOwnNamesComeFirst(_ text: String, person: String, throughCompany: String) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let first = try #require(matches.firstIndex { $0.contact.id == person }, "\(text): \(matches)")
        let second = try #require(matches.firstIndex { $0.contact.id == throughCompany }, "\(text): \(matches)")
        #expect(first < second, "\(text): \(matches)")
        #expect(matches[first].reason != .companyName, "\(text): \(matches[first])")
        #expect(matches[second].reason == .companyName, "\(text): \(matches[second])")
    }

    /// A company's word written in Latin letters, which a token typed in Latin letters reaches
    /// only through a romanization's consonants, counts as two typing errors: "Nbathainel West"
    /// ranks Nathaniel West, two typing errors away, before Raymond West of National Logistics
    /// ("national" is also a name read from Greek letters here, so the romanized spellings
    /// hold it).
    @Test func aCompanysWordInLatinLettersIsNoRomanization() throws {
        let directory = ContactDirectory([
            Contact(id: "a1", firstName: "Raymond", lastName: "West", company: "National Logistics Ltd"),
            Contact(id: "a2", firstName: "Νίκος", lastName: "Νατιοναλ"),
            Contact(id: "b1", firstName: "Nathaniel", lastName: "West"),
        ])
        let matches = directory.lookup(fuzzyName: "Nbathainel West")
        #expect(matches.first?.contact.id == "b1", "\(matches)")
        let raymond = try #require(matches.first { $0.contact.id == "a1" }, "\(matches)")
        #expect(raymond.reason == .fuzzyTwoEdits, "\(raymond)")
        // Read from Greek letters, the same word is a romanization still.
        let greek = try #require(directory.lookup(fuzzyName: "Nikos Nbathainel").first, "no match")
        #expect(greek.contact.id == "a2" && greek.reason == .romanized, "\(greek)")
    }

    /// A person's own token serves the query before a company's word does: "John Smith" takes
    /// John Smithson's "smithson" (a start of his name), not the "smith" of his company, and
    /// ranks him above the two-edit Jon Smythe.
    @Test func aPersonsTokenServesBeforeTheCompanysWord() throws {
        let matches = Self.directory.lookup(fuzzyName: "John Smith")
        let smithson = try #require(matches.first { $0.contact.id == "a6" }, "\(matches)")
        #expect(smithson.reason == .tokenPrefix, "\(smithson)")
        #expect(matches.first?.contact.id == "a6", "\(matches)")
    }

    /// A company's staff are found by its words as the start of a name, by one word (a legal
    /// form is no word of it) or by several that only the company's words serve.
    @Test(arguments: [
        ("Smith Ltd", "a6", MatchReason.tokenPrefix), ("Anazi", "a5", .tokenPrefix), ("Nassar Alsaeed", "a3", .tokenPrefix),
        ("Anazi Contracting", "a5", .tokenPrefix),
    ])
    func aCompanysWordsFindItsStaff(_ text: String, staff: String, reason: MatchReason) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let match = try #require(matches.first { $0.contact.id == staff }, "\(text): \(matches)")
        #expect(match.reason == reason, "\(text): \(match)")
        #expect(matches.first?.contact.id == staff, "\(text): \(matches)")
    }

    /// A company's word is still better evidence than two typing errors.
    @Test func theCompanysWordRanksAboveTwoEdits() throws {
        let directory = ContactDirectory([
            Contact(id: "c1", firstName: "Jonathan", lastName: "Smyth"),
            Contact(id: "c2", firstName: "Maria", lastName: "Lopez", company: "Jonathan Foods"),
        ])
        let matches = directory.lookup(fuzzyName: "Maria Jonathan")
        #expect(matches.first?.contact.id == "c2" && matches.first?.reason == .companyName, "\(matches)")
    }
}
