import CBranchFreeSearch
import Testing

@testable import ContactIndex

/// The binary searches without branches (`CBranchFreeSearch`) that `SlotSet` and
/// `TokenPostingLists` use, checked against a linear scan: every length up to 70 and some
/// long lists, values below, between, at and above the elements, and the extremes of `UInt32`.
@Suite struct BranchFreeSearchTests {
    /// A sorted list without repeats of `count` values spread over `UInt32`, from `random`.
    static func sortedList(count: Int, spread: UInt64, random: inout SplitMix) -> [UInt32] {
        var values = Set<UInt32>()
        while values.count < count { values.insert(UInt32(truncatingIfNeeded: random.next() % spread)) }
        return values.sorted()
    }

    /// Values to look for in `list`: each element, its neighbours, 0 and `UInt32.max`.
    static func probes(of list: [UInt32]) -> [UInt32] {
        list.flatMap { [$0 &- 1, $0, $0 &+ 1] } + [0, 1, UInt32.max - 1, UInt32.max]
    }

    @Test func containsAndLowerBoundAgreeWithALinearScan() {
        var random = SplitMix(seed: 46)
        let lengths = Array(0...70) + [255, 256, 257, 1_000, 4_097]
        for length in lengths {
            for spread in [UInt64(length * 3 + 1), 1 << 32] {
                let list = Self.sortedList(count: length, spread: max(spread, UInt64(length)), random: &random)
                // The scan: the probes in ascending order, the list's position moving with them.
                var expectedBound = 0
                for value in Self.probes(of: list).sorted() {
                    while expectedBound < list.count, list[expectedBound] < value { expectedBound += 1 }
                    let expectedFound = expectedBound < list.count && list[expectedBound] == value
                    let found = list.withUnsafeBufferPointer { cbfs_contains_u32($0.baseAddress, $0.count, value) }
                    let bound = list.withUnsafeBufferPointer { cbfs_lower_bound_u32($0.baseAddress, $0.count, value) }
                    #expect(found == expectedFound, "length \(length), value \(value)")
                    #expect(bound == expectedBound, "length \(length), value \(value)")
                    #expect(TokenPostingLists.lowerBound(list, value) == expectedBound)
                }
            }
        }
    }

    @Test func anEmptyListHoldsNothing() {
        let empty: [UInt32] = []
        #expect(TokenPostingLists.lowerBound(empty, 7) == 0)
        let set = SlotSet(sortedSlots: empty, lookups: 0, slotCount: 100)
        #expect(!set.contains(0))
        #expect(!set.contains(7))
    }

    @Test func anArraySetAnswersEveryProbeAsTheList() {
        var random = SplitMix(seed: 47)
        let slotCount = 4_000_000
        let list = Self.sortedList(count: 3_000, spread: UInt64(slotCount), random: &random)
        // Few look-ups over many slots: the array form, searched.
        let set = SlotSet(sortedSlots: list, lookups: 1, slotCount: slotCount)
        #expect(!set.isBitmap)
        let members = Set(list)
        for value in Self.probes(of: list) where Int(value) < slotCount {
            #expect(set.contains(value) == members.contains(value), "value \(value)")
        }
    }
}
