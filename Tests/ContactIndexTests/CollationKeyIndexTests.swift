@testable import ContactIndex
import Testing

/// `CollationKeyIndex` against a plain model over many updates: past the side array's bound
/// (merges) and past a quarter of dead entries (compactions), every look-up finds exactly the
/// live keys: equal keys (many slots share one) and key ranges.
@Suite struct CollationKeyIndexTests {
    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Keys of 1 to 3 bytes over 6 letters: many slots share each key, and ranges hold many.
    static func key(_ random: inout Random) -> [UInt8] {
        (0...random.next(below: 3)).map { _ in UInt8(97 + random.next(below: 6)) }
    }

    @Test func lookUpsFindExactlyTheLiveKeysThroughMergesAndCompactions() {
        var random = Random(state: 7)
        var index = CollationKeyIndex()
        var generations: [UInt32] = []
        var live: [UInt32: [UInt8]] = [:]  // slot → its key, for live slots
        var merges = 0
        func isLive(_ slot: UInt32, _ generation: UInt32) -> Bool { generations[Int(slot)] == generation && live[slot] != nil }
        // A bulk start, then updates.
        for _ in 0..<3_000 {
            let slot = UInt32(generations.count)
            generations.append(0)
            let key = Self.key(&random)
            live[slot] = key
            index.bulkAppend(key: key, slot: slot, generation: 0)
        }
        index.finishBulkAppend(isLive: isLive)
        var failures: [String] = []
        for step in 0..<20_000 {
            let before = index.count
            switch random.next(below: 4) {
            case 0, 1:  // a new contact
                let slot = UInt32(generations.count)
                generations.append(0)
                let key = Self.key(&random)
                live[slot] = key
                index.insert(key: key, slot: slot, generation: 0, isLive: isLive)
            case 2:  // a changed contact: its old key dies, a new one comes
                let slot = UInt32(random.next(below: generations.count))
                guard live[slot] != nil else { continue }
                generations[Int(slot)] += 1
                index.noteDead(1)
                let key = Self.key(&random)
                live[slot] = key
                index.insert(key: key, slot: slot, generation: generations[Int(slot)], isLive: isLive)
            default:  // a removed contact
                let slot = UInt32(random.next(below: generations.count))
                guard live[slot] != nil else { continue }
                generations[Int(slot)] += 1
                live[slot] = nil
                index.noteDead(1)
            }
            if index.count < before { merges += 1 }
            guard step % 500 == 0 || step == 19_999 else { continue }
            let probe = Self.key(&random)
            var equal: [UInt32] = []
            index.forEachEqual(probe, isLive: isLive) { equal.append($0) }
            let expectedEqual = live.filter { $0.value == probe }.keys.sorted()
            if equal.sorted() != expectedEqual { failures.append("step \(step): equal \(probe)") }
            let lower = [UInt8(97 + random.next(below: 6))]
            let upper = [lower[0] + 1]
            var inRange: [UInt32] = []
            index.forEachInRange(lower: lower, upper: upper, limit: Int.max, isLive: isLive) { inRange.append($0) }
            let expectedRange = live.filter { $0.value.lexicographicallyPrecedes(upper) && !$0.value.lexicographicallyPrecedes(lower) }.keys.sorted()
            if inRange.sorted() != expectedRange { failures.append("step \(step): range \(lower)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(merges > 0, "the updates compacted the index at least once")
    }
}
