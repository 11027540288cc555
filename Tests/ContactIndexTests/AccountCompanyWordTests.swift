import Testing
@testable import ContactIndex

/// An account named by its company alone is found by a word of that company as by its own
/// name (`NameTokenIndex.isNamedByCompany`), above its staff, whose company's word is a
/// weaker sign of them: "Atlas" lists the account Atlas SARL before the twelve contacts of
/// Atlas SARL. Before, the account matched as a name's start (0.69), tied with each of its
/// staff, and came after all of them (entity priority): out of the list.
@Suite struct AccountCompanyWordTests {
    static let contacts: [Contact] = {
        var contacts: [Contact] = []
        for index in 0..<12 {
            contacts.append(Contact(id: String(format: "s%02d", index), firstName: "Staff\(index)", lastName: "Member", company: "Atlas SARL"))
            contacts.append(Contact(id: String(format: "t%02d", index), firstName: "Team\(index)", lastName: "Player", entity: .lead, company: "Summit Logistics"))
        }
        contacts.append(Contact(id: "zz-atlas", entity: .account, company: "Atlas SARL"))
        contacts.append(Contact(id: "zz-summit", entity: .account, company: "Summit Logistics"))
        contacts.append(Contact(id: "p1", firstName: "Maria", lastName: "Atlas"))
        return contacts
    }()
    static let directory = ContactDirectory(contacts)

    @Test(arguments: [("Atlas", "zz-atlas"), ("atlas", "zz-atlas"), ("Summit", "zz-summit"), ("LOGISTICS", "zz-summit")])
    func theAccountComesBeforeItsStaff(_ text: String, account: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let match = try #require(found.first { $0.contact.id == account }, "\(text): \(described)")
            #expect(match.reason == .nameTokens, "\(text): \(described)")
            // Only a person with the word in their own name may come before it (a tie on the
            // score, then entity priority); no staff member does.
            let staff = found.filter { $0.contact.company != nil && $0.contact.entity != .account }
            #expect(staff.allSatisfy { $0.score < match.score }, "\(text): \(described)")
        }
    }

    /// The early stop of the one-token walk (`tieCeiling`) passes over no account: the
    /// results are those of scoring every candidate.
    @Test(arguments: ["Atlas", "Summit", "logistics", "summ", "atla"])
    func theWalkAgreesWithScoringEveryCandidate(_ text: String) {
        for limit in [1, 3, 10] {
            let answers = [false, true].map { exhaustive in
                Self.directory.lookup(fuzzyName: text, limit: limit, exhaustive: exhaustive, latinKeys: false, fillLimit: nil)
                    .map { "\($0.contact.id) \($0.score) \($0.reason)" }
            }
            #expect(answers[0] == answers[1], "\(text) \(limit)")
        }
    }

    /// A person's company is not their name: a contact of Atlas SARL stays a name's start.
    @Test func aPersonsCompanyWordStaysWeaker() throws {
        let found = Self.directory.lookup(fuzzyName: "Atlas")
        let staff = try #require(found.first { $0.contact.id.hasPrefix("s") })
        #expect(staff.reason == .tokenPrefix, "\(staff)")
    }
}
