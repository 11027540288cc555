import Testing

@testable import ContactIndex

/// The hash multimap whose shared keys keep their slots in tie order, checked against a model
/// through random inserts, removals and re-sorts: the same slots under each hash, in tie order.
@Suite struct RankedSlotTableTests {
    /// A tie key like the directory's: a coarse rank, then a value many slots share (as id keys
    /// of ids sharing their first bytes do). With `coarse`, only the rank: what re-keying to
    /// fewer skipped bytes does (keys that were in order stay in order or become equal).
    static func tieKey(_ slot: UInt32, salt: UInt64, coarse: Bool = false) -> UInt128 {
        let rank = UInt128((UInt64(slot) &* 40_503 ^ salt) % 3)
        let shared = UInt128((UInt64(slot) &* 2_654_435_761 ^ salt) % 5)
        return coarse ? rank << 64 : rank << 64 | shared
    }

    /// Whether `found` holds `slots` in tie order (equal keys in any order).
    static func inTieOrder(_ found: [UInt32], _ slots: Set<UInt32>, _ key: (UInt32) -> UInt128) -> Bool {
        Set(found) == slots && found.count == slots.count && zip(found, found.dropFirst()).allSatisfy { key($0) <= key($1) }
    }

    @Test(arguments: [1, 7, 1_000])
    func matchesAModelInTieOrder(_ distinctHashes: Int) {
        var table = RankedSlotTable()
        var model: [UInt32: Set<UInt32>] = [:]
        var random = SplitMix(seed: UInt64(distinctHashes) + 100)
        var salt: UInt64 = 1
        var coarse = false
        for step in 0..<20_000 {
            // Few distinct hashes make big groups; many make mostly single slots.
            let hash = UInt32(truncatingIfNeeded: random.next() % UInt64(distinctHashes)) &* 2_654_435_761
            let slot = UInt32(random.next() % 500)
            let key = { [salt, coarse] in Self.tieKey($0, salt: salt, coarse: coarse) }
            switch random.next() % 7 {
            case 0, 1:
                table.remove(hash: hash, slot: slot, tieKey: key)
                model[hash]?.remove(slot)
            case 2 where step % 50 == 0 && !coarse:
                // The keys become coarser: the groups stay in order without a sort.
                coarse = true
            case 2 where step % 50 == 0:
                // Other keys altogether (finer, or a re-key up), and the groups sorted again.
                salt &+= 1
                coarse = false
                table.sortGroups { Self.tieKey($0, salt: salt) }
            default:
                table.insert(hash: hash, slot: slot, tieKey: key)
                model[hash, default: []].insert(slot)
            }
            if step % 997 == 0 || step == 19_999 {
                for (hash, slots) in model {
                    var found: [UInt32] = []
                    table.forEach(hash: hash) { found.append($0); return true }
                    #expect(Self.inTieOrder(found, slots, { Self.tieKey($0, salt: salt, coarse: coarse) }), "hash \(hash) at step \(step)")
                }
                #expect(table.count == model.values.reduce(0) { $0 + $1.count })
            }
        }
    }

    @Test func bulkBuildingHoldsWhatInsertingHolds() {
        var random = SplitMix(seed: 5)
        let key = { Self.tieKey($0, salt: 9) }
        var pairs: [UInt64] = []
        var inserted = RankedSlotTable()
        for _ in 0..<5_000 {
            let hash = UInt32(truncatingIfNeeded: random.next() % 300) &* 2_654_435_761
            let slot = UInt32(random.next() % 2_000)
            pairs.append(SlotHashTable.entry(hash: hash, slot: slot))
            inserted.insert(hash: hash, slot: slot, tieKey: key)
        }
        var built = RankedSlotTable(bulk: pairs)
        built.sortGroups(by: key)
        #expect(built.count == inserted.count)
        for hash in Set(pairs.map { UInt32(truncatingIfNeeded: $0 >> 32) }) {
            var fromBulk: [UInt32] = [], fromInserts: [UInt32] = []
            built.forEach(hash: hash) { fromBulk.append($0); return true }
            inserted.forEach(hash: hash) { fromInserts.append($0); return true }
            #expect(Set(fromBulk) == Set(fromInserts))
            #expect(Self.inTieOrder(fromBulk, Set(fromInserts), key))
            #expect(Self.inTieOrder(fromInserts, Set(fromBulk), key))
            #expect(!fromBulk.isEmpty)
        }
        var absent = 0
        built.forEach(hash: 12_345) { _ in absent += 1; return true }
        #expect(absent == 0)
    }

    @Test func forEachStopsWhenAsked() {
        var table = RankedSlotTable()
        for slot in 0..<10 { table.insert(hash: 5, slot: UInt32(9 - slot)) { UInt128($0) } }
        var visited: [UInt32] = []
        table.forEach(hash: 5) { visited.append($0); return visited.count < 3 }
        #expect(visited == [0, 1, 2])
    }
}
