extension ContactDirectory {
    /// Finds contacts by name the way an agent types one: any case, accents or script, tokens in
    /// any order and with any punctuation, type-ahead prefixes of every token, initials,
    /// nicknames both ways, multi-part surnames by either part or joined, and typing errors
    /// within the configured budget (`NameMatchingOptions`).
    ///
    /// Ranking (`MatchReason` holds the scores): the whole name as stored, case aside
    /// (`exactName`), then equal at primary collation strength (`foldedName`), then equal once
    /// folded to Latin (`transliteratedName`), then every token equal (`nameTokens`), then by
    /// the weakest token: nickname, prefix, initial, one edit, two edits; then partial matches.
    /// Ties go to more tokens matched well, then entity priority, then id.
    ///
    /// How: whole names are looked up by collation key (binary search); when that fills the
    /// limit, nothing else can rank higher and the look-up ends. Otherwise each query token is
    /// expanded over the token vocabulary (exact, nicknames, prefix range, fuzzy walk), the
    /// expansion with the fewest postings drives, the other tokens' postings filter its slots by
    /// galloping merge, and survivors are scored from their token lists. When fewer than `limit`
    /// contacts match every token, contacts matching some tokens fill the rest.
    /// - Parameters:
    ///   - text: the name as typed; empty or punctuation-only text gives no results.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches.
    /// - Complexity: O(log n) for the whole-name look-up; O(V') for the vocabulary walk over the
    ///   V' prefixes within the typo budget; O(P) for the driving postings P, plus O(m log m)
    ///   for the m galloping probes.
    public func lookup(fuzzyName text: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0 else { return [] }
        var top = TopMatches(limit: limit, of: self)
        collectNameMatches(text, into: &top)
        return matches(from: top)
    }

    func matches(from top: TopMatches) -> [Match] {
        top.entries.compactMap { entry in
            storedContact(slot: entry.slot).map { Match(contact: $0, score: entry.score, reason: entry.reason) }
        }
    }

    /// Offers every name match of `text` to `top`.
    func collectNameMatches(_ text: String, into top: inout TopMatches) {
        collectWholeNameMatches(text, into: &top)
        // Token matches score at most `transliteratedName`, below every whole-name match.
        if top.isFull(atLeast: MatchReason.foldedName.baseScore) { return }
        let folded = Array(preparer.names.tokens(text).prefix(8))
        guard !folded.isEmpty else { return }
        collectTokenMatches(folded, into: &top)
        // "van der berg" also as "vanderberg", "al husseini" as "alhusseini": stored names
        // written as one word.
        let joined = NameParticles.joiningParticles(folded)
        if joined != folded { collectTokenMatches(joined, into: &top) }
    }

    /// Whole names equal to the query at primary collation strength.
    private func collectWholeNameMatches(_ text: String, into top: inout TopMatches) {
        let key = preparer.names.collationKey(text)
        guard key.count > 1 else { return }
        var hits: [UInt32] = []
        nameKeyIndex.forEachEqual(key, isLive: liveness) { hits.append($0) }
        guard !hits.isEmpty else { return }
        let spelling = NameSpelling.key(text)
        func offer(_ slot: UInt32) -> Bool {
            guard let contact = storedContact(slot: slot) else { return false }
            let exact = NameSpelling.equals(spelling, contact.displayName, nil)
                || NameSpelling.equals(spelling, contact.firstName, contact.lastName)
                || NameSpelling.equals(spelling, contact.lastName, contact.firstName)
            let reason: MatchReason = exact ? .exactName : .foldedName
            top.offer(slot: slot, score: reason.baseScore, reason: reason)
            return exact
        }
        if hits.count <= top.limit * 4 {
            for slot in hits { _ = offer(slot) }
            return
        }
        // Many namesakes: walk them in tie order; once `limit` exact ones are in, the rest
        // (later in tie order, or folded) cannot enter.
        let index = nameTokenIndex
        hits.sort { a, b in
            let rankA = index.entityRanks[Int(a)], rankB = index.entityRanks[Int(b)]
            if rankA != rankB { return rankA < rankB }
            let prefixA = index.idPrefixes[Int(a)], prefixB = index.idPrefixes[Int(b)]
            if prefixA != prefixB { return prefixA < prefixB }
            return idPrecedes(a, b)
        }
        var exactCount = 0
        for slot in hits {
            if offer(slot) { exactCount += 1 }
            if exactCount >= top.limit { break }
        }
    }

    /// Token-level matches: full matches by intersection, then partial ones when needed.
    private func collectTokenMatches(_ tokens: [String], into top: inout TopMatches) {
        let index = nameTokenIndex
        let options = configuration.nameMatching
        let nicknames = NicknameTable.shared
        let query = tokens.map { NameQueryToken(text: $0, index: index, options: options, nicknames: nicknames) }
        let order = query.indices.sorted { query[$0].totalPostings < query[$1].totalPostings }
        var evaluated = Set<UInt32>()
        let everyTokenCanMatch = query.allSatisfy { $0.totalPostings > 0 }
        if everyTokenCanMatch {
            let driver = query[order[0]]
            // Other tokens with few candidate lists filter by galloping over their postings;
            // the rest are checked on the survivors' token lists.
            let filters = order.dropFirst().filter { query[$0].ids.count <= 4 }.map { query[$0].ids }
            for tokenID in driver.ids {
                let list = index.postings[Int(tokenID)]
                var cursors = filters.map { [Int](repeating: 0, count: $0.count) }
                candidates: for slot in list {
                    for (filterIndex, filter) in filters.enumerated() {
                        var found = false
                        for (listIndex, otherID) in filter.enumerated() {
                            let other = index.postings[Int(otherID)]
                            let position = Self.gallop(other, from: cursors[filterIndex][listIndex], to: slot)
                            cursors[filterIndex][listIndex] = position
                            if position < other.count, other[position] == slot { found = true }
                        }
                        if !found { continue candidates }
                    }
                    if driver.ids.count > 1, !evaluated.insert(slot).inserted { continue }
                    offerTokenMatch(slot: slot, query: query, into: &top)
                }
            }
        }
        // Fewer full matches than the limit: contacts matching some tokens fill the rest.
        guard query.count > 1, !top.isFull(atLeast: MatchReason.partialName.baseScore + 0.02) else { return }
        var budget = 50_000
        for tokenIndex in order where query[tokenIndex].totalPostings > 0 {
            for tokenID in query[tokenIndex].ids {
                for slot in index.postings[Int(tokenID)] {
                    guard evaluated.insert(slot).inserted else { continue }
                    offerTokenMatch(slot: slot, query: query, into: &top)
                    budget -= 1
                    if budget == 0 { return }
                }
            }
        }
    }

    /// Scores one contact against the query tokens from its token list.
    @inline(__always)
    private func offerTokenMatch(slot: UInt32, query: [NameQueryToken], into top: inout TopMatches) {
        let entries = nameTokenIndex.tokens(of: slot)
        guard !entries.isEmpty else { return }
        var matched = 0
        var worst = TokenMatchKind.exact
        var kinds: [TokenMatchKind?] = []
        kinds.reserveCapacity(query.count)
        for token in query {
            var best: TokenMatchKind? = nil
            for entry in entries {
                if let kind = token.kind(of: entry & NameTokenIndex.idMask), best == nil || kind < best! {
                    best = kind
                    if kind == .exact { break }
                }
            }
            kinds.append(best)
            if let best {
                matched += 1
                if best > worst { worst = best }
            }
        }
        guard matched > 0 else { return }
        // An unmatched particle ("al", "van", "de") is no miss when other tokens matched.
        let unmatchedParticles = zip(query, kinds).reduce(0) { $0 + ($1.1 == nil && NameParticles.isParticle($1.0.text) ? 1 : 0) }
        let counted = query.count - unmatchedParticles
        if matched == counted, counted < query.count {
            top.offer(slot: slot, score: worst.reason.baseScore - 0.005, reason: worst.reason)
            return
        }
        let better = kinds.reduce(0) { $0 + (($1.map { $0 < worst } ?? false) ? 1 : 0) }
        let bonus = 0.015 * Double(better) / Double(query.count)
        if matched == query.count {
            if worst == .exact, Self.isWholeName(query: query, entries: entries) {
                top.offer(slot: slot, score: MatchReason.transliteratedName.baseScore, reason: .transliteratedName)
            } else {
                top.offer(slot: slot, score: worst.reason.baseScore + bonus, reason: worst.reason)
            }
        } else {
            let full = worst.reason.baseScore + bonus
            let score = full * Double(matched) / Double(query.count) * 0.5
            top.offer(slot: slot, score: score, reason: .partialName)
        }
    }

    /// Whether the query's tokens, in order, are the contact's given then family tokens, family
    /// then given, or its display name's tokens.
    private static func isWholeName(query: [NameQueryToken], entries: ArraySlice<UInt32>) -> Bool {
        func tokens(_ role: NameTokenRole) -> [UInt32] {
            entries.filter { $0 >> 28 == role.rawValue }.map { $0 & NameTokenIndex.idMask }
        }
        let wanted = query.map { $0.exactID ?? UInt32.max }
        let given = tokens(.given)
        let family = tokens(.family)
        return wanted == given + family || wanted == family + given || wanted == tokens(.display)
    }

    /// The first position at or after `start` whose slot is not below `slot` (exponential then
    /// binary search).
    @inline(__always)
    static func gallop(_ list: [UInt32], from start: Int, to slot: UInt32) -> Int {
        guard start < list.count, list[start] < slot else { return start }
        var low = start
        var step = 1
        while low + step < list.count, list[low + step] < slot {
            low += step
            step <<= 1
        }
        var high = min(low + step, list.count)
        low += 1
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return high
    }
}
