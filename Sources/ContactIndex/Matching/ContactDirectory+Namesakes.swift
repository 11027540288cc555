extension ContactDirectory {
    /// Offers the contacts whose whole name has the query's collation key (`hits`) to `top`:
    /// `offer` reads one contact's record, offers it as an exact or a folded match, and says
    /// whether it was exact (nil: not offered).
    ///
    /// With many namesakes, they are read in tie order (entity rank, id prefix, id), and once
    /// `limit` exact ones are in, the rest (later in tie order, or folded) cannot enter. The
    /// head of that order comes from one pass that keeps the first `2 × limit` (usually all
    /// exact: then nothing is sorted and only they are read); every namesake is sorted only
    /// when fewer than the limit of those are exact.
    /// - Complexity: O(h) for h namesakes, plus O(limit) record reads (O(h log h) and h reads
    ///   when most are folded).
    func offerNamesakes(_ hits: [UInt32], into top: inout TopMatches, offer: (UInt32, inout TopMatches) -> Bool?) {
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
