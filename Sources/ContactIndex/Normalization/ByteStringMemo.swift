#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded memo from byte strings to byte strings, for pure functions that are costly next to
/// a hash look-up (ICU collation keys, ICU folding) and see the same inputs again and again (the
/// names of a CRM export).
///
/// Layout: every key and value in one byte arena, entries in a flat array, and an open-addressing
/// table of entry numbers; no allocation per entry. Keys are hashed with a per-memo random seed, and
/// a probe run is capped, so crafted inputs cannot make a look-up slow: past the cap a value is
/// simply not remembered. When `limit` entries are held the memo starts over.
struct ByteStringMemo: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int
        var valueCount: Int
    }

    /// The most entries held before the memo starts over.
    let limit: Int
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// Entry numbers + 1 (0: empty); a power of two, grown to stay at least twice the entries
    /// (small while few names are held, so that it stays in the cache).
    private var table: [Int32]
    private let seed: UInt64
    private static let maximumProbes = 16

    /// Creates a memo of at most `limit` entries; 0 makes a memo that remembers nothing.
    init(limit: Int) {
        self.limit = max(0, min(limit, Int(Int32.max) / 4))
        table = self.limit == 0 ? [] : Array(repeating: 0, count: 64)
        // A memo that remembers nothing never hashes: no seed drawn (a system call per draw,
        // paid on every single-contact upsert, whose preparer remembers nothing).
        seed = self.limit == 0 ? 0 : UInt64.random(in: .min ... .max)
    }

    /// Whether the memo remembers anything (`limit` > 0).
    var isEnabled: Bool { limit > 0 }

    /// The number of entries held.
    var count: Int { entries.count }

    /// Calls `body` with the value remembered for `key`, if any.
    /// - Returns: whether a value was found (and `body` called).
    /// - Complexity: O(key) expected.
    func withValue(for key: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard isEnabled else { return false }
        let hash = Self.hash(key, seed: seed)
        guard let entry = find(key, hash: hash) else { return false }
        arena.withUnsafeBufferPointer { bytes in
            let start = entries[entry].keyStart + entries[entry].keyCount
            body(UnsafeBufferPointer(rebasing: bytes[start..<(start + entries[entry].valueCount)]))
        }
        return true
    }

    /// Remembers `value` for `key` (replacing nothing: a key already held keeps its value).
    /// - Complexity: O(key + value) amortized.
    mutating func insert(key: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        guard isEnabled else { return }
        let hash = Self.hash(key, seed: seed)
        if find(key, hash: hash) != nil { return }
        if entries.count >= limit { removeAll() }
        if (entries.count + 1) * 2 > table.count { grow() }
        let mask = table.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maximumProbes {
            if table[bucket] == 0 {
                entries.append(Entry(hash: hash, keyStart: arena.count, keyCount: key.count, valueCount: value.count))
                arena.append(contentsOf: key)
                arena.append(contentsOf: value)
                table[bucket] = Int32(entries.count)
                return
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Forgets every entry (capacity kept).
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        for index in table.indices { table[index] = 0 }
    }

    /// Doubles the table and places the entries again (one past the probe cap is dropped).
    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for (number, entry) in entries.enumerated() {
            var bucket = Int(truncatingIfNeeded: entry.hash) & mask
            for _ in 0..<Self.maximumProbes {
                if table[bucket] == 0 {
                    table[bucket] = Int32(number + 1)
                    break
                }
                bucket = (bucket + 1) & mask
            }
        }
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = table.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { bytes -> Int? in
            for _ in 0..<Self.maximumProbes {
                let slot = Int(table[bucket])
                if slot == 0 { return nil }
                let entry = entries[slot - 1]
                if entry.hash == hash, entry.keyCount == key.count,
                   key.isEmpty || memcmp(bytes.baseAddress! + entry.keyStart, key.baseAddress!, key.count) == 0 {
                    return slot - 1
                }
                bucket = (bucket + 1) & mask
            }
            return nil
        }
    }

    /// A seeded 64-bit hash of bytes, eight at a time.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var state = seed ^ (UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= raw.count {
            state = mix(state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(mix(state ^ tail) ^ seed)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
