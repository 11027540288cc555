import CMemoryHints

/// A hash multimap from keys to contact slots that keeps the slots sharing a key in ranking
/// order, so that a look-up of a key thousands of contacts share (an account's switchboard
/// number, written on every contact of the account) reads the first few and stops.
///
/// Why not `SlotHashTable`: there each (key, slot) pair is an entry of its own, so a key shared by
/// n contacts is a probe run of n entries. Every look-up of that key reads the whole run, and so
/// does every look-up of another key whose home bucket falls inside it (linear probing clusters).
/// Here each key has one entry: the slot itself while one contact has the key, else a group, an
/// array of its slots in tie order.
///
/// Tie order is the order of `tieKey(slot)`, a value the directory gives (entity rank, then id
/// key: `SlotTies.groupKey`); slots with equal tie keys may be in any order. A tie key
/// must not change while its slot is in the table, except in ways that keep every group in
/// order: coarser keys (ids keys that skip fewer bytes: what were equal stay equal, what were
/// in order stay in order or become equal) need nothing; finer ones need `sortGroups(by:)`.
///
/// As in `SlotHashTable`, keys themselves are not stored, only 32-bit hashes: callers confirm each
/// slot on its record. Two keys with the same hash share a group.
struct RankedSlotTable: Sendable {
    /// Entries: hash << 32 | payload, where the payload is slot + 1 (bit 31 clear) or a group
    /// index with bit 31 set; 0 is an empty bucket.
    private var entries: [UInt64]
    private var mask: Int
    /// The groups of keys shared by several slots, each in tie order; emptied ones are reused.
    private var groups: [[UInt32]] = []
    private var freeGroups: [Int] = []
    /// The number of distinct hashes held.
    private var heads = 0
    /// The number of (hash, slot) pairs held.
    private(set) var count = 0

    private static let groupFlag: UInt64 = 1 << 31

    /// Creates a table sized for `capacity` distinct keys.
    init(capacity: Int = 0) {
        entries = LinearProbing.emptyTable(for: capacity)
        mask = entries.count - 1
    }

    /// Builds a table at once from pairs made by `SlotHashTable.entry(hash:slot:)`, in any order,
    /// repeats allowed: it holds the same pairs as inserting them one by one would, but each group
    /// in slot order. Callers put the groups in tie order with `sortGroups(by:)` once the tie keys
    /// are known (a bulk load knows them only when its token index is finished). Heads are
    /// written in the order of their home buckets, front to back.
    /// - Complexity: O(n) (two radix sorts, `RadixSort`).
    init(bulk pairs: [UInt64]) {
        var sorted = pairs
        RadixSort.sort(&sorted)
        // One head per hash: the slot, or a group of the run's distinct slots (ascending, as
        // sorted).
        var headEntries: [UInt64] = []
        headEntries.reserveCapacity(sorted.count)
        var groups: [[UInt32]] = []
        var count = 0
        var start = 0
        while start < sorted.count {
            let hash = sorted[start] >> 32
            var end = start + 1
            var distinct = 1
            while end < sorted.count, sorted[end] >> 32 == hash {
                if sorted[end] != sorted[end - 1] { distinct += 1 }
                end += 1
            }
            count += distinct
            if distinct == 1 {
                headEntries.append(sorted[start])
            } else {
                var group: [UInt32] = []
                group.reserveCapacity(distinct)
                for index in start..<end where index == start || sorted[index] != sorted[index - 1] {
                    group.append(SlotHashTable.slot(ofEntry: sorted[index]))
                }
                headEntries.append(hash << 32 | Self.groupFlag | UInt64(groups.count))
                groups.append(group)
            }
            start = end
        }
        sorted = []
        self.init(capacity: headEntries.count)
        let mask = self.mask
        headEntries.withUnsafeMutableBufferPointer { heads in
            RadixSort.sort(heads) { UInt64(Int(truncatingIfNeeded: $0 >> 32) & mask) }
        }
        entries.withUnsafeMutableBufferPointer { table in
            for entry in headEntries {
                var bucket = Int(truncatingIfNeeded: entry >> 32) & mask
                while table[bucket] != 0 { bucket = (bucket + 1) & mask }
                table[bucket] = entry
            }
        }
        self.groups = groups
        self.heads = headEntries.count
        self.count = count
    }

    /// Adds `slot` under `hash`, in tie order, unless that pair is already there.
    /// - Complexity: O(1) expected, plus O(log g + g) in a group of g slots (the insertion moves
    ///   the later slots; groups up to `tieScanLimit` read every slot's tie key).
    mutating func insert(hash: UInt32, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        if let bucket = bucket(of: hash) {
            let payload = entries[bucket] & 0xFFFF_FFFF
            if payload & Self.groupFlag == 0 {
                let other = UInt32(truncatingIfNeeded: payload) - 1
                guard other != slot else { return }
                let pair = tieKey(slot) < tieKey(other) ? [slot, other] : [other, slot]
                entries[bucket] = UInt64(hash) << 32 | Self.groupFlag | UInt64(newGroup(pair))
            } else {
                let group = Int(payload & ~Self.groupFlag)
                guard let position = Self.insertionPoint(of: slot, in: groups[group], tieKey) else { return }
                groups[group].insert(slot, at: position)
            }
            count += 1
            return
        }
        if Double(heads + 1) > Double(entries.count) * LinearProbing.maximumLoad { grow() }
        var bucket = Int(hash) & mask
        while entries[bucket] != 0 { bucket = (bucket + 1) & mask }
        entries[bucket] = UInt64(hash) << 32 | UInt64(slot + 1)
        heads += 1
        count += 1
    }

    /// Moves `slot` from the hashes of `old` to those of `new` (each without repeats), touching
    /// only those that differ: a contact whose second number changed keeps its first one's
    /// entries, and its place among the contacts that share it. The slot's tie key must be the
    /// same as when it was inserted.
    /// - Complexity: O(|old| + |new|) (the same hashes: nothing; a few: compared pairwise; many:
    ///   through sets), plus an insert or remove per hash that differs.
    mutating func move(slot: UInt32, from old: ArraySlice<UInt32>, to new: ArraySlice<UInt32>, tieKey: (UInt32) -> UInt128) {
        if old.elementsEqual(new) { return }
        if old.count * new.count <= 256 {
            for hash in old where !new.contains(hash) { remove(hash: hash, slot: slot, tieKey: tieKey) }
            for hash in new where !old.contains(hash) { insert(hash: hash, slot: slot, tieKey: tieKey) }
            return
        }
        let oldSet = Set(old)
        let newSet = Set(new)
        for hash in old where !newSet.contains(hash) { remove(hash: hash, slot: slot, tieKey: tieKey) }
        for hash in new where !oldSet.contains(hash) { insert(hash: hash, slot: slot, tieKey: tieKey) }
    }

    /// Removes the pair (`hash`, `slot`) if present.
    /// - Complexity: O(1) expected, plus O(log g + g) in a group of g slots.
    mutating func remove(hash: UInt32, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        guard let bucket = bucket(of: hash) else { return }
        let payload = entries[bucket] & 0xFFFF_FFFF
        if payload & Self.groupFlag == 0 {
            guard UInt32(truncatingIfNeeded: payload) - 1 == slot else { return }
            shiftBack(from: bucket)
            heads -= 1
            count -= 1
            return
        }
        let group = Int(payload & ~Self.groupFlag)
        guard let found = Self.position(of: slot, in: groups[group], tieKey) else { return }
        groups[group].remove(at: found)
        count -= 1
        if groups[group].count == 1 {
            entries[bucket] = UInt64(hash) << 32 | UInt64(groups[group][0] + 1)
            groups[group] = []
            freeGroups.append(group)
        }
    }

    /// Calls `body` with each slot stored under `hash` (and, rarely, under another key with the
    /// same hash: callers verify), in tie order, until it returns false.
    /// - Complexity: O(1) expected, plus the slots read.
    @inline(__always)
    func forEach(hash: UInt32, _ body: (UInt32) -> Bool) {
        withSlots(hash: hash) { slots in
            for slot in slots where !body(slot) { return }
        }
    }

    /// Calls `body` with the slots stored under `hash` (and, rarely, under another key with the
    /// same hash: callers verify) in tie order: empty when there are none.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func withSlots<R>(hash: UInt32, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        guard let bucket = bucket(of: hash) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let payload = entries[bucket] & 0xFFFF_FFFF
        if payload & Self.groupFlag == 0 {
            var single = UInt32(truncatingIfNeeded: payload) - 1
            return withUnsafePointer(to: &single) { body(UnsafeBufferPointer(start: $0, count: 1)) }
        }
        return groups[Int(payload & ~Self.groupFlag)].withUnsafeBufferPointer(body)
    }

    /// Starts loading the bucket where `hash`'s head is looked for, without waiting for it: a
    /// look-up that will probe two tables issues both loads first, so their misses overlap.
    @inline(__always)
    func prefetchHead(hash: UInt32) {
        entries.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + (Int(hash) & mask)) }
    }

    /// Starts loading the reference to `hash`'s group, when it has one (its head is read now:
    /// after `prefetchHead`, it is usually in cache), so that a later `withSlots` waits for one
    /// miss, the group's storage, instead of three.
    @inline(__always)
    func prefetchGroupReference(hash: UInt32) {
        guard let bucket = bucket(of: hash) else { return }
        let payload = entries[bucket] & 0xFFFF_FFFF
        guard payload & Self.groupFlag != 0 else { return }
        let group = Int(payload & ~Self.groupFlag)
        groups.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + group) }
    }

    /// Puts every group in tie order (after a bulk build, or after the tie keys became finer),
    /// reading each slot's tie key once.
    /// - Complexity: O(n log g), and n tie keys read.
    mutating func sortGroups(by tieKey: (UInt32) -> UInt128) {
        for group in groups.indices where groups[group].count > 1 {
            groups[group].withUnsafeMutableBufferPointer { slots in
                withUnsafeTemporaryAllocation(of: (key: UInt128, slot: UInt32).self, capacity: slots.count) { buffer in
                    var keyed = buffer
                    for index in slots.indices { keyed.initializeElement(at: index, to: (tieKey(slots[index]), slots[index])) }
                    keyed.sort { $0.key < $1.key }
                    for index in slots.indices { slots[index] = keyed[index].slot }
                    _ = keyed.deinitialize()
                }
            }
        }
    }

    /// Makes the table own its storage (see `ContactDirectory.independentCopy`); the groups stay
    /// shared until written (copy on write).
    mutating func makeStorageUnique() {
        entries.reserveCapacity(entries.count)
        groups.reserveCapacity(groups.count)
    }

    /// Bytes held, counting each group's array header.
    var approximateBytes: Int {
        entries.capacity * 8 + groups.capacity * 8 + freeGroups.capacity * 8 + groups.reduce(0) { $0 + 32 + $1.capacity * 4 }
    }

    // MARK: Internals

    /// The bucket holding `hash`'s head, or nil.
    @inline(__always)
    private func bucket(of hash: UInt32) -> Int? {
        entries.withUnsafeBufferPointer { table in
            var bucket = Int(hash) & mask
            while table[bucket] != 0 {
                if UInt32(truncatingIfNeeded: table[bucket] >> 32) == hash { return bucket }
                bucket = (bucket + 1) & mask
            }
            return nil
        }
    }

    private mutating func newGroup(_ slots: [UInt32]) -> Int {
        if let reused = freeGroups.popLast() {
            groups[reused] = slots
            return reused
        }
        groups.append(slots)
        return groups.count - 1
    }

    /// Groups up to this many slots place a new slot by reading every slot's tie key: loads
    /// that do not depend on each other, so the processor overlaps their cache misses, where a
    /// binary search waits for one miss (two: rank and id key) per step, one after the other.
    static let tieScanLimit = 32
    /// Groups up to this many slots (4 KiB) find a slot to remove by reading the group front to
    /// back, without tie keys: a few sequential cache lines instead of a binary search's misses.
    static let slotScanLimit = 1_024

    /// Where `slot` goes in `group` (after the slots whose tie key does not come after its own),
    /// or nil when it is there already.
    private static func insertionPoint(of slot: UInt32, in group: [UInt32], _ tieKey: (UInt32) -> UInt128) -> Int? {
        let key = tieKey(slot)
        if group.count <= tieScanLimit {
            // Sorted by tie key: the slots whose key is not above `key` are the ones before it.
            var before = 0
            var present = false
            for other in group {
                present = present || other == slot
                before += tieKey(other) <= key ? 1 : 0
            }
            return present ? nil : before
        }
        let range = equalRange(of: key, in: group, tieKey)
        // A slot already there sits among those with its key.
        return group[range].contains(slot) ? nil : range.upperBound
    }

    /// The position of `slot` in `group`, or nil.
    private static func position(of slot: UInt32, in group: [UInt32], _ tieKey: (UInt32) -> UInt128) -> Int? {
        if group.count <= slotScanLimit { return group.firstIndex(of: slot) }
        // The slot sits among those with its key; a search of the whole group is the fallback.
        let range = equalRange(of: tieKey(slot), in: group, tieKey)
        return group[range].firstIndex(of: slot) ?? group.firstIndex(of: slot)
    }

    /// The positions in `group` of the slots whose key equals `key` (empty where such a slot
    /// would go, after those with lower keys).
    private static func equalRange(of key: UInt128, in group: [UInt32], _ tieKey: (UInt32) -> UInt128) -> Range<Int> {
        var low = 0, high = group.count
        while low < high {
            let middle = (low + high) / 2
            if tieKey(group[middle]) < key { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < group.count, tieKey(group[end]) == key { end += 1 }
        return low..<end
    }

    /// Backward-shift deletion (`LinearProbing.shiftBack`).
    private mutating func shiftBack(from bucket: Int) {
        LinearProbing.shiftBack(&entries, mask: mask, from: bucket)
    }

    private mutating func grow() {
        entries = LinearProbing.doubled(entries)
        mask = entries.count - 1
    }
}
