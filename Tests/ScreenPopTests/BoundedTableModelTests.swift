#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactFixtures
import Testing
@testable import ScreenPop

/// `BoundedTable` against a plain model (a dictionary and a list of keys, least recently
/// touched first): random updates, removals, modifications and time steps, with the clock
/// sometimes going back, give the same values, the same evictions in the same order, and the
/// same counts. Slots are freed and reused all along (a small capacity, many keys).
@Suite struct BoundedTableModelTests {
    struct Model {
        var values: [String: Int] = [:]
        var touched: [String: Date] = [:]
        var order: [String] = []  // least recently touched first
        let capacity: Int
        let maximumAge: TimeInterval

        mutating func touch(_ key: String, _ now: Date) {
            order.removeAll { $0 == key }
            order.append(key)
            touched[key] = now
        }

        /// Evicts from the least recently touched while it is too old: after the clock went
        /// back, an entry touched later may be older, and it waits for those before it.
        mutating func expire(_ now: Date) -> [(String, Int)] {
            var evicted: [(String, Int)] = []
            while let first = order.first, now.timeIntervalSince(touched[first]!) > maximumAge {
                evicted.append((first, values[first]!))
                forget(first)
            }
            return evicted
        }

        mutating func forget(_ key: String) {
            values[key] = nil
            touched[key] = nil
            order.removeAll { $0 == key }
        }
    }

    /// A key whose hashes are all equal, or equal in pairs: the index must tell them apart by
    /// the keys themselves, and removals must keep the other keys of the probe run findable.
    struct CollidingKey: TableKey {
        let text: String
        let buckets: UInt32
        var tableHash: UInt32 { UInt32(truncatingIfNeeded: text.utf8.count) % buckets }
    }

    @Test(arguments: [1, 3, 17])
    func theTableIsTheModel(capacity: Int) {
        runModel(capacity: capacity, key: { PrehashedKey($0) }, text: \.text)
    }

    @Test(arguments: [1, 2])
    func collidingHashesAreToldApartByTheirKeys(buckets: UInt32) {
        for capacity in [3, 17, 40] {
            runModel(capacity: capacity, key: { CollidingKey(text: $0, buckets: buckets) }, text: \.text)
        }
    }

    private func runModel<Key: TableKey>(capacity: Int, key makeKey: (String) -> Key, text: (Key) -> String) {
        var random = SeededGenerator(seed: UInt64(capacity))
        var table = BoundedTable<Key, Int>(capacity: capacity, maximumAge: 50)
        var model = Model(capacity: capacity, maximumAge: 50)
        var now = Date(timeIntervalSince1970: 1_000)
        let keys = (0..<(capacity * 3 + 2)).map { "K\($0)" }
        for step in 0..<6_000 {
            let key = keys.randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                var evicted: [(String, Int)] = []
                table.set(makeKey(key), step, now: now, evicted: { evicted.append((text($0), $1)) })
                // The model: expire what is too old, then set, then evict the least recently
                // touched while over capacity.
                var expected = model.expire(now)
                let isNew = model.values[key] == nil
                model.values[key] = step
                model.touch(key, now)
                while isNew, model.values.count > capacity, let oldest = model.order.first {
                    expected.append((oldest, model.values[oldest]!))
                    model.forget(oldest)
                }
                #expect(evicted.map(\.0) == expected.map(\.0), "step \(step)")
                #expect(evicted.map(\.1) == expected.map(\.1), "step \(step)")
            case 5:
                #expect(table.remove(makeKey(key)) == model.values[key], "step \(step)")
                model.forget(key)
            case 6:
                let changed = table.modify(makeKey(key)) { value -> Int in
                    value += 1_000_000
                    return value
                }
                if let old = model.values[key] { model.values[key] = old + 1_000_000 }
                #expect(changed == model.values[key], "step \(step)")
            case 7:
                now += Double(Int.random(in: 1...30, using: &random))
            case 8 where Int.random(in: 0..<50, using: &random) == 0:
                now -= 5
            default:
                let fresh = model.touched[key].map { now.timeIntervalSince($0) <= 50 } ?? false
                #expect(table.value(for: makeKey(key), now: now) == (fresh ? model.values[key] : nil), "step \(step)")
            }
            #expect(table.count == model.values.count, "step \(step)")
            #expect(table.count <= capacity)
            #expect(table.queuedCount <= 2 * table.count + 65)
        }
        #expect(table.evictedForCapacity > 0)
        #expect(table.evictedForAge > 0)
    }
}
