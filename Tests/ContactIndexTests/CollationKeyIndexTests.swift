@testable import ContactIndex
import Testing

/// `CollationKeyIndex` against a plain model over many updates: through block splits and past a
/// quarter of dead entries (compactions), every look-up finds exactly the live keys: equal keys
/// (many slots share one, across blocks) and key ranges; equal keys come in tie order, also
/// after the tie values change (`retie`).
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

    /// Keys of 1 to 3 bytes over 6 letters after `lead` bytes all keys share: many slots share
    /// each key, and ranges hold many. One key in 8 ends with a zero byte, which a key's
    /// zero-padded fence words cannot tell from a missing one.
    static func key(_ random: inout Random, lead: Int = 0) -> [UInt8] {
        var key = [UInt8](repeating: 0x41, count: lead)
        key += (0...random.next(below: 3)).map { _ in UInt8(97 + random.next(below: 6)) }
        if random.next(below: 8) == 0 { key.append(0) }
        return key
    }

    /// With a lead of 6, keys differ inside their first 8 bytes (`Entry.prefix`) or just after;
    /// with 9, all of them tie there, so every compare reads the key bytes (and equal keys
    /// share one copy of them from the first compare that meets one).
    @Test(arguments: [0, 6, 9])
    func lookUpsFindExactlyTheLiveKeysThroughSplitsAndCompactions(lead: Int) {
        func makeKey(_ random: inout Random) -> [UInt8] { Self.key(&random, lead: lead) }
        var random = Random(state: 7)
        var index = CollationKeyIndex()
        var generations: [UInt32] = []
        var live: [UInt32: [UInt8]] = [:]  // slot → its key, for live slots
        var ties: [UInt64] = []  // slot → its tie value
        func tieOf(_ slot: UInt32) -> UInt64 { ties[Int(slot)] }
        var compactions = 0
        var mostBlocks = 0
        func isLive(_ slot: UInt32, _ generation: UInt32) -> Bool { generations[Int(slot)] == generation && live[slot] != nil }
        // A bulk start, then updates.
        for _ in 0..<3_000 {
            let slot = UInt32(generations.count)
            generations.append(0)
            ties.append(UInt64(random.next(below: 50)))
            let key = makeKey(&random)
            live[slot] = key
            index.bulkAppend(key: key, slot: slot, generation: 0, tie: tieOf(slot))
        }
        index.finishBulkAppend(isLive: isLive)
        var failures: [String] = []
        for step in 0..<20_000 {
            let before = index.count
            switch random.next(below: 4) {
            case 0, 1:  // a new contact
                let slot = UInt32(generations.count)
                generations.append(0)
                ties.append(UInt64(random.next(below: 50)))
                let key = makeKey(&random)
                live[slot] = key
                index.insert(key: key, slot: slot, generation: 0, tie: tieOf(slot), isLive: isLive)
            case 2:  // a changed contact: its old key dies, a new one comes
                let slot = UInt32(random.next(below: generations.count))
                guard live[slot] != nil else { continue }
                generations[Int(slot)] += 1
                index.noteDead(1)
                let key = makeKey(&random)
                live[slot] = key
                ties[Int(slot)] = UInt64(random.next(below: 50))
                index.insert(key: key, slot: slot, generation: generations[Int(slot)], tie: tieOf(slot), isLive: isLive)
            default:  // a removed contact
                let slot = UInt32(random.next(below: generations.count))
                guard live[slot] != nil else { continue }
                generations[Int(slot)] += 1
                live[slot] = nil
                index.noteDead(1)
            }
            if index.count < before { compactions += 1 }
            mostBlocks = max(mostBlocks, index.blockCount)
            guard step % 500 == 0 || step == 19_999 else { continue }
            let probe = makeKey(&random)
            var equal: [UInt32] = []
            index.forEachEqual(probe, isLive: isLive) { equal.append($0) }
            let expectedEqual = live.filter { $0.value == probe }.keys.sorted()
            if equal.sorted() != expectedEqual { failures.append("step \(step): equal \(probe)") }
            if let problem = Self.tieOrderProblem(index, probe, isLive: isLive, expected: expectedEqual, tie: tieOf) {
                failures.append("step \(step): \(problem)")
            }
            let lower = [UInt8](repeating: 0x41, count: lead) + [UInt8(97 + random.next(below: 6))]
            var upper = lower
            upper[lead] += 1
            var inRange: [UInt32] = []
            index.forEachInRange(lower: lower, upper: upper, limit: Int.max, isLive: isLive) { inRange.append($0) }
            let expectedRange = live.filter { $0.value.lexicographicallyPrecedes(upper) && !$0.value.lexicographicallyPrecedes(lower) }.keys.sorted()
            if inRange.sorted() != expectedRange { failures.append("step \(step): range \(lower)") }
        }
        // New tie values for every slot: after `retie`, every key's run is in the new order.
        for slot in ties.indices { ties[slot] = UInt64(random.next(below: 1_000)) }
        index.retie(tieOf)
        for _ in 0..<40 {
            let probe = makeKey(&random)
            let expected = live.filter { $0.value == probe }.keys.sorted()
            if let problem = Self.tieOrderProblem(index, probe, isLive: isLive, expected: expected, tie: tieOf) {
                failures.append("after retie: \(problem)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(compactions > 0, "the updates compacted the index at least once")
        #expect(mostBlocks * CollationKeyIndex.blockFill > 3_000 + 512, "inserts split blocks")
    }

    /// A bulk build leaves the arena at most an eighth past its bytes, however its appends grew
    /// it; readied for updates, it has room for an eighth more; every key is still found, also
    /// after an update adds one.
    @Test func bulkBuildTrimsTheArenaAndKeepsEveryKey() {
        var index = CollationKeyIndex()
        var random = Random(state: 11)
        var keys: [[UInt8]] = []
        for slot in 0..<50_000 {
            // Distinct keys of 12 to 27 bytes: about 1 MB, grown by appends.
            let key = (0..<(12 + random.next(below: 16))).map { _ in UInt8(97 + random.next(below: 26)) } + Array("\(slot)".utf8)
            keys.append(key)
            index.bulkAppend(key: key, slot: UInt32(slot), generation: 0)
        }
        index.finishBulkAppend { _, _ in true }
        let size = index.arenaSize
        let bytes = keys.reduce(0) { $0 + $1.count }
        #expect(size.count == bytes)
        #expect(size.capacity <= bytes + bytes / 8 + 16, "\(size)")
        index.reserveForUpdates()
        #expect(index.arenaSize.capacity >= bytes + bytes / 8, "\(index.arenaSize)")
        for slot in stride(from: 0, to: keys.count, by: 997) {
            var found: [UInt32] = []
            index.forEachEqual(keys[slot], isLive: { _, _ in true }) { found.append($0) }
            #expect(found == [UInt32(slot)])
        }
        let later = Array("a key inserted after the build".utf8)
        index.insert(key: later, slot: 50_000, generation: 0, tie: 0, isLive: { _, _ in true })
        var found: [UInt32] = []
        index.forEachEqual(later, isLive: { _, _ in true }) { found.append($0) }
        #expect(found == [50_000])
    }

    /// Namesakes inserted one at a time keep one copy of their key's bytes, whether the
    /// insert meets an equal key while it searches the blocks (many namesakes, across blocks)
    /// or only beside its place (the second of a name); distinct keys keep their own.
    @Test func equalKeysInsertedOneByOneShareOneCopyOfTheirBytes() {
        var index = CollationKeyIndex()
        var random = Random(state: 11)
        let names: [[UInt8]] = [Array("maria garcia lopez".utf8), Array("maria garcia".utf8), Array("ana patel".utf8)]
        for slot in 0..<2_000 {
            let name = names[random.next(below: names.count)]
            index.insert(key: name, slot: UInt32(slot), generation: 0, tie: UInt64(random.next(below: 100)), isLive: { _, _ in true })
        }
        #expect(index.blockCount > 3, "namesakes span blocks")
        #expect(index.keyByteCount == names.reduce(0) { $0 + $1.count })
        for name in names {
            var found = 0
            index.forEachEqual(name, isLive: { _, _ in true }) { _ in found += 1 }
            #expect(found > 500)
        }
    }

    /// A walk from a start found before (`start(of:)`) reads the entries a walk that searches
    /// for its key reads: a key's namesakes, and the range of the names that extend it (from
    /// the key without its terminator), across block splits.
    @Test(arguments: [0, 9])
    func aWalkFromAKnownStartIsTheWalkFromItsKey(lead: Int) {
        var index = CollationKeyIndex()
        var random = Random(state: 23)
        for slot in 0..<6_000 {
            var key = Self.key(&random, lead: lead)
            if key.last != 0 { key.append(0) }
            index.insert(key: key, slot: UInt32(slot), generation: 0, tie: UInt64(random.next(below: 50)), isLive: { _, _ in true })
        }
        #expect(index.blockCount > 10)
        for _ in 0..<500 {
            var key = Self.key(&random, lead: lead)
            if key.last != 0 { key.append(0) }
            let start = index.start(of: key)
            func equal(from start: CollationKeyIndex.WalkStart?) -> [UInt32] {
                var slots: [UInt32] = []
                index.forEachEqual(key, from: start, isLive: { _, _ in true }) { slot, _, _ in
                    slots.append(slot)
                    return true
                }
                return slots
            }
            #expect(equal(from: start) == equal(from: nil), "\(key)")
            let lower = Array(key.dropLast())
            func range(from start: CollationKeyIndex.WalkStart?) -> [UInt32] {
                var slots: [UInt32] = []
                index.forEachInRange(lower: lower, upper: lower + [0xFF, 0xFF], from: start, limit: 40, isLive: { _, _ in true }) { slots.append($0) }
                return slots
            }
            #expect(range(from: start) == range(from: nil), "\(key)")
        }
    }

    /// What is wrong with the walk of `key`'s entries (nil: nothing): the ties
    /// must not go down and equal the slots' values, and the slots must be the expected ones.
    static func tieOrderProblem(
        _ index: CollationKeyIndex, _ key: [UInt8], isLive: (UInt32, UInt32) -> Bool, expected: [UInt32], tie: (UInt32) -> UInt64
    ) -> String? {
        var seen: [UInt32] = []
        var previous: UInt64? = nil
        var problem: String? = nil
        index.forEachEqual(key, isLive: isLive) { (slot: UInt32, value: UInt64, _: UInt16) -> Bool in
            seen.append(slot)
            if value != tie(slot) { problem = "slot \(slot) carries tie \(value), not \(tie(slot))" }
            if let previous, value < previous { problem = "tie \(value) after \(previous) in \(key)" }
            previous = value
            return true
        }
        if seen.sorted() != expected { problem = "walk of \(key) found other slots" }
        return problem
    }
}
