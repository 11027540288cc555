#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A hash table with a maximum count and an age limit, evicting the least recently touched
/// entries first. The engagement tracker and the remembered choices are built on it.
///
/// Every touch appends `(key, stamp, time)` to a queue; an entry is live at the queue's head only
/// when its stamp is still the entry's. Stale queue items are skipped and the queue is compacted
/// when it is half dead, so every operation is amortized O(1).
///
/// Performance: an update hashes its key once (find or insert through the dictionary's modify
/// accessor), and an eviction once. While the clock has never gone back, a queue head touched
/// within the age limit proves that nothing has expired, with no look-up at all.
struct BoundedTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var value: Value
        var stamp: UInt64
        var touched: Date
    }

    let capacity: Int
    let maximumAge: TimeInterval
    private var entries: [Key: Entry] = [:]
    private var queue: [(key: Key, stamp: UInt64, touched: Date)] = []
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

    var count: Int { entries.count }

    /// Items in the touch queue, live and stale (compaction keeps it under 2 × count + 65).
    var queuedCount: Int { queue.count - head }

    /// The value for `key`, when present and not older than the age limit at `now`.
    /// - Complexity: O(1) expected.
    func value(for key: Key, now: Date) -> Value? {
        guard !entries.isEmpty, let entry = entries[key], now.timeIntervalSince(entry.touched) <= maximumAge else { return nil }
        return entry.value
    }

    /// The value stored for `key`, whatever its age (an entry past the age limit stays stored
    /// until an update or `expire` removes it).
    /// - Complexity: O(1) expected.
    func storedValue(for key: Key) -> Value? {
        entries[key]?.value
    }

    /// The values, in no particular order.
    var values: some Sequence<Value> { entries.values.lazy.map(\.value) }

    /// Changes (or creates with `make`) the value for `key`, marks it touched at `now`, and
    /// evicts what is too old or too many, handing each evicted entry to `evicted`.
    /// - Complexity: amortized O(1) expected.
    mutating func update<R>(
        _ key: Key, now: Date, make: () -> Value, evicted: (Key, Value) -> Void = { _, _ in }, _ body: (inout Value) -> R
    ) -> R {
        expire(now: now, evicted: evicted)
        nextStamp &+= 1
        let stamp = nextStamp
        var inserted = false
        // One hash: the dictionary's modify accessor finds the slot or makes it, and the entry
        // is changed where it is stored (no copy of the value).
        func change(_ slot: inout Entry?) -> R {
            if slot != nil {
                slot!.stamp = stamp
                slot!.touched = now
                return body(&slot!.value)
            }
            var value = make()
            let result = body(&value)
            slot = Entry(value: value, stamp: stamp, touched: now)
            inserted = true
            return result
        }
        let result = change(&entries[key])
        if let last = queue.last, now < last.touched { queueIsMonotonic = false }
        queue.append((key, stamp, now))
        while inserted, entries.count > capacity, let (oldKey, oldValue) = removeOldest() {
            evictedForCapacity += 1
            evicted(oldKey, oldValue)
        }
        compactIfNeeded()
        return result
    }

    /// Sets the value for `key`, handing each entry it evicts to `evicted`.
    mutating func set(_ key: Key, _ value: Value, now: Date, evicted: (Key, Value) -> Void = { _, _ in }) {
        update(key, now: now, make: { value }, evicted: evicted) { $0 = value }
    }

    /// Changes a present value without touching it (its age stays).
    mutating func modify<R>(_ key: Key, _ body: (inout Value) -> R) -> R? {
        guard entries[key] != nil else { return nil }
        return modifyInPlace(key) { body(&$0.value) }
    }

    private mutating func modifyInPlace<R>(_ key: Key, _ body: (inout Entry) -> R) -> R {
        // `&entries[key]` goes through the dictionary's modify accessor: the entry is changed
        // where it is stored.
        func change(_ entry: inout Entry?) -> R { body(&entry!) }
        return change(&entries[key])
    }

    /// Removes the value for `key`.
    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        entries.removeValue(forKey: key)?.value
    }

    /// Removes the entries older than the age limit, handing each to `evicted`.
    /// - Complexity: amortized O(1) per removed entry.
    mutating func expire(now: Date, evicted: (Key, Value) -> Void = { _, _ in }) {
        while head < queue.count {
            let item = queue[head]
            // Nothing is older than the head: a head within the age limit ends the scan without
            // a look-up (only while the queue's times are in order).
            if queueIsMonotonic, now.timeIntervalSince(item.touched) <= maximumAge { break }
            guard let index = entries.index(forKey: item.key), entries.values[index].stamp == item.stamp else {
                head += 1
                continue
            }
            guard now.timeIntervalSince(entries.values[index].touched) > maximumAge else { break }
            let removed = entries.remove(at: index)
            head += 1
            evictedForAge += 1
            evicted(item.key, removed.value.value)
        }
        compactIfNeeded()
    }

    private mutating func removeOldest() -> (Key, Value)? {
        while head < queue.count {
            let item = queue[head]
            head += 1
            if let index = entries.index(forKey: item.key), entries.values[index].stamp == item.stamp {
                return (item.key, entries.remove(at: index).value.value)
            }
        }
        return nil
    }

    /// Drops the consumed head of the queue, and its stale items when they outnumber the live
    /// ones (so a key touched again and again does not grow the queue).
    private mutating func compactIfNeeded() {
        if queue.count - head > 2 * entries.count + 64 {
            let entries = self.entries
            queue = queue[head...].filter { entries[$0.key]?.stamp == $0.stamp }
            head = 0
            queueIsMonotonic = zip(queue, queue.dropFirst()).allSatisfy { $0.touched <= $1.touched }
        } else if head > 64, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
