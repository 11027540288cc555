import Testing

@testable import ContactIndex

/// `SmallIDMap`, the open-addressing map of name search, checked against `Dictionary`: keys
/// spread at random, keys that all share one home cell (so that windows fill and the table must
/// grow for every key to stay within its window), inserts that keep the old value, sets that
/// replace it, and copies that do not share writes.
@Suite struct SmallIDMapTests {
    /// Inserts and sets `operations` random keys below `spread`, then asks every key and as
    /// many absent ones.
    func agreesWithADictionary(operations: Int, spread: UInt64, capacity: Int, seed: UInt64) {
        var random = SplitMix(seed: seed)
        var map = SmallIDMap(capacity: capacity)
        var model: [UInt32: Int32] = [:]
        for step in 0..<operations {
            let key = UInt32(truncatingIfNeeded: random.next() % spread)
            let value = Int32(truncatingIfNeeded: step)
            if random.next() % 3 == 0 {
                let old = map.set(key, value: value)
                #expect(old == model[key], "set \(key)")
                model[key] = value
            } else {
                let added = map.insert(key, value: value)
                #expect(added == (model[key] == nil), "insert \(key)")
                if model[key] == nil { model[key] = value }
            }
        }
        #expect(map.count == model.count)
        for (key, value) in model {
            #expect(map.value(of: key) == value, "key \(key)")
            #expect(map.contains(key))
        }
        var absentAsked = 0
        while absentAsked < max(model.count, 100) {
            let key = UInt32(truncatingIfNeeded: random.next() % (spread * 2))
            guard model[key] == nil else { continue }
            absentAsked += 1
            #expect(map.value(of: key) == nil, "absent \(key)")
            #expect(!map.contains(key))
        }
    }

    @Test func randomKeysAgreeWithADictionary() {
        for (operations, spread, capacity) in [(0, 10, 8), (5, 10, 8), (100, 150, 8), (3_000, 1 << 28, 16), (20_000, 40_000, 1_024)] {
            agreesWithADictionary(operations: operations, spread: UInt64(spread), capacity: capacity, seed: UInt64(operations + 1))
        }
    }

    /// Keys chosen to share the home cell of a 32-cell table: the ninth one has no cell in the
    /// window, and the table must grow (perhaps more than once) for each to be found.
    @Test func keysOfOneHomeCellAreAllFound() {
        let mask: UInt64 = 31
        let shared = (UInt64(1) &* 0x9E37_79B9_7F4A_7C15) >> 32 & mask
        var keys: [UInt32] = []
        var candidate: UInt32 = 1
        while keys.count < 200 {
            if (UInt64(candidate) &* 0x9E37_79B9_7F4A_7C15) >> 32 & mask == shared { keys.append(candidate) }
            candidate += 1
        }
        var map = SmallIDMap(capacity: 8)
        for (position, key) in keys.enumerated() {
            let added = map.insert(key, value: Int32(position))
            #expect(added)
            // Every key inserted so far is still found after each growth.
            if position % 9 == 8 {
                for (earlier, key) in keys[...position].enumerated() { #expect(map.value(of: key) == Int32(earlier)) }
            }
        }
        #expect(map.count == keys.count)
        for (position, key) in keys.enumerated() { #expect(map.value(of: key) == Int32(position)) }
        #expect(map.value(of: candidate + 1) == nil)
    }

    @Test func reserveKeepsTheKeys() {
        var map = SmallIDMap(capacity: 4)
        for key in UInt32(0)..<50 { map.insert(key * 7, value: Int32(key)) }
        map.reserve(10_000)
        for key in UInt32(0)..<50 { #expect(map.value(of: key * 7) == Int32(key)) }
        #expect(map.value(of: 1) == nil)
        #expect(map.count == 50)
    }

    @Test func aCopyDoesNotSeeTheOriginalsWrites() {
        var original = SmallIDMap(capacity: 8)
        for key in UInt32(0)..<20 { original.insert(key, value: 1) }
        var copy = original
        copy.makeStorageUnique()
        for key in UInt32(0)..<40 { copy.set(key, value: 2) }
        for key in UInt32(0)..<20 { #expect(original.value(of: key) == 1) }
        #expect(original.value(of: 30) == nil)
        #expect(original.count == 20)
        #expect(copy.count == 40)
    }
}
