import ContactFixtures
import ContactIndex
import Testing

/// The quality floors of fuzzy name search on a labeled corpus generated from a seed:
/// 300 queries per class over a 4,000-contact multi-locale directory.
@Suite struct NameSearchQualityTests {
    static let people = DirectoryGenerator(seed: 2026).people(count: 4_000)
    static let directory = ContactDirectory(people.map(\.contact))
    static let generator = NameQueryGenerator(people: people, seed: 99)

    /// recall@k: the share of queries with an expected id among the first k results.
    static func recall(_ queryClass: NameQueryClass, at k: Int) -> (recall: Double, misses: [String]) {
        let queries = generator.queries(queryClass, count: 300)
        var hits = 0
        var misses: [String] = []
        for query in queries {
            let results = directory.lookup(fuzzyName: query.text, limit: k)
            if results.contains(where: { query.expectedIDs.contains($0.contact.id) }) {
                hits += 1
            } else {
                misses.append("\(query.text) → \(results.first.map { "\($0.contact.name) \($0.reason)" } ?? "nothing")")
            }
        }
        return (Double(hits) / Double(max(queries.count, 1)), misses)
    }

    @Test(arguments: [NameQueryClass.exact, .folded, .swapped])
    func recallAtOneIsPerfect(_ queryClass: NameQueryClass) {
        let (recall, misses) = Self.recall(queryClass, at: 1)
        print("recall@1 \(queryClass): \(recall)")
        #expect(recall == 1.0, "\(misses.prefix(10))")
    }

    @Test(arguments: [(NameQueryClass.typo1, 0.99), (.typo2, 0.95), (.nickname, 0.95), (.transliterated, 0.95), (.prefix, 0.95), (.initials, 0.95)])
    func recallAtFive(_ queryClass: NameQueryClass, floor: Double) {
        let (recall, misses) = Self.recall(queryClass, at: 5)
        print("recall@5 \(queryClass): \(recall)")
        #expect(recall >= floor, "\(misses.prefix(15))")
    }

    @Test func unknownNamesStayBelowTheConfidentThreshold() {
        let queries = Self.generator.queries(.unknown, count: 300)
        #expect(queries.count == 300)
        let threshold = Self.directory.configuration.confidentMatchScore
        let below = queries.filter { (Self.directory.lookup(fuzzyName: $0.text, limit: 1).first?.score ?? 0) < threshold }
        print("unknown below threshold: \(Double(below.count) / Double(queries.count))")
        #expect(Double(below.count) / Double(queries.count) >= 0.99)
    }
}
