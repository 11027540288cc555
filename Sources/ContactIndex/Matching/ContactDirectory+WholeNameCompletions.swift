extension ContactDirectory {
    /// The most whole names that extend the query a search lists after its whole-name match
    /// (the son, the colleague with a longer name): enough to tell them apart, and each one
    /// listed is a record read for the reply.
    static let maximumExtensions = 4

    /// After a whole name equal to the query ended a name search (`collectNameMatches`), the
    /// places the results have left go to the names an agent would also want to see, found in the
    /// same sorted index of whole names, without the token search:
    /// - the names that start with the query: "Henry Ford III" and "Henry Fordham" for "henry
    ///   ford", Jean-Luc Picard for "jean luc", Jordan Michaels for "jordan michael" (where
    ///   Michael Jordan is the exact match, swapped), as `namePrefix`;
    /// - the same name written in another script: 伟 张 for "wei zhang", Иван Петров for "ivan
    ///   petrov" (their Latin keys, `LatinNameKey`), and Wei Zhang for "张伟" (the whole name the
    ///   query reads as in Latin letters), as `transliteratedName`.
    ///
    /// Why: the exact match is the confident answer and still comes first, but ending the search
    /// there hid the father for the son and the colleague whose given name is the other's whole
    /// name; the list is where the agent tells them apart. Both look-ups are in the index the
    /// exact one just searched: one range of keys (at most `maximumExtensions` entries past the
    /// exact ones) and one or two keys more.
    /// - Parameters:
    ///   - key: the collation key of the query whose whole name matched (without the titles
    ///     typed, when those were left out for the match): its names' prefix is that key
    ///     without its terminator (`ICUCollator.prefixBounds`).
    ///   - tokens: the query's folded tokens.
    ///   - otherScript: whether the query has letters of another script than Latin.
    func offerWholeNameCompletions(key: [UInt8], tokens: [String], otherScript: Bool, into top: inout TopMatches) {
        guard top.entries.count < top.limit else { return }
        var lower = key
        if lower.last == 0 { lower.removeLast() }
        if !lower.isEmpty {
            let bounds = (lower: lower, upper: lower + [0xFF, 0xFF, 0xFF, 0xFF])
            // Read through locals: a closure that reads a property of the directory copies it.
            let index = nameKeyIndex
            let isLive = liveness
            // The exact namesakes come first in the range (their key is its lower bound); then
            // at most `maximumExtensions` names that extend the query.
            let scan = top.entries.count + Self.maximumExtensions
            _ = offeringNamesakes(to: &top) { top in
                index.forEachInRange(lower: bounds.lower, upper: bounds.upper, limit: scan, isLive: isLive) { slot in
                    top.offer(slot: slot, score: MatchReason.namePrefix.baseScore, reason: .namePrefix)
                }
                return true
            }
        }
        guard top.entries.count < top.limit else { return }
        if !otherScript {
            // Only when a contact written beyond ASCII may be named these tokens
            // (`WholeNameTokenFilter.latinKeyHash`): one cache line instead of a search.
            let index = nameTokenIndex
            var sum: UInt64 = 0
            for token in tokens {
                guard let id = index.vocabulary.id(of: token) else { return }
                sum &+= WholeNameTokenFilter.mix(UInt64(id))
            }
            let hash = WholeNameTokenFilter.hash(sum: sum, count: UInt64(tokens.count))
            guard index.wholeNames.mayContain(WholeNameTokenFilter.latinKeyHash(hash)) else { return }
            _ = offeringNamesakes(to: &top) { collectLatinWholeNameMatches(tokens, into: &$0) }
            return
        }
        // A query in another script reads as Latin tokens ("zhang wei" for 张伟): a Latin whole
        // name equal to them is the same person written in Latin letters. One look-up finds
        // either order: a contact's keys hold its given-family and family-given orders.
        guard !tokens.isEmpty, tokens.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return }
        var readings = TopMatches(limit: top.limit, of: self)
        collectWholeNameMatches(tokens.joined(separator: " "), order: nil, into: &readings)
        for entry in readings.entries {
            top.offer(slot: entry.slot, score: MatchReason.transliteratedName.baseScore, reason: .transliteratedName)
        }
    }
}
