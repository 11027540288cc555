#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorted ICU collation keys of whole names, for exact and prefix name look-ups by binary search.
///
/// Layout: every key's bytes live in one arena (`[UInt8]`), and the index is a sequence of small
/// fixed-size entries (offset, length, slot, generation, tie) sorted by key bytes, cut into
/// blocks of at most `blockCapacity` entries. That keeps a million names in a few thousand
/// allocations instead of a million small arrays. Entries with equal keys (namesakes) share one
/// copy of the bytes, so a search through them reads one place of the arena.
///
/// Updates: a new key is placed by binary search (over the blocks' last entries, their `Fence`s,
/// then inside one block) and inserted into its block, which splits in two when full. So an
/// update moves at most a block's entries (8 KiB), whatever the size of the index: no side
/// array, and no merge that moves every entry (such a merge, every few thousand updates, was an
/// update's p99.9). Removed and changed contacts are not searched for: each entry carries the generation
/// of its slot at insertion, and an entry whose generation is no longer the slot's is dead
/// (skipped by look-ups). Dead entries and their key bytes are dropped in one compaction once
/// they may make up a quarter of the entries.
///
/// Equal keys are kept in the order of a tie value each entry carries (0 when the owner gives
/// none: then in insertion order). Whole names use it for the order of namesakes (entity rank and
/// id prefix, see `SlotTies.nameKeyTie`), so a reader walks a name's namesakes best first
/// and stops after the first few (`forEachEqual(_:isLive:byTie:)`). The value is fixed when the
/// entry is added; `retie` recomputes every entry's when the owner's values change.
struct CollationKeyIndex: Sendable {
    struct Entry: Sendable {
        var offset: UInt32
        /// The key's length: at most `maximumKeyLength` (longer keys are cut there).
        var length: UInt16
        /// A value the owner keeps with the key, 0xFFFF when it gives none: for whole names, the
        /// bits of the contact's spellings (`NameSpelling.Bits`), so a search through namesakes
        /// tells those not spelled as the query without reading their records.
        var spellings: UInt16
        var slot: UInt32
        var generation: UInt32
        /// Orders entries with equal keys.
        var tie: UInt64
        /// The key's first 8 bytes, big-endian, zero-padded: two entries whose prefixes differ
        /// compare as their keys do without reading the arena (a cache miss per step of a
        /// search at a million keys).
        var prefix: UInt64

        init(offset: UInt32, slot: UInt32, generation: UInt32, tie: UInt64, spellings: UInt16, key: some Collection<UInt8>) {
            self.offset = offset
            self.length = UInt16(key.count)
            self.spellings = spellings
            self.slot = slot
            self.generation = generation
            self.tie = tie
            self.prefix = Self.prefix(of: key)
        }

        /// A key's first 8 bytes, big-endian, zero-padded.
        static func prefix(of key: some Collection<UInt8>) -> UInt64 {
            var prefix: UInt64 = 0
            var taken = 0
            for byte in key.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                taken += 1
            }
            return taken == 0 ? 0 : prefix << UInt64(8 * (8 - taken))
        }
    }

    /// A key looked up, with its prefix (`Entry.prefix`): a search compares it with an entry's
    /// prefix first and reads the arena only when they are equal. Prefixes that differ order
    /// the keys as their bytes do (the first differing byte is among them; a missing byte
    /// counts as 0, below any other, as a shorter key sorts first).
    private struct ProbeKey {
        let bytes: [UInt8]
        let prefix: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = CollationKeyIndex.cut(bytes)
            prefix = Entry.prefix(of: bytes)
        }
    }

    /// What orders a block's last entry: its prefix, where its key bytes are, and its tie
    /// value. A search of the blocks compares a key with a fence alone: where the prefixes tie
    /// (namesakes, mostly), with the key bytes in the arena, and without reading the block.
    /// Before, each such step read the block's header and its last entry first (two more cache
    /// misses). In a directory of common names (a generated export: 1,700 contacts a name at a
    /// million) a name's namesakes span several blocks, and these steps took about 60% of the
    /// samples of an update's search for a whole-name key's place.
    struct Fence: Sendable {
        var prefix: UInt64
        var tie: UInt64
        var offset: UInt32
        var length: UInt16

        init(_ entry: Entry) {
            prefix = entry.prefix
            tie = entry.tie
            offset = entry.offset
            length = entry.length
        }
    }

    /// The most entries a block holds; a fuller one splits in two. An insert moves half a block
    /// on average (4 KiB here); 512 entries moved twice that, and were kept only while a split
    /// also moved a 32-byte fence a block (see `fences`).
    static let blockCapacity = 256
    /// How full bulk builds and compactions leave the blocks (room for inserts).
    static let blockFill = 192

    private var arena: [UInt8] = []
    /// The entries in order, cut into non-empty blocks.
    private var blocks: [[Entry]] = []
    /// Each block's last entry's `Fence`, for the search of a block: one dense array of 24 bytes
    /// a block, so that a search touches few cache lines and a block split moves little.
    private var fences: [Fence] = []
    private var entryCount = 0
    /// Entries added by `bulkAppend`, not yet sorted.
    private var bulk: [Entry] = []
    private var deadEstimate = 0

    /// The number of entries (live or dead) held.
    var count: Int { entryCount }

    /// The number of blocks the entries are cut into.
    var blockCount: Int { blocks.count }

    /// The bytes of keys held in the arena (dead ones until compaction; equal keys inserted one
    /// by one count once, equal keys of a bulk load until compaction).
    var keyByteCount: Int { arena.count }

    /// Adds a key for a slot at its current generation.
    /// - Complexity: O(log n) comparisons and O(b) entry moves, b ≤ `blockCapacity`; O(n) when
    ///   dead entries reach a quarter (a compaction, after n/4 removals or changes).
    /// - Parameter spellings: kept with the entry (`Entry.spellings`).
    mutating func insert(
        key: [UInt8], slot: UInt32, generation: UInt32, tie: UInt64 = 0, spellings: UInt16 = .max, isLive: (UInt32, UInt32) -> Bool
    ) {
        let key = Self.cut(key)
        var entry = append(key: key, slot: slot, generation: generation, tie: tie, spellings: spellings)
        let appendedAt = entry.offset
        entryCount += 1
        guard !blocks.isEmpty else {
            blocks.append([entry])
            fences.append(Fence(entry))
            return
        }
        // After every entry that does not come after it (equal keys: by tie, then as inserted).
        // A compare that meets an equal key points the entry at that key's bytes (`sharing`),
        // so the compares after it with namesakes read no bytes.
        let (block, position, twin) = arena.withUnsafeBufferPointer { bytes in
            var low = 0
            var high = fences.count - 1  // the last block takes what comes after everything
            while low < high {
                let middle = (low + high) / 2
                if Self.compare(bytes, sharing: &entry, fences[middle]) < 0 { high = middle } else { low = middle + 1 }
            }
            let position = Self.upperBound(sharing: &entry, in: blocks[low], bytes: bytes)
            if entry.offset != appendedAt { return (low, position, nil as Entry?) }
            // A neighbour with the same key lends its bytes.
            var twin: Entry? = position > 0 ? blocks[low][position - 1] : (low > 0 ? lastEntry(ofBlock: low - 1) : nil)
            if let before = twin, Self.compareKeys(bytes, before, entry) != 0 {
                twin = position < blocks[low].count ? blocks[low][position] : nil
                if let after = twin, Self.compareKeys(bytes, after, entry) != 0 { twin = nil }
            } else if twin == nil, position < blocks[low].count, Self.compareKeys(bytes, blocks[low][position], entry) == 0 {
                twin = blocks[low][position]
            }
            return (low, position, twin)
        }
        if let twin { entry.offset = twin.offset }
        if entry.offset != appendedAt { arena.removeLast(key.count) }
        blocks[block].insert(entry, at: position)
        if position == blocks[block].count - 1 { fences[block] = Fence(entry) }
        if blocks[block].count > Self.blockCapacity {
            let upper = Array(blocks[block][(Self.blockCapacity / 2)...])
            blocks[block].removeSubrange((Self.blockCapacity / 2)...)
            fences[block] = Fence(lastEntry(ofBlock: block))
            blocks.insert(upper, at: block + 1)
            fences.insert(Fence(upper[upper.count - 1]), at: block + 1)
        }
        if deadEstimate >= 64, deadEstimate * 4 > entryCount { compact(isLive: isLive) }
    }

    /// Makes the arrays own their storage (see `ContactDirectory.independentCopy`); each block is
    /// copied when first written.
    mutating func makeStorageUnique() {
        arena.reserveCapacity(arena.count)
        blocks.reserveCapacity(blocks.count)
        fences.reserveCapacity(fences.count)
    }

    /// Gives every block its own storage with room for inserts (see
    /// `ContactDirectory.prepareForUpdates`).
    mutating func reserveForUpdates() {
        for block in blocks.indices { blocks[block].reserveRoomForUpdates(minimumCount: 0) }
        // The arena too: without room, the first key an update adds copies all of it (40 MB
        // at a million names), in that update.
        arena.reserveRoomForUpdates()
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        let entryBytes = blocks.reduce(0) { $0 + 32 + $1.capacity * MemoryLayout<Entry>.stride }
        return arena.capacity + blocks.capacity * 8 + fences.capacity * MemoryLayout<Fence>.stride + entryBytes
    }

    /// Marks that `count` entries died (a removed or changed contact), to schedule compaction.
    mutating func noteDead(_ count: Int) {
        deadEstimate += count
    }

    /// Adds a key during a bulk build: call `finishBulkAppend` before any look-up.
    /// - Complexity: O(key) amortized.
    /// - Parameter spellings: kept with the entry (`Entry.spellings`).
    mutating func bulkAppend(key: some Collection<UInt8>, slot: UInt32, generation: UInt32, tie: UInt64 = 0, spellings: UInt16 = .max) {
        let key = key.prefix(Self.maximumKeyLength)
        let entry = Entry(offset: UInt32(arena.count), slot: slot, generation: generation, tie: tie, spellings: spellings, key: key)
        arena.append(contentsOf: key)
        bulk.append(entry)
    }

    /// The longest key kept: longer ones are cut to their first this many bytes (a whole name's
    /// collation key is a few dozen bytes; one this long would be a name of thousands of
    /// characters, told apart from its namesakes by its first ones).
    static let maximumKeyLength = Int(UInt16.max)

    /// `key`, cut to `maximumKeyLength` bytes when longer.
    static func cut(_ key: [UInt8]) -> [UInt8] {
        key.count > maximumKeyLength ? Array(key.prefix(maximumKeyLength)) : key
    }

    /// Sorts the keys added by `bulkAppend` (`CollationKeySort`), drops the dead ones, and merges
    /// them in.
    /// - Complexity: O(b) radix passes for the b keys added (more for keys that share their first
    ///   8·d bytes), plus O(n) to cut the blocks again. The sort holds about 56 bytes a key
    ///   beside the entries while it runs.
    mutating func finishBulkAppend(isLive: (UInt32, UInt32) -> Bool) {
        var added = bulk
        bulk = []
        added.removeAll { !isLive($0.slot, $0.generation) }  // in place: no second array at a load's peak
        arena.withUnsafeBufferPointer { bytes in CollationKeySort.sort(&added, arena: bytes) }
        if blocks.isEmpty {
            setEntries(consume added)  // moved: no copy-on-write of a load's entries
        } else {
            setEntries(Self.mergeSorted(allEntries, added, arena: arena))
        }
        // Appends double the arena as it fills, so a load leaves anything up to half of it empty,
        // whatever the keys: the whole-name keys of the same million contacts took 42 MB in one
        // load and 78 MB in another (40.5 MB of bytes), which swung the name indexes between 366
        // and 401 bytes a contact. Updates get their room from `reserveForUpdates`.
        arena.trimCapacity()
    }

    /// The arena's bytes and the room it holds for them.
    var arenaSize: (count: Int, capacity: Int) { (arena.count, arena.capacity) }

    /// Recomputes every entry's tie value from its slot and puts each run of equal keys back in
    /// that order (the owner's values changed). In place: a run inside one block is sorted
    /// there, a run across blocks is gathered, sorted and put back.
    /// - Complexity: O(n) key comparisons, plus sorting each run of equal keys.
    mutating func retie(_ tie: (UInt32) -> UInt64) {
        for index in bulk.indices { bulk[index].tie = tie(bulk[index].slot) }
        for block in blocks.indices {
            blocks[block].withUnsafeMutableBufferPointer { entries in
                for index in entries.indices { entries[index].tie = tie(entries[index].slot) }
            }
        }
        let arena = self.arena
        arena.withUnsafeBufferPointer { bytes in
            var start = (block: 0, index: 0)
            var count = 0
            var first: Entry? = nil
            for block in blocks.indices {
                for index in blocks[block].indices {
                    let entry = blocks[block][index]
                    if let first, Self.compareKeys(bytes, first, entry) == 0 {
                        count += 1
                        continue
                    }
                    sortRun(from: start, count: count)
                    (start, count, first) = ((block, index), 1, entry)
                }
            }
            sortRun(from: start, count: count)
        }
        fences = blocks.map { Fence($0[$0.count - 1]) }
    }

    /// Sorts by tie value the `count` entries from `start` on (equal keys).
    private mutating func sortRun(from start: (block: Int, index: Int), count: Int) {
        guard count > 1 else { return }
        if start.index + count <= blocks[start.block].count {
            blocks[start.block][start.index..<(start.index + count)].sort { $0.tie < $1.tie }
            return
        }
        var run: [Entry] = []
        run.reserveCapacity(count)
        var (block, index) = start
        while run.count < count {
            run.append(blocks[block][index])
            index += 1
            if index == blocks[block].count { (block, index) = (block + 1, 0) }
        }
        run.sort { $0.tie < $1.tie }
        (block, index) = start
        for entry in run {
            blocks[block][index] = entry
            index += 1
            if index == blocks[block].count { (block, index) = (block + 1, 0) }
        }
    }

    /// Builds the index in one pass from many keys.
    /// - Complexity: O(n log n).
    mutating func bulkLoad(_ keys: [(key: [UInt8], slot: UInt32, generation: UInt32)]) {
        for key in keys { bulkAppend(key: key.key, slot: key.slot, generation: key.generation) }
        finishBulkAppend { _, _ in true }
    }

    /// Drops dead entries and their key bytes.
    /// - Complexity: O(n).
    mutating func compact(isLive: (UInt32, UInt32) -> Bool) {
        var newArena: [UInt8] = []
        newArena.reserveCapacity(arena.count)
        var kept: [Entry] = []
        kept.reserveCapacity(entryCount)
        arena.withUnsafeBufferPointer { bytes in
            var previous: (old: Entry, new: Entry)? = nil  // the last entry kept, before and after
            for block in blocks {
                for var entry in block where isLive(entry.slot, entry.generation) {
                    let old = entry
                    if let previous, Self.compareKeys(bytes, previous.old, entry) == 0 {
                        entry.offset = previous.new.offset  // equal keys keep one copy of their bytes
                    } else {
                        entry.offset = UInt32(newArena.count)
                        newArena.append(contentsOf: bytes[Int(old.offset)..<(Int(old.offset) + Int(old.length))])
                    }
                    kept.append(entry)
                    previous = (old, entry)
                }
            }
        }
        arena = newArena
        setEntries(kept)
        deadEstimate = 0
    }

    /// Every entry in order, in one array.
    private var allEntries: [Entry] {
        var all: [Entry] = []
        all.reserveCapacity(entryCount)
        for block in blocks { all.append(contentsOf: block) }
        return all
    }

    /// Replaces the entries with `sorted`, cut into blocks of `blockFill`. Runs of equal keys
    /// are pointed at one copy of their bytes (the first one's), so that a search through
    /// namesakes reads one place of the arena, not one per entry.
    private mutating func setEntries(_ sorted: consuming [Entry]) {
        arena.withUnsafeBufferPointer { bytes in
            var first = 0
            for index in sorted.indices.dropFirst() {
                if Self.compareKeys(bytes, sorted[first], sorted[index]) == 0 {
                    sorted[index].offset = sorted[first].offset
                } else {
                    first = index
                }
            }
        }
        var cut: [[Entry]] = []
        cut.reserveCapacity(sorted.count / Self.blockFill + 1)
        var start = 0
        while start < sorted.count {
            let end = min(sorted.count, start + Self.blockFill)
            // Exactly as large as its entries: most blocks of a big index are never written
            // again, and one that is grows once.
            cut.append(Array(sorted[start..<end]))
            start = end
        }
        blocks = cut
        fences = cut.map { Fence($0[$0.count - 1]) }
        entryCount = sorted.count
    }

    /// Calls `body` for each live entry whose key equals `key`.
    /// - Complexity: O(log n + m) for m equal keys.
    func forEachEqual(_ key: [UInt8], isLive: (UInt32, UInt32) -> Bool, _ body: (UInt32) -> Void) {
        forEachInRange(lower: key, upper: nil, equalTo: key, limit: Int.max, isLive: isLive, body)
    }

    /// Where the walks of one key start (`start(of:)`): the first entry whose key does not
    /// come before it. A look-up that walks the same place twice (a whole name's namesakes,
    /// then the names that extend it: `ContactDirectory.offerWholeNameCompletions`) searches
    /// for it once; each search is a cache miss or more a step at a million names. Valid for
    /// the index it came from, as it was.
    struct WalkStart: Sendable {
        fileprivate let block: Int
        fileprivate let index: Int
    }

    /// The start of the walks from `key` (`WalkStart`).
    /// - Complexity: O(log n).
    func start(of key: [UInt8]) -> WalkStart {
        arena.withUnsafeBufferPointer { bytes in start(of: ProbeKey(key), bytes: bytes) }
    }

    /// Calls `body` with each live entry whose key equals `key` and its tie value, by tie value,
    /// up to tie value `bound` (the entries past it are not checked for liveness); `body`
    /// returns false to stop.
    /// - Parameter start: `start(of: key)`, when the caller has it (the search is skipped).
    /// - Complexity: O(log n) plus the entries read.
    /// `body` also gets the value kept with the entry (`Entry.spellings`).
    func forEachEqual(
        _ key: [UInt8], from start: WalkStart? = nil, isLive: (UInt32, UInt32) -> Bool, tiesUpTo bound: UInt64 = .max,
        byTie body: (_ slot: UInt32, _ tie: UInt64, _ spellings: UInt16) -> Bool
    ) {
        arena.withUnsafeBufferPointer { bytes in
            let probe = ProbeKey(key)
            // Equal keys share one copy of their bytes: an entry pointing at the copy found
            // equal is equal, without a compare.
            var equalCopy: (offset: UInt32, length: UInt16)? = nil
            walk(from: start ?? self.start(of: probe, bytes: bytes), bytes: bytes) { entry in
                let shared = equalCopy.map { $0.offset == entry.offset && $0.length == entry.length } ?? false
                if !shared {
                    guard Self.compare(bytes, entry, probe) == 0 else { return false }
                    equalCopy = (entry.offset, entry.length)
                }
                guard entry.tie <= bound else { return false }
                return !isLive(entry.slot, entry.generation) || body(entry.slot, entry.tie, entry.spellings)
            }
        }
    }

    /// Calls `body` for each live entry with `lower <= key < upper`, at most `limit` of them.
    /// - Parameter start: `start(of: lower)` or its equal, when the caller has it (the search
    ///   is skipped).
    /// - Complexity: O(log n + m) for m keys in the range.
    func forEachInRange(
        lower: [UInt8], upper: [UInt8], from start: WalkStart? = nil, limit: Int, isLive: (UInt32, UInt32) -> Bool, _ body: (UInt32) -> Void
    ) {
        forEachInRange(lower: lower, upper: upper, equalTo: nil, from: start, limit: limit, isLive: isLive, body)
    }

    private func forEachInRange(
        lower: [UInt8], upper: [UInt8]?, equalTo: [UInt8]?, from start: WalkStart? = nil, limit: Int, isLive: (UInt32, UInt32) -> Bool,
        _ body: (UInt32) -> Void
    ) {
        guard limit > 0 else { return }
        arena.withUnsafeBufferPointer { bytes in
            var seen = 0
            let equalTo = equalTo.map(ProbeKey.init)
            let upper = upper.map(ProbeKey.init)
            walk(from: start ?? self.start(of: ProbeKey(lower), bytes: bytes), bytes: bytes) { entry in
                if let equalTo {
                    guard Self.compare(bytes, entry, equalTo) == 0 else { return false }
                } else if let upper {
                    guard Self.compare(bytes, entry, upper) < 0 else { return false }
                }
                if isLive(entry.slot, entry.generation) {
                    body(entry.slot)
                    seen += 1
                }
                return seen < limit
            }
        }
    }

    /// The first entry whose key does not come before `key`.
    private func start(of key: ProbeKey, bytes: UnsafeBufferPointer<UInt8>) -> WalkStart {
        // The first block whose last entry does not come before the key.
        var low = 0
        var high = fences.count
        while low < high {
            let middle = (low + high) / 2
            let before = Self.compare(bytes, fences[middle], key) < 0
            if before { low = middle + 1 } else { high = middle }
        }
        guard low < blocks.count else { return WalkStart(block: low, index: 0) }
        return WalkStart(block: low, index: Self.lowerBound(in: blocks[low], key: key, bytes: bytes))
    }

    /// Calls `body` with the entries in order from `start`, until it returns false or the
    /// entries end.
    private func walk(from start: WalkStart, bytes: UnsafeBufferPointer<UInt8>, _ body: (Entry) -> Bool) {
        var block = start.block
        guard block < blocks.count else { return }
        var index = start.index
        while block < blocks.count {
            let entries = blocks[block]
            while index < entries.count {
                if !body(entries[index]) { return }
                index += 1
            }
            block += 1
            index = 0
        }
    }

    /// The last entry of a block (blocks are never empty).
    @inline(__always)
    private func lastEntry(ofBlock index: Int) -> Entry {
        blocks[index].withUnsafeBufferPointer { $0[$0.count - 1] }
    }

    private mutating func append(key: [UInt8], slot: UInt32, generation: UInt32, tie: UInt64, spellings: UInt16) -> Entry {
        let entry = Entry(offset: UInt32(arena.count), slot: slot, generation: generation, tie: tie, spellings: spellings, key: key)
        arena.append(contentsOf: key)
        return entry
    }

    /// The first position whose entry comes after `entry` (equal ones stay before it). A
    /// compare that meets an equal key points `entry` at that key's bytes.
    private static func upperBound(sharing entry: inout Entry, in array: [Entry], bytes: UnsafeBufferPointer<UInt8>) -> Int {
        array.withUnsafeBufferPointer { entries in
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if compare(bytes, sharing: &entry, entries[middle]) < 0 { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    /// The order of `entry` and `other` (by key, then tie value, as `compare`); when their keys
    /// are equal and their bytes two copies, `entry` takes `other`'s copy (equal keys share
    /// one).
    @inline(__always)
    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, sharing entry: inout Entry, _ other: Entry) -> Int {
        compare(arena, sharing: &entry, Fence(other))
    }

    @inline(__always)
    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, sharing entry: inout Entry, _ other: Fence) -> Int {
        if entry.prefix != other.prefix { return entry.prefix < other.prefix ? -1 : 1 }
        if entry.offset != other.offset || entry.length != other.length {
            let order = compareBytes(arena.baseAddress! + Int(entry.offset), Int(entry.length), arena.baseAddress! + Int(other.offset), Int(other.length))
            guard order == 0 else { return order }
            entry.offset = other.offset
        }
        return entry.tie == other.tie ? 0 : (entry.tie < other.tie ? -1 : 1)
    }

    /// The order of a block's last entry (its fence) and a probed key, by key.
    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, _ fence: Fence, _ key: ProbeKey) -> Int {
        if fence.prefix != key.prefix { return fence.prefix < key.prefix ? -1 : 1 }
        return key.bytes.withUnsafeBufferPointer { other in
            compareBytes(arena.baseAddress! + Int(fence.offset), Int(fence.length), other.baseAddress, other.count)
        }
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

    private static func lowerBound(in array: [Entry], key: ProbeKey, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = array.count
        while low < high {
            let middle = (low + high) / 2
            if compare(bytes, array[middle], key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func compare(_ arena: UnsafeBufferPointer<UInt8>, _ entry: Entry, _ key: ProbeKey) -> Int {
        if entry.prefix != key.prefix { return entry.prefix < key.prefix ? -1 : 1 }
        return key.bytes.withUnsafeBufferPointer { other in
            compareBytes(arena.baseAddress! + Int(entry.offset), Int(entry.length), other.baseAddress, other.count)
        }
    }

    /// The entries' order: by key, then by tie value (also `CollationKeySort`'s last resort).
    static func compare(_ arena: UnsafeBufferPointer<UInt8>, _ a: Entry, _ b: Entry) -> Int {
        let order = compareKeys(arena, a, b)
        guard order == 0 else { return order }
        return a.tie == b.tie ? 0 : (a.tie < b.tie ? -1 : 1)
    }

    private static func compareKeys(_ arena: UnsafeBufferPointer<UInt8>, _ a: Entry, _ b: Entry) -> Int {
        if a.prefix != b.prefix { return a.prefix < b.prefix ? -1 : 1 }
        if a.offset == b.offset, a.length == b.length { return 0 }  // one copy of equal keys' bytes
        return compareBytes(arena.baseAddress! + Int(a.offset), Int(a.length), arena.baseAddress! + Int(b.offset), Int(b.length))
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
