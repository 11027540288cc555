import Testing
@testable import ContactIndex

/// Equal matches are ordered by id through keys that skip the lead most ids share; the order must
/// stay byte order of the whole ids whatever the ids share, and as ids arrive without the lead.
@Suite struct IDKeyTests {
    /// Salesforce-style ids: 18 characters, the first 10 shared by all.
    static func ids(_ count: Int) -> [String] {
        (0..<count).map { index in "0035g00000" + String((index * 7_919) % 100_000_000, radix: 36).uppercased() + "AAA" }
    }

    static func contacts(_ ids: [String]) -> [Contact] {
        ids.map { Contact(id: $0, firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]) }
    }

    @Test func keysSkipWhatEveryIDSharesAndKeepByteOrder() {
        let ids = Self.ids(300)
        var directory = ContactDirectory(Self.contacts(ids), configuration: .init(defaultRegion: "US"))
        #expect(directory.nameTokenIndex.idKeySkip == 8)
        let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(directory.lookup(phone: "+16505550100", limit: 1_000).map(\.contact.id) == sorted)
        for limit in [1, 3, 10] {
            #expect(directory.lookup(phone: "+16505550100", limit: limit).map(\.contact.id) == Array(sorted.prefix(limit)))
            #expect(directory.search("Ann Lee", limit: limit).map(\.contact.id) == Array(sorted.prefix(limit)))
        }
        // Ids without the lead arrive: no key changes (the lead stays), and the order is still
        // byte order.
        let more = ["0035g0000", "0035h00000ZZZ", "00Q5g00000AAA", "0", "", "003"]
        for id in more where !id.isEmpty {
            directory.upsert(Contact(id: id, firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        }
        #expect(directory.nameTokenIndex.idKeySkip == 8)
        let all = (ids + more.filter { !$0.isEmpty }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(directory.lookup(phone: "+16505550100", limit: 1_000).map(\.contact.id) == all)
        for limit in [1, 3, 10] {
            #expect(directory.lookup(phone: "+16505550100", limit: limit).map(\.contact.id) == Array(all.prefix(limit)))
            #expect(directory.search("Ann Lee", limit: limit).map(\.contact.id) == Array(all.prefix(limit)))
        }
        directory.upsert(Contact(id: "x", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        #expect(directory.nameTokenIndex.idKeySkip == 8)
        #expect(directory.lookup(phone: "+16505550100", limit: 2).map(\.contact.id) == Array(all.prefix(2)))
        #expect(directory.lookup(phone: "+16505550100", limit: 1_000).last?.contact.id == "x")
    }

    /// After ids of another scheme arrive, the namesakes of the first scheme still have
    /// distinct tie values (their walk stops after the first few instead of reading them all).
    @Test func idsOfAnotherSchemeLeaveTheOthersKeysFine() {
        let ids = Self.ids(200)
        var directory = ContactDirectory(Self.contacts(ids), configuration: .init(defaultRegion: "US"))
        for index in 0..<20 {
            directory.upsert(Contact(id: "LB\(index)", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        }
        let ties = directory.slotTies
        let slots = ids.compactMap { directory.slot(of: $0) }
        #expect(slots.count == ids.count)
        #expect(Set(slots.map(ties.nameKeyTie)).count == ids.count, "namesakes of the main scheme share tie values")
        let all = (ids + (0..<20).map { "LB\($0)" }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(directory.lookup(name: "Ann Lee", limit: 1_000).map(\.contact.id) == all)
        #expect(directory.lookup(name: "Ann Lee", limit: 10).map(\.contact.id) == Array(all.prefix(10)))
    }

    static func key(_ id: String, skip: Int, lead: String) -> UInt64 {
        let leadHead = Array(lead.utf8).withUnsafeBytes { NameTokenIndex.leadBytes(NameTokenIndex.idBytes($0, from: 0), count: skip) }
        return Array(id.utf8).withUnsafeBytes { bytes in
            NameTokenIndex.idKey(head: NameTokenIndex.idBytes(bytes, from: 0), tail: NameTokenIndex.idBytes(bytes, from: 8), skip: skip, lead: leadHead)
        }
    }

    @Test(arguments: [0, 1, 3, 7, 8])
    func aKeyIsTheIDsBytesAfterTheLead(skip: Int) {
        let id = Array("0035g00000AbCdE".utf8)
        let key = Self.key("0035g00000AbCdE", skip: skip, lead: "0035g00000")
        id.withUnsafeBytes { bytes in
            #expect(key == 1 << 62 | NameTokenIndex.idBytes(bytes, from: skip) >> 2)
        }
    }

    /// Whatever the lead, two ids' keys never order them against their bytes: ids of many
    /// schemes and lengths, all pairs.
    @Test(arguments: [0, 2, 5, 8])
    func keysKeepByteOrderForIDsWithAndWithoutTheLead(skip: Int) {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0035gQLBx\u{1}zZ".utf8)
        var ids = ["", "0", "003", "0035g000", "0035g0000", "0035g00000", "0035g00000AAA", "0035h", "00Q5g00000A", "LB1", "zzz"]
        for _ in 0..<300 {
            let length = Int.random(in: 1...20, using: &random)
            ids.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &random)! }, as: UTF8.self))
            ids.append("0035g00000" + String(Int.random(in: 0..<1_000_000, using: &random), radix: 36))
        }
        let keys = ids.map { Self.key($0, skip: skip, lead: "0035g00000") }
        for a in ids.indices {
            for b in ids.indices where keys[a] < keys[b] {
                #expect(ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8), "\(ids[a]) keyed before \(ids[b])")
            }
        }
    }
}
