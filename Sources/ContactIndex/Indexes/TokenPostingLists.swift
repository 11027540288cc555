import CBranchFreeSearch

/// The slots of each name token (`NameTokenIndex`): per token id, a main list, ascending and
/// unique, and, for a long one, a short list of the slots filed since it was last merged
/// (`recent`), ascending and unique as well.
///
/// Why two lists: filing a slot in the middle of a long sorted list (an existing contact
/// renamed "Smith", or a new one in a freed slot: 45,000 slots at a million contacts) cost a
/// binary search of cache misses and a move of the list's tail, twice per update (the two
/// copies of `LiveDirectory`): a fifth of an upsert's 99th percentile. A long list now takes
/// its new slots in `recent`, sorted in place, and merges them once they pass a sixteenth of
/// the main list (about 2,800 slots for a list of 45,000; amortized, a move of 64 bytes a
/// slot).
///
/// A slot filed in `recent` is not looked for in the main list first: it may still be there,
/// dead (a contact removed from the slot, or renamed away from the token). Readers see such a
/// slot twice; every reader tolerates a repeat (unions are sets, walks skip what they saw),
/// and verifies every slot on its token list anyway. The merge drops the repeat, and counts
/// it off the token's dead entries.
///
/// Memory: 8 bytes a token id for its (mostly empty) recent list, plus the slots held there.
struct TokenPostingLists: Sendable {
    /// Main lists by token id: ascending, unique; may hold dead entries (`NameTokenIndex`).
    private(set) var main: [[UInt32]] = []
    /// Recent slots by token id: ascending, unique, none of them live in the main list.
    private(set) var recent: [[UInt32]] = []
    /// Per token id: `main` and `recent` counts summed, in one flat array, so that a query token
    /// standing for thousands of spellings sums their postings without a cache miss on each
    /// list.
    private(set) var counts: [UInt32] = []

    /// Where lists take their slots (see `Limits`).
    private(set) var limits = Limits()

    /// When a list takes new slots in its recent part, and how many.
    struct Limits: Sendable, Equatable {
        /// Lists shorter than this take a slot in place; longer ones in `recent`.
        var place = 2_048
        /// The fewest recent slots a list holds before they are merged (else a sixteenth of
        /// its main list).
        var recent = 64

        /// The default limits.
        init() {}

        /// Other limits (tests take small ones, so that small directories use recent parts);
        /// at least 1 each.
        init(place: Int, recent: Int) {
            self.place = max(place, 1)
            self.recent = max(recent, 1)
        }
    }

    /// The recent slots a main list of `count` slots holds at most before they are merged.
    @inline(__always)
    func recentLimit(mainCount count: Int) -> Int { max(limits.recent, count / 16) }

    /// Empty lists.
    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Main lists as given (each ascending and unique), no recent slots.
    init(main: [[UInt32]], limits: Limits = Limits()) {
        self.main = main
        self.limits = limits
        recent = Array(repeating: [], count: main.count)
        counts = main.map { UInt32($0.count) }
    }

    /// The number of token ids.
    var count: Int { main.count }

    /// Adds an empty list for the next token id.
    mutating func appendEmpty() {
        main.append([])
        recent.append([])
        counts.append(0)
    }

    /// Appends `slot` to the main list of `id`, unsorted (a bulk load: `sortMainLists` follows).
    @inline(__always)
    mutating func appendUnsorted(_ slot: UInt32, to id: Int) {
        main[id].append(slot)
        counts[id] += 1
    }

    /// Files `slot`, which has no live entry under `id`, there.
    /// - Returns: how many dead entries of `id` this brought back to life or found repeated
    ///   (the caller counts them off its dead entries): 1 when the slot's dead entry was found,
    ///   or when a merge dropped repeats (their number), else 0.
    /// - Complexity: O(log p + p) for a short list of p slots; O(log r + r) in the recent list
    ///   of r slots of a long one, plus, amortized, O(p / r) for its merges.
    mutating func file(_ slot: UInt32, under id: Int) -> Int {
        // A slot past the main list's last one goes at its end (a new contact in a new slot),
        // when no recent slot would then sort after it (a short list has none).
        if main[id].last.map({ $0 < slot }) ?? true, recent[id].isEmpty {
            main[id].append(slot)
            counts[id] += 1
            return 0
        }
        if main[id].count < limits.place {
            let position = Self.lowerBound(main[id], slot)
            if position < main[id].count, main[id][position] == slot { return 1 }
            main[id].insert(slot, at: position)
            counts[id] += 1
            return 0
        }
        let position = Self.lowerBound(recent[id], slot)
        if position < recent[id].count, recent[id][position] == slot { return 1 }
        recent[id].insert(slot, at: position)
        counts[id] += 1
        guard recent[id].count > recentLimit(mainCount: main[id].count) else { return 0 }
        return mergeRecent(of: id)
    }

    /// Merges the recent slots of `id` into its main list.
    /// - Returns: how many repeats (dead entries of the main list filed again) were dropped.
    @discardableResult
    mutating func mergeRecent(of id: Int) -> Int {
        guard !recent[id].isEmpty else { return 0 }
        let merged = Self.union(main[id], recent[id])
        let repeats = main[id].count + recent[id].count - merged.count
        main[id] = merged
        recent[id] = []
        counts[id] = UInt32(merged.count)
        return repeats
    }

    /// Merges every list's recent slots, counting the repeats dropped off `dead` (per id), and
    /// takes `limits` from now on.
    mutating func setLimits(_ limits: Limits, countingRepeatsOff dead: inout [UInt32]) {
        for id in 0..<count { Self.countOff(mergeRecent(of: id), from: &dead[id]) }
        self.limits = limits
    }

    /// Subtracts `entries` (from `file` or `mergeRecent`) from a dead count, not below zero.
    @inline(__always)
    static func countOff(_ entries: Int, from dead: inout UInt32) {
        dead -= UInt32(min(entries, Int(dead)))
    }

    /// Replaces the lists of `id` by `slots` (ascending, unique), as its main list.
    mutating func replace(_ id: Int, with slots: [UInt32]) {
        main[id] = slots
        recent[id] = []
        counts[id] = UInt32(slots.count)
    }

    /// The slots of one list, in its two parts (see the type's notes).
    struct Slots: Sendable {
        /// The main list: ascending, unique.
        let main: [UInt32]
        /// The recent slots: ascending, unique; a slot may also be in `main`.
        let recent: [UInt32]

        /// The slots of both parts (repeats counted twice).
        var count: Int { main.count + recent.count }
    }

    /// The two parts of the list of `id`.
    func parts(of id: Int) -> Slots { Slots(main: main[id], recent: recent[id]) }

    /// Appends the slots of the list of `id` to `slots`, its main part first (a slot may come
    /// twice, as in `parts(of:)`).
    @inline(__always)
    func appendSlots(of id: Int, to slots: inout [UInt32]) {
        // Through a buffer: an array appended is retained first (a fifth of the walk's retains).
        main[id].withUnsafeBufferPointer { slots.append(contentsOf: $0) }
        if counts[id] != main[id].count { recent[id].withUnsafeBufferPointer { slots.append(contentsOf: $0) } }
    }

    /// Sorts every main list, dropping repeats and the slots `removed` (after a bulk load).
    mutating func sortMainLists(dropping removed: Set<UInt32>) {
        for id in main.indices {
            if !recent[id].isEmpty {
                main[id].append(contentsOf: recent[id])
                recent[id] = []
            }
            if !removed.isEmpty { main[id].removeAll { removed.contains($0) } }
            guard !Self.isStrictlyAscending(main[id]) else { continue }
            main[id].sortAndDropRepeats()
        }
        for id in main.indices { counts[id] = UInt32(main[id].count) }
    }

    /// Gives every list of some size its own storage with room to grow.
    mutating func reserveForUpdates() {
        for id in main.indices { main[id].reserveRoomForUpdates() }
    }

    /// Makes the top-level arrays own their storage; each list is copied when first written.
    mutating func makeStorageUnique() {
        main.reserveCapacity(main.count)
        recent.reserveCapacity(recent.count)
        counts.reserveCapacity(counts.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        let arrayHeader = 32
        return main.reduce(0) { $0 + arrayHeader + $1.capacity * 4 } + main.capacity * 8
            + recent.reduce(0) { $0 + ($1.isEmpty ? 0 : arrayHeader + $1.capacity * 4) } + recent.capacity * 8 + counts.capacity * 4
    }

    /// The union of two ascending, unique lists, ascending and unique. An empty list gives the
    /// other one back, shared.
    ///
    /// The merge writes into uninitialized storage, and copies what is left of either list
    /// once the other ends in one block: appended one by one, each slot paid for a capacity
    /// check (a name search merges a prefix's list of 10,788 contacts into a token's union of
    /// a few spellings for "stu read" at a million contacts: 13–16% of its samples in `perf`).
    static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [UInt32](unsafeUninitializedCapacity: a.count + b.count) { out, written in
                    var i = 0
                    var j = 0
                    var k = 0
                    while i < a.count, j < b.count {
                        let x = a[i]
                        let y = b[j]
                        if x < y {
                            out[k] = x
                            i &+= 1
                        } else if y < x {
                            out[k] = y
                            j &+= 1
                        } else {
                            out[k] = x
                            i &+= 1
                            j &+= 1
                        }
                        k &+= 1
                    }
                    let base = out.baseAddress! + k
                    if i < a.count {
                        base.initialize(from: a.baseAddress! + i, count: a.count - i)
                        k &+= a.count - i
                    } else if j < b.count {
                        base.initialize(from: b.baseAddress! + j, count: b.count - j)
                        k &+= b.count - j
                    }
                    written = k
                }
            }
        }
    }

    /// The first position of `list` (ascending, unique) whose slot is not below `slot`: a binary
    /// search without branches (`CBranchFreeSearch`).
    static func lowerBound(_ list: [UInt32], _ slot: UInt32) -> Int {
        list.withUnsafeBufferPointer { list in
            guard let base = list.baseAddress else { return 0 }
            return cbfs_lower_bound_u32(base, list.count, slot)
        }
    }

    /// Whether the list ascends strictly.
    static func isStrictlyAscending(_ list: [UInt32]) -> Bool {
        var previous: UInt32? = nil
        for slot in list {
            if let previous, previous >= slot { return false }
            previous = slot
        }
        return true
    }
}
