import ContactFixtures
@testable import ContactIndex
import Testing

/// The early stops inside a tier of name search (`TierCombination` bounds) never change the results: on a
/// generated directory, for many queries of every class and for short prefixes of common names
/// (the queries where it stops early), the bounded search returns exactly what scoring every
/// candidate of the tier returns: the same contacts, in the same order, with the same scores
/// and reasons. (Both without the fill budget, which ends a walk by what it read: see
/// `FillBudgetTests`.)
@Suite struct NameSearchBoundTests {
    static let people = DirectoryGenerator(seed: 77).people(count: 12_000)
    static let directory = ContactDirectory(people.map(\.contact))

    /// Queries of every labeled class, plus type-ahead prefixes, initials and single tokens of
    /// the directory's own names.
    static let queries: [String] = {
        let generator = NameQueryGenerator(people: people, seed: 5)
        var texts = NameQueryClass.allCases.flatMap { generator.queries($0, count: 120).map(\.text) }
        var random = SeededRandom(seed: 11)
        for _ in 0..<600 {
            let person = people[random.next(below: people.count)]
            let given = person.contact.firstName ?? ""
            let family = person.contact.lastName ?? ""
            switch random.next(below: 6) {
            case 0: texts.append("\(given.prefix(2)) \(family.prefix(2))")
            case 1: texts.append("\(given.prefix(3)) \(family.prefix(1 + random.next(below: 4)))")
            case 2: texts.append("\(given.prefix(1)) \(family.prefix(3))")
            case 3: texts.append(String(family.prefix(2 + random.next(below: 3))))
            case 4: texts.append(given)
            default: texts.append("\(family) \(given.prefix(2))")
            }
        }
        // Two initials, two one-letter starts and two-letter ones: bands of one kind and one
        // quality, whose contacts tie (`ContactDirectory.tieCeiling(driver:others:)`).
        var more = SeededRandom(seed: 29)
        for _ in 0..<200 {
            let person = people[more.next(below: people.count)]
            let given = person.contact.firstName ?? ""
            let family = person.contact.lastName ?? ""
            let length = 1 + more.next(below: 2)
            texts.append("\(given.prefix(length)) \(family.prefix(length))")
        }
        return texts
    }()

    /// Queries with two tokens typed alike, which read the contacts with two of a band's
    /// spellings (`ContactDirectory.twinCandidates`): the start of a given name twice, of a
    /// family name twice, the start both names share, and a twin pair with a third token.
    static let twinQueries: [String] = {
        var texts: [String] = []
        var random = SeededRandom(seed: 23)
        for _ in 0..<300 {
            let person = people[random.next(below: people.count)]
            let given = (person.contact.firstName ?? "").lowercased()
            let family = (person.contact.lastName ?? "").lowercased()
            let shared = zip(given, family).prefix { $0 == $1 }.count
            switch random.next(below: 4) {
            case 0: texts.append("\(given.prefix(2 + random.next(below: 3))) \(given.prefix(2 + random.next(below: 3)))")
            case 1: texts.append("\(family.prefix(2)) \(family.prefix(2))")
            case 2 where shared >= 1: texts.append("\(given.prefix(shared)) \(family.prefix(shared))")
            default: texts.append("\(given.prefix(2)) \(given.prefix(2)) \(family.prefix(3))")
            }
        }
        return texts
    }()

    struct Answer: Equatable, CustomStringConvertible {
        var id: String
        var score: Double
        var reason: MatchReason
        var description: String { "\(id) \(score) \(reason)" }
    }

    static func answers(_ text: String, limit: Int, exhaustive: Bool) -> [Answer] {
        directory.lookup(fuzzyName: text, limit: limit, exhaustive: exhaustive, fillLimit: nil).map { Answer(id: $0.contact.id, score: $0.score, reason: $0.reason) }
    }

    /// The queries of `texts` whose bounded answers differ from the exhaustive ones, and how
    /// many have any answer.
    static func comparison(of texts: [String], limit: Int) -> (differing: [String], nonEmpty: Int) {
        var differing: [String] = []
        var nonEmpty = 0
        for text in texts {
            let bounded = answers(text, limit: limit, exhaustive: false)
            let exhaustive = answers(text, limit: limit, exhaustive: true)
            if !exhaustive.isEmpty { nonEmpty += 1 }
            if bounded != exhaustive { differing.append("\(text): \(bounded) ≠ \(exhaustive)") }
        }
        return (differing, nonEmpty)
    }

    @Test(arguments: [1, 3, 10])
    func boundedSearchEqualsExhaustiveSearch(limit: Int) {
        let (differing, nonEmpty) = Self.comparison(of: Self.queries, limit: limit)
        #expect(Self.queries.count > 1_500)
        #expect(nonEmpty > Self.queries.count / 2)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(5))")
    }

    @Test(arguments: [1, 3, 10])
    func twinTokensFindWhatScoringEveryCandidateFinds(limit: Int) {
        let (differing, nonEmpty) = Self.comparison(of: Self.twinQueries, limit: limit)
        #expect(nonEmpty > Self.twinQueries.count / 2)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(5))")
    }
}

/// A small deterministic generator (SplitMix64) for drawing test queries.
private struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
