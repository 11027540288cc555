import ContactFixtures
@testable import ContactIndex
import Testing

/// A free-text query of an address's start and name words ("james.m", "garcia ana@", "Ana
/// ana.ga") ranks the contacts whose address starts with it together with the name matches of
/// its words, a contact that is both scoring 0.05 above the better of the two
/// (`ContactDirectory.emailPrefixAndNameMatches`, which merges them on slots and decodes only
/// the contacts it answers with). The answer must be the merge on whole contacts: every
/// contact's first address with the prefix (a scan of the directory), the name search's best
/// `max(limit × 20, 200)`, ranked by `MatchRanking`.
@Suite struct EmailPrefixAndNameSearchTests {
    static let entities: [ContactEntity] = [.contact, .lead, .account, .user]
    static let domains = ["example.com", "mail.example.org", "bücher.de", "corp.net"]

    /// 8,000 generated people of every locale, with addresses made of their names the ways
    /// people write them ("ana.garcia", "a.garcia", "ana_garcia12", non-ASCII ones for names in
    /// other scripts), some with two, some with none.
    static let contacts: [Contact] = {
        let people = DirectoryGenerator(seed: 41).people(count: 8_000)
        return people.enumerated().map { index, person in
            var contact = person.contact
            let given = (contact.firstName ?? "").lowercased().split(separator: " ").first.map(String.init) ?? "x"
            let family = (contact.lastName ?? "").lowercased().split(separator: " ").first.map(String.init) ?? "y"
            let locals = ["\(given).\(family)", "\(given.prefix(1)).\(family)", "\(given)_\(family)\(index % 97)", "\(family)+\(given)"]
            var emails: [ContactEmail] = []
            if index % 9 != 0 { emails.append(ContactEmail("\(locals[index % locals.count])@\(domains[index % domains.count])")) }
            if index % 5 == 0 { emails.append(ContactEmail("\(locals[(index + 1) % locals.count])@\(domains[(index + 2) % domains.count])")) }
            contact.emails = emails
            contact.entity = entities[index % entities.count]
            return contact
        }
    }()
    static let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
    /// The contacts as the directory holds them (normalized addresses), read once.
    static let stored: [Contact] = contacts.compactMap { directory.contact(id: $0.id) }

    /// Queries cut from the contacts' addresses: a local part to a little past its separator,
    /// the family name and a local part's start with "@", the given name and a local part's start.
    static let queries: [String] = {
        var random = SeededGenerator(seed: 5)
        var texts: [String] = []
        for _ in 0..<200 {
            let contact = contacts[Int.random(in: 0..<contacts.count, using: &random)]
            guard let address = contact.emails.first?.raw, let at = address.firstIndex(of: "@") else { continue }
            let local = Array(address[..<at])
            if let separator = local.firstIndex(where: { ".+_".contains($0) }) {
                texts.append(String(local[...min(local.count - 1, separator + Int.random(in: 1...3, using: &random))]))
                if let given = contact.firstName?.split(separator: " ").first {
                    texts.append("\(given) \(String(local[...min(local.count - 1, separator + 1)]))")
                }
            }
            if let family = contact.lastName?.split(separator: " ").first {
                texts.append("\(family) \(String(local.prefix(Int.random(in: 2...max(2, local.count), using: &random))))@")
            }
        }
        return texts
    }()

    /// The merge on whole contacts.
    static func reference(_ text: String, limit: Int) -> [Match] {
        let query = FreeTextQuery(text)
        guard let prefix = query.emailText else { return [] }
        var identity: [Match] = []
        for stored in stored {
            guard let email = stored.emails.first(where: { $0.normalized?.address.hasPrefix(prefix) == true }) else { continue }
            let reason: MatchReason = email.normalized?.address == prefix ? .exactEmail : .emailPrefix
            identity.append(Match(contact: stored, score: reason.baseScore, reason: reason, matchedEmail: email))
        }
        var top = TopMatches(limit: max(limit * 20, 200), of: directory)
        directory.collectNameMatches(query.nameText, fillLimit: nil, into: &top)
        return MergedAnswerComparison.merge(
            identity: identity, names: directory.matches(from: top), nameText: query.nameText, nameFloor: top.floor,
            ranking: directory.configuration.ranking, limit: limit)
    }

    @Test func answersAsTheMergeOfWholeContacts() {
        // The reference scans the stored contacts for the addresses: every contact must be there.
        #expect(Self.stored.count == Self.contacts.count)
        // Contacts that are both an identity and a name match (above `emailPrefix`, below an
        // exact address): the merge is exercised.
        MergedAnswerComparison.expectSameAnswers(
            Self.queries,
            accepts: { $0.phoneText == nil && $0.emailText != nil && !$0.emailIsComplete && !$0.nameText.isEmpty },
            search: { Self.directory.search($0, limit: $1) }, reference: { Self.reference($0, limit: $2) },
            merged: { $0.score > MatchReason.emailPrefix.baseScore && $0.score < MatchReason.exactEmail.baseScore },
            minimumCompared: 200, minimumMerged: 60)
    }
}
