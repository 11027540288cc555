#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CMemoryHints

/// A hash table with a maximum count and an age limit, evicting the least recently touched
/// entries first. The engagement tracker and the remembered choices are built on it.
///
/// Layout: the values live in a slab of slots (`slots`), reused through a free list; the hash
/// index (`SlotIndex`) maps each key's hash to its slot, and the key is compared in its slot.
/// Every touch appends `(slot, stamp, time)` to a queue; a queue item is live only while its
/// stamp is still the slot's (a slot freed and reused gets a new stamp). Stale queue items are
/// skipped and the queue is compacted when it is half dead, so every operation is amortized O(1).
///
/// Performance: an update hashes its key once (`TableKey.tableHash`; the tracker's keys carry
/// theirs) and changes the value where it lies in its slot; an eviction finds its index entry by
/// the hash kept in the slot, without hashing or comparing keys. A value never moves while it
/// is kept (the index holds slot numbers, so its growth moves no values), and the queue is
/// checked and compacted without hashing. While the clock has never gone back, a queue head
/// touched within the age limit proves that nothing has expired, with no look-up at all.
struct BoundedTable<Key: TableKey, Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: Key?
        var value: Value?
        /// The key's `tableHash`, kept for its removal.
        var hash: UInt32
        var stamp: UInt64
        var touched: Date
    }

    private struct Touch: Sendable {
        var slot: Int32
        var stamp: UInt64
        var touched: Date
    }

    let capacity: Int
    let maximumAge: TimeInterval
    private var index = SlotIndex()
    private var slots: [Slot] = []
    private var freeSlots: [Int32] = []
    private var queue: [Touch] = []
    /// Whether the queue's times never go down (the clock never went back): then the head's
    /// time bounds every entry's.
    private var queueIsMonotonic = true
    private var head = 0
    private var nextStamp: UInt64 = 0
    /// Entries removed because the table was full.
    private(set) var evictedForCapacity = 0
    /// Entries removed because they were older than the age limit.
    private(set) var evictedForAge = 0

    init(capacity: Int, maximumAge: TimeInterval) {
        self.capacity = max(1, capacity)
        self.maximumAge = maximumAge
    }

    var count: Int { index.count }

    /// Items in the touch queue, live and stale (compaction keeps it under 2 × count + 65).
    var queuedCount: Int { queue.count - head }

    /// The value for `key`, when present and not older than the age limit at `now`.
    /// - Complexity: O(1) expected.
    func value(for key: Key, now: Date) -> Value? {
        guard index.count > 0, let slot = slot(of: key), now.timeIntervalSince(slots[Int(slot)].touched) <= maximumAge else { return nil }
        return slots[Int(slot)].value
    }

    /// The value stored for `key`, whatever its age (an entry past the age limit stays stored
    /// until an update or `expire` removes it).
    /// - Complexity: O(1) expected.
    func storedValue(for key: Key) -> Value? {
        guard index.count > 0, let slot = slot(of: key) else { return nil }
        return slots[Int(slot)].value
    }

    /// `read` of the value stored for `key`, whatever its age, read where it lies (no copy of
    /// the value, which `storedValue(for:)` makes); nil when there is none.
    /// - Complexity: O(1) expected.
    func readStoredValue<R>(for key: Key, _ read: (borrowing Value) -> R) -> R? {
        guard index.count > 0, let slot = slot(of: key) else { return nil }
        return slots.withUnsafeBufferPointer { buffer -> R? in
            switch buffer[Int(slot)].value {
            case .some(let value): read(value)
            case .none: nil
            }
        }
    }

    /// The values, in no particular order.
    var values: some Sequence<Value> { slots.lazy.compactMap(\.value) }

    /// Changes (or creates with `make`) the value for `key`, marks it touched at `now`, and
    /// evicts what is too old or too many, handing each evicted entry to `evicted`.
    /// - Complexity: amortized O(1) expected.
    mutating func update<R>(
        _ key: Key, now: Date, make: () -> Value, evicted: (Key, Value) -> Void = { _, _ in }, _ body: (inout Value) -> R
    ) -> R {
        expire(now: now, evicted: evicted)
        nextStamp &+= 1
        let stamp = nextStamp
        // One hash: the key's slot, else a free one (the free list's last, else a new one).
        let hash = key.tableHash
        var inserted = false
        let slot: Int
        if let found = self.slot(of: key, hash: hash) {
            slot = Int(found)
        } else {
            let free = takeFreeSlot()
            index.insert(hash: hash, slot: free)
            inserted = true
            slot = Int(free)
        }
        slots[slot].stamp = stamp
        slots[slot].touched = now
        if inserted {
            slots[slot].key = key
            slots[slot].hash = hash
            slots[slot].value = make()
        }
        // Changed where it lies in its slot: no copy of the value.
        let result = body(&slots[slot].value!)
        if let last = queue.last, now < last.touched { queueIsMonotonic = false }
        queue.append(Touch(slot: Int32(slot), stamp: stamp, touched: now))
        while inserted, index.count > capacity, let (oldKey, oldValue) = removeOldest() {
            evictedForCapacity += 1
            evicted(oldKey, oldValue)
        }
        compactIfNeeded()
        return result
    }

    /// Starts loading, without waiting, what an `update` of a new `key` at capacity will touch
    /// first: `key`'s index bucket and the slot of the least recently touched entry (the one it
    /// would evict). Those lines went cold long ago (an engagement is evicted after `capacity`
    /// others); a caller that has other work to do before the update calls this first, so that
    /// the misses overlap with that work instead of following it.
    /// - Complexity: O(1); it changes nothing.
    func prefetchInsertion(of key: Key) {
        index.prefetch(hash: key.tableHash)
        guard index.count >= capacity, head < queue.count else { return }
        let slot = Int(queue[head].slot)
        slots.withUnsafeBufferPointer { buffer in
            let start = UnsafeRawPointer(buffer.baseAddress! + slot)
            var offset = 0
            while offset < MemoryLayout<Slot>.stride {
                cmh_prefetch_read(start + offset)
                offset += 64
            }
        }
    }

    /// Sets the value for `key`, handing each entry it evicts to `evicted`.
    mutating func set(_ key: Key, _ value: Value, now: Date, evicted: (Key, Value) -> Void = { _, _ in }) {
        update(key, now: now, make: { value }, evicted: evicted) { $0 = value }
    }

    /// Changes a present value without touching it (its age stays).
    mutating func modify<R>(_ key: Key, _ body: (inout Value) -> R) -> R? {
        guard let slot = slot(of: key) else { return nil }
        return body(&slots[Int(slot)].value!)
    }

    /// Removes the value for `key`.
    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        guard let slot = slot(of: key) else { return nil }
        return removeKept(Int(slot)).value
    }

    /// Removes the entries older than the age limit, handing each to `evicted`.
    /// - Complexity: amortized O(1) per removed entry.
    mutating func expire(now: Date, evicted: (Key, Value) -> Void = { _, _ in }) {
        while head < queue.count {
            let touch = queue[head]
            // Nothing is older than the head: a head within the age limit ends the scan without
            // a look-up (only while the queue's times are in order).
            if queueIsMonotonic, now.timeIntervalSince(touch.touched) <= maximumAge { break }
            let slot = Int(touch.slot)
            guard isLive(touch) else {
                head += 1
                continue
            }
            guard now.timeIntervalSince(slots[slot].touched) > maximumAge else { break }
            head += 1
            let removed = removeKept(slot)
            evictedForAge += 1
            evicted(removed.key, removed.value)
        }
        compactIfNeeded()
    }

    /// Removes the least recently touched entry.
    private mutating func removeOldest() -> (Key, Value)? {
        while head < queue.count {
            let touch = queue[head]
            head += 1
            if isLive(touch) { return removeKept(Int(touch.slot)) }
        }
        return nil
    }

    /// Whether a queue item is its slot's latest touch: every touch and every freeing of a
    /// slot gives it a new stamp, so a stale item (the key touched again, or gone) differs.
    private func isLive(_ touch: Touch) -> Bool {
        slots[Int(touch.slot)].stamp == touch.stamp
    }

    /// The slot holding `key`, when kept.
    @inline(__always)
    private func slot(of key: Key, hash: UInt32? = nil) -> Int32? {
        let slots = slots
        return index.find(hash: hash ?? key.tableHash) { slots[Int($0)].key == key }?.slot
    }

    /// Removes a kept slot's entry: its index entry (found by the hash the slot keeps), and the
    /// slot to the free list.
    private mutating func removeKept(_ slot: Int) -> (key: Key, value: Value) {
        if let found = index.find(hash: slots[slot].hash, matches: { $0 == Int32(slot) }) {
            index.remove(bucket: found.bucket)
        }
        return freeSlot(slot)
    }

    /// A free slot's number (a reused one, else a new one at the end).
    private mutating func takeFreeSlot() -> Int32 {
        if let slot = freeSlots.popLast() { return slot }
        slots.append(Slot(key: nil, value: nil, hash: 0, stamp: 0, touched: .distantPast))
        return Int32(slots.count - 1)
    }

    /// Empties a kept slot (its stamp changes, so its queue items go stale) and returns what
    /// it held.
    private mutating func freeSlot(_ slot: Int) -> (key: Key, value: Value) {
        let key = slots[slot].key.take()!
        let value = slots[slot].value.take()!
        nextStamp &+= 1
        slots[slot].stamp = nextStamp
        freeSlots.append(Int32(slot))
        return (key, value)
    }

    /// Drops the consumed head of the queue, and its stale items when they outnumber the live
    /// ones (so a key touched again and again does not grow the queue).
    private mutating func compactIfNeeded() {
        if queue.count - head > 2 * index.count + 64 {
            let table = self
            queue = queue[head...].filter { table.isLive($0) }
            head = 0
            queueIsMonotonic = zip(queue, queue.dropFirst()).allSatisfy { $0.touched <= $1.touched }
        } else if head > 64, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
