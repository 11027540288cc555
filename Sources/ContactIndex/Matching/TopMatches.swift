import CMemoryHints

/// The best `limit` candidate slots of a look-up, in `MatchRanking` order, kept while candidates
/// stream in: score (higher first), entity priority, then id in byte order. Each slot appears
/// once, with its best score.
///
/// Ids are compared through their first 8 bytes (`NameTokenIndex.idPrefixes`) and only read from
/// the records when those tie, so ranking thousands of equal-scored candidates stays cheap.
struct TopMatches {
    struct Entry {
        var slot: UInt32
        /// Which of the contact's phones or emails matched (its position), or -1.
        var position: Int32 = -1
        var score: Double
        var reason: MatchReason
    }

    let limit: Int
    private(set) var entries: [Entry] = []
    private let entityRanks: [UInt8]
    private let idPrefixes: [UInt64]
    private let store: ContactRecordStore

    /// Starts an empty selection over a directory's slots.
    init(limit: Int, of directory: ContactDirectory) {
        self.limit = limit
        self.entityRanks = directory.nameTokenIndex.entityRanks
        self.idPrefixes = directory.nameTokenIndex.idPrefixes
        self.store = directory.store
        entries.reserveCapacity(min(limit, 64) + 1)
    }

    /// Whether every kept entry scores at least `score` and no more fit.
    func isFull(atLeast score: Double) -> Bool {
        entries.count >= limit && (entries.last?.score ?? 0) >= score
    }

    /// Whether no candidate scoring `score` can enter any more: full, and every kept entry
    /// scores more.
    func isClosed(to score: Double) -> Bool {
        entries.count >= limit && (entries.last?.score ?? 0) > score
    }

    /// Whether `slot` cannot enter even at `bestScore`, decided without reading its record:
    /// full, and the last kept entry scores more, or as much with a lower entity rank or id
    /// prefix. (An equal id prefix needs the ids: then it may enter.)
    func excludes(slot: UInt32, bestScore: Double) -> Bool {
        guard entries.count >= limit, let last = entries.last else { return false }
        if last.score != bestScore { return last.score > bestScore }
        let rank = entityRanks[Int(slot)]
        let lastRank = entityRanks[Int(last.slot)]
        if rank != lastRank { return rank > lastRank }
        return idPrefixes[Int(slot)] > idPrefixes[Int(last.slot)]
    }

    /// Starts loading the entity rank and id key of `slot`, which `excludes` and `offer` read,
    /// without waiting for them.
    @inline(__always)
    func prefetchTieValues(of slot: UInt32) {
        guard Int(slot) < entityRanks.count, Int(slot) < idPrefixes.count else { return }
        entityRanks.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + Int(slot)) }
        idPrefixes.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + Int(slot)) }
    }

    /// Whether `slot` is kept.
    func contains(slot: UInt32) -> Bool {
        entries.contains { $0.slot == slot }
    }

    /// The lowest kept score when full, else 0.
    var floor: Double { entries.count >= limit ? entries.last!.score : 0 }

    /// Offers a candidate; `position` says which of its phones or emails matched (-1: none).
    /// - Complexity: O(limit).
    mutating func offer(slot: UInt32, score: Double, reason: MatchReason, position: Int = -1) {
        guard limit > 0 else { return }
        if entries.count >= limit, score < entries[entries.count - 1].score { return }
        if let existing = entries.firstIndex(where: { $0.slot == slot }) {
            guard score > entries[existing].score else { return }
            entries.remove(at: existing)
        }
        let entry = Entry(slot: slot, position: Int32(clamping: position), score: score, reason: reason)
        if entries.count >= limit, !precedes(entry, entries[entries.count - 1]) { return }
        var position = entries.count
        while position > 0, precedes(entry, entries[position - 1]) { position -= 1 }
        entries.insert(entry, at: position)
        if entries.count > limit { entries.removeLast() }
    }

    private func precedes(_ a: Entry, _ b: Entry) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let rankA = entityRanks[Int(a.slot)]
        let rankB = entityRanks[Int(b.slot)]
        if rankA != rankB { return rankA < rankB }
        let prefixA = idPrefixes[Int(a.slot)]
        let prefixB = idPrefixes[Int(b.slot)]
        if prefixA != prefixB { return prefixA < prefixB }
        return ContactDirectory.idPrecedes(a.slot, b.slot, in: store)
    }
}
