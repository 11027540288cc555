import ContactFixtures
@testable import ContactIndex
import Testing

/// A directory built in bulk (sorted keys, counted fragment buckets, `RadixSort` and
/// `CollationKeySort`) answers every look-up as the same contacts upserted one by one do: the
/// same matches, in the same order, for whole numbers, partial numbers, addresses, whole names
/// and name prefixes. Numbers and addresses are shared by groups of contacts, so that shared
/// keys (groups in tie order) are covered.
@Suite struct BulkBuildTests {
    @Test func bulkBuildAnswersAsOneByOneUpserts() {
        var contacts = DirectoryGenerator(seed: 41).contacts(count: 3_000)
        for index in contacts.indices {
            // A number shared by about three contacts, and a second one of its own.
            let shared = 1_000 + index / 3
            contacts[index].phones = [ContactPhone("+1 (201) 555-\(shared)"), ContactPhone("+44 20 7946 \(1_000 + index % 9_000)")]
            contacts[index].emails = [ContactEmail("person\(index % 1_700)@example.com")]
            if index % 5 == 0 { contacts[index].entity = .lead }
        }
        let bulk = ContactDirectory(contacts)
        var oneByOne = ContactDirectory()
        for contact in contacts { oneByOne.upsert(contact) }

        func ids(_ matches: [Match]) -> [String] { matches.map(\.contact.id) }
        var checked = 0
        for (index, contact) in contacts.enumerated() where index % 7 == 0 {
            let number = contact.phones[0].raw
            let queries: [(String, (ContactDirectory) -> [Match])] = [
                ("phone \(number)", { $0.lookup(phone: number, limit: 50) }),
                ("digits", { $0.search(String(number.suffix(4)), limit: 50) }),
                ("email", { $0.lookup(email: contact.emails[0].raw, limit: 50) }),
                ("name", { $0.lookup(name: contact.name, limit: 50) }),
                ("prefix", { $0.lookup(namePrefix: String(contact.name.prefix(3)), limit: 50) }),
            ]
            for (label, query) in queries {
                let expected = ids(query(oneByOne))
                #expect(ids(query(bulk)) == expected, "\(label) of \(contact.id)")
                #expect(!expected.isEmpty, "\(label) of \(contact.id) finds something")
                checked += 1
            }
        }
        #expect(checked > 2_000)
    }
}
