import CMemoryHints

/// Where a directory keeps its contacts: one `ContactRecord` per slot, in large byte chunks.
///
/// Layout: records are appended to chunks of `chunkSize` bytes (a record larger than that gets a
/// chunk of its own), each preceded by its length as a varint; `locations` maps a slot to its
/// record's chunk and offset. A million contacts take a few hundred chunks instead of millions
/// of small heap objects.
///
/// Updates append: replacing or removing a record leaves its old bytes behind as garbage.
/// When garbage passes half of the stored bytes, `compactIfNeeded` copies the live records into
/// fresh chunks (O(live bytes), about a tenth of a second at a million contacts, and rare: after
/// as many updates as there are contacts, roughly).
///
/// Copies share chunks: only the chunk being appended to is copied on write, once. This is what
/// lets the two copies of a `LiveDirectory` share their contacts.
struct ContactRecordStore: Sendable {
    static let chunkSize = 1 << 20
    static let empty = UInt64.max

    private var chunks: [[UInt8]] = []
    /// Per slot: chunk index << 32 | offset of the record's length prefix, or `empty`.
    private var locations: [UInt64] = []
    private(set) var storedBytes = 0
    private(set) var garbageBytes = 0

    /// The number of slots (live or free).
    var slotCount: Int { locations.count }

    /// Whether `slot` holds a record.
    @inline(__always)
    func contains(_ slot: UInt32) -> Bool {
        Int(slot) < locations.count && locations[Int(slot)] != Self.empty
    }

    /// Stores a record in `slot` (growing the slot table as needed), replacing what it held.
    /// - Complexity: O(record size) amortized.
    mutating func store(_ record: UnsafeRawBufferPointer, at slot: UInt32) {
        let index = Int(slot)
        if index >= locations.count {
            locations.append(contentsOf: repeatElement(Self.empty, count: index + 1 - locations.count))
        }
        release(slot)
        var prefix: (UInt64, UInt64) = (0, 0)
        let prefixCount = withUnsafeMutableBytes(of: &prefix) { Self.writeVarint(UInt64(record.count), into: $0) }
        let needed = prefixCount + record.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + needed > Self.chunkSize {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, needed))
            chunks.append(chunk)
        }
        let chunkIndex = chunks.count - 1
        let offset = chunks[chunkIndex].count
        withUnsafeBytes(of: &prefix) { chunks[chunkIndex].append(contentsOf: $0[0..<prefixCount]) }
        chunks[chunkIndex].append(contentsOf: record)
        locations[index] = UInt64(chunkIndex) << 32 | UInt64(offset)
        storedBytes += needed
    }

    /// Empties `slot`; its bytes become garbage.
    mutating func remove(_ slot: UInt32) {
        release(slot)
    }

    private mutating func release(_ slot: UInt32) {
        let index = Int(slot)
        guard index < locations.count, locations[index] != Self.empty else { return }
        garbageBytes += withRecordAndPrefix(at: locations[index]) { $1 }
        locations[index] = Self.empty
    }

    /// Calls `body` with the record in `slot`, or returns nil when the slot is empty.
    /// - Complexity: O(1).
    @inline(__always)
    func withRecord<R>(_ slot: UInt32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        let index = Int(slot)
        guard index < locations.count else { return nil }
        let location = locations[index]
        guard location != Self.empty else { return nil }
        return try chunks[Int(location >> 32)].withUnsafeBytes { chunk in
            var position = Int(location & 0xFFFF_FFFF)
            var count = 0
            var shift = 0
            while true {
                let byte = chunk[position]
                position += 1
                count |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return try body(UnsafeRawBufferPointer(rebasing: chunk[position..<(position + count)]))
        }
    }

    /// Starts loading `slot`'s entry of the slot table without waiting for it: the first of the
    /// two steps that let a look-up's reads of several records overlap (`prefetchRecord`).
    @inline(__always)
    func prefetchLocation(_ slot: UInt32) {
        guard Int(slot) < locations.count else { return }
        locations.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + Int(slot)) }
    }

    /// Starts loading the first four cache lines of `slot`'s record without waiting for them. Its
    /// location is read now: after `prefetchLocation` for the same slots, these reads overlap.
    @inline(__always)
    func prefetchRecord(_ slot: UInt32) {
        guard Int(slot) < locations.count else { return }
        let location = locations[Int(slot)]
        guard location != Self.empty else { return }
        chunks[Int(location >> 32)].withUnsafeBytes { chunk in
            let start = chunk.baseAddress! + Int(location & 0xFFFF_FFFF)
            cmh_prefetch_read(start)
            cmh_prefetch_read(start + 64)
            cmh_prefetch_read(start + 128)
            cmh_prefetch_read(start + 192)
        }
    }

    /// The record at a location and the bytes it takes with its prefix.
    private func withRecordAndPrefix<R>(at location: UInt64, _ body: (UnsafeRawBufferPointer, Int) -> R) -> R {
        chunks[Int(location >> 32)].withUnsafeBytes { chunk in
            let start = Int(location & 0xFFFF_FFFF)
            var position = start
            var count = 0
            var shift = 0
            while true {
                let byte = chunk[position]
                position += 1
                count |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return body(UnsafeRawBufferPointer(rebasing: chunk[position..<(position + count)]), position - start + count)
        }
    }

    /// Rewrites the live records into fresh chunks when garbage is over half the stored bytes.
    /// - Complexity: O(live bytes) when it compacts, O(1) otherwise.
    mutating func compactIfNeeded() {
        guard garbageBytes > Self.chunkSize, garbageBytes * 2 > storedBytes else { return }
        var fresh = ContactRecordStore()
        fresh.locations = Array(repeating: Self.empty, count: locations.count)
        for slot in locations.indices where locations[slot] != Self.empty {
            withRecordAndPrefix(at: locations[slot]) { record, _ in fresh.store(record, at: UInt32(slot)) }
        }
        self = fresh
    }

    /// Makes the slot table own its storage (see `ContactDirectory.independentCopy`); chunks stay
    /// shared until written.
    mutating func makeStorageUnique() {
        locations.reserveCapacity(locations.count)
        chunks.reserveCapacity(chunks.count)
    }

    /// Bytes held: chunks (with their unused tails) and the slot table.
    var approximateBytes: Int {
        chunks.reduce(0) { $0 + $1.capacity } + locations.capacity * 8
    }

    private static func writeVarint(_ value: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var rest = value
        var count = 0
        while rest >= 0x80 {
            buffer[count] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            count += 1
        }
        buffer[count] = UInt8(rest)
        return count + 1
    }
}
