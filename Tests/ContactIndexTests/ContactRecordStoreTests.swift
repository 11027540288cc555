import Testing

@testable import ContactIndex

/// Record storage: replacing and removing records leaves garbage that compaction reclaims,
/// without changing what any slot holds.
@Suite struct ContactRecordStoreTests {
    static func record(_ slot: Int, _ version: Int) -> [UInt8] {
        Array("slot \(slot) version \(version) ".utf8) + Array(repeating: UInt8(slot % 251), count: 200 + slot % 300)
    }

    @Test func updatesAndCompactionKeepEverySlotsRecord() {
        var store = ContactRecordStore()
        var model: [Int: [UInt8]] = [:]
        var random = SplitMix(seed: 9)
        for step in 0..<60_000 {
            let slot = Int(random.next() % 2_000)
            if random.next() % 5 == 0 {
                store.remove(UInt32(slot))
                model[slot] = nil
            } else {
                let bytes = Self.record(slot, step)
                bytes.withUnsafeBytes { store.store($0, at: UInt32(slot)) }
                model[slot] = bytes
            }
            store.compactIfNeeded()
        }
        #expect(store.garbageBytes * 2 <= store.storedBytes + ContactRecordStore.chunkSize)
        for slot in 0..<2_000 {
            let stored = store.withRecord(UInt32(slot)) { Array($0) }
            #expect(stored == model[slot], "slot \(slot)")
            #expect(store.contains(UInt32(slot)) == (model[slot] != nil))
        }
    }

    @Test func aRecordLargerThanAChunkGetsItsOwn() {
        var store = ContactRecordStore()
        let big = [UInt8](repeating: 7, count: ContactRecordStore.chunkSize + 10)
        big.withUnsafeBytes { store.store($0, at: 0) }
        Self.record(1, 1).withUnsafeBytes { store.store($0, at: 1) }
        #expect(store.withRecord(0) { $0.count } == big.count)
        #expect(store.withRecord(1) { Array($0) } == Self.record(1, 1))
        #expect(store.withRecord(2) { $0.count } == nil)
    }
}
