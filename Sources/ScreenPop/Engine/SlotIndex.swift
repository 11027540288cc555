import CMemoryHints
import ContactIndex

/// The hash index of a `BoundedTable`: the slot number of each kept key, found by the key's
/// 32-bit hash (`TableKey.tableHash`).
///
/// Why not `[Key: Int32]`: a `Dictionary` probe reads its occupancy bitmap, its keys and its
/// values, three arrays, and hashes the key through `Hasher` on every look-up and removal.
/// Here a probe reads one array of 8-byte entries (hash and slot: `LinearProbing`), and the
/// caller compares its own key only where the hashes match. The engagement tracker inserts one
/// key and removes another on every new engagement at capacity.
struct SlotIndex: Sendable {
    /// hash << 32 | (slot + 1); 0 is an empty bucket.
    private var entries = LinearProbing.emptyTable(for: 0)
    /// The table's size is a power of two: a hash's home bucket is its low bits.
    private var mask: Int { entries.count - 1 }
    /// The keys held.
    private(set) var count = 0

    /// The bucket and slot of the entry with `hash` whose slot `matches` accepts; nil when
    /// there is none.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func find(hash: UInt32, matches: (Int32) -> Bool) -> (bucket: Int, slot: Int32)? {
        entries.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var bucket = Int(hash) & mask
            while table[bucket] != 0 {
                let entry = table[bucket]
                if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                    let slot = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if matches(slot) { return (bucket, slot) }
                }
                bucket = (bucket + 1) & mask
            }
            return nil
        }
    }

    /// Starts loading the bucket where `hash` is looked for, without waiting for it.
    @inline(__always)
    func prefetch(hash: UInt32) {
        entries.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + (Int(hash) & ($0.count - 1))) }
    }

    /// Adds `slot` under `hash` (the caller knows its key is not held yet).
    /// - Complexity: amortized O(1) expected.
    mutating func insert(hash: UInt32, slot: Int32) {
        if Double(count + 1) > Double(entries.count) * LinearProbing.maximumLoad {
            entries = LinearProbing.doubled(entries)
        }
        let mask = self.mask
        var bucket = Int(hash) & mask
        while entries[bucket] != 0 { bucket = (bucket + 1) & mask }
        entries[bucket] = UInt64(hash) << 32 | UInt64(UInt32(slot) + 1)
        count += 1
    }

    /// Removes the entry in `bucket` (found with `find`).
    /// - Complexity: O(r) in the probe run after it.
    mutating func remove(bucket: Int) {
        let mask = self.mask
        LinearProbing.shiftBack(&entries, mask: mask, from: bucket)
        count -= 1
    }
}

/// A key of a `BoundedTable`: `Hashable`, with the 32-bit hash its index files it under.
protocol TableKey: Hashable, Sendable {
    /// The hash the index files the key under; equal keys have equal hashes.
    var tableHash: UInt32 { get }
}

extension TableKey {
    /// `hashValue` folded to 32 bits.
    var tableHash: UInt32 {
        let value = hashValue
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }
}

extension String: TableKey {}
