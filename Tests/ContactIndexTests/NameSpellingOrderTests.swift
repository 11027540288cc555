import Testing

@testable import ContactIndex

/// The band order of a query token's spellings: sorted at once, or extended by spellings of
/// worse kinds (the typing errors and romanizations a search adds), it is the same.
@Suite struct NameSpellingOrderTests {
    static func same(_ a: NameSpellingOrder, _ b: NameSpellingOrder) -> Bool {
        a.positions == b.positions && a.postingsBefore == b.postingsBefore && a.ends == b.ends && a.worseQuality == b.worseQuality
    }

    @Test(arguments: [0, 1, 40, 300])
    func extendingEqualsSortingAgain(_ earlier: Int) {
        var random = SplitMix(seed: UInt64(earlier) + 3)
        let earlyKinds: [TokenMatchKind] = [.exact, .nickname, .prefix]
        let lateKinds: [TokenMatchKind] = [.fuzzyOne, .romanized, .fuzzyTwo, .fuzzyThree]
        var kinds = (0..<earlier).map { _ in earlyKinds[Int(random.next() % 3)] }
        // Qualities repeat, so the positions break ties.
        var qualities = (0..<earlier).map { _ in Float(random.next() % 8) / 10 }
        let counts = (0..<(earlier + 120)).map { _ in Int(random.next() % 1_000) }
        let before = NameSpellingOrder(kinds: kinds, qualities: qualities) { counts[$0] }
        kinds += (0..<120).map { _ in lateKinds[Int(random.next() % 4)] }
        qualities += (0..<120).map { _ in Float(random.next() % 5) / 20 }
        let extended = NameSpellingOrder(extending: before, from: earlier, kinds: kinds, qualities: qualities) { counts[$0] }
        let sorted = NameSpellingOrder(kinds: kinds, qualities: qualities) { counts[$0] }
        #expect(Self.same(extended, sorted))
        #expect(sorted.totalPostings == counts.reduce(0, +))
        #expect(sorted.count(upTo: .prefix) == earlier)
    }

    /// The order is by kind, then quality (best first), then position, whether the spellings
    /// fall in a few groups of equal kind and quality (placed by counting) or in many (sorted).
    @Test(arguments: [(40, 1), (500, 3), (3000, 20), (3000, 32), (3000, 33), (800, 400), (20, 20)])
    func orderIsByKindThenQualityThenPosition(_ count: Int, _ groups: Int) {
        var random = SplitMix(seed: UInt64(count * 1000 + groups))
        let allKinds: [TokenMatchKind] = [.exact, .nickname, .prefix, .initial, .fuzzyOne, .romanized, .fuzzyTwo, .fuzzyThree]
        // `groups` distinct (kind, quality) pairs, drawn for each spelling.
        let pairs = (0..<groups).map { group in (allKinds[group % allKinds.count], Float(group) / Float(groups)) }
        let drawn = (0..<count).map { _ in pairs[Int(random.next() % UInt64(groups))] }
        let kinds = drawn.map(\.0)
        let qualities = drawn.map(\.1)
        let order = NameSpellingOrder(kinds: kinds, qualities: qualities) { $0 }
        let expected = (0..<count).sorted { a, b in
            if kinds[a] != kinds[b] { return kinds[a] < kinds[b] }
            return qualities[a] != qualities[b] ? qualities[a] > qualities[b] : a < b
        }
        #expect(order.positions.map { Int($0) } == expected)
        #expect(order.totalPostings == (0..<count).reduce(0, +))
    }
}
