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
            // A third of the time a slot the list holds (a dead entry filed again).
            let held = models[id].isEmpty || random.next() % 3 != 0 ? nil : models[id].randomElement(using: &random)
            let slot = held ?? UInt32(random.next() % UInt64(slotCount + 2_000))
            if models[id].contains(slot) { repeatsFiled += 1 }
            let recentBefore = lists.recent[id].count
            repeatsReported += lists.file(slot, under: id)
            if lists.recent[id].count < recentBefore { sawMerge = true }
            sawRecent = sawRecent || !lists.recent[id].isEmpty
            models[id].insert(slot)
            let parts = lists.parts(of: id)
            #expect(Self.isStrictlyAscending(parts.main) && Self.isStrictlyAscending(parts.recent), "step \(step)")
            #expect(Set(parts.main).union(parts.recent) == models[id], "step \(step)")
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
}
