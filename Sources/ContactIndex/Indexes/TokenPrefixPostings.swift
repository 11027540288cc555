/// The contacts whose name tokens start with a given 2, 3 or 4 characters, for the prefixes that
/// many distinct tokens share: one sorted posting list a prefix (in two parts, as a token's:
/// `TokenPostingLists`), so that a type-ahead query
/// token ("mar", "jose") reads one list where it would read those of hundreds of spellings.
///
/// Why: a query token typed as a prefix stands for every vocabulary token it starts ("mar":
/// 1,700 spellings at a million contacts, 65,000 postings). Its union, and the walk of its
/// contacts when it drives the search, read each spelling's list: two cache misses a list
/// (the list's place, then its slots), most of a prefix query's time, whatever the contacts
/// found. Here the prefix's contacts sit in one list, sorted and without repeats (a contact
/// with "maria" and "martinez" is in it once).
///
/// Which prefixes: those of `lengths` characters that at least `minimumSpellings` vocabulary
/// tokens share when the index is built (`rebuild`); a prefix of fewer spellings costs few
/// lists to read anyway. Later updates keep the lists current but add none (a prefix common
/// only since the last bulk load is read the old way: the same answers, slower).
///
/// Removal is lazy, as for the token postings (`NameTokenIndex`): a contact that loses its
/// last token with a prefix stays in the prefix's list, counted as dead, until the dead pass
/// half the list, which is then rewritten. So a list is a superset of the prefix's contacts:
/// readers verify each contact on its token list.
///
/// A dense list (at least one contact in `bitmapDensity`) also has a bitmap of its slots, kept
/// current with it: the union a query token builds of its prefix spellings ("mar": 65,000
/// contacts at a million) is then that bitmap, shared, where setting its bits one by one cost
/// a type-ahead query with one common prefix ("Mar Garc") a third of its time. The bitmap holds
/// the list's dead entries as well (the same superset).
///
/// Each listed prefix also keeps its spellings, the vocabulary tokens it starts, ready for a
/// query token typed as the prefix (`PrefixSpellingTable`), kept current as the vocabulary
/// gains tokens.
///
/// Memory: 4 bytes for each contact and listed prefix of its tokens (about 3–5 tokens of
/// distinct prefixes a contact, 3 lengths), plus a table entry a prefix; a dense list's bitmap
/// takes no more than its list's bytes (one bit a slot of the directory); 28 to 44 bytes for
/// each vocabulary token and listed prefix of it in the spelling tables.
struct TokenPrefixPostings: Sendable {
    /// The prefix lengths listed, in characters (Unicode scalars of the folded token).
    static let lengths: ClosedRange<Int> = 2...4
    /// The fewest vocabulary tokens a prefix needs to be listed.
    static let minimumSpellings = 8

    /// A prefix's bytes (at most 16: 4 characters of at most 4 bytes), zero-padded. Folded
    /// tokens hold no zero byte, so prefixes of different lengths never share a key.
    struct Key: Hashable, Sendable {
        let high: UInt64
        let low: UInt64

        /// The key of the first `count` bytes of `bytes` (at most 16).
        init(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) {
            var high: UInt64 = 0
            var low: UInt64 = 0
            for index in 0..<16 {
                let byte = index < count ? UInt64(bytes[index]) : 0
                if index < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
            }
            self.high = high
            self.low = low
        }
    }

    /// List index by prefix.
    private var listIndex: [Key: Int32] = [:]
    /// Slots per listed prefix (`TokenPostingLists`: a main list and a few recent slots); may
    /// hold dead entries (see above).
    private(set) var lists = TokenPostingLists()
    /// Per list: how many of its entries may be dead.
    private var dead: [UInt32] = []
    /// Per list: the bitmap of its slots (`SlotBitmap`) when the list is dense (`isDense`), else
    /// empty.
    private(set) var bitmaps: [[UInt64]] = []
    /// Per list: the spellings of its prefix (`PrefixSpellingTable`).
    private(set) var spellings: [PrefixSpellingTable] = []

    /// A list holds at least one slot in this many of the directory to have a bitmap.
    static let bitmapDensity = 32

    /// Whether a list of `count` slots over `slotCount` slots gets a bitmap: its bitmap then
    /// takes no more than the list's bytes. Lists of fewer than 64 slots never do (their
    /// union costs little to build).
    static func isDense(count: Int, slotCount: Int) -> Bool {
        count >= 64 && count * bitmapDensity >= slotCount
    }

    /// Sets where the lists take new slots (`TokenPostingLists.Limits`), kept by `rebuild`.
    mutating func setLimits(_ limits: TokenPostingLists.Limits) {
        lists.setLimits(limits, countingRepeatsOff: &dead)
    }

    /// Whether no prefix is listed.
    var isEmpty: Bool { lists.count == 0 }

    /// The byte lengths of a token's prefixes of `lengths` characters, shortest first (fewer
    /// when the token is shorter). Returns how many it wrote to `out`.
    @inline(__always)
    static func prefixByteCounts(_ token: UnsafeBufferPointer<UInt8>, into out: inout (Int, Int, Int)) -> Int {
        var characters = 0
        var found = 0
        var index = 0
        while index <= token.count {
            // A character starts at every byte that is not a UTF-8 continuation byte.
            if index == token.count || token[index] & 0xC0 != 0x80 {
                if characters >= lengths.lowerBound, characters <= lengths.upperBound, index <= 16 {
                    switch found {
                    case 0: out.0 = index
                    case 1: out.1 = index
                    default: out.2 = index
                    }
                    found += 1
                }
                characters += 1
                if characters > lengths.upperBound { break }
            }
            index += 1
        }
        return found
    }

    /// The list of the contacts with a token that starts with `prefix` (a whole query token),
    /// or nil when that prefix is not listed.
    func list(startingWith prefix: UnsafeBufferPointer<UInt8>) -> TokenPostingLists.Slots? {
        guard prefix.count <= 16, let index = listID(of: prefix) else { return nil }
        return lists.parts(of: Int(index))
    }

    /// What the index keeps of one listed prefix.
    struct Listed {
        /// The contacts with a token that starts with it (a superset: see the type).
        let list: TokenPostingLists.Slots
        /// The list's bitmap, when the list is dense.
        let bitmap: [UInt64]?
        /// The vocabulary tokens it starts.
        let spellings: PrefixSpellingTable
    }

    /// The list of `list(startingWith:)`, its bitmap and the prefix's spellings, or nil when
    /// that prefix is not listed.
    func listed(startingWith prefix: UnsafeBufferPointer<UInt8>) -> Listed? {
        guard prefix.count <= 16, let index = listID(of: prefix) else { return nil }
        let bitmap = bitmaps[Int(index)]
        return Listed(list: lists.parts(of: Int(index)), bitmap: bitmap.isEmpty ? nil : bitmap, spellings: spellings[Int(index)])
    }

    /// Adds a token new to the vocabulary to the spellings of its listed prefixes.
    /// - Complexity: O(n) for the n spellings of each of its (at most 3) listed prefixes.
    mutating func addSpelling(_ id: UInt32, token: UnsafeBufferPointer<UInt8>) {
        var lists: [Int32] = []
        appendListIDs(of: token, to: &lists)
        for list in lists { spellings[Int(list)].append(id, length: Int(UInt16(clamping: token.count))) }
    }

    /// The list index of a whole prefix, or nil.
    private func listID(of prefix: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !listIndex.isEmpty, prefix.count <= 16 else { return nil }
        var counts = (0, 0, 0)
        let found = Self.prefixByteCounts(prefix, into: &counts)
        // Only a prefix of exactly `lengths` characters: its longest counted prefix is itself.
        let last = found == 3 ? counts.2 : (found == 2 ? counts.1 : counts.0)
        guard found > 0, last == prefix.count else { return nil }
        return listIndex[Key(prefix, count: prefix.count)]
    }

    /// Appends to `out` the lists of a token's listed prefixes.
    func appendListIDs(of token: UnsafeBufferPointer<UInt8>, to out: inout [Int32]) {
        guard !listIndex.isEmpty else { return }
        var counts = (0, 0, 0)
        let found = Self.prefixByteCounts(token, into: &counts)
        for offset in 0..<found {
            let count = offset == 0 ? counts.0 : (offset == 1 ? counts.1 : counts.2)
            if let id = listIndex[Key(token, count: count)] { out.append(id) }
        }
    }

    /// Lists anew, from the vocabulary and every slot's tokens, the prefixes that at least
    /// `minimumSpellings` tokens share.
    /// - Parameters:
    ///   - slotCount: the slots to read.
    ///   - tokens: calls its argument with a slot's token ids.
    /// - Complexity: O(V) over the vocabulary's sorted tokens, then O(s · t) over s slots of t
    ///   tokens, twice (counting, then filling lists of exact capacity).
    mutating func rebuild(vocabulary: TokenVocabulary, slotCount: Int, tokens: (UInt32, (UnsafeBufferPointer<UInt32>) -> Void) -> Void) {
        listIndex = [:]
        dead = []
        // Per token id and length: its prefix's list, or -1. A prefix's tokens are one run of
        // the vocabulary's byte order.
        let lengthCount = Self.lengths.count
        var tokenLists = [Int32](repeating: -1, count: vocabulary.count * lengthCount)
        var tables: [PrefixSpellingTable] = []
        vocabulary.withBytesReader { reader in
            let sorted = vocabulary.sorted
            for lengthOffset in 0..<lengthCount {
                var runStart = 0
                var runKey: Key? = nil
                // The run's prefix length in bytes: the query token's that uses its table.
                var runBytes = 0
                func close(_ end: Int) {
                    guard let key = runKey, end - runStart >= Self.minimumSpellings else { return }
                    let list = Int32(listIndex.count)
                    listIndex[key] = list
                    for position in runStart..<end { tokenLists[Int(sorted[position]) * lengthCount + lengthOffset] = list }
                    tables.append(PrefixSpellingTable(
                        typedLength: runBytes, ids: Array(sorted[runStart..<end]),
                        lengths: (runStart..<end).map { vocabulary.length(atSortedPosition: $0) }))
                }
                for (position, id) in sorted.enumerated() {
                    let token = reader[id]
                    var counts = (0, 0, 0)
                    let found = Self.prefixByteCounts(token, into: &counts)
                    // Its prefix of `lengths.lowerBound + lengthOffset` characters, if it has one.
                    let count: Int? = lengthOffset < found ? (lengthOffset == 0 ? counts.0 : (lengthOffset == 1 ? counts.1 : counts.2)) : nil
                    let key = count.map { Key(token, count: $0) }
                    if key != runKey {
                        close(position)
                        runStart = position
                        runKey = key
                        runBytes = count ?? 0
                    }
                }
                close(sorted.count)
            }
        }
        let listCount = listIndex.count
        var sizes = [Int](repeating: 0, count: listCount)
        var lastSlot = [UInt32](repeating: .max, count: listCount)
        for slot in 0..<UInt32(slotCount) {
            tokens(slot) { ids in
                for id in ids {
                    for lengthOffset in 0..<lengthCount {
                        let list = tokenLists[Int(id) * lengthCount + lengthOffset]
                        guard list >= 0, lastSlot[Int(list)] != slot else { continue }
                        lastSlot[Int(list)] = slot
                        sizes[Int(list)] += 1
                    }
                }
            }
        }
        var filled: [[UInt32]] = sizes.map { size in
            var list: [UInt32] = []
            list.reserveCapacity(size)
            return list
        }
        for slot in 0..<UInt32(slotCount) {
            tokens(slot) { ids in
                for id in ids {
                    for lengthOffset in 0..<lengthCount {
                        let list = Int(tokenLists[Int(id) * lengthCount + lengthOffset])
                        guard list >= 0, filled[list].last != slot else { continue }
                        filled[list].append(slot)
                    }
                }
            }
        }
        dead = [UInt32](repeating: 0, count: listCount)
        spellings = tables
        bitmaps = filled.map { list in Self.isDense(count: list.count, slotCount: slotCount) ? [UInt64](slotBitmapOf: list, slotCount: slotCount) : [] }
        lists = TokenPostingLists(main: filled, limits: lists.limits)
    }

    /// Files `slot` under each of `ids` (distinct list indexes), where it has no live entry
    /// (`TokenPostingLists.file`): a dead entry of the slot found lives again.
    /// - Complexity: O(log p + p) a short list of p slots, O(log r + r) in the r recent slots
    ///   of a long one (plus, amortized, its merges).
    mutating func add(slot: UInt32, to ids: [Int32]) {
        for id in ids {
            let list = Int(id)
            if !bitmaps[list].isEmpty { bitmaps[list].insertSlot(slot) }
            TokenPostingLists.countOff(lists.file(slot, under: list), from: &dead[list])
        }
    }

    /// Counts `slot`'s entries in each of `ids` (distinct list indexes) as dead.
    /// - Returns: the lists whose dead entries now pass half of them: the caller rewrites them
    ///   (`replaceList`) with their live slots.
    mutating func kill(slot: UInt32, in ids: [Int32]) -> [Int32] {
        var crowded: [Int32] = []
        for id in ids {
            let list = Int(id)
            dead[list] += 1
            if Int(dead[list]) * 2 > Int(lists.counts[list]) + 16 { crowded.append(id) }
        }
        return crowded
    }

    /// Replaces a list by `live`, its slots that still have a token with its prefix, and its
    /// bitmap (kept while the list stays dense over `slotCount` slots, else dropped).
    mutating func replaceList(_ id: Int32, with live: [UInt32], slotCount: Int) {
        lists.replace(Int(id), with: live)
        dead[Int(id)] = 0
        let dense = !bitmaps[Int(id)].isEmpty && Self.isDense(count: live.count, slotCount: slotCount)
        bitmaps[Int(id)] = dense ? [UInt64](slotBitmapOf: live, slotCount: slotCount) : []
    }

    /// Gives every list of some size, and every bitmap, its own storage with room to grow.
    mutating func reserveForUpdates() {
        lists.reserveForUpdates()
        // The bitmaps too: a copy of the directory shares them until one side writes.
        for list in bitmaps.indices { bitmaps[list].reserveRoomForUpdates() }
        for list in spellings.indices { spellings[list].reserveForUpdates() }
    }

    /// Makes the top-level arrays own their storage.
    mutating func makeStorageUnique() {
        lists.makeStorageUnique()
        dead.reserveCapacity(dead.count)
        for list in spellings.indices { spellings[list].makeStorageUnique() }
        bitmaps.reserveCapacity(bitmaps.count)
        listIndex.reserveCapacity(listIndex.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        let arrayHeader = 32
        return lists.approximateBytes + dead.capacity * 4
            + bitmaps.reduce(0) { $0 + ($1.isEmpty ? 0 : arrayHeader + $1.capacity * 8) } + bitmaps.capacity * 8
            + listIndex.capacity * (MemoryLayout<Key>.stride + 4 + 1)
            + spellings.reduce(0) { $0 + $1.approximateBytes } + spellings.capacity * MemoryLayout<PrefixSpellingTable>.stride
    }
}
