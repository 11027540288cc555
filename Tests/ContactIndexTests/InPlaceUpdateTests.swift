@testable import ContactIndex
import Testing

/// Upserts of a contact already in the directory: a new version of the same entity rank is
/// updated in place (`ContactDirectory.updateInPlace`): a new number leaves the name and address
/// keys alone, a new name re-indexes the tokens by difference (`NameTokenIndex.replace`) and
/// replaces the whole-name keys but not the address keys, a new address the other way round.
/// After thousands of such updates, every kind of look-up must answer exactly as a directory
/// built fresh from the contacts that remain.
@Suite struct InPlaceUpdateTests {
    static let firsts = ["John", "Jon", "Mary", "Maria", "Ann"]
    static let lasts = ["Smith", "Smyth", "Lee", "van der Berg", "Müller"]
    static let domains = ["example.com", "gmail.com", "acme.org"]
    static let entities: [ContactEntity] = [.contact, .lead]

    /// A small deterministic generator (a 64-bit LCG).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
    }

    static func phone(_ random: inout Random) -> ContactPhone {
        ContactPhone("+1 650 555 \(1000 + random.next(40))")
    }

    static func email(_ random: inout Random) -> ContactEmail {
        ContactEmail("\(firsts[random.next(firsts.count)].lowercased())\(random.next(5))@\(domains[random.next(domains.count)])")
    }

    /// - Parameter smallLimits: the name index's lists take new slots in their recent parts from
    ///   8 slots on (`TokenPostingLists.Limits`), as those of common names do at a million.
    @Test(arguments: [false, true])
    func aDirectoryAfterManyInPlaceUpdatesAnswersLikeAFreshOne(smallLimits: Bool) {
        var random = Random(state: 11)
        var directory = ContactDirectory([], configuration: .init(phoneDetails: false))
        if smallLimits { directory.nameTokenIndex.setPostingLimits(TokenPostingLists.Limits(place: 8, recent: 4)) }
        var current: [String: Contact] = [:]
        var inPlace = 0
        var renamedInPlace = 0
        var readdressedInPlace = 0
        for step in 0..<4_000 {
            let id = "c\(random.next(200))"
            guard var contact = current[id], step > 300 else {
                let contact = Contact(
                    id: id, firstName: Self.firsts[random.next(Self.firsts.count)], lastName: Self.lasts[random.next(Self.lasts.count)],
                    phones: [Self.phone(&random)], emails: [Self.email(&random)], entity: Self.entities[random.next(2)])
                directory.upsert(contact)
                current[id] = contact
                continue
            }
            switch random.next(6) {
            case 0, 1: contact.phones = (0...random.next(2)).map { _ in Self.phone(&random) }  // in place
            case 2: contact.region = ["US", "CA", nil][random.next(3)]  // in place
            case 3: contact.emails = random.next(3) == 0 ? [] : [Self.email(&random)]
            case 4: contact.lastName = Self.lasts[random.next(Self.lasts.count)]
            default: contact.entity = Self.entities[random.next(2)]
            }
            let before = directory.store.garbageBytes
            let slot = directory.slot(of: id)
            let generation = slot.map { directory.generations[Int($0)] }
            let addressGeneration = slot.map { directory.addressGenerations[Int($0)] }
            directory.upsert(contact)
            let slotAfter = directory.slot(of: id)
            let namesMoved = slotAfter.map { directory.generations[Int($0)] } != generation
            let addressesMoved = slotAfter.map { directory.addressGenerations[Int($0)] } != addressGeneration
            if slotAfter == slot, directory.store.garbageBytes != before {
                switch (namesMoved, addressesMoved) {
                case (false, false): inPlace += 1
                case (true, false): renamedInPlace += 1
                case (false, true): readdressedInPlace += 1
                case (true, true): break  // removed and added again (a new entity rank)
                }
            }
            current[id] = contact
            if random.next(10) == 0 {
                let gone = "c\(random.next(200))"
                directory.remove(id: gone)
                current[gone] = nil
            }
        }
        #expect(inPlace > 500, "updates took the in-place path")
        #expect(renamedInPlace > 200, "renames kept their address keys")
        #expect(readdressedInPlace > 200, "new addresses kept their whole-name keys")
        let fresh = ContactDirectory(Array(current.values), configuration: .init(phoneDetails: false))
        #expect(directory.count == current.count)
        func ids(_ matches: [Match]) -> [String] { matches.map { "\($0.contact.id) \($0.reason)" }.sorted() }
        for number in 1000..<1040 {
            let e164 = "+1650555\(number)"
            #expect(ids(directory.lookup(phone: e164, limit: 500)) == ids(fresh.lookup(phone: e164, limit: 500)), "\(e164)")
            #expect(ids(directory.search("555\(number)", limit: 500)) == ids(fresh.search("555\(number)", limit: 500)), "\(number)")
        }
        for first in Self.firsts {
            for digit in 0..<5 {
                for domain in Self.domains {
                    let address = "\(first.lowercased())\(digit)@\(domain)"
                    #expect(ids(directory.lookup(email: address, limit: 500)) == ids(fresh.lookup(email: address, limit: 500)), "\(address)")
                }
                // A start of an address (the address key index).
                let start = "\(first.lowercased())\(digit)@"
                #expect(ids(directory.search(start, limit: 500)) == ids(fresh.search(start, limit: 500)), "\(start)")
            }
            for last in Self.lasts {
                let name = "\(first) \(last)"
                #expect(directory.lookup(name: name, limit: 500).map(\.contact.id) == fresh.lookup(name: name, limit: 500).map(\.contact.id), "\(name)")
                #expect(ids(directory.lookup(fuzzyName: name, limit: 500)) == ids(fresh.lookup(fuzzyName: name, limit: 500)), "\(name)")
            }
            let prefix = first.lowercased()
            #expect(ids(directory.lookup(namePrefix: prefix, limit: 500)) == ids(fresh.lookup(namePrefix: prefix, limit: 500)), "\(prefix)")
        }
        // Searches that read the token postings (whole names are answered by their keys):
        // typing errors, type-ahead, and tokens no contact has (the partial pass).
        for query in ["jon smth", "mary leee", "jo sm", "mar mu", "an va", "smi", "zzz smith", "maria zzz", "muller jhon"] {
            #expect(ids(directory.lookup(fuzzyName: query, limit: 500)) == ids(fresh.lookup(fuzzyName: query, limit: 500)), "\(query)")
            #expect(!fresh.lookup(fuzzyName: query, limit: 500).isEmpty, "\(query)")
        }
        // With the small limits, lists hold recent slots now: the searches above read them.
        #expect(smallLimits == directory.nameTokenIndex.postings.recent.contains { !$0.isEmpty })
        for (id, contact) in current {
            #expect(directory.contact(id: id) == contact.normalizedForComparison(with: directory), "\(id)")
        }
    }
}

extension Contact {
    /// The contact as a directory stores it (phones and emails normalized), for comparisons.
    fileprivate func normalizedForComparison(with directory: ContactDirectory) -> Contact {
        directory.preparer.prepare(self).contact
    }
}
