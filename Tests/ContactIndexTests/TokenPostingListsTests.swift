import Testing

@testable import ContactIndex

/// The two-part posting lists of the name index (`TokenPostingLists`): a long list takes new
/// slots in its recent part and merges them later; short ones take them in place. Checked
/// against a `Set` model, and through the unions that searches build from them (`SlotSet`).
@Suite struct TokenPostingListsTests {
    /// Lists of the given lengths over `slotCount` slots, each ascending and unique.
    static func lists(lengths: [Int], slotCount: Int, random: inout SplitMix) -> [[UInt32]] {
        lengths.map { length in
            var slots = Set<UInt32>()
            while slots.count < length { slots.insert(UInt32(random.next() % UInt64(slotCount))) }
            return slots.sorted()
        }
    }

    static func isStrictlyAscending(_ list: [UInt32]) -> Bool {
        zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Files random slots, some of them already held (the dead entries an update files again),
    /// and checks after each: both parts ascending and unique, together the model's slots, the
    /// counts their sum, the recent part within its limit; and that every repeat is reported,
    /// at once or by the merge that drops it.
    /// The union of two ascending, unique lists (`TokenPostingLists.union`), against a `Set`
    /// model: lists of every shape a search merges (empty, one slot, disjoint, interleaved,
    /// sharing slots, one inside the other's range), in both orders.
    @Test(arguments: [UInt64(4), 5, 6])
    func unionOfTwoListsIsTheirSetUnionAscending(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let lengthPairs = [(0, 0), (0, 7), (1, 1), (1, 900), (30, 30), (500, 11_000), (2_000, 2_000)]
        for (lengthA, lengthB) in lengthPairs {
            for slotCount in [50, 5_000, 1_000_000] where slotCount >= max(lengthA, lengthB) {
                let lists = Self.lists(lengths: [lengthA, lengthB], slotCount: slotCount, random: &random)
                for (a, b) in [(lists[0], lists[1]), (lists[1], lists[0])] {
                    let union = TokenPostingLists.union(a, b)
                    #expect(union == Set(a).union(b).sorted(), "lengths \(lengthA), \(lengthB) over \(slotCount)")
                    #expect(Self.isStrictlyAscending(union))
                }
            }
        }
        // Disjoint ranges, one list wholly before the other: the rest is copied in one block.
        let low: [UInt32] = Array(0..<1_000)
        let high: [UInt32] = Array(5_000..<5_300)
        #expect(TokenPostingLists.union(low, high) == low + high)
        #expect(TokenPostingLists.union(high, low) == low + high)
        // The same list twice is itself.
        #expect(TokenPostingLists.union(high, high) == high)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func filedSlotsAreHeldOnceMerged(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let slotCount = 60_000
        let lengths = [0, 10, TokenPostingLists.Limits().place - 5, TokenPostingLists.Limits().place + 100, 20_000]
        var lists = TokenPostingLists(main: Self.lists(lengths: lengths, slotCount: slotCount, random: &random))
        var models = (0..<lengths.count).map { Set(lists.main[$0]) }
        var repeatsFiled = 0
        var repeatsReported = 0
        var sawRecent = false
        var sawMerge = false
        for step in 0..<12_000 {
            let id = Int(random.next() % UInt64(lengths.count))
            // A third of the time a slot the list holds (a dead entry filed again), drawn from
            // its parts in order, so that a seed gives the same run every time.
            var slot = UInt32(random.next() % UInt64(slotCount + 2_000))
            if random.next() % 3 == 0 {
                let parts = lists.parts(of: id)
                let position = Int(random.next() % UInt64(max(parts.count, 1)))
                if position < parts.main.count { slot = parts.main[position] } else if position < parts.count { slot = parts.recent[position - parts.main.count] }
            }
            if models[id].contains(slot) { repeatsFiled += 1 }
            let recentBefore = lists.recent[id].count
            repeatsReported += lists.file(slot, under: id)
            if lists.recent[id].count < recentBefore { sawMerge = true }
            sawRecent = sawRecent || !lists.recent[id].isEmpty
            models[id].insert(slot)
            let parts = lists.parts(of: id)
            #expect(Self.isStrictlyAscending(parts.recent), "step \(step)")
            if step % 16 == 0 {
                #expect(Self.isStrictlyAscending(parts.main), "step \(step)")
                #expect(Set(parts.main).union(parts.recent) == models[id], "step \(step)")
            }
            #expect(Int(lists.counts[id]) == parts.count)
            #expect(parts.recent.count <= lists.recentLimit(mainCount: parts.main.count))
            if parts.main.count < TokenPostingLists.Limits().place { #expect(parts.recent.isEmpty) }
        }
        for id in lengths.indices { repeatsReported += lists.mergeRecent(of: id) }
        #expect(repeatsReported == repeatsFiled)
        for id in lengths.indices {
            #expect(lists.recent[id].isEmpty)
            #expect(lists.main[id] == models[id].sorted())
        }
        #expect(sawRecent && sawMerge)
    }

    /// Unions of lists with recent slots, in the array form (few look-ups) and the bitmap form
    /// (many), built at once, grown by more lists, and from a list in two parts, answer as a
    /// model does.
    @Test(arguments: [0, 50_000])
    func unionsHoldBothParts(lookups: Int) {
        var random = SplitMix(seed: UInt64(lookups) + 7)
        let slotCount = 40_000
        let lengths = [3_000, 2_500, 40, 4_000]
        var lists = TokenPostingLists(main: Self.lists(lengths: lengths, slotCount: slotCount, random: &random))
        var models = (0..<lengths.count).map { Set(lists.main[$0]) }
        for _ in 0..<600 {
            let id = Int(random.next() % UInt64(lengths.count))
            let slot = UInt32(random.next() % UInt64(slotCount))
            _ = lists.file(slot, under: id)
            models[id].insert(slot)
        }
        #expect(!lists.recent[0].isEmpty && !lists.recent[3].isEmpty)
        func answers(_ set: SlotSet, _ model: Set<UInt32>) -> Bool {
            var listed: [UInt32] = []
            set.forEach { listed.append($0) }
            return listed == model.sorted() && (0..<UInt32(slotCount)).allSatisfy { set.contains($0) == model.contains($0) }
        }
        let single = SlotSet(unionOf: [UInt32(0)], postings: lists, totalPostings: Int(lists.counts[0]), lookups: lookups, slotCount: slotCount)
        #expect(answers(single, models[0]))
        var grown = single
        grown.formUnion([UInt32(1), 2], postings: lists, addedPostings: Int(lists.counts[1] + lists.counts[2]), lookups: lookups, slotCount: slotCount)
        #expect(answers(grown, models[0].union(models[1]).union(models[2])))
        var fromParts = SlotSet(slots: lists.parts(of: 3), lookups: lookups, slotCount: slotCount)
        #expect(answers(fromParts, models[3]))
        fromParts.formUnion(slots: lists.parts(of: 0), lookups: lookups, slotCount: slotCount)
        #expect(answers(fromParts, models[3].union(models[0])))
        // A list's bitmap (as a dense prefix list keeps, both parts in it) stands for both.
        let bitmap = [UInt64](slotBitmapOf: models[3].sorted(), slotCount: slotCount)
        var shared = SlotSet(slots: lists.parts(of: 3), bitmap: bitmap, lookups: lookups, slotCount: slotCount)
        #expect(answers(shared, models[3]))
        shared.formUnion(slots: lists.parts(of: 0), bitmap: [UInt64](slotBitmapOf: models[0].sorted(), slotCount: slotCount), lookups: lookups, slotCount: slotCount)
        #expect(answers(shared, models[3].union(models[0])))
    }

    /// The array form over a large directory (few postings, few look-ups): unions of several
    /// lists with recent parts merge both parts of each, and a single list keeps its parts.
    @Test func arrayUnionsOfManyListsHoldTheirRecentSlots() {
        var random = SplitMix(seed: 5)
        let slotCount = 1_000_000
        let limits = TokenPostingLists.Limits(place: 8, recent: 4)
        var lists = TokenPostingLists(main: Self.lists(lengths: [300, 200, 250], slotCount: slotCount, random: &random), limits: limits)
        var models = (0..<3).map { Set(lists.main[$0]) }
        for _ in 0..<90 {
            let id = Int(random.next() % 3)
            let slot = UInt32(random.next() % UInt64(slotCount))
            _ = lists.file(slot, under: id)
            models[id].insert(slot)
        }
        #expect((0..<3).allSatisfy { !lists.recent[$0].isEmpty })
        func answers(_ set: SlotSet, _ model: Set<UInt32>) -> Bool {
            var listed: [UInt32] = []
            set.forEach { listed.append($0) }
            return !set.isBitmap && listed == model.sorted()
                && model.allSatisfy { set.contains($0) && set.contains($0 &+ 1) == model.contains($0 &+ 1) }
        }
        let total = { (ids: [UInt32]) in ids.reduce(0) { $0 + Int(lists.counts[Int($1)]) } }
        let single = SlotSet(unionOf: [UInt32(1)], postings: lists, totalPostings: total([1]), lookups: 0, slotCount: slotCount)
        #expect(answers(single, models[1]))
        var merged = SlotSet(unionOf: [UInt32(0), 2], postings: lists, totalPostings: total([0, 2]), lookups: 0, slotCount: slotCount)
        #expect(answers(merged, models[0].union(models[2])))
        var grown = single
        grown.formUnion([UInt32(0)], postings: lists, addedPostings: total([0]), lookups: 0, slotCount: slotCount)
        #expect(answers(grown, models[1].union(models[0])))
        merged.formUnion(slots: lists.parts(of: 1), lookups: 0, slotCount: slotCount)
        #expect(answers(merged, models[0].union(models[1]).union(models[2])))
    }
}
