extension ContactDirectory {
    /// Offers the contacts whose whole name has collation key `key` to `top`: `offer` reads one
    /// contact's record, offers it as an exact or a folded match, and says whether it was exact
    /// (nil: not offered).
    ///
    /// The collation-key index keeps namesakes in ranking order (entity rank, then id key: their
    /// tie value, `nameKeyTie`), in each of its two arrays. So each array's namesakes are read
    /// best first, and once `limit` distinct ones were exact, the rest of that array (a later
    /// tie value: later in ranking order, or folded and lower) cannot enter; namesakes whose
    /// tie value equals the last exact one's are still read (ids that share their first bytes).
    /// - Returns: whether the name has any namesake.
    /// - Complexity: O(log n) plus O(limit) record reads for a common name, however many
    ///   namesakes it has (more when most are folded, or ids share their leading bytes).
    @discardableResult
    func offerNamesakes(key: [UInt8], into top: inout TopMatches, offer: (UInt32, inout TopMatches) -> Bool?) -> Bool {
        var any = false
        var array = -1
        var exact: [UInt32] = []
        var last: UInt64? = nil
        nameKeyIndex.forEachEqual(key, isLive: liveness) { number, slot, tie in
            any = true
            if number != array {
                array = number
                exact.removeAll(keepingCapacity: true)
                last = nil
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
        return any
    }
}
