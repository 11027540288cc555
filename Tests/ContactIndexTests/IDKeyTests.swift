import Testing
@testable import ContactIndex

/// Equal matches are ordered by id through keys that skip what every id shares; the order must
/// stay byte order of the whole ids whatever the ids share, and as ids arrive that share less.
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
        // Ids that share less arrive: the keys skip less, and the order is still byte order.
        let more = ["0035g0000", "0035h00000ZZZ", "00Q5g00000AAA", "0", "", "003"]
        for id in more where !id.isEmpty {
            directory.upsert(Contact(id: id, firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        }
        #expect(directory.nameTokenIndex.idKeySkip == 1)
        let all = (ids + more.filter { !$0.isEmpty }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(directory.lookup(phone: "+16505550100", limit: 1_000).map(\.contact.id) == all)
        for limit in [1, 3, 10] {
            #expect(directory.lookup(phone: "+16505550100", limit: limit).map(\.contact.id) == Array(all.prefix(limit)))
            #expect(directory.search("Ann Lee", limit: limit).map(\.contact.id) == Array(all.prefix(limit)))
        }
        directory.upsert(Contact(id: "x", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        #expect(directory.nameTokenIndex.idKeySkip == 0)
        #expect(directory.lookup(phone: "+16505550100", limit: 2).map(\.contact.id) == Array(all.prefix(2)))
    }

    @Test(arguments: [0, 1, 3, 7, 8])
    func aKeyIsTheIDsBytesFromTheSkip(skip: Int) {
        let id = Array("0035g00000AbCdE".utf8)
        id.withUnsafeBytes { bytes in
            let key = NameTokenIndex.idKey(head: NameTokenIndex.idBytes(bytes, from: 0), tail: NameTokenIndex.idBytes(bytes, from: 8), skip: skip)
            #expect(key == NameTokenIndex.idBytes(bytes, from: skip))
        }
    }
}
