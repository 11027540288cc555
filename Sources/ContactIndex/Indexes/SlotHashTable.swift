import CMemoryHints

/// A hash multimap from keys to contact slots that stores no keys: each entry is the key's
/// 32-bit hash and a slot, 8 bytes, in one flat array. Callers check every slot they get back
/// against the contact's record (`ContactRecordReader`), which they read anyway to answer.
///
/// Why: a directory indexes a million ids, two million phone numbers and a million addresses.
/// A `Dictionary` keyed by `String` holds each key again (a heap string for most ids and
/// addresses) plus its own overhead, about 100 bytes an entry; this table holds 8 bytes an entry
/// at a load factor of at most 0.7. Keys are compared byte for byte by the caller, never by
/// Unicode equivalence, so ids that differ in their bytes stay distinct.
///
/// Structure: open addressing with linear probing; deletion shifts later entries back (no
/// tombstones), so look-ups stay short after any number of updates. The table doubles when it
/// passes the load factor, rehashing from the stored hashes (keys are never recomputed).
///
/// Hashes come from the standard library's `Hasher` (SipHash with a per-process random seed), so
/// crafted keys cannot force long probe runs.
struct SlotHashTable: Sendable {
    /// Entries: hash << 32 | (slot + 1); 0 is an empty bucket.
    private var entries: [UInt64]
    private var mask: Int
    /// The number of entries.
    private(set) var count = 0

    /// Creates a table sized for `capacity` entries.
    init(capacity: Int = 0) {
        entries = LinearProbing.emptyTable(for: capacity)
        mask = entries.count - 1
    }

    /// Builds a table at once from entries made by `entry(hash:slot:)`, in any order, repeats
    /// allowed: it holds the same pairs as inserting them one by one would. The entries are
    /// inserted in the order of their home buckets, so the table is written front to back
    /// instead of at random (a bulk load's million keys would each miss the cache otherwise).
    /// - Complexity: O(n log n) for the sort, then O(n) expected.
    init(bulk pairs: [UInt64]) {
        self.init(capacity: pairs.count)
        let mask = self.mask
        var ordered = pairs
        ordered.sort { (Int(truncatingIfNeeded: $0 >> 32) & mask) < (Int(truncatingIfNeeded: $1 >> 32) & mask) }
        var added = 0
        entries.withUnsafeMutableBufferPointer { table in
            next: for entry in ordered {
                var bucket = Int(truncatingIfNeeded: entry >> 32) & mask
                while table[bucket] != 0 {
                    if table[bucket] == entry { continue next }
                    bucket = (bucket + 1) & mask
                }
                table[bucket] = entry
                added += 1
            }
        }
        count = added
    }

    /// The entry `insert(hash:slot:)` stores for a pair, for `init(bulk:)`.
    static func entry(hash: UInt32, slot: UInt32) -> UInt64 {
        UInt64(hash) << 32 | UInt64(slot + 1)
    }

    /// The slot of an entry made by `entry(hash:slot:)`.
    static func slot(ofEntry entry: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: entry) - 1
    }

    /// The 32-bit hash of a byte string (`SeededKeyHash`).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let value = SeededKeyHash.hash(bytes)
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }

    /// The 32-bit hash of a string's UTF-8 bytes.
    static func hash(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The 32-bit hash of an integer key (`SeededKeyHash`).
    @inline(__always)
    static func hash(_ key: UInt64) -> UInt32 {
        let value = SeededKeyHash.hash(key)
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }

    /// Adds `slot` under `hash`, unless that pair is already there.
    /// - Returns: how many slots the table holds under `hash` once it is added (all of them lie
    ///   on the run it walks), or 0 when the pair was already there.
    /// - Complexity: O(1) expected, amortized over growth, plus the slots already under `hash`.
    @discardableResult
    mutating func insert(hash: UInt32, slot: UInt32) -> Int {
        if Double(count + 1) > Double(entries.count) * LinearProbing.maximumLoad { grow() }
        let entry = UInt64(hash) << 32 | UInt64(slot + 1)
        var bucket = Int(hash) & mask
        var same = 0
        while entries[bucket] != 0 {
            if entries[bucket] == entry { return 0 }
            if UInt32(truncatingIfNeeded: entries[bucket] >> 32) == hash { same += 1 }
            bucket = (bucket + 1) & mask
        }
        entries[bucket] = entry
        count += 1
        return same + 1
    }

    /// Removes the pair (`hash`, `slot`) if present.
    /// - Complexity: O(1) expected.
    mutating func remove(hash: UInt32, slot: UInt32) {
        let entry = UInt64(hash) << 32 | UInt64(slot + 1)
        var bucket = Int(hash) & mask
        while entries[bucket] != 0 {
            if entries[bucket] == entry {
                shiftBack(from: bucket)
                count -= 1
                return
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Calls `body` with each slot stored under `hash` (and, rarely, under another key with the
    /// same hash: callers verify), until it returns false.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func forEach(hash: UInt32, _ body: (UInt32) -> Bool) {
        var bucket = Int(hash) & mask
        entries.withUnsafeBufferPointer { table in
            while table[bucket] != 0 {
                let entry = table[bucket]
                if UInt32(truncatingIfNeeded: entry >> 32) == hash, !body(UInt32(truncatingIfNeeded: entry) - 1) { return }
                bucket = (bucket + 1) & mask
            }
        }
    }

    /// Asks the processor to load the bucket where the entries of `hash` start, so that several
    /// look-ups' cache misses overlap.
    @inline(__always)
    func prefetch(hash: UInt32) {
        entries.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + (Int(hash) & mask)) }
    }

    /// Backward-shift deletion (`LinearProbing.shiftBack`).
    private mutating func shiftBack(from bucket: Int) {
        LinearProbing.shiftBack(&entries, mask: mask, from: bucket)
    }

    private mutating func grow() {
        entries = LinearProbing.doubled(entries)
        mask = entries.count - 1
    }

    /// Makes the table own its storage (see `ContactDirectory.independentCopy`).
    mutating func makeStorageUnique() { entries.reserveCapacity(entries.count) }

    /// Bytes held.
    var approximateBytes: Int { entries.capacity * 8 }
}
