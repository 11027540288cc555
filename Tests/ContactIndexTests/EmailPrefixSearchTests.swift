@testable import ContactIndex
import Testing

/// An email prefix typed alone in free text ("info@", "sales@exa") answers with the best
/// contacts by the ranking among those with an address that starts with it. Their records are
/// checked without decoding when the prefix and the addresses are ASCII, and decoded otherwise
/// (`ContactDirectory.emailPrefixMatches`): both ways must give what a check of every contact
/// gives.
@Suite struct EmailPrefixSearchTests {
    static let entities: [ContactEntity] = [.contact, .lead, .account, .user]

    /// 400 contacts with "info@" or "sales@" addresses of a few domains, of every entity; some
    /// with a non-ASCII address first, some with the matching address second.
    static let directory: ContactDirectory = {
        var contacts: [Contact] = []
        let domains = ["example.com", "exampel.org", "ex.net", "bücher.de"]
        for index in 0..<400 {
            let user = index % 3 == 0 ? "info" : index % 3 == 1 ? "sales" : "info.desk"
            var emails = [ContactEmail("\(user)@\(domains[index % domains.count])")]
            if index % 7 == 0 { emails.insert(ContactEmail("jörg\(index)@example.com"), at: 0) }
            if index % 11 == 0 { emails.insert(ContactEmail("other\(index)@example.com"), at: 0) }
            contacts.append(Contact(
                id: "e\(1_000 + (index * 7919) % 400)", firstName: "Name\(index)", lastName: "Family", emails: emails,
                entity: entities[index % entities.count]))
        }
        return ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
    }()

    /// The expected answer: every contact with an address starting with `prefix`, ranked.
    static func scan(_ prefix: String, limit: Int) -> [String] {
        let ranking = directory.configuration.ranking
        var matches: [Match] = []
        for index in 0..<400 {
            guard let contact = directory.contact(id: "e\(1_000 + (index * 7919) % 400)"),
                  let email = contact.emails.first(where: { Self.starts($0, with: prefix) })
            else { continue }
            let reason: MatchReason = email.normalized?.address == prefix || email.normalized?.displayAddress == prefix ? .exactEmail : .emailPrefix
            matches.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedEmail: email))
        }
        return ranking.rank(matches, limit: limit).map(\.contact.id)
    }

    /// Whether an address starts with `prefix` in one of its forms: punycode, or its domain as
    /// written.
    static func starts(_ email: ContactEmail, with prefix: String) -> Bool {
        guard let normalized = email.normalized else { return false }
        return normalized.address.hasPrefix(prefix) || normalized.displayAddress.hasPrefix(prefix)
    }

    @Test(arguments: [
        "info@", "sales@", "sales@ex", "info.desk@exampel.org", "info@xn--bcher-kva.de", "jörg7@", "jörg14@e", "other11@", "info@nowhere",
        "info@b", "info@bü", "sales@bücher.de", "info.desk@x",
    ])
    func answersAsACheckOfEveryContact(_ prefix: String) {
        for limit in [1, 10, 40] {
            let found = Self.directory.search(prefix, limit: limit)
            #expect(found.map(\.contact.id) == Self.scan(prefix, limit: limit), "\(prefix), limit \(limit)")
            // The matched address is the contact's first that starts with the prefix.
            for match in found where match.reason == .emailPrefix || match.reason == .exactEmail {
                let first = match.contact.emails.first { Self.starts($0, with: prefix) }
                #expect(match.matchedEmail == first, "\(prefix): \(match.contact.id)")
            }
        }
    }

    /// An internationalized domain is typed as written: "hans@mün" finds hans@münchen.de, stored
    /// either way (it found it only typed in punycode, "hans@xn--mn").
    @Test(arguments: ["hans@mün", "hans@münchen", "hans@m", "hans@münchen.de", "hans@xn--mn", "hans@xn--mnchen-3ya.de"])
    func anInternationalizedDomainIsTypedAsWritten(_ query: String) throws {
        let directory = ContactDirectory([
            Contact(id: "H1", firstName: "Hans", lastName: "Alpha", emails: [ContactEmail("hans@münchen.de")]),
            Contact(id: "H2", firstName: "Hans", lastName: "Beta", emails: [ContactEmail("Hans@XN--MNCHEN-3YA.DE")]),
            Contact(id: "H3", firstName: "Hans", lastName: "Gamma", emails: [ContactEmail("hans@example.com")]),
        ])
        let found = directory.search(query)
        #expect(Set(found.prefix(2).map(\.contact.id)) == ["H1", "H2"], "\(query)")
        #expect(found.prefix(2).allSatisfy { $0.reason == .emailPrefix || $0.reason == .exactEmail })
        #expect(!found.contains { $0.contact.id == "H3" && ($0.reason == .emailPrefix || $0.reason == .exactEmail) })
        #expect(Set(directory.searchSummaries(query).prefix(2).map(\.id)) == ["H1", "H2"])
    }
    /// Ties among addresses that a one-word query starts go to entity priority, then id, over
    /// all of them (`rankedBareEmailPrefixMatches`): 51 accounts office@a10.com … office@a60.com
    /// and the contact Olivia Zeller, office@zeller-law.com, the last address. "office" listed
    /// the accounts of the first addresses; now she comes first, and the answer is the same at
    /// every limit, for a whole local part (0.89) and the start of one (0.62) alike.
    @Test(arguments: ["office", "offi"])
    func tiesAmongAddressesGoToEntityAndID(_ word: String) {
        var contacts = (10...60).map { number in
            Contact(id: "A0\(number)", emails: [ContactEmail("office@a\(number).com")], entity: .account, company: "Firm \(number)")
        }
        contacts.append(Contact(id: "C001", firstName: "Olivia", lastName: "Zeller", emails: [ContactEmail("office@zeller-law.com")]))
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        let all = directory.search(word, limit: 100).map(\.contact.id)
        #expect(all.first == "C001", "\(word)")
        #expect(all.count == 52, "\(word)")
        #expect(Array(all.dropFirst()) == (10...60).map { "A0\($0)" }, "\(word)")
        for limit in [1, 3, 10, 30] {
            let found = directory.search(word, limit: limit)
            #expect(found.map(\.contact.id) == Array(all.prefix(limit)), "\(word), limit \(limit)")
            #expect(found.first?.matchedEmail?.raw == "office@zeller-law.com", "\(word), limit \(limit)")
            #expect(found.first?.score == (word == "office" ? MatchReason.emailPrefix.baseScore : ContactDirectory.bareEmailPrefixScore))
            #expect(directory.searchSummaries(word, limit: limit).map(\.id) == Array(all.prefix(limit)), "\(word), limit \(limit)")
        }
    }
}
