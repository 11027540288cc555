extension ContactDirectory {
    /// A namesake's match, as the reader given to `offerNamesakes` finds it on the record:
    /// `exactName` or `foldedName` (or, for keys that read no record, the reason they stand for),
    /// with its score.
    typealias NamesakeMatch = (reason: MatchReason, score: Double)

    /// Offers the contacts whose whole name has collation key `key` to `top`: `read` reads one
    /// contact's record and gives its match (nil: the slot holds none; a folded match's score is
    /// not used), `foldedScore` a folded namesake's score (nil: `foldedName`'s for all).
    ///
    /// The collation-key index keeps namesakes in ranking order (entity rank, then id key: their
    /// tie value, `SlotTies.nameKeyTie`). So namesakes are read best first, and once `limit`
    /// distinct ones matched better than folded, the rest (a later tie value: later in ranking
    /// order, or folded and lower) cannot enter; namesakes whose tie value equals the last such
    /// one's are still read (ids that share their first bytes).
    /// When a name's namesakes share tie values (their ids share more leading bytes than the id
    /// keys skip, as after an id of another shape arrived), the walk gives up after
    /// `4 × limit` records read and ranks all of them by their whole ids instead.
    ///
    /// With `spelling` (the query's bit, `NameSpelling.bit(ofKey:)`), a namesake whose spelling
    /// bits lack it is certainly not spelled as the query: a folded match, known without its
    /// record, and once `limit` such contacts were, the later ones (a later tie value) are
    /// skipped. So a name with hundreds of folded namesakes and no exact one ("ha nguyen" for
    /// the "Hà Nguyễn"s) reads a few records, not all of them.
    ///
    /// Folded namesakes are ranked by their scores (the typed words they spell as typed:
    /// `foldedScore`) when the name has two to `limit` of them (at least
    /// `FoldedNamesakes.minimumCapacity`): they are read for it once the walk ends, and the
    /// scores decide which of them the results keep, after the better matches. One alone keeps
    /// `foldedName`'s score (reading it for nothing cost every folded query half a
    /// microsecond). A name with more keeps the ranking order, all of them at `foldedName`'s
    /// score: reading twice the limit of them for their scores took the folded class's p99 from
    /// 11 µs to 20–27 µs at a million contacts (Vietnamese names: 33 namesakes of "bao nguyen",
    /// most spelled "Bảo Nguyễn").
    /// - Parameter spelling: the query's spelling bit, when a namesake not spelled as the query
    ///   is a folded match (`collectWholeNameMatches`); nil: `read` reads every one.
    /// - Parameter bound: the worst tie value that may still enter `top` (`SlotTies.nameKeyTie`
    ///   of its last entry, when it is full at the score the namesakes get): the walk ends past
    ///   it, without the later namesakes' liveness checks (a cache miss or two each).
    /// - Returns: whether the name has any namesake.
    /// - Complexity: O(log n) plus O(limit) record reads for a common name, however many
    ///   namesakes it has (more when most are folded and no `spelling` is given, or ids share
    ///   their leading bytes), plus a look at each namesake's entry when `spelling` is given.
    @discardableResult
    func offerNamesakes(
        key: [UInt8], from start: CollationKeyIndex.WalkStart? = nil, spelling: NameSpelling.Bits? = nil, tiesUpTo bound: UInt64 = .max,
        into top: inout TopMatches,
        read: (UInt32) -> NamesakeMatch?,
        foldedScore: FoldedNameScoring? = nil
    ) -> Bool {
        var any = false
        var better: [UInt32] = []
        var last: UInt64? = nil
        var walked = 0
        var tiesTooCoarse = false
        // The folded namesakes, how many of them were met without a record read, and the tie
        // value of the last of those.
        var folded = FoldedNamesakes(limit: top.limit)
        var foldedOffers = 0
        var lastFolded: UInt64 = 0
        let live = slotLiveness
        nameKeyIndex.forEachEqual(key, from: start, isLive: { live.isLive($0, $1) }, tiesUpTo: bound) { (slot: UInt32, tie: UInt64, spellings: NameSpelling.Bits) -> Bool in
            any = true
            if let last, tie > last { return false }
            if let spelling, spellings & spelling == 0 {
                // Namesakes come in ranking order: past `limit` folded contacts (at least
                // `FoldedNamesakes.minimumCapacity`), only one with the same tie value may still
                // enter (its id decides).
                guard folded.overflows ? tie == lastFolded : folded.count < folded.capacity || tie == lastFolded else {
                    folded.overflow(into: &top)
                    return true
                }
                // A long run of equal tie values goes to the ranking by whole ids, as below.
                foldedOffers += 1
                if foldedOffers > 4 * top.limit {
                    tiesTooCoarse = true
                    return false
                }
                folded.add(slot, into: &top)
                lastFolded = tie
                return true
            }
            walked += 1
            if walked > 4 * top.limit {
                tiesTooCoarse = true
                return false
            }
            guard let match = read(slot) else { return true }
            if match.reason == .foldedName {
                folded.add(slot, into: &top)
                return true
            }
            top.offer(slot: slot, score: match.score, reason: match.reason)
            // A contact has several keys (display name, given-family, family-given); two of
            // them may be equal: each contact counts once.
            if !better.contains(slot) {
                better.append(slot)
                if better.count >= top.limit { last = tie }
            }
            return true
        }
        if tiesTooCoarse {
            var hits: [UInt32] = []
            nameKeyIndex.forEachEqual(key, isLive: { live.isLive($0, $1) }) { hits.append($0) }
            offerNamesakes(hits, into: &top, read: read, foldedScore: foldedScore)
        } else {
            folded.offer(into: &top, score: foldedScore)
        }
        return any
    }

    /// `offerNamesakes(key:into:read:)` for namesakes whose tie values do not tell them apart
    /// (ids that share more leading bytes than the id keys skip): one pass keeps the first
    /// `2 × limit` in ranking order (entity rank, id key, id) and reads them in that order; all
    /// are sorted only when fewer than the limit of those match better than folded.
    private func offerNamesakes(
        _ hits: [UInt32], into top: inout TopMatches, read: (UInt32) -> NamesakeMatch?, foldedScore: FoldedNameScoring?
    ) {
        var folded = FoldedNamesakes(limit: top.limit)
        if hits.count <= top.limit * 4 {
            for slot in hits {
                guard let match = read(slot) else { continue }
                if match.reason == .foldedName {
                    folded.add(slot, into: &top)
                } else {
                    top.offer(slot: slot, score: match.score, reason: match.reason)
                }
            }
            folded.offer(into: &top, score: foldedScore)
            return
        }
        // Read through locals: a function that uses `self` captures a copy of the directory.
        let index = nameTokenIndex
        let store = self.store
        func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
            let rankA = index.entityRanks[Int(a)], rankB = index.entityRanks[Int(b)]
            if rankA != rankB { return rankA < rankB }
            let prefixA = index.idPrefixes[Int(a)], prefixB = index.idPrefixes[Int(b)]
            if prefixA != prefixB { return prefixA < prefixB }
            return Self.idPrecedes(a, b, in: store)
        }
        let keep = top.limit * 2
        var head: [UInt32] = []
        head.reserveCapacity(keep + 1)
        for slot in hits {
            if head.count == keep, !precedes(slot, head[keep - 1]) { continue }
            // A contact has several keys (display name, given-family, family-given); two of
            // them may be equal: each contact counts once.
            if head.contains(slot) { continue }
            head.append(slot)
            var position = head.count - 1
            while position > 0, precedes(slot, head[position - 1]) {
                head[position] = head[position - 1]
                position -= 1
            }
            head[position] = slot
            if head.count > keep { head.removeLast() }
        }
        // The first `limit` that match better than folded fill the results: no folded one enters.
        var betterCount = 0
        for slot in head {
            guard let match = read(slot), match.reason != .foldedName else { continue }
            top.offer(slot: slot, score: match.score, reason: match.reason)
            betterCount += 1
            if betterCount >= top.limit { return }
        }
        // Fewer than that in the head: every namesake, in order.
        betterCount = 0
        var previous: UInt32? = nil
        for slot in hits.sorted(by: precedes) where slot != previous {
            previous = slot
            guard let match = read(slot) else { continue }
            if match.reason == .foldedName {
                folded.add(slot, into: &top)
                continue
            }
            top.offer(slot: slot, score: match.score, reason: match.reason)
            betterCount += 1
            if betterCount >= top.limit { return }
        }
        folded.offer(into: &top, score: foldedScore)
    }
}

/// The folded namesakes a walk of `ContactDirectory.offerNamesakes` meets. While there are at
/// most `capacity` of them they are held, and offered once the walk ends: with their own scores
/// when there are two or more (read then: the scores decide their order), at `foldedName`'s
/// score when there is one (no order to decide, and its record is not read for it). Past
/// `capacity` they all go to the results at `foldedName`'s score as they come, and so do the
/// later ones: a name with thousands of them costs a look at each, not a search of the ones held.
struct FoldedNamesakes {
    /// The most folded namesakes ranked by their scores: the results' limit, and at least
    /// `minimumCapacity`, so that a caller asking for one result gets the best spelled one too.
    let capacity: Int

    /// The least `capacity`.
    static let minimumCapacity = 10

    /// Those held, each contact once, in the order met (ranking order).
    private(set) var slots: [UInt32] = []
    /// Whether there were more than `capacity` (or the walk passed over some without keeping
    /// them): all are then offered at `foldedName`'s score.
    private(set) var overflows = false

    /// For results of `limit`.
    init(limit: Int) {
        capacity = max(limit, Self.minimumCapacity)
    }

    /// How many it holds (none once it overflows).
    var count: Int { slots.count }

    /// Keeps `slot` (a contact met again under another key is kept once), or offers it to `top`
    /// at `foldedName`'s score once there are too many.
    mutating func add(_ slot: UInt32, into top: inout TopMatches) {
        if overflows {
            top.offer(slot: slot, score: MatchReason.foldedName.baseScore, reason: .foldedName)
            return
        }
        if slots.contains(slot) { return }
        slots.append(slot)
        if slots.count > capacity { overflow(into: &top) }
    }

    /// Gives up ranking them by their scores: the ones held go to `top` at `foldedName`'s score.
    mutating func overflow(into top: inout TopMatches) {
        guard !overflows else { return }
        overflows = true
        for slot in slots { top.offer(slot: slot, score: MatchReason.foldedName.baseScore, reason: .foldedName) }
        slots = []
    }

    /// Offers the ones held to `top` (see the type's description); `score` reads one's score.
    func offer(into top: inout TopMatches, score: ContactDirectory.FoldedNameScoring?) {
        let scored = slots.count >= 2
        for slot in slots {
            if scored, let score {
                if let value = score.score(of: slot) { top.offer(slot: slot, score: value, reason: .foldedName) }
            } else {
                top.offer(slot: slot, score: MatchReason.foldedName.baseScore, reason: .foldedName)
            }
        }
    }
}
