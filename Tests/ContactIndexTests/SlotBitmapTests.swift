@testable import ContactIndex
import Testing

/// A bitmap's slots (`slots(limit:)`) and the slots two bitmaps share (`slots(alsoIn:)`), against
/// the sets they were made from.
@Suite struct SlotBitmapTests {
    /// `count` distinct slots below `slotCount`, from a seed (SplitMix64).
    static func slots(_ count: Int, below slotCount: Int, seed: UInt64) -> Set<UInt32> {
        var state = seed
        var out = Set<UInt32>()
        while out.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            out.insert(UInt32((z ^ (z >> 31)) % UInt64(slotCount)))
        }
        return out
    }

    @Test(arguments: [(0, 100), (1, 64), (5_000, 20_000), (19_000, 20_000), (300, 1_000_000)])
    func slotsComeBackAscendingAndCutAtTheLimit(count: Int, slotCount: Int) {
        let set = Self.slots(count, below: slotCount, seed: UInt64(count))
        let sorted = set.sorted()
        let bitmap = [UInt64](slotBitmapOf: sorted, slotCount: slotCount)
        #expect(bitmap.slots() == sorted)
        for limit in [0, 1, 7, 64, count / 2, count, count + 10] {
            #expect(bitmap.slots(limit: limit) == Array(sorted.prefix(limit)), "limit \(limit)")
        }
    }

    @Test(arguments: [(3_000, 9_000, 20_000), (0, 500, 1_000), (60_000, 40_000, 1_000_000), (10, 10, 64)])
    func twoBitmapsShareTheSlotsOfBothSets(first: Int, second: Int, slotCount: Int) {
        let a = Self.slots(first, below: slotCount, seed: 1)
        let b = Self.slots(second, below: slotCount, seed: 2)
        let bitmapA = [UInt64](slotBitmapOf: a.sorted(), slotCount: slotCount)
        let bitmapB = [UInt64](slotBitmapOf: b.sorted(), slotCount: slotCount)
        #expect(bitmapA.slots(alsoIn: bitmapB) == a.intersection(b).sorted())
        #expect(bitmapB.slots(alsoIn: bitmapA) == a.intersection(b).sorted())
        // A shorter bitmap (the slots past its end are not in it).
        let short = Array(bitmapB.prefix(bitmapB.count / 2))
        let kept = b.filter { Int($0 >> 6) < short.count }
        #expect(bitmapA.slots(alsoIn: short) == a.intersection(kept).sorted())
    }
}
