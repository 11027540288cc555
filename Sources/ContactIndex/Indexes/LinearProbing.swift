/// Open addressing with linear probing over `UInt64` entries that carry their 32-bit hash in the
/// high half (0 is an empty bucket), in a power-of-two table: what `SlotHashTable` and
/// `RankedSlotTable` share, and ScreenPop's `SlotIndex` (package-wide).
package enum LinearProbing {
    /// The load factor a table grows past.
    package static let maximumLoad = 0.7

    /// An empty table (a power of two, at least 16 buckets) that holds `capacity` entries
    /// within `maximumLoad`.
    package static func emptyTable(for capacity: Int) -> [UInt64] {
        var size = 16
        while Double(size) * maximumLoad < Double(capacity) { size <<= 1 }
        return Array(repeating: 0, count: size)
    }

    /// Backward-shift deletion: empties `bucket` and moves later entries of its run back into
    /// place, so that no probe sequence is broken and no tombstone is left.
    /// - Complexity: O(r) in the run after `bucket`.
    package static func shiftBack(_ entries: inout [UInt64], mask: Int, from bucket: Int) {
        var hole = bucket
        var next = (bucket + 1) & mask
        while entries[next] != 0 {
            let home = Int(UInt32(truncatingIfNeeded: entries[next] >> 32)) & mask
            // The entry at `next` may move into the hole if its home is not in (hole, next].
            let distanceToNext = (next - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole <= distanceToNext {
                entries[hole] = entries[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        entries[hole] = 0
    }

    /// The entries rehashed (from their stored hashes) into a table twice as large.
    /// - Complexity: O(n).
    package static func doubled(_ old: [UInt64]) -> [UInt64] {
        var entries = [UInt64](repeating: 0, count: old.count * 2)
        let mask = entries.count - 1
        for entry in old where entry != 0 {
            var bucket = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
            while entries[bucket] != 0 { bucket = (bucket + 1) & mask }
            entries[bucket] = entry
        }
        return entries
    }
}
