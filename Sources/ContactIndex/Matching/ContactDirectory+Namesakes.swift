extension ContactDirectory {
    /// Offers the contacts whose whole name has collation key `key` to `top`: `offer` reads one
    /// contact's record, offers it as an exact or a folded match, and says whether it was exact
    /// (nil: not offered).
    ///
    /// The collation-key index keeps namesakes in ranking order (entity rank, then id key: their
    /// tie value, `SlotTies.nameKeyTie`). So namesakes are read best first, and once `limit`
    /// distinct ones were exact, the rest (a later tie value: later in ranking order, or folded
    /// and lower) cannot enter; namesakes whose tie value equals the last exact one's are still
    /// read (ids that share their first bytes).
    /// When a name's namesakes share tie values (their ids share more leading bytes than the id
    /// keys skip, as after an id of another shape arrived), the walk gives up after
    /// `4 × limit` records read and ranks all of them by their whole ids instead.
    ///
    /// With `spelling` (the query's bit, `NameSpelling.bit(ofKey:)`), a namesake whose spelling
    /// bits lack it is certainly not spelled as the query: it is offered as `foldedName` without
    /// its record, and once `limit` such contacts were, the later ones (a later tie value) are
    /// skipped. So a name with hundreds of folded namesakes and no exact one ("ha nguyen" for
    /// the "Hà Nguyễn"s) reads a few records, not all of them.
    /// - Parameter spelling: the query's spelling bit, when a namesake not spelled as the query
    ///   is a folded match (`collectWholeNameMatches`); nil: `offer` reads every one.
    /// - Returns: whether the name has any namesake.
    /// - Complexity: O(log n) plus O(limit) record reads for a common name, however many
    ///   namesakes it has (more when most are folded and no `spelling` is given, or ids share
    ///   their leading bytes), plus a look at each namesake's entry when `spelling` is given.
    @discardableResult
    func offerNamesakes(
        key: [UInt8], spelling: NameSpelling.Bits? = nil, into top: inout TopMatches, offer: (UInt32, inout TopMatches) -> Bool?
    ) -> Bool {
        var any = false
        var exact: [UInt32] = []
        var last: UInt64? = nil
        var walked = 0
        var tiesTooCoarse = false
        // The contacts offered as folded without a record read, how many offers that took, and
        // the tie value of the last.
        var folded: [UInt32] = []
        var foldedOffers = 0
        var lastFolded: UInt64 = 0
        nameKeyIndex.forEachEqual(key, isLive: liveness) { (slot: UInt32, tie: UInt64, spellings: NameSpelling.Bits) -> Bool in
            any = true
            if let last, tie > last { return false }
            if let spelling, spellings & spelling == 0 {
                // Namesakes come in ranking order: past `limit` folded contacts, only one with
                // the same tie value may still enter (its id decides).
                guard folded.count < top.limit || tie == lastFolded else { return true }
                // A long run of equal tie values goes to the ranking by whole ids, as below.
                foldedOffers += 1
                if foldedOffers > 4 * top.limit {
                    tiesTooCoarse = true
                    return false
                }
                top.offer(slot: slot, score: MatchReason.foldedName.baseScore, reason: .foldedName)
                // A contact has several keys (display name, given-family, family-given); two of
                // them may be equal: each contact counts once.
                if !folded.contains(slot) { folded.append(slot) }
                lastFolded = tie
                return true
            }
            walked += 1
            if walked > 4 * top.limit {
                tiesTooCoarse = true
                return false
            }
            if offer(slot, &top) == true, !exact.contains(slot) {
                exact.append(slot)
                if exact.count >= top.limit { last = tie }
            }
            return true
        }
        if tiesTooCoarse {
            var hits: [UInt32] = []
            nameKeyIndex.forEachEqual(key, isLive: liveness) { hits.append($0) }
            offerNamesakes(hits, into: &top, offer: offer)
        }
        return any
    }

    /// `offerNamesakes(key:into:offer:)` for namesakes whose tie values do not tell them apart
    /// (ids that share more leading bytes than the id keys skip): one pass keeps the first
    /// `2 × limit` in ranking order (entity rank, id key, id) and reads them in that order; all
    /// are sorted only when fewer than the limit of those are exact.
    private func offerNamesakes(_ hits: [UInt32], into top: inout TopMatches, offer: (UInt32, inout TopMatches) -> Bool?) {
        if hits.count <= top.limit * 4 {
            for slot in hits { _ = offer(slot, &top) }
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
        var exactCount = 0
        for slot in head {
            if offer(slot, &top) == true { exactCount += 1 }
            if exactCount >= top.limit { return }
        }
        // Fewer exact ones than the limit in the head: every namesake, in order.
        exactCount = 0
        var previous: UInt32? = nil
        for slot in hits.sorted(by: precedes) where slot != previous {
            previous = slot
            if offer(slot, &top) == true { exactCount += 1 }
            if exactCount >= top.limit { return }
        }
    }
}

