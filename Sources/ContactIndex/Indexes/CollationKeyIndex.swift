#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorted ICU collation keys of whole names, for exact and prefix name look-ups by binary search.
///
/// Layout: every key's bytes live in one arena (`[UInt8]`), and the index is an array of small
/// fixed-size entries (offset, length, slot, generation) sorted by key bytes. That keeps a
/// million names in a few flat allocations instead of a million small arrays.
///
/// Updates: a new key goes into a small sorted side array (`recent`), merged into the main array
/// when it grows past a bound, so an update costs O(recent) instead of O(n). The merge places
/// each side entry by binary search and copies the main array's runs between them whole, so it
/// costs r binary searches and one copy of the entries, never a comparison per entry. Removed
/// and changed contacts are not searched for in the arrays: each entry carries the generation of
/// its slot at insertion, and an entry whose generation is no longer the slot's is dead (skipped
/// by look-ups). Dead entries and their key bytes are dropped in one compaction once they may
/// make up a quarter of the entries.
///
/// Equal keys are kept in the order of a tie value each entry carries (0 when the owner gives
/// none: then in insertion order). Whole names use it for the order of namesakes (entity rank and
/// id prefix, see `ContactDirectory.nameKeyTie`), so a reader walks a name's namesakes best first
/// and stops after the first few (`forEachEqual(_:isLive:byArray:)`). The value is fixed when the
/// entry is added; `retie` recomputes every entry's when the owner's values change.
struct CollationKeyIndex: Sendable {
    struct Entry: Sendable {
        var offset: UInt32
        var length: UInt32
        var slot: UInt32
        var generation: UInt32
        /// Orders entries with equal keys.
        var tie: UInt64
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var recent: [Entry] = []
    /// Entries added by `bulkAppend`, not yet sorted.
    private var bulk: [Entry] = []
    private var deadEstimate = 0

    /// The number of entries (live or dead) held.
    var count: Int { entries.count + recent.count }

    /// Adds a key for a slot at its current generation.
    /// - Complexity: O(log n + r) where r is the size of the side array (amortized O(1) merges).
    mutating func insert(key: [UInt8], slot: UInt32, generation: UInt32, tie: UInt64 = 0, isLive: (UInt32, UInt32) -> Bool) {
        let entry = append(key: key, slot: slot, generation: generation, tie: tie)
        // After every entry that does not come after it (equal keys: by tie, then as inserted).
        let position = arena.withUnsafeBufferPointer { Self.upperBound(of: entry, in: recent, from: 0, bytes: $0) }
        recent.insert(entry, at: position)
        if recent.count > max(2048, Int(Double(entries.count).squareRoot()) * 4) { merge(isLive: isLive) }
    }

    /// Makes the arrays own their storage (see `ContactDirectory.independentCopy`).
    mutating func makeStorageUnique() {
        arena.reserveCapacity(arena.count)
        entries.reserveCapacity(entries.count)
        recent.reserveCapacity(recent.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int { arena.capacity + (entries.capacity + recent.capacity) * MemoryLayout<Entry>.stride }

    /// Marks that `count` entries died (a removed or changed contact), to schedule compaction.
    mutating func noteDead(_ count: Int) {
        deadEstimate += count
    }

    /// Adds a key during a bulk build: call `finishBulkAppend` before any look-up.
    /// - Complexity: O(key) amortized.
    mutating func bulkAppend(key: some Collection<UInt8>, slot: UInt32, generation: UInt32, tie: UInt64 = 0) {
        let entry = Entry(offset: UInt32(arena.count), length: UInt32(key.count), slot: slot, generation: generation, tie: tie)
        arena.append(contentsOf: key)
        bulk.append(entry)
    }

    /// Sorts the keys added by `bulkAppend`, drops the dead ones, and merges them in.
    /// - Complexity: O(b log b) for the b keys added.
    mutating func finishBulkAppend(isLive: (UInt32, UInt32) -> Bool) {
        var added = bulk.filter { isLive($0.slot, $0.generation) }
        bulk = []
        arena.withUnsafeBufferPointer { bytes in
            added.sort { Self.compare(bytes, $0, $1) < 0 }
        }
        entries = Self.mergeSorted(entries, added, arena: arena)
    }

    /// Recomputes every entry's tie value from its slot and puts each run of equal keys back in
    /// that order (the owner's values changed).
    /// - Complexity: O(n) key comparisons, plus sorting each run of equal keys.
    mutating func retie(_ tie: (UInt32) -> UInt64) {
        for index in bulk.indices { bulk[index].tie = tie(bulk[index].slot) }
        arena.withUnsafeBufferPointer { bytes in
            func retie(_ array: inout [Entry]) {
                for index in array.indices { array[index].tie = tie(array[index].slot) }
                var start = 0
                while start < array.count {
                    var end = start + 1
                    while end < array.count, Self.compareKeys(bytes, array[start], array[end]) == 0 { end += 1 }
                    if end - start > 1 { array[start..<end].sort { $0.tie < $1.tie } }
                    start = end
                }
            }
            retie(&entries)
            retie(&recent)
        }
    }

    /// Builds the index in one pass from many keys.
    /// - Complexity: O(n log n).
    mutating func bulkLoad(_ keys: [(key: [UInt8], slot: UInt32, generation: UInt32)]) {
        for key in keys { bulkAppend(key: key.key, slot: key.slot, generation: key.generation) }
        finishBulkAppend { _, _ in true }
    }

    /// Merges the side array into the main one; compacts when the dead entries may be a quarter
    /// of them.
    /// - Complexity: O(r log n) comparisons and an O(n) copy of the entries; O(n) liveness
    ///   checks and key copies when it compacts.
    mutating func merge(isLive: (UInt32, UInt32) -> Bool) {
        Self.mergeInPlace(&entries, recent, arena: arena)
        recent = []
        if deadEstimate * 4 > entries.count { compact(isLive: isLive) }
    }

    /// Drops dead entries and their key bytes.
    /// - Complexity: O(n).
    mutating func compact(isLive: (UInt32, UInt32) -> Bool) {
        let merged = Self.mergeSorted(entries, recent, arena: arena)
        var newArena: [UInt8] = []
        newArena.reserveCapacity(arena.count)
        var kept: [Entry] = []
        kept.reserveCapacity(merged.count)
        for var entry in merged where isLive(entry.slot, entry.generation) {
            let start = Int(entry.offset)
            entry.offset = UInt32(newArena.count)
            newArena.append(contentsOf: arena[start..<(start + Int(entry.length))])
            kept.append(entry)
        }
        arena = newArena
        entries = kept
        recent = []
        deadEstimate = 0
    }

    /// Calls `body` for each live entry whose key equals `key`.
    /// - Complexity: O(log n + m) for m equal keys.
    func forEachEqual(_ key: [UInt8], isLive: (UInt32, UInt32) -> Bool, _ body: (UInt32) -> Void) {
        forEachInRange(lower: key, upper: nil, equalTo: key, limit: Int.max, isLive: isLive, body)
    }

    /// Calls `body` with each live entry whose key equals `key`, its tie value and the array it is
    /// in (0: the main one, then 1: the recent one), in each array by tie value; `body` returns
    /// false to skip the rest of that array.
    /// - Complexity: O(log n) plus the entries read.
    func forEachEqual(
        _ key: [UInt8], isLive: (UInt32, UInt32) -> Bool, byArray body: (_ array: Int, _ slot: UInt32, _ tie: UInt64) -> Bool
    ) {
        arena.withUnsafeBufferPointer { bytes in
            for (number, array) in [entries, recent].enumerated() {
                var index = lowerBound(in: array, key: key)
                while index < array.count, Self.compare(bytes, array[index], key) == 0 {
                    let entry = array[index]
                    index += 1
                    if isLive(entry.slot, entry.generation), !body(number, entry.slot, entry.tie) { break }
                }
            }
        }
    }

    /// Calls `body` for each live entry with `lower <= key < upper`, at most `limit` of them from
    /// each of the two arrays.
    /// - Complexity: O(log n + m) for m keys in the range.
    func forEachInRange(lower: [UInt8], upper: [UInt8], limit: Int, isLive: (UInt32, UInt32) -> Bool, _ body: (UInt32) -> Void) {
        forEachInRange(lower: lower, upper: upper, equalTo: nil, limit: limit, isLive: isLive, body)
    }

    private func forEachInRange(lower: [UInt8], upper: [UInt8]?, equalTo: [UInt8]?, limit: Int, isLive: (UInt32, UInt32) -> Bool, _ body: (UInt32) -> Void) {
        arena.withUnsafeBufferPointer { bytes in
            for array in [entries, recent] {
                var index = lowerBound(in: array, key: lower)
                var seen = 0
                while index < array.count, seen < limit {
                    let entry = array[index]
                    if let equalTo {
                        guard Self.compare(bytes, entry, equalTo) == 0 else { break }
                    } else if let upper {
                        guard Self.compare(bytes, entry, upper) < 0 else { break }
                    }
                    if isLive(entry.slot, entry.generation) {
                        body(entry.slot)
                        seen += 1
                    }
                    index += 1
                }
            }
        }
    }

    private mutating func append(key: [UInt8], slot: UInt32, generation: UInt32, tie: UInt64) -> Entry {
        let entry = Entry(offset: UInt32(arena.count), length: UInt32(key.count), slot: slot, generation: generation, tie: tie)
        arena.append(contentsOf: key)
        return entry
    }

    /// The first position from `start` on whose entry comes after `entry` (equal ones stay
    /// before it).
    private static func upperBound(of entry: Entry, in array: [Entry], from start: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var low = start
        var high = array.count
        while low < high {
            let middle = (low + high) / 2
            if compare(bytes, entry, array[middle]) < 0 { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func lowerBound(in array: [Entry], key: [UInt8]) -> Int {
        arena.withUnsafeBufferPointer { bytes in
            var low = 0
            var high = array.count
            while low < high {
                let middle = (low + high) / 2
                if Self.compare(bytes, array[middle], key) < 0 { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, _ entry: Entry, _ key: [UInt8]) -> Int {
        key.withUnsafeBufferPointer { other in
            compareBytes(arena.baseAddress! + Int(entry.offset), Int(entry.length), other.baseAddress, other.count)
        }
    }

    /// The entries' order: by key, then by tie value.
    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, _ a: Entry, _ b: Entry) -> Int {
        let order = compareKeys(arena, a, b)
        guard order == 0 else { return order }
        return a.tie == b.tie ? 0 : (a.tie < b.tie ? -1 : 1)
    }

    private static func compareKeys(_ arena: UnsafeBufferPointer<UInt8>, _ a: Entry, _ b: Entry) -> Int {
        compareBytes(arena.baseAddress! + Int(a.offset), Int(a.length), arena.baseAddress! + Int(b.offset), Int(b.length))
    }

    @inline(__always)
    private static func compareBytes(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>?, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        if common > 0, let b {
            let order = memcmp(a, b, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    /// Merges sorted `b` into sorted `a` where `a` is (no new array when its capacity allows):
    /// `b`'s entries after `a`'s equal ones. Each of `b`'s entries finds its place by binary
    /// search, then, from the back, `a`'s runs move right in one `memmove` each.
    /// - Complexity: O(|b| log |a|) comparisons; each of `a`'s entries moves at most once.
    private static func mergeInPlace(_ a: inout [Entry], _ b: [Entry], arena: [UInt8]) {
        guard !b.isEmpty else { return }
        let oldCount = a.count
        var places: [Int] = []
        places.reserveCapacity(b.count)
        arena.withUnsafeBufferPointer { bytes in
            var start = 0
            for entry in b {
                start = upperBound(of: entry, in: a, from: start, bytes: bytes)
                places.append(start)
            }
        }
        a.append(contentsOf: b)  // room at the end; every slot is written below
        a.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var end = oldCount  // a's entries before `end` have not moved yet
            var write = buffer.count  // the next entry goes just before `write`
            for k in stride(from: b.count - 1, through: 0, by: -1) {
                let run = end - places[k]
                if run > 0 {
                    write -= run
                    memmove(base + write, base + places[k], run * MemoryLayout<Entry>.stride)
                }
                end = places[k]
                write -= 1
                base[write] = b[k]
            }
        }
    }

    /// Merges two sorted arrays, `b`'s entries after `a`'s equal ones. Each of `b`'s entries finds
    /// its place in `a` by binary search (from the previous one's), and `a`'s runs between them
    /// are copied whole: O(|b| log |a|) comparisons.
    private static func mergeSorted(_ a: [Entry], _ b: [Entry], arena: [UInt8]) -> [Entry] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Entry] = []
        out.reserveCapacity(a.count + b.count)
        arena.withUnsafeBufferPointer { bytes in
            var start = 0
            for entry in b {
                let place = upperBound(of: entry, in: a, from: start, bytes: bytes)
                out.append(contentsOf: a[start..<place])
                out.append(entry)
                start = place
            }
            out.append(contentsOf: a[start...])
        }
        return out
    }
}
