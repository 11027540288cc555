@testable import ContactIndex
import Testing

/// `lookup(name:)` and `lookup(namePrefix:)` with many namesakes: ranked by entity then id, limited,
/// and exact (case aside, in any script) before merely folded.
@Suite struct WholeNameLookupTests {
    static let directory: ContactDirectory = {
        var contacts = (0..<60).map { Contact(id: String(format: "s%03d", 59 - $0), firstName: "John", lastName: "Smith") }
        contacts.append(Contact(id: "s999", firstName: "Jöhn", lastName: "Smith", entity: .contact))
        contacts.append(Contact(id: "a001", firstName: "John", lastName: "Smith", entity: .lead))
        contacts.append(Contact(id: "m001", firstName: "Hans", lastName: "Müller"))
        return ContactDirectory(contacts)
    }()

    @Test func manyNamesakesAreRankedAndLimited() {
        let matches = Self.directory.lookup(name: "john smith", limit: 3)
        #expect(matches.map(\.contact.id) == ["s000", "s001", "s002"])
        #expect(matches.allSatisfy { $0.reason == .exactName })
        // All 60 contacts and the lead are exact; the accented one is folded, after them.
        let all = Self.directory.lookup(name: "John Smith", limit: 100)
        #expect(all.count == 62)
        #expect(all.last?.contact.id == "s999" && all.last?.reason == .foldedName)
        #expect(all[60].contact.id == "a001")  // contacts before leads, by the default priority
    }

    /// A Korean name typed as it is written, family name first and no space, is exact in the
    /// name search as in `lookup(name:)`, so the namesake walk stops at the limit.
    @Test func unspacedNamesAreExactInBothLookUps() {
        var contacts = (0..<40).map { Contact(id: String(format: "k%03d", $0), firstName: "민수", lastName: "김") }
        contacts.append(Contact(id: "k900", firstName: "민 수", lastName: "김"))
        let directory = ContactDirectory(contacts)
        let searched = directory.lookup(fuzzyName: "김민수")
        #expect(searched.map(\.contact.id) == (0..<10).map { String(format: "k%03d", $0) })
        #expect(searched.allSatisfy { $0.reason == .exactName })
        #expect(directory.lookup(name: "김민수").map(\.reason) == searched.map(\.reason))
        #expect(directory.lookup(fuzzyName: "김 민수").first?.reason == .exactName)
    }

    @Test func caseAsideOutsideASCIIIsExact() {
        #expect(Self.directory.lookup(name: "MÜLLER HANS").first?.reason == .exactName)
        #expect(Self.directory.lookup(name: "Muller Hans").first?.reason == .foldedName)
    }

    /// Type-ahead reads a bounded run of keys (a multiple of the limit), so with more namesakes
    /// than that it answers from the run it read, ranked.
    @Test func prefixesAreLimitedAndRanked() {
        let matches = Self.directory.lookup(namePrefix: "john sm", limit: 2)
        #expect(matches.count == 2)
        #expect(matches.allSatisfy { $0.reason == .namePrefix && $0.contact.name.lowercased().hasPrefix("john sm") })
        #expect(matches[0].contact.id < matches[1].contact.id)
    }
}

/// A contact whose display name and given-family name give the same collation key is one
/// namesake, not two: with many namesakes, the limit still fills with distinct contacts.
@Suite struct NamesakeKeysTests {
    static let directory: ContactDirectory = {
        var contacts = (0..<40).map { Contact(id: String(format: "d%03d", $0), firstName: "Hans", lastName: "Muller", displayName: "Hans Müller") }
        contacts += (0..<40).map { Contact(id: String(format: "e%03d", $0), firstName: "Hans", lastName: "Muller") }
        return ContactDirectory(contacts)
    }()

    @Test(arguments: [1, 3, 10, 50])
    func theLimitFillsWithDistinctContacts(limit: Int) {
        for lookup in [{ Self.directory.lookup(name: "Hans Muller", limit: limit) }, { Self.directory.lookup(fuzzyName: "Hans Muller", limit: limit) }] {
            let matches = lookup()
            #expect(matches.count == limit)
            #expect(Set(matches.map(\.contact.id)).count == limit)
            // Contacts come first in id order; every d contact is exact too (its given-family name).
            #expect(matches.map(\.contact.id) == Array((0..<80).map { $0 < 40 ? String(format: "d%03d", $0) : String(format: "e%03d", $0 - 40) }.prefix(limit)))
        }
    }
}

/// Namesakes are read in ranking order from the collation-key index, and stay so when the id
/// keys change: ids that share their first 10 bytes (the keys skip 8), then ids that share
/// nothing with them arrive one at a time (the keys skip less, the index is re-tied).
@Suite struct NamesakeOrderTests {
    @Test func namesakesFollowTheRankingAsIDKeysChange() {
        var directory = ContactDirectory((0..<60).map { Contact(id: String(format: "0035g00000AB%04d", 59 - $0), firstName: "Ann", lastName: "Lee") })
        func ids(_ limit: Int) -> [String] { directory.lookup(name: "Ann Lee", limit: limit).map(\.contact.id) }
        func fuzzyIDs(_ limit: Int) -> [String] { directory.lookup(fuzzyName: "Ann Lee", limit: limit).map(\.contact.id) }
        #expect(ids(3) == ["0035g00000AB0000", "0035g00000AB0001", "0035g00000AB0002"])
        directory.upsert(Contact(id: "0000", firstName: "Ann", lastName: "Lee"))
        #expect(ids(3) == ["0000", "0035g00000AB0000", "0035g00000AB0001"])
        directory.upsert(Contact(id: "0035g00000AA", firstName: "Ann", lastName: "Lee", entity: .lead))
        directory.upsert(Contact(id: "0035g00000AB00005", firstName: "Ann", lastName: "Lee"))
        #expect(ids(4) == ["0000", "0035g00000AB0000", "0035g00000AB00005", "0035g00000AB0001"])
        #expect(fuzzyIDs(4) == ids(4))
        // Every contact before every lead, whatever the id: the lead is last of all 63.
        #expect(ids(100).count == 63 && ids(100).last == "0035g00000AA")
        #expect(fuzzyIDs(100) == ids(100))
    }
}
