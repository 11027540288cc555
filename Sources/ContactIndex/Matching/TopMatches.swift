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

    /// Digits (ASCII) that confirm a candidate when one of its numbers holds them: it is kept
    /// `confirmationBonus` higher (at most 0.99), with that number as the one matched. Empty:
    /// no confirmation.
    private let confirmingDigits: [UInt8]
    /// How many more candidates may be checked for a confirmation (`maximumConfirmationReads`).
    private var confirmationReadsLeft: Int

    /// The most candidates whose numbers a search checks for a confirmation, each a record
    /// read. Past them, candidates are ranked by their own scores, and so are the bounds.
    ///
    /// Why: confirmations may be rare among thousands of candidates that tie ("john 555"), and
    /// the search cannot stop until the results' last entry is a confirmed one that ranks
    /// before every candidate left, or until no candidate left could be confirmed. A read costs
    /// about half a microsecond at a million contacts (a record's cache misses and its numbers'
    /// digits). Without a limit, "52 Lab" took 5.5 ms there; with 1,024 reads, the 379 queries of
    /// names with 1–3 digits cut from the directory had a p99 of 722 µs; with 512, 394 µs, and
    /// each answered with at least as many confirmed matches as the earlier way (the best 200
    /// name matches, re-ranked).
    static let maximumConfirmationReads = 512

    /// What a confirmation adds to a score.
    static let confirmationBonus = 0.05

    /// Starts an empty selection over a directory's slots.
    /// - Parameters:
    ///   - confirmingDigits: digits that confirm a candidate offered without a matched number
    ///     (see the property); at least 2 of them, else none confirm.
    ///   - confirmationReads: the most candidates checked for a confirmation
    ///     (`maximumConfirmationReads`; tests compare with no limit).
    init(limit: Int, of directory: ContactDirectory, confirmingDigits: [UInt8] = [], confirmationReads: Int = maximumConfirmationReads) {
        self.limit = limit
        self.entityRanks = directory.nameTokenIndex.entityRanks
        self.idPrefixes = directory.nameTokenIndex.idPrefixes
        self.store = directory.store
        self.confirmingDigits = confirmingDigits.count >= 2 ? confirmingDigits : []
        confirmationReadsLeft = confirmationReads
        entries.reserveCapacity(min(limit, 64) + 1)
    }

    /// Whether a candidate offered from now on may still be confirmed.
    var mayConfirm: Bool { !confirmingDigits.isEmpty && confirmationReadsLeft > 0 }

    /// A confirmed score: `score` plus the bonus, at most 0.99.
    static func confirmed(_ score: Double) -> Double { min(0.99, score + confirmationBonus) }

    /// The most a candidate offered at `score` can be kept at: more when it may be confirmed.
    /// Every bound a search asks about (`isFull`, `isClosed`, `excludes`) is raised this way, so
    /// that a walk that stops at a bound stops where no confirmed candidate could enter either.
    @inline(__always)
    private func ceiling(_ score: Double) -> Double {
        !mayConfirm || score <= 0 ? score : max(score, Self.confirmed(score))
    }

    /// Whether every kept entry scores at least `score` and no more fit.
    func isFull(atLeast score: Double) -> Bool {
        entries.count >= limit && (entries.last?.score ?? 0) >= ceiling(score)
    }

    /// Whether no more fit, some kept entries are matches through a company's words
    /// (`MatchReason.companyName`), and every other one scores at least `score`: a candidate
    /// scoring `score` could only take the place of such a match.
    func isFull(butCompanyNamesAtLeast score: Double) -> Bool {
        guard entries.count >= limit, entries.last?.reason == .companyName else { return false }
        let bound = ceiling(score)
        return entries.allSatisfy { $0.reason == .companyName || $0.score >= bound }
    }

    /// Whether no candidate scoring `score` can enter any more: full, and every kept entry
    /// scores more.
    func isClosed(to score: Double) -> Bool {
        entries.count >= limit && (entries.last?.score ?? 0) > ceiling(score)
    }

    /// Whether `slot` cannot enter even at `bestScore`, decided without reading its record:
    /// full, and the last kept entry scores more, or as much with a lower entity rank or id
    /// prefix. (An equal id prefix needs the ids: then it may enter.)
    func excludes(slot: UInt32, bestScore: Double) -> Bool {
        guard entries.count >= limit, let last = entries.last else { return false }
        let bestScore = ceiling(bestScore)
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

    /// The score of the `count`th kept entry when there are that many, else 0: the floor the
    /// selection would have had with `count` as its limit.
    func floor(ofFirst count: Int) -> Double {
        count > 0 && entries.count >= count ? entries[count - 1].score : 0
    }

    /// Offers a candidate; `position` says which of its phones or emails matched (-1: none;
    /// then `confirmingDigits` may confirm it, on its record).
    /// - Complexity: O(limit), plus a record read for a confirmation.
    mutating func offer(slot: UInt32, score: Double, reason: MatchReason, position: Int = -1) {
        guard limit > 0 else { return }
        if entries.count >= limit, ceiling(score) < entries[entries.count - 1].score { return }
        var score = score
        var matched = position
        if !confirmingDigits.isEmpty, position < 0, confirmationReadsLeft > 0 {
            confirmationReadsLeft -= 1
            if let confirming = confirmingNumber(of: slot) {
                score = Self.confirmed(score)
                matched = confirming
            }
        }
        if let existing = entries.firstIndex(where: { $0.slot == slot }) {
            guard score > entries[existing].score else { return }
            entries.remove(at: existing)
        }
        let entry = Entry(slot: slot, position: Int32(clamping: matched), score: score, reason: reason)
        if entries.count >= limit, !precedes(entry, entries[entries.count - 1]) { return }
        var place = entries.count
        while place > 0, precedes(entry, entries[place - 1]) { place -= 1 }
        entries.insert(entry, at: place)
        if entries.count > limit { entries.removeLast() }
    }

    /// The position of the first of `slot`'s numbers holding `confirmingDigits`, read on its
    /// record, or nil.
    private func confirmingNumber(of slot: UInt32) -> Int? {
        confirmingDigits.withUnsafeBufferPointer { needle in
            store.withRecord(slot) { ContactDirectory.firstPhone(in: $0, holding: needle) } ?? nil
        }
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
