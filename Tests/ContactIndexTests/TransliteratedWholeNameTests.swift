import ContactFixtures
@testable import ContactIndex
import Testing

/// A whole name that equals the query once folded to Latin (`transliteratedName`) ends a fuzzy
/// name search with its tier, as a whole name equal at collation strength does: no look-alike
/// spellings are suggested beside it. Without one, the look-alikes still fill the results.
@Suite struct TransliteratedWholeNameTests {
    static let directory = ContactDirectory([
        Contact(id: "t1", firstName: "Hüban", lastName: "Yıldırım"),
        Contact(id: "t2", firstName: "Huban", lastName: "Yildirin"),
        Contact(id: "t3", firstName: "Hubán", lastName: "Yıldız"),
        Contact(id: "r1", firstName: "Иван", lastName: "Иванов"),
        Contact(id: "r2", firstName: "Иван", lastName: "Иваненко"),
        Contact(id: "r3", firstName: "Ivan", lastName: "Ivanova"),
    ])

    @Test func aWholeNameFoldedToLatinEndsTheSearch() {
        // "ı" and "i" differ at primary collation strength, so this is no collation-equal name.
        let turkish = Self.directory.lookup(fuzzyName: "huban yildirim")
        #expect(turkish.map(\.contact.id) == ["t1"])
        #expect(turkish.first?.reason == .transliteratedName)
        let russian = Self.directory.lookup(fuzzyName: "ivanov ivan")
        #expect(russian.first?.contact.id == "r1")
        #expect(!russian.contains { $0.contact.id == "r3" })
    }

    @Test func withoutOneTheLookAlikesStillCome() {
        // One edit from t1's and t2's surnames: both are offered, neither is a whole name.
        let matches = Self.directory.lookup(fuzzyName: "huban yildirix")
        #expect(Set(matches.map(\.contact.id)).isSuperset(of: ["t1", "t2"]))
        #expect(matches.allSatisfy { $0.reason != .transliteratedName })
    }
}

/// The whole-name look-up by `LatinNameKey` finds what the token search would have ended on:
/// on a generated directory in many scripts, for the folded names of its contacts (both orders,
/// and the display name), the search with the keys returns the token search's
/// `transliteratedName` matches, the same contacts in the same order with the same scores.
@Suite struct LatinWholeNameKeyTests {
    static let people = DirectoryGenerator(seed: 31).people(count: 6_000)
    static let directory = ContactDirectory(people.map(\.contact))

    /// Folded whole names of contacts outside ASCII: the queries the keys answer.
    static let queries: [String] = {
        let names = NameNormalizer.shared
        var out: [String] = []
        for person in people {
            let contact = person.contact
            let fields = [contact.firstName, contact.lastName, contact.displayName].compactMap { $0 }
            guard fields.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) else { continue }
            let given = contact.firstName.map(names.tokens) ?? []
            let family = contact.lastName.map(names.tokens) ?? []
            out.append((given + family).joined(separator: " "))
            if out.count % 3 == 0 { out.append((family + given).joined(separator: " ")) }
            if let display = contact.displayName, out.count % 5 == 0 { out.append(names.tokens(display).joined(separator: " ")) }
            if out.count >= 900 { break }
        }
        return out
    }()

    @Test func keysFindTheTokenSearchsWholeNames() {
        #expect(Self.queries.count >= 600)
        var answeredByKeys = 0
        for query in Self.queries where !query.isEmpty {
            let withKeys = Self.directory.lookup(fuzzyName: query, limit: nil, exhaustive: false)
            let tokensOnly = Self.directory.lookup(fuzzyName: query, limit: nil, exhaustive: false, latinKeys: false)
            // Either the collation key answered both (exact or folded), or the token search
            // ended on whole names folded to Latin: then the keys find exactly those.
            if withKeys.first?.reason == .exactName || withKeys.first?.reason == .foldedName {
                #expect(withKeys.map(\.contact.id) == tokensOnly.map(\.contact.id), "\(query)")
                continue
            }
            let whole = tokensOnly.filter { $0.reason == .transliteratedName }
            #expect(!whole.isEmpty, "\(query): the token search found no whole name")
            #expect(withKeys.map(\.contact.id) == whole.map(\.contact.id), "\(query)")
            #expect(withKeys.map(\.score) == whole.map(\.score), "\(query)")
            #expect(withKeys.allSatisfy { $0.reason == .transliteratedName }, "\(query)")
            answeredByKeys += 1
        }
        // Most of these names differ from Latin at primary strength (other scripts, "ı", "ł").
        #expect(answeredByKeys >= Self.queries.count / 3)
    }

    /// Names that equal the query at primary collation strength ("ł" and "l", an apostrophe
    /// or not) are still the collation key's: exact or folded, above a Latin key's answer.
    @Test func collationEqualNamesStayFolded() {
        let directory = ContactDirectory([
            Contact(id: "a", firstName: "Seán", lastName: "O'Brien"),
            Contact(id: "b", firstName: "Łukasz", lastName: "Wałęsa"),
            Contact(id: "c", firstName: "Şali", lastName: "Yılbay"),
            Contact(id: "d", firstName: "Sali", lastName: "Yilbay Demir"),
        ])
        #expect(directory.lookup(fuzzyName: "obrien sean").first.map { [$0.contact.id, $0.reason.rawValue] } == ["a", "folded_name"])
        #expect(directory.lookup(fuzzyName: "lukasz walesa").first.map { [$0.contact.id, $0.reason.rawValue] } == ["b", "folded_name"])
        // "ı" is not "i" at primary strength: the Latin key answers, and the search ends there
        // (d, whose tokens include both, is no whole name and not suggested beside it).
        let turkish = directory.lookup(fuzzyName: "sali yilbay")
        #expect(turkish.map(\.contact.id) == ["c"])
        #expect(turkish.first?.reason == .transliteratedName)
    }

    /// A changed or removed contact is never found by its old Latin key, and a new one is.
    @Test func updatesReachTheKeys() {
        var directory = ContactDirectory([
            Contact(id: "a", firstName: "Şali", lastName: "Yılbay"),
            Contact(id: "b", firstName: "Иван", lastName: "Иванов"),
        ])
        #expect(directory.lookup(fuzzyName: "sali yilbay").map(\.contact.id) == ["a"])
        _ = directory.upsert(Contact(id: "a", firstName: "Şule", lastName: "Yılbay"))
        #expect(!directory.lookup(fuzzyName: "sali yilbay").contains { $0.reason == .transliteratedName })
        #expect(directory.lookup(fuzzyName: "sule yilbay").map { [$0.contact.id, $0.reason.rawValue] } == [["a", "transliterated_name"]])
        _ = directory.remove(id: "b")
        #expect(directory.lookup(fuzzyName: "ivan ivanov").isEmpty)
        _ = directory.upsert(Contact(id: "c", firstName: "Иван", lastName: "Иванов"))
        #expect(directory.lookup(fuzzyName: "ivanov ivan").map(\.contact.id) == ["c"])
    }
}
