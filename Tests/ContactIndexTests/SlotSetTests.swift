import Testing

@testable import ContactIndex

/// The union of posting lists that name search filters with, in both its forms (sorted array,
/// bitmap), built at once and grown, checked against a `Set` model.
@Suite struct SlotSetTests {
    /// Random sorted, unique posting lists over `slotCount` slots.
    static func postingLists(count: Int, longest: Int, slotCount: Int, seed: UInt64) -> [[UInt32]] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % UInt64(longest + 1))
            return Array(Set((0..<length).map { _ in UInt32(random.next() % UInt64(slotCount)) })).sorted()
        }
    }

    /// The set's slots in ascending order, through `forEach`.
    static func listed(_ set: SlotSet) -> [UInt32] {
        var slots: [UInt32] = []
        set.forEach { slots.append($0) }
        return slots
    }

    /// Whether `contains` answers as the model does for every slot of the model and for the
    /// slots next to them.
    static func answersLike(_ set: SlotSet, _ model: Set<UInt32>) -> Bool {
        model.allSatisfy { slot in
            set.contains(slot) && [slot &+ 1, slot &- 1].allSatisfy { set.contains($0) == model.contains($0) }
        }
    }

    @Test(arguments: [(12, 4_000_000), (300, 2_000)])
    func unionHoldsEveryPostingAndNothingElse(longest: Int, slotCount: Int) {
        let postings = Self.postingLists(count: 40, longest: longest, slotCount: slotCount, seed: UInt64(longest))
        let ids: [UInt32] = [1, 3, 4, 9, 17, 30]
        let total = ids.reduce(0) { $0 + postings[Int($1)].count }
        let set = SlotSet(unionOf: ids, postings: TokenPostingLists(main: postings), totalPostings: total, lookups: 0, slotCount: slotCount)
        #expect(set.isBitmap == !SlotSet.prefersArray(postings: total, lookups: 0, slotCount: slotCount))
        let model = Set(ids.flatMap { postings[Int($0)] })
        #expect(Self.listed(set) == model.sorted())
        #expect(Self.answersLike(set, model))
    }

    /// Grown tier by tier, the union holds what one built from all the lists at once holds,
    /// in the form the whole union takes, and a posting list it started from (shared, not
    /// copied) is left as it was.
    /// - Parameter turnsIntoBitmap: the step (from 1) from which the grown union is a bitmap;
    ///   5: it stays a sorted array.
    @Test(arguments: [(2_000, 200, 1), (400_000, 40, 3), (4_000_000, 20, 5)])
    func grownUnionEqualsUnionBuiltAtOnce(slotCount: Int, longest: Int, turnsIntoBitmap: Int) {
        let postings = Self.postingLists(count: 30, longest: longest, slotCount: slotCount, seed: UInt64(slotCount))
        let original = postings[0]
        var grown = SlotSet(unionOf: [UInt32(0)], postings: TokenPostingLists(main: postings), totalPostings: postings[0].count, lookups: 0, slotCount: slotCount)
        var held: [UInt32] = [0]
        for (tier, added) in [[UInt32(1)], [2, 3, 4], Array(5..<30), []].enumerated() {
            grown.formUnion(added, postings: TokenPostingLists(main: postings), addedPostings: added.reduce(0) { $0 + postings[Int($1)].count }, lookups: 0, slotCount: slotCount)
            held += added
            let model = Set(held.flatMap { postings[Int($0)] })
            #expect(grown.isBitmap == (tier + 1 >= turnsIntoBitmap))
            #expect(Self.listed(grown) == model.sorted())
            #expect(Self.answersLike(grown, model))
        }
        #expect(postings[0] == original)
    }

    /// The bitmap of sorted `slots`, one bit a slot, `words` long (as `TokenPrefixPostings`
    /// keeps a dense prefix list's).
    static func bitmap(of slots: [UInt32], words: Int) -> [UInt64] {
        var bitmap = [UInt64](repeating: 0, count: words)
        for slot in slots { bitmap[Int(slot >> 6)] |= 1 << UInt64(slot & 63) }
        return bitmap
    }

    /// A list whose bitmap is at hand: the union starts from that bitmap (left as it was when
    /// bits are added, and lengthened when shorter than the directory) or, for a few look-ups,
    /// keeps the list; added to a union of either form, it gives what a union of all the lists
    /// built at once holds.
    @Test(arguments: [(50_000, 9_000, 0), (50_000, 9_000, 10_000), (3_000, 400, 10_000)])
    func aListsBitmapStartsOrJoinsTheUnion(slotCount: Int, longest: Int, lookups: Int) {
        let postings = Self.postingLists(count: 6, longest: longest, slotCount: slotCount, seed: UInt64(slotCount + lookups))
        let dense = postings[0]
        // Shorter than the directory by a word: the directory grew since it was built.
        let shared = Self.bitmap(of: dense.filter { Int($0) < slotCount - 64 }, words: slotCount / 64)
        let sharedCopy = shared
        let kept = dense.filter { Int($0) < slotCount - 64 }
        var started = SlotSet(sortedSlots: kept, bitmap: shared, lookups: lookups, slotCount: slotCount)
        #expect(started.isBitmap == !SlotSet.prefersArray(postings: kept.count, lookups: lookups, slotCount: slotCount, sorted: true))
        #expect(Self.listed(started) == kept)
        #expect(Self.answersLike(started, Set(kept)))
        started.formUnion([UInt32(1), 2], postings: TokenPostingLists(main: postings), addedPostings: postings[1].count + postings[2].count, lookups: lookups, slotCount: slotCount)
        started.formUnion(sortedSlots: [UInt32(slotCount - 1)], lookups: lookups, slotCount: slotCount)
        var model = Set(kept + postings[1] + postings[2] + [UInt32(slotCount - 1)])
        #expect(Self.listed(started) == model.sorted())
        #expect(Self.answersLike(started, model))
        #expect(shared == sharedCopy)

        // Joining a sorted array (which turns into a bitmap or stays one) and a bitmap.
        for first in [UInt32(3), 4] {
            let total = postings[Int(first)].count
            var joined = SlotSet(unionOf: [first], postings: TokenPostingLists(main: postings), totalPostings: total, lookups: lookups, slotCount: slotCount)
            if first == 4 { joined.formUnion([UInt32(5)], postings: TokenPostingLists(main: postings), addedPostings: slotCount, lookups: lookups, slotCount: slotCount) }
            if first == 4 { #expect(joined.isBitmap) }
            joined.formUnion(sortedSlots: kept, bitmap: shared, lookups: lookups, slotCount: slotCount)
            model = Set(kept + postings[Int(first)] + (first == 4 ? postings[5] : []))
            #expect(Self.listed(joined) == model.sorted())
            #expect(Self.answersLike(joined, model))
        }
        #expect(shared == sharedCopy)
    }

    /// A list kept as it is (in its two parts) beside its bitmap, for few look-ups, turns into
    /// a bitmap that starts from the list's: when postings are added, when its look-ups pass
    /// the estimate, and when another list's bitmap joins it; each time it holds the list and
    /// what was added, nothing else, and the list's bitmap is left as it was. One that took
    /// other slots into its array first holds them too once it turns.
    @Test func aListKeptBesideItsBitmapTurnsIntoThatBitmap() {
        let slotCount = 200_000
        let postings = Self.postingLists(count: 4, longest: 9_000, slotCount: slotCount, seed: 21)
        let main = postings[0]
        let recent = Self.postingLists(count: 1, longest: 40, slotCount: slotCount, seed: 22)[0]
        let slots = TokenPostingLists.Slots(main: main, recent: recent)
        let shared = Self.bitmap(of: TokenPostingLists.union(main, recent), words: slotCount / 64 + 1)
        let sharedCopy = shared
        let listed = Set(main + recent)
        let other = Self.postingLists(count: 1, longest: 3_000, slotCount: slotCount, seed: 23)[0]
        let otherBitmap = Self.bitmap(of: other, words: slotCount / 64 + 1)
        for way in 0..<4 {
            var set = SlotSet(slots: slots, bitmap: shared, lookups: 10, slotCount: slotCount)
            #expect(!set.isBitmap)
            var model = listed
            switch way {
            case 0:
                let added = postings[1].count + postings[2].count
                set.formUnion([UInt32(1), 2], postings: TokenPostingLists(main: postings), addedPostings: added, lookups: 10, slotCount: slotCount)
                model.formUnion(postings[1] + postings[2])
            case 1:
                while !set.isBitmap { set.recordLookups(1_000, slotCount: slotCount) }
            case 2:
                set.formUnion(sortedSlots: other, bitmap: otherBitmap, lookups: 100_000, slotCount: slotCount)
                model.formUnion(other)
            default:
                // Merged with a short list while an array, then turned by many postings.
                set.formUnion(sortedSlots: [3, 5, 7], lookups: 10, slotCount: slotCount)
                #expect(!set.isBitmap)
                set.formUnion([UInt32(3)], postings: TokenPostingLists(main: postings), addedPostings: slotCount, lookups: 10, slotCount: slotCount)
                model.formUnion([3, 5, 7] + postings[3])
            }
            #expect(set.isBitmap, "way \(way)")
            #expect(Self.listed(set) == model.sorted(), "way \(way)")
            #expect(Self.answersLike(set, model), "way \(way)")
            #expect(shared == sharedCopy)
        }
    }

    /// One posting list is kept as it is (shared) for a few look-ups, and set in a bitmap for
    /// as many look-ups as it has postings, where a binary search each would cost more.
    @Test func oneListBecomesABitmapForManyLookUps() {
        let slotCount = 1_000_000
        let postings = Self.postingLists(count: 1, longest: 20_000, slotCount: slotCount, seed: 5)
        let model = Set(postings[0])
        let few = SlotSet(unionOf: [UInt32(0)], postings: TokenPostingLists(main: postings), totalPostings: postings[0].count, lookups: 10, slotCount: slotCount)
        let many = SlotSet(unionOf: [UInt32(0)], postings: TokenPostingLists(main: postings), totalPostings: postings[0].count, lookups: 10_000, slotCount: slotCount)
        #expect(!few.isBitmap)
        #expect(many.isBitmap)
        for set in [few, many] {
            #expect(Self.listed(set) == postings[0])
            #expect(Self.answersLike(set, model))
        }
    }

    /// A set built as an array for few look-ups turns into a bitmap once the look-ups it has
    /// answered cost what the bitmap would have, and holds the same slots.
    @Test func anArrayBecomesABitmapOnceItsLookUpsPassTheEstimate() {
        let slotCount = 1_000_000
        let postings = Self.postingLists(count: 1, longest: 10_000, slotCount: slotCount, seed: 9)
        let model = Set(postings[0])
        var set = SlotSet(unionOf: [UInt32(0)], postings: TokenPostingLists(main: postings), totalPostings: postings[0].count, lookups: 100, slotCount: slotCount)
        #expect(!set.isBitmap)
        set.recordLookups(100, slotCount: slotCount)
        #expect(!set.isBitmap)
        var recorded = 100
        while !set.isBitmap, recorded < 100_000 {
            set.recordLookups(100, slotCount: slotCount)
            recorded += 100
        }
        #expect(set.isBitmap)
        // Past several hundred look-ups (binary searches of 13–14 steps in up to 10,000 slots), not before.
        #expect(recorded > 500 && recorded < 5_000, "\(recorded)")
        #expect(Self.listed(set) == model.sorted())
        #expect(Self.answersLike(set, model))
    }
}
