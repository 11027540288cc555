import ContactFixtures
@testable import ContactIndex
import Testing

/// Type-ahead queries of two short prefixes against a plain model: every contact whose given and
/// family names start with the two prefixes (either way round) is found at the prefix tier or
/// better, and no other contact is. The directory is large enough that a common prefix's list
/// runs over several chunks (`ContactDirectory.prefixListChunk`) with few contacts in each that
/// the other token's union lets through: the walk then gathers chunks until it holds a batch
/// (`ContactDirectory.survivorBatch`) before it reads them.
@Suite struct PrefixWalkOracleTests {
    @Test func twoPrefixQueriesFindExactlyTheContactsTheyStart() {
        // Names of plain ASCII letters, one word each, and nothing else: the model's tokens are
        // then the two names.
        let names: [(given: String, family: String)] = DirectoryGenerator(seed: 91).people(count: 60_000).compactMap { person in
            guard let given = person.contact.firstName?.lowercased(), let family = person.contact.lastName?.lowercased(),
                  [given, family].allSatisfy({ name in !name.isEmpty && name.utf8.allSatisfy { (97...122).contains($0) } })
            else { return nil }
            return (given, family)
        }
        let directory = ContactDirectory(names.enumerated().map { index, name in
            Contact(id: "P\(index)", firstName: name.given.capitalized, lastName: name.family.capitalized)
        })
        var checked = 0
        // The most contacts the rarer prefix of a query starts (about what the walk's driving
        // list holds).
        var longestDriver = 0
        var failures: [String] = []
        // The commonest two-letter starts of given and of family names, paired: their lists run
        // over several chunks, and few of their contacts have both.
        func commonest(_ starts: [String]) -> [String] {
            Dictionary(starts.map { ($0, 1) }, uniquingKeysWith: +).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(12).map(\.key)
        }
        let givenStarts = commonest(names.map { String($0.given.prefix(2)) })
        let familyStarts = commonest(names.map { String($0.family.prefix(2)) })
        for (first, second) in givenStarts.flatMap({ given in familyStarts.map { (given, $0) } }) {
            // Outside the model: particles (may go unmatched), legal forms (not searched),
            // nicknames (other spellings), and a whole name equal to the query (a confident
            // answer that ends the search).
            guard [first, second].allSatisfy({ !NameParticles.isParticle($0) && NicknameTable.shared.related(to: $0).isEmpty }),
                  CompanyLegalForms.strippingQueryForm([first, second]).count == 2,
                  !names.contains(where: { ($0.given == first && $0.family == second) || ($0.given == second && $0.family == first) })
            else { continue }
            let expected = Set(names.indices.filter { candidate in
                let (given, family) = names[candidate]
                return (given.hasPrefix(first) && family.hasPrefix(second)) || (given.hasPrefix(second) && family.hasPrefix(first))
            }.map { "P\($0)" })
            let found = Set(
                directory.lookup(fuzzyName: "\(first) \(second)", limit: 100_000)
                    .filter { $0.score >= MatchReason.tokenPrefix.baseScore }.map(\.contact.id))
            checked += 1
            let starting = [first, second].map { prefix in names.filter { $0.given.hasPrefix(prefix) || $0.family.hasPrefix(prefix) }.count }
            longestDriver = max(longestDriver, starting.min() ?? 0)
            if found != expected { failures.append("\(first) \(second): \(found.symmetricDifference(expected).sorted().prefix(3))") }
        }
        #expect(checked > 80)
        #expect(longestDriver > 2 * ContactDirectory.prefixListChunk, "some query walks a prefix list of several chunks")
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(5))")
    }

    /// The same with a first token that is a whole name and also the listed prefix of other
    /// tokens ("zor" for Zor, Zora, Zoran, …) and drives the walk: the walk reads that name's
    /// contacts as part of the prefix's one list, not on their own, and must still find every
    /// contact of the model, across several chunks of the list.
    @Test func aWholeNameThatIsAlsoAPrefixFindsExactlyTheContactsItStarts() throws {
        var random = SplitMix(seed: 95)
        func letters(_ count: Int, avoiding starts: [String]) -> String {
            while true {
                let word = String((0..<count).map { _ in Character(UnicodeScalar(UInt8(97 + random.next() % 26))) })
                if !starts.contains(where: { word.hasPrefix($0) }) { return word }
            }
        }
        let zorNames = ["zora", "zoran", "zorana", "zorica", "zorka", "zorina", "zoraida", "zorya", "zorin", "zoro"]
        let names: [(given: String, family: String)] = (0..<20_000).map { index in
            let given: String
            switch random.next() % 20 {
            case 0: given = "zor"
            case 1: given = zorNames[Int(random.next() % UInt64(zorNames.count))]
            default: given = letters(5, avoiding: ["zor", "ma"])
            }
            let family = random.next() % 5 < 3 ? "ma" + letters(3, avoiding: []) : letters(6, avoiding: ["zor", "ma"])
            return (given, family)
        }
        let directory = ContactDirectory(names.enumerated().map { index, name in
            Contact(id: "P\(index)", firstName: name.given.capitalized, lastName: name.family.capitalized)
        })
        try #require(NicknameTable.shared.related(to: "zor").isEmpty && NicknameTable.shared.related(to: "ma").isEmpty)
        let zorContacts = names.filter { $0.given.hasPrefix("zor") }.count
        #expect(zorContacts > 2 * ContactDirectory.prefixListChunk, "the prefix list runs over several chunks")
        #expect(zorContacts * 3 < names.filter { $0.family.hasPrefix("ma") }.count, "the whole name drives")
        for query in ["zor ma", "ma zor"] {
            let expected = Set(names.indices.filter { names[$0].given.hasPrefix("zor") && names[$0].family.hasPrefix("ma") }.map { "P\($0)" })
            let found = Set(
                directory.lookup(fuzzyName: query, limit: 100_000).filter { $0.score >= MatchReason.tokenPrefix.baseScore }.map(\.contact.id))
            let differing = found.symmetricDifference(expected)
            #expect(differing.isEmpty, "\(query): \(differing.count) differ, \(differing.sorted().prefix(3))")
            // Those with the whole name rank above those with a longer one.
            let ranked = directory.lookup(fuzzyName: query, limit: 10)
            #expect(ranked.count == 10)
            #expect(ranked.allSatisfy { $0.contact.firstName == "Zor" }, "\(query): \(ranked.map { $0.contact.firstName ?? "" })")
        }
    }
}
