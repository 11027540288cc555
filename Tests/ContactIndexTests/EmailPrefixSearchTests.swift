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
                  let email = contact.emails.first(where: { $0.normalized?.address.hasPrefix(prefix) == true })
            else { continue }
            let reason: MatchReason = email.normalized?.address == prefix ? .exactEmail : .emailPrefix
            matches.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedEmail: email))
        }
        return ranking.rank(matches, limit: limit).map(\.contact.id)
    }

    @Test(arguments: ["info@", "sales@", "sales@ex", "info.desk@exampel.org", "info@xn--bcher-kva.de", "jörg7@", "jörg14@e", "other11@", "info@nowhere"])
    func answersAsACheckOfEveryContact(_ prefix: String) {
        for limit in [1, 10, 40] {
            let found = Self.directory.search(prefix, limit: limit)
            #expect(found.map(\.contact.id) == Self.scan(prefix, limit: limit), "\(prefix), limit \(limit)")
            // The matched address is the contact's first that starts with the prefix.
            for match in found where match.reason == .emailPrefix || match.reason == .exactEmail {
                let first = match.contact.emails.first { $0.normalized?.address.hasPrefix(prefix) == true }
                #expect(match.matchedEmail == first, "\(prefix): \(match.contact.id)")
            }
        }
    }
}
