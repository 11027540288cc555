import Testing

@testable import ContactIndex

/// A number (or an address) many contacts share is read in tie order and the walk stops once nothing left can
/// enter: every small limit must still give the head of the whole ranking, after upserts, removals,
/// entity changes and the re-keying that ids of another shape cause.
@Suite struct SharedNumberOrderTests {
    static let shared = "+16505550100"
    static let entities: [ContactEntity] = [.contact, .lead, .account, "patient"]

    static func contact(_ id: String, _ index: Int, number: String = shared) -> Contact {
        Contact(id: id, firstName: "Person\(index)", lastName: "Shared", phones: [ContactPhone(number)], entity: entities[index % entities.count])
    }

    /// What a match is compared by: its contact, score and reason (short in a failure's message).
    static func describe(_ match: Match) -> String {
        "\(match.contact.id) \(match.contact.entity) \(match.score) \(match.reason)"
    }

    static func expectHeads(_ directory: ContactDirectory, _ context: String) {
        let whole = directory.lookup(phone: shared, limit: 100_000)
        #expect(whole.count == directory.lookup(phone: shared, limit: 100_000).count)
        for limit in [1, 2, 3, 10, 25] {
            #expect(directory.lookup(phone: shared, limit: limit).map(describe) == whole.prefix(limit).map(describe), "\(context), limit \(limit)")
            #expect(directory.lookupSummaries(phone: shared, limit: limit).map(\.id) == whole.prefix(limit).map(\.contact.id), "\(context), limit \(limit)")
        }
    }

    @Test func theHeadOfTheRankingThroughUpdatesAndReKeying() {
        // Salesforce-shaped ids: the id keys skip their shared leading bytes.
        var contacts = (0..<400).map { Self.contact("0035g00000X\(String(format: "%05d", ($0 * 7_919) % 400))", $0) }
        contacts += (0..<50).map { Self.contact("0035g00000Y\(String(format: "%05d", $0))", $0, number: "+1 650 555 0199") }
        var directory = ContactDirectory(contacts)
        #expect(directory.lookup(phone: Self.shared, limit: 1_000).count == 400)
        Self.expectHeads(directory, "loaded")

        var random = SplitMix(seed: 42)
        for step in 0..<300 {
            let index = Int(random.next() % 400)
            if step == 150 {
                // An id of another shape: every id key is re-keyed and the groups sorted again.
                directory.upsert(Self.contact("A\(step)", step))
            } else if random.next() % 3 == 0 {
                directory.remove(id: "0035g00000X\(String(format: "%05d", index))")
            } else if random.next() % 2 == 0 {
                // The same id, another entity: its place in the order moves.
                directory.upsert(Self.contact("0035g00000X\(String(format: "%05d", index))", index + Int(random.next() % 3) + 1))
            } else {
                directory.upsert(Self.contact("0035g00000Z\(String(format: "%05d", step))", step))
            }
            if step % 30 == 0 || step == 150 { Self.expectHeads(directory, "step \(step)") }
        }
        #expect(directory.lookup(phone: Self.shared, limit: 1_000).contains { $0.contact.id == "A150" })
        Self.expectHeads(directory, "at the end")
    }

    @Test func theHeadOfTheRankingWithExtensionsAndOtherCountryCodes() {
        // Candidates scoring less (an extension, another country code) sit among those scoring most.
        var contacts: [Contact] = []
        for index in 0..<300 {
            let number = switch index % 3 {
            case 0: Self.shared
            case 1: Self.shared + " x\(index)"
            default: "+44 650 555 0100"
            }
            contacts.append(Self.contact("C\(String(format: "%04d", (index * 37) % 300))", index, number: number))
        }
        let directory = ContactDirectory(contacts)
        let whole = directory.lookup(phone: Self.shared, limit: 10_000)
        #expect(Set(whole.map(\.reason)) == [.exactE164, .phoneExtensionDiffers, .sameNationalNumber])
        for limit in [1, 5, 100, 150, 210, 250] {
            #expect(directory.lookup(phone: Self.shared, limit: limit).map(Self.describe) == whole.prefix(limit).map(Self.describe), "limit \(limit)")
        }
    }

    @Test func theHeadOfTheRankingForASharedAddress() {
        // One mailbox written three ways: the same address, and Gmail's dots and +tag (canonical).
        let spellings = ["sales.team@gmail.com", "salesteam+crm@gmail.com", "Sales.Team@gmail.com"]
        var contacts = (0..<300).map { index in
            Contact(id: "E\(String(format: "%04d", (index * 41) % 300))", firstName: "Person\(index)",
                    emails: [ContactEmail(spellings[index % 3])], entity: Self.entities[index % Self.entities.count])
        }
        contacts.append(Contact(id: "E9999", emails: [ContactEmail("someone.else@gmail.com")]))
        var directory = ContactDirectory(contacts)
        func expectHeads(_ context: String) {
            let whole = directory.lookup(email: "sales.team@gmail.com", limit: 10_000)
            #expect(Set(whole.map(\.reason)) == [.exactEmail, .canonicalEmail], "\(context)")
            for limit in [1, 3, 10, 150, 250] {
                #expect(directory.lookup(email: "sales.team@gmail.com", limit: limit).map(Self.describe) == whole.prefix(limit).map(Self.describe),
                        "\(context), limit \(limit)")
            }
        }
        expectHeads("loaded")
        for index in stride(from: 0, to: 300, by: 7) { directory.remove(id: "E\(String(format: "%04d", index))") }
        directory.upsert(Contact(id: "x-1", emails: [ContactEmail("salesteam@gmail.com")], entity: .lead))
        expectHeads("after removals and an id of another shape")
    }
}
