extension ContactDirectory {
    /// Offers the contacts whose whole name has collation key `key` to `top`: `offer` reads one
    /// contact's record, offers it as an exact or a folded match, and says whether it was exact
    /// (nil: not offered).
    ///
    /// The collation-key index keeps namesakes in ranking order (entity rank, then id key: their
    /// tie value, `SlotTies.nameKeyTie`). So namesakes are read best first, and once `limit` distinct ones
    /// were exact, the rest (a later tie value: later in ranking order, or folded and lower)
    /// cannot enter; namesakes whose tie value equals the last exact one's are still read (ids
    /// that share their first bytes).
    /// When a name's namesakes share tie values (their ids share more leading bytes than the id
    /// keys skip, as after an id of another shape arrived), the walk gives up after
    /// `4 × limit` of them and ranks all of them by their whole ids instead.
    /// - Returns: whether the name has any namesake.
    /// - Complexity: O(log n) plus O(limit) record reads for a common name, however many
    ///   namesakes it has (more when most are folded, or ids share their leading bytes).
    @discardableResult
    func offerNamesakes(key: [UInt8], into top: inout TopMatches, offer: (UInt32, inout TopMatches) -> Bool?) -> Bool {
        var any = false
        var exact: [UInt32] = []
        var last: UInt64? = nil
        var walked = 0
        var tiesTooCoarse = false
        nameKeyIndex.forEachEqual(key, isLive: liveness) { (slot: UInt32, tie: UInt64) -> Bool in
            any = true
            walked += 1
            if walked > 4 * top.limit {
                tiesTooCoarse = true
                return false
            }
            if let last, tie > last { return false }
            // A contact has several keys (display name, given-family, family-given); two of them
            // may be equal: each contact counts once.
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
        let index = nameTokenIndex
        func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
            let rankA = index.entityRanks[Int(a)], rankB = index.entityRanks[Int(b)]
            if rankA != rankB { return rankA < rankB }
            let prefixA = index.idPrefixes[Int(a)], prefixB = index.idPrefixes[Int(b)]
            if prefixA != prefixB { return prefixA < prefixB }
            return idPrecedes(a, b)
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

