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
    /// How: whole names are looked up by collation key (binary search); a whole name equal to
    /// the query is a confident answer and ends the look-up. Otherwise each query token is
    /// expanded over the token vocabulary (exact, nicknames, prefix range, typing errors through
    /// `TokenDeletionIndex`, romanized spellings), and contacts are gathered tier by tier (see
    /// `collectTokenMatches`): the token whose spellings have the fewest postings drives, the
    /// others filter, survivors are scored from their token lists, and the search stops at the
    /// first tier after which nothing could enter the results. Only when no contact matches every
    /// token do contacts matching some tokens fill the results (a bounded pass).
    /// - Parameters:
    ///   - text: the name as typed; empty or punctuation-only text gives no results.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches.
    /// - Complexity: O(log n) for the whole-name look-up; a few dozen hash probes per token for
    ///   its typing errors; per tier, O(P) for the postings P of the driving token's spellings
    ///   and of the filters built, plus O(c · t) to score c candidates of t tokens.
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
        // A whole name equal to the query (case, accents, script and word order aside) is a
        // confident answer: the search ends there, without suggesting other spellings.
        if collectWholeNameMatches(text, into: &top) { return }
        let folded = Array(preparer.names.tokens(text).prefix(8))
        guard !folded.isEmpty else { return }
        collectTokenMatches(folded, into: &top)
        // "van der berg" also as "vanderberg", "al husseini" as "alhusseini": stored names
        // written as one word.
        let joined = NameParticles.joiningParticles(folded)
        if joined != folded { collectTokenMatches(joined, into: &top) }
    }

    /// Whole names equal to the query at primary collation strength.
    /// - Returns: whether there were any.
    @discardableResult
    private func collectWholeNameMatches(_ text: String, into top: inout TopMatches) -> Bool {
        let key = preparer.names.collationKey(text)
        guard key.count > 1 else { return false }
        var hits: [UInt32] = []
        nameKeyIndex.forEachEqual(key, isLive: liveness) { hits.append($0) }
        guard !hits.isEmpty else { return false }
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
            return true
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
        return true
    }

    /// The tiers of token matching, best first: a contact whose every query token matches at a
    /// tier or better scores at most that tier's reason (plus the small bonus of `MatchReason`).
    private static let tiers: [TokenMatchKind] = [.exact, .nickname, .prefix, .initial, .fuzzyOne, .romanized, .fuzzyTwo, .fuzzyThree]

    /// Token-level matches, tier by tier, then partial ones when needed.
    ///
    /// At each tier, the candidates are the contacts that have, for every query token, one of its
    /// spellings at that tier or better: the token whose spellings have the fewest postings
    /// drives (the union of its posting lists, a `SlotSet`), and the others filter it through
    /// their own unions when those are not much larger, else on each survivor's token list. The
    /// search stops at the first tier after which no later match could enter the results, so a
    /// query with a typo in one token pays for its fuzzy spellings only after the exact and
    /// nickname tiers came up short.
    private func collectTokenMatches(_ tokens: [String], into top: inout TopMatches) {
        let index = nameTokenIndex
        let options = configuration.nameMatching
        let nicknames = NicknameTable.shared
        let query = tokens.map { NameQueryToken(text: $0, index: index, options: options, nicknames: nicknames) }
        // Particles ("van", "de", "al") may go unmatched; a query made only of them needs them.
        var required = query.indices.filter { !NameParticles.isParticle(query[$0].text) }
        if required.isEmpty { required = Array(query.indices) }
        var evaluated = Set<UInt32>()
        var previousCounts: [Int] = []
        for (tierIndex, tier) in Self.tiers.enumerated() {
            let spellings = required.map { query[$0].ids(upTo: tier, index: index) }
            let counts = spellings.map(\.ids.count)
            if spellings.contains(where: { $0.ids.isEmpty }) || counts == previousCounts { continue }
            previousCounts = counts
            forEachCandidate(spellings) { slot in
                guard evaluated.insert(slot).inserted else { return }
                offerTokenMatch(slot: slot, query: query, into: &top)
            }
            // Later tiers score at most their reason plus the bonus: stop when none could enter.
            let next = tierIndex + 1 < Self.tiers.count ? Self.tiers[tierIndex + 1].reason.baseScore + 0.015 : 0
            if top.isFull(atLeast: next) { return }
        }
        // No full match at all: contacts matching some of the tokens are offered instead, from
        // the rarest token's spellings first, within a bounded number of contacts. (When full
        // matches exist, the results are those, not padded with partial ones.)
        guard query.count > 1, top.entries.isEmpty else { return }
        let order = query.indices.sorted { query[$0].totalPostings < query[$1].totalPostings }
        var budget = Self.partialBudget
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

    /// The most contacts a partial-match pass scores.
    static let partialBudget = 500

    /// Calls `body` with every slot that has, for each entry of `spellings`, one of its token ids
    /// (plus, rarely, slots that a large set did not filter: the caller scores each on its token
    /// list, so those end up as partial matches at worst).
    private func forEachCandidate(_ spellings: [(ids: [UInt32], postings: Int)], _ body: (UInt32) -> Void) {
        let index = nameTokenIndex
        let order = spellings.indices.sorted { spellings[$0].postings < spellings[$1].postings }
        let driver = spellings[order[0]]
        let slotCount = store.slotCount
        // Filters: the other tokens' unions, when building them costs little next to the driver.
        var filters: [SlotSet] = []
        for position in order.dropFirst() where spellings[position].postings <= 16 * driver.postings + 4_096 {
            filters.append(SlotSet(unionOf: spellings[position].ids, postings: index.postings, totalPostings: spellings[position].postings, slotCount: slotCount))
        }
        func visit(_ slot: UInt32) {
            for filter in filters where !filter.contains(slot) { return }
            body(slot)
        }
        if driver.ids.count == 1 {
            for slot in index.postings[Int(driver.ids[0])] { visit(slot) }
        } else {
            SlotSet(unionOf: driver.ids, postings: index.postings, totalPostings: driver.postings, slotCount: slotCount).forEach(visit)
        }
    }

    /// Scores one contact against the query tokens from its token list.
    @inline(__always)
    private func offerTokenMatch(slot: UInt32, query: [NameQueryToken], into top: inout TopMatches) {
        let entries = nameTokenIndex.tokens(of: slot)
        guard !entries.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: query.count) { kinds in
            // Each query token's best kind among the contact's tokens (0xFF: no match).
            var matched = 0
            var worst = TokenMatchKind.exact
            var unmatchedParticles = 0
            for (position, token) in query.enumerated() {
                var best: TokenMatchKind? = nil
                for entry in entries {
                    if let kind = token.kind(of: entry & NameTokenIndex.idMask), best.map({ kind < $0 }) ?? true {
                        best = kind
                        if kind == .exact { break }
                    }
                }
                kinds[position] = best?.rawValue ?? 0xFF
                if let best {
                    matched += 1
                    if best > worst { worst = best }
                } else if token.isParticle {
                    // An unmatched particle ("al", "van", "de") is no miss when other tokens matched.
                    unmatchedParticles += 1
                }
            }
            guard matched > 0 else { return }
            let counted = query.count - unmatchedParticles
            if matched == counted, counted < query.count {
                top.offer(slot: slot, score: worst.reason.baseScore - 0.005, reason: worst.reason)
                return
            }
            var better = 0
            for position in 0..<query.count where kinds[position] < worst.rawValue { better += 1 }
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
}
