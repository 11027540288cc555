extension ContactDirectory {
    /// The tiers of token matching, best first: a contact whose every query token matches at a
    /// tier or better scores at most that tier's reason (plus the small bonus of `MatchReason`).
    static let tiers: [TokenMatchKind] = [.exact, .nickname, .prefix, .initial, .fuzzyOne, .romanized, .fuzzyTwo, .fuzzyThree]

    /// How many contacts ahead a walk prefetches token lists (their starts this far ahead, the
    /// lists half as far): enough for the misses of several contacts to be in flight at once.
    static let tokenListLookahead = 16

    /// The work (in postings, as `FillBudget` counts it) that the initial tier and the tiers
    /// after it may do for a query of three or more letters alone (see `collectTiers`): at a
    /// million contacts, "j m s" walked 1.6 ms, "a b c" 2.7 ms and "m m m m" 171 ms through every
    /// contact with a word starting with its rarest letter, unbounded since the initial tier is
    /// such a query's own.
    static let initialsOnlyWork = 4 * FillBudget.standard

    /// The most combinations of spelling bands a tier is split into (see `collectTier`); a query
    /// with more walks each token's spellings of the tier as one band.
    static let maximumCombinations = 64

    /// Prefetches what scoring the first contacts of `slots` reads, for a walk that then calls
    /// `prefetchAhead` at each contact: the token lists' starts of the first
    /// `tokenListLookahead`, then the lists and tie values of the first half as many (their
    /// starts' loads overlap). Without it, each batch of contacts began with its first ones
    /// unprefetched, a cache miss after another.
    @inline(__always)
    func prefetchFirst(of slots: [UInt32], from start: Int = 0, for top: TopMatches) {
        let starts = min(slots.count, start + Self.tokenListLookahead)
        guard start < starts else { return }
        for offset in start..<starts { nameTokenIndex.prefetchTokenListStart(of: slots[offset]) }
        for offset in start..<min(starts, start + Self.tokenListLookahead / 2) {
            nameTokenIndex.prefetchTokens(of: slots[offset])
            top.prefetchTieValues(of: slots[offset])
        }
    }

    /// Prefetches what scoring the contacts a few places after `offset` in `slots` reads: their
    /// token lists' starts `tokenListLookahead` ahead, the lists and tie values half as far.
    @inline(__always)
    func prefetchAhead(of offset: Int, in slots: [UInt32], for top: TopMatches) {
        if offset + Self.tokenListLookahead < slots.count { nameTokenIndex.prefetchTokenListStart(of: slots[offset + Self.tokenListLookahead]) }
        if offset + Self.tokenListLookahead / 2 < slots.count {
            nameTokenIndex.prefetchTokens(of: slots[offset + Self.tokenListLookahead / 2])
            top.prefetchTieValues(of: slots[offset + Self.tokenListLookahead / 2])
        }
    }

    /// The tiers for the query tokens at `required` (the others are scored, not required).
    ///
    /// At each tier, the candidates are the contacts that have, for every required token, one of
    /// its spellings at that tier or better (see `collectTier`). The search stops at the first
    /// tier after which no later match could enter the results, or inside a tier once no
    /// contact left in it could, or after the exact tier when it found a whole name.
    ///
    /// A tier after the prefix tier that begins with an exact, nickname or prefix match in the
    /// results only fills them: it starts `budget` (`FillBudget`), which then also limits the
    /// later tiers past the prefix tier in every pass of the search, and the search ends when it
    /// runs out. The initial tier of a query with a one-letter token is not such a tier. Results
    /// led by a one-edit match start the budget too, at `FillBudget.afterOneEditFactor` times
    /// its limit, from the tier after the one-edit tier. In a pass without the query's
    /// particles (`required` short of the query), every tier fills results that hold a match.
    /// - Parameter exhaustive: score every candidate of each tier reached (tests compare).
    /// - Returns: whether the results are settled: no later match could enter them, or the
    ///   budget ran out.
    func collectTiers(
        required: [Int], query: inout [NameQueryToken], evaluated: inout SmallIDMap, budget: inout FillBudget, exhaustive: Bool,
        into top: inout TopMatches
    ) -> Bool {
        let index = nameTokenIndex
        var previousCounts: [Int] = []
        var processed: TokenMatchKind?
        var unions = [CarriedTokenUnion?](filledWith: nil, count: required.count)
        // A letter typed for a name ("J. Smith") has its answers in the initial tier: that tier
        // is the query's own, not one that fills its results, even after a prefix match
        // ("C. Jacobson" for "C. Jacobs" leaves Cindy Jacobs to be found).
        let ownsInitialTier = required.contains { query[$0].isInitial }
        // A pass without the query's particles ("Patt" alone after "Ter Patt") adds only contacts
        // that rank below every full match (`offerTokenMatch`): after one, each of its tiers fills
        // the results. "Ter Patt" read and scored all 968 contacts of "patt…" for its last two
        // places (216 µs at a million contacts; 90 µs within the budget).
        let passFills = required.count < query.count && !top.entries.isEmpty
        // A query of three or more letters alone ("j m s", "a b c") has no token to drive a
        // narrow walk: every contact with a word starting with the rarest letter is a
        // candidate, and few hold all the letters. Its initial tier and those after it run
        // within `initialsOnlyWork`, unlike a query with a word besides its initials.
        var initialsOnlyBudget: FillBudget? = nil
        if required.count >= 3, required.allSatisfy({ query[$0].isInitial }) {
            initialsOnlyBudget = FillBudget(limit: Self.initialsOnlyWork)
            initialsOnlyBudget?.start()
        }
        for (tierIndex, tier) in Self.tiers.enumerated() {
            let fills = passFills || tier > .prefix && !(tier == .initial && ownsInitialTier)
            if fills, let best = top.entries.first {
                if FillBudget.startsAfter(best.reason) {
                    budget.start()
                } else if tier > .fuzzyOne, best.reason == .fuzzyOneEdit {
                    budget.start(times: FillBudget.afterOneEditFactor)
                }
            }
            // A tier whose matches could only take the places of matches through a company's
            // words (`MatchReason.companyName`, ranked below its romanized spellings) fills within
            // the budget's plain limit: typing-error queries whose last places held such matches
            // went on to the romanized tier, and comparing the tokens that share their tokens'
            // skeletons cost up to 100 µs a query (two typing errors: steady p99 up 10–30 µs at a
            // million contacts).
            if tier >= .romanized, top.isFull(butCompanyNamesAtLeast: tier.reason.baseScore + Self.maximumBonus) {
                budget.capAtLimit()
            }
            if fills, budget.isSpent { return true }
            // The far spellings (two edits, romanized) from their tier on, or with the first
            // typing errors when some token is not required: it is scored with whatever it
            // matches, and a contact offered is not scored again.
            let far = tier >= .romanized || required.count < query.count
            if tier >= .fuzzyOne, !query.allSatisfy({ far ? $0.hasFarSpellings : $0.hasDistantSpellings }) {
                // After an exact, nickname or prefix match, the far spellings are only the
                // readings of names written in another script (`addFarSpellings`).
                let otherScriptsOnly = fills && top.entries.first.map { FillBudget.startsAfter($0.reason) } == true
                for position in query.indices {
                    // While the fill budget runs, a token's romanized spellings are looked for
                    // only when comparing the tokens that share its skeleton fits in it.
                    let skeletonLimit = budget.left.map { max($0, 0) / FillBudget.skeletonCandidateCost }
                    let compared = query[position].addDistantSpellings(
                        index: index, options: configuration.nameMatching, throughRomanized: far, skeletonLimit: skeletonLimit,
                        otherScriptsOnly: otherScriptsOnly)
                    budget.spend(compared * FillBudget.skeletonCandidateCost)
                }
            }
            let counts = required.map { query[$0].count(upTo: tier) }
            if counts.contains(0) || counts == previousCounts { continue }
            previousCounts = counts
            // The exact, nickname and prefix tiers are never budgeted, even in a later pass of a
            // search whose budget ran out (the joined form "vanderberg" of "van der berg").
            let initialsOnly = tier >= .initial && !fills && initialsOnlyBudget != nil
            if initialsOnly, initialsOnlyBudget?.isSpent == true { return true }
            var tierBudget = fills ? budget : (initialsOnly ? initialsOnlyBudget! : FillBudget(limit: nil))
            collectTier(
                tier, after: processed, required: required, query: query, unions: &unions, evaluated: &evaluated, budget: &tierBudget,
                exhaustive: exhaustive, into: &top)
            if fills { budget = tierBudget }
            if initialsOnly { initialsOnlyBudget = tierBudget }
            processed = tier
            // A whole name equal to the query once folded to Latin ("huban yildirim" for "Hüban
            // Yıldırım", "ivanov ivan" for "Иванов Иван") is as confident an answer as one equal
            // at collation strength (`collectWholeNameMatches`): the search ends with its tier.
            if tier == .exact, top.entries.contains(where: { $0.reason == .transliteratedName }) { return true }
            // Later tiers score at most their reason plus the bonus: stop when none could enter.
            let next = tierIndex + 1 < Self.tiers.count ? Self.tiers[tierIndex + 1].reason.baseScore + Self.maximumBonus : 0
            if top.isFull(atLeast: next) { return true }
        }
        // A budget spent in the last tier settles the results as well: no pass with fewer
        // required tokens adds to them.
        return budget.isSpent
    }

    /// Offers the contacts that match every required token at `tier` or better and were not
    /// offered at an earlier tier.
    ///
    /// Each required token's spellings up to the tier are split by kind into bands
    /// (`NameSpellingBand`), and the tier into combinations of one band per token. A contact's
    /// score is at most its combination's bound (`TierCombination`): the base score of the
    /// worst kind in it, and a bonus from the best qualities of its bands. Combinations are
    /// walked highest bound first, and the walk stops once the results are full and their last
    /// one scores above the next bound (max-score style), so "Xing Jing" looks at the contacts
    /// with one token exact and the other one edit away before those with both one edit away,
    /// and usually never at the latter. After an earlier tier, only combinations with a band of
    /// this tier are new.
    ///
    /// Within a combination, the token whose band has the fewest postings drives: its
    /// spellings are walked best quality first, one posting list at a time, and the walk stops
    /// when the bound with the quality left falls below the results. Every other token checks
    /// each contact, on the contact's token list at first and, once the contacts checked so
    /// far would have paid for it, through the union of its band's postings (a `SlotSet`, kept
    /// for the other combinations of the tier).
    ///
    /// Until the results are full, no combination can be skipped: one merged band per token then
    /// walks each contact once, where finer bands would walk the driving token's lists once per
    /// combination. From the initial tier on, though, a merged band's bound is loose: it mixes
    /// the spellings of the earlier tiers (a prefix's quality up to 0.65) with initials, typing
    /// errors and romanizations (0.35 down to 0.05), and takes the best quality of them all for
    /// every contact. So once the results fill during a merged walk there, the rest of the tier
    /// is walked again in finer bands, whose bounds end it early; the contacts already offered
    /// are skipped (`evaluated`). A prefix query with two matches used to score every romanized
    /// candidate of the tier that filled its results (3,155 contacts for "san sob" at 1M). In
    /// the exact, nickname and prefix tiers a band's qualities follow its kinds, the merged
    /// bound holds close, and finer bands would cost more (a union of postings per band) than
    /// they save.
    ///
    /// The unions of the merged bands are carried from tier to tier (`CarriedTokenUnion`).
    ///
    /// Results already full when the tier begins go straight to the finer bands, whose bounds
    /// may then end the tier at once, except in the exact, nickname and prefix tiers while the
    /// last result scores below the tier's base score: no combination's bound is below it, so
    /// none could be passed over, and the finer bands would only split one walk into many,
    /// each building the unions of its bands. "kris long" (five nickname matches, then matches
    /// through companies' words filling the results at 0.53) walked 24 combinations of its
    /// prefix tier, built unions of 9,046 postings and read 396 contacts to find four prefix
    /// matches: 128 µs at a million contacts; in one merged walk 15 µs, the same four.
    /// - Parameters:
    ///   - processed: the tier before, whose contacts were all offered (nil: none).
    ///   - unions: per required token, the union of its merged band built at an earlier tier;
    ///     brought up to this tier and used (unless the budget cannot pay for that), and any
    ///     built here kept.
    ///   - budget: the work a fill tier may still do (`FillBudget`).
    private func collectTier(
        _ tier: TokenMatchKind, after processed: TokenMatchKind?, required: [Int], query: [NameQueryToken],
        unions: inout [CarriedTokenUnion?], evaluated: inout SmallIDMap, budget: inout FillBudget, exhaustive: Bool,
        into top: inout TopMatches
    ) {
        if top.isFull(atLeast: tier <= .prefix ? tier.reason.baseScore : 0) {
            walkFinerBands(
                tier, after: processed, required: required, query: query, coarse: [], evaluated: &evaluated, budget: &budget,
                exhaustive: exhaustive, into: &top)
            return
        }
        let merged = required.map { query[$0].bands(upTo: tier, grouping: .merged) }
        // The token with the fewest postings drives the walk and needs no union (`TierCombination`).
        let driver = merged.indices.min { (merged[$0].first?.postings ?? 0) < (merged[$1].first?.postings ?? 0) }
        let lookups = driver.flatMap { merged[$0].first?.postings } ?? 0
        var filters: [[SlotSet?]] = merged.indices.map { position in
            guard position != driver, let band = merged[position].first, unions[position] != nil else {
                return Array(filledWith: nil, count: merged[position].count)
            }
            let additions = unions[position]!.additions(to: tier, band: band, token: query[required[position]], index: nameTokenIndex)
            // Unaffordable: the token is checked on the contacts' token lists instead.
            guard budget.allows(additions.postings) else { return Array(filledWith: nil, count: merged[position].count) }
            budget.spend(additions.postings)
            // Taken out of `unions` before it grows: while the array held it too, adding to its
            // bitmap copied the whole bitmap first (125 KB at a million contacts, a few times a
            // query; 5% of the instructions of the labeled prefix queries).
            var union = unions[position]!
            unions[position] = nil
            union.extend(with: additions, lookups: lookups, index: nameTokenIndex, slotCount: store.slotCount)
            unions[position] = union
            return [union.set]
        }
        var noCoarse: [SlotSet?] = []
        let filled = walkTier(tier, after: processed, bands: merged, filters: &filters, coarse: &noCoarse, required: required, query: query,
                              stopsWhenFull: tier > .prefix && !exhaustive, leavesCrowdedLists: !exhaustive, evaluated: &evaluated,
                              budget: &budget, exhaustive: exhaustive, into: &top)
        // Kept for the later tiers: a union built here, or the carried one as the walk left it. A
        // union asked about more contacts than it was built for turns into a bitmap in the walk
        // (`SlotSet.recordLookups`); the carried one was kept as it was before, and turned again
        // at every later tier ("stu read" at a million contacts: 10,788 set in a bitmap twice, 12%
        // of its samples in `perf`; with this and the faster merge of `TokenPostingLists.union`,
        // 76.6 and 78.7 µs before, 57.1 and 61.5 µs after, fastest of 2,000 runs, in turn).
        for position in merged.indices {
            if let built = filters[position].first ?? nil { unions[position] = CarriedTokenUnion(built, tier: tier) }
        }
        guard filled else { return }
        // With too many combinations the finer bands are the merged ones: the walk goes on from
        // the start, its contacts offered so far skipped. The merged bands' unions of this tier
        // hold every finer band's contacts: they drop, without a look at its token list, a
        // contact that lacks the token altogether.
        let coarse = unions.map { union in union.flatMap { $0.tier == tier ? $0.set : nil } }
        walkFinerBands(
            tier, after: processed, required: required, query: query, coarse: coarse, evaluated: &evaluated, budget: &budget,
            exhaustive: exhaustive, into: &top)
    }

    /// Walks the tier in `finerBands`, their unions built as needed.
    /// - Parameter coarse: per required token, a superset of the contacts of its spellings up to
    ///   the tier (its merged band's union), or nil; empty when there is none.
    private func walkFinerBands(
        _ tier: TokenMatchKind, after processed: TokenMatchKind?, required: [Int], query: [NameQueryToken], coarse: [SlotSet?],
        evaluated: inout SmallIDMap, budget: inout FillBudget, exhaustive: Bool, into top: inout TopMatches
    ) {
        let bands = finerBands(tier, required: required, query: query)
        var filters: [[SlotSet?]] = bands.map { Array(filledWith: nil, count: $0.count) }
        var coarse = coarse
        walkTier(tier, after: processed, bands: bands, filters: &filters, coarse: &coarse, required: required, query: query,
                 stopsWhenFull: false, leavesCrowdedLists: false, evaluated: &evaluated, budget: &budget, exhaustive: exhaustive,
                 into: &top)
    }

    /// The required tokens' spellings up to `tier` in bands by quality, or by kind, or merged:
    /// the finest grouping with at most `maximumCombinations` combinations.
    private func finerBands(_ tier: TokenMatchKind, required: [Int], query: [NameQueryToken]) -> [[NameSpellingBand]] {
        var bands = required.map { query[$0].bands(upTo: tier, grouping: .quality) }
        for grouping in [NameSpellingBand.Grouping.kind, .merged] where bands.reduce(1, { $0 * $1.count }) > Self.maximumCombinations {
            bands = required.map { query[$0].bands(upTo: tier, grouping: grouping) }
        }
        return bands
    }

    /// Walks the combinations of `bands` for `collectTier`.
    /// - Parameters:
    ///   - filters: per required token and band, the union of the band's postings, or nil until
    ///     one is built; the unions built in the walk are left there.
    ///   - coarse: per required token, a superset of its bands' contacts or nil (empty: none);
    ///     one that turned into a bitmap in a combination's checks is left there for the next
    ///     (`SlotSet.recordLookups`).
    ///   - stopsWhenFull: stop as soon as the results are full (the caller walks on in finer
    ///     bands).
    ///   - leavesCrowdedLists: stop, once the results are full (or before, in the prefix tier
    ///     of two tokens typed alike, when much of the list is left), in a prefix list whose
    ///     contacts are mostly no match (the caller walks on in finer bands).
    ///   - budget: while it runs (`FillBudget`), every list is walked in chunks, each paid for
    ///     before it is read, and the walk stops when the budget is spent.
    /// - Returns: whether the walk stopped because the results filled (or, with tokens typed
    ///   alike, because a prefix list was crowded): the caller walks on in finer bands.
    @discardableResult
    private func walkTier(
        _ tier: TokenMatchKind, after processed: TokenMatchKind?, bands: [[NameSpellingBand]], filters: inout [[SlotSet?]],
        coarse: inout [SlotSet?], required: [Int], query: [NameQueryToken], stopsWhenFull: Bool, leavesCrowdedLists: Bool,
        evaluated: inout SmallIDMap, budget: inout FillBudget, exhaustive: Bool, into top: inout TopMatches
    ) -> Bool {
        let index = nameTokenIndex
        let slotCount = store.slotCount
        let shape = TierCombination.Shape(tier: tier, after: processed, query: query, required: required)
        let combinations = TierCombination.all(bands: bands, shape: shape)
        let requiredMask = required.reduce(UInt32(0)) { $0 | 1 << UInt32($1) }
        // Two tokens typed alike ("mar mar"): a prefix list's contacts pass the other token's
        // check on the very token that put them in the list, and the few with two such tokens
        // filled the results only after 1,000 contacts read at a million. The finer bands read
        // those few (`twinCandidates`). Only when they are the only tokens required: with a
        // third ("ad ad mac"), that one drives and its few contacts are read anyway.
        let typedAlike = tier == .prefix && required.count == 2 && Self.hasTokensTypedAlike(required: required, query: query)
        let rejected = Self.rejectedMark(tier: tier, required: required)
        var survivors: [UInt32] = []
        var batch: [UInt32] = []
        let postings = index.postings
        for combination in combinations {
            if !exhaustive, top.isFull(atLeast: combination.bound) { return false }
            let chosen = combination.bands.enumerated().map { bands[$0.offset][$0.element] }
            let driver = combination.driver
            let driverToken = required[driver]
            let band = chosen[driver]
            // A one-token query walks its spellings one list at a time, best first, even where the
            // index has their prefix's list: each list's contacts tie, and the walk passes over
            // most of them unread (`tieCeiling`); the prefix's list mixes every quality, and every
            // contact of it was read ("ch": 4.8 ms at a million contacts, 49 µs spelling by
            // spelling). Not in the tiers that fill the results, whose budget counts lists.
            let oneToken = query.count == 1 && tier <= .prefix && !exhaustive
            let prefixList = oneToken ? nil : query[driverToken].prefixList(covering: band)
            // Another token typed alike, with the same band ("mar mar"): its check would pass on
            // the very token that put each contact in the driving lists. The contacts with two
            // of the band's spellings are walked instead (`twinCandidates`), once, at the band's
            // best quality, and that check is left out. Not for a band walked as its prefix's
            // list (the merged walk, which leaves crowded lists on its own), nor when the test
            // compares with every candidate scored.
            //
            // A walk of the band's lists also offered, as a by-product, the contacts whose other
            // token matched at a worse kind (a typing error, an initial: "o o" on "Olivia de la
            // O"); the twin walk leaves them to their own tier. Where a fill budget may end that
            // tier's walk, some were lost ("o o" lost "Olivia de la O" when the exact tier walked
            // twins). So twins are walked only where that cannot happen or hardly does: in a
            // fill tier whose budget does not run (it starts only after an exact, nickname or
            // prefix match, which no later tier can add: "ema ema" read 12,000 contacts of its
            // romanized spellings to find none), and for a band of nickname spellings in the
            // nickname tier or of prefix spellings in the prefix tier, whose by-products mostly
            // match at the unbudgeted tiers after (the 9,602 name and twin queries compared at a
            // million contacts answer as before).
            let unbudgeted = tier > .prefix && !budget.isRunning
            let ownBand = (tier == .nickname || tier == .prefix) && band.lowest == tier && band.highest == tier
            let twin = exhaustive || prefixList != nil || !(unbudgeted || ownBand) ? nil
                : chosen.indices.first { Self.isTwin($0, of: driver, chosen: chosen, query: query, required: required) }
            let twins = twin.map { _ in twinCandidates(of: band, token: query[driverToken]) }
            var checks = chosen.indices.filter { $0 != driver && $0 != twin }.map { position in
                NameTokenCheck(
                    position: position, token: required[position], band: chosen[position],
                    filter: filters[position][combination.bands[position]], coarse: coarse.isEmpty ? nil : coarse[position],
                    driverPostings: band.postings, query: query, index: index, slotCount: slotCount, budget: &budget)
            }
            // The other required tokens' bands, when each holds spellings of one kind and one
            // quality: then a contact of one driving spelling scores at most `tieCeiling`.
            let others = !exhaustive && twins == nil && required.count == query.count && query.count > 1
                ? Self.uniformBands(chosen, except: driver, query: query, required: required) : nil
            var lastQuality = Float.infinity
            // The band's prefix spellings are walked as their prefix's one list, when the index
            // has it, at the place (and bound) of the best of them; contacts it repeats from the
            // nickname spellings walked before are skipped (`evaluated`). The token itself, when
            // it is a spelling too ("john" in "john mar"), is walked as that list, at its own
            // place: every one of its contacts is in the list, and walked on its own first they
            // were read twice. The twin candidates are one list (position -1).
            var walkedPrefixList = false
            var rejections = 0
            let spellings = query[driverToken].drivingSpellings
            // The most a contact of one spelling's list scores, where that is known (`tieCeiling`):
            // in a one-token query, or one whose other tokens' bands are uniform. Those ranking
            // after the last result by their tie values are passed over unread.
            func listCeiling(position: Int, kind: TokenMatchKind, quality: Float) -> Double? {
                if query.count == 1 {
                    return Self.tieCeiling(
                        kind: kind, quality: quality,
                        companyWordOnly: position >= 0 && index.isCompanyWordOnly(spellings.ids[position]))
                }
                return others.flatMap { Self.tieCeiling(driver: (required[driver], kind, quality), others: $0) }
            }
            let walked = twins == nil ? band.positions : .twinCandidates
            var cursor = 0
            var stopsAfterList = false
            while cursor < walked.count, !stopsAfterList {
                let position = walked[cursor]
                cursor += 1
                // The one exact spelling is the token itself.
                let kind = position < 0 ? band.lowest : spellings.kinds[position]
                let isPrefix = position >= 0 && prefixList != nil && (kind == .prefix || kind == .exact)
                if isPrefix, walkedPrefixList { continue }
                let quality = position < 0 ? band.bestQuality : spellings.qualities[position]
                if !exhaustive, quality < lastQuality, top.isFull(atLeast: combination.bound(driverQuality: quality)) { break }
                lastQuality = quality
                var ceiling = exhaustive || twins != nil || isPrefix ? nil : listCeiling(position: position, kind: kind, quality: quality)
                // Whether any contact may be passed over: else (an exact spelling of a one-token
                // query) only one that cannot have a whole name of that token.
                var passesOverAnyName = query.count > 1 || kind != .exact
                let parts: TokenPostingLists.Slots
                // Short lists of spellings are walked together (`shortListBatch`): one after another,
                // each cost more to start than to read (the 846 lists of 9,660 postings of "Qin Pan").
                // Not while the fill budget runs: it pays for each list before its postings are read,
                // and the walk would end elsewhere.
                let batched = twins == nil && !isPrefix && !budget.isRunning
                    && (spellings.listedPostings(atPosition: position, in: postings) ?? .max) <= Self.shortList
                if batched {
                    batch.removeAll(keepingCapacity: true)
                    postings.appendSlots(of: Int(spellings.ids[position]), to: &batch)
                    budget.spend(FillBudget.listCost)
                    // The lists after it join while they are short, of the same handling, and the walk
                    // would read them: their bound is checked as the walk would, though on the
                    // results before this batch's (a fuller batch, never a contact missed: the results'
                    // bar only rises).
                    while cursor < walked.count, batch.count < Self.shortListBatch {
                        let next = walked[cursor]
                        let nextKind = spellings.kinds[next]
                        if prefixList != nil, nextKind == .prefix || nextKind == .exact { break }
                        guard let count = spellings.listedPostings(atPosition: next, in: postings), count <= Self.shortList
                        else { break }
                        let nextQuality = spellings.qualities[next]
                        if !exhaustive, nextQuality < lastQuality, top.isFull(atLeast: combination.bound(driverQuality: nextQuality)) {
                            stopsAfterList = true
                            break
                        }
                        lastQuality = nextQuality
                        if ceiling != nil { ceiling = Self.higher(ceiling, listCeiling(position: next, kind: nextKind, quality: nextQuality)) }
                        passesOverAnyName = passesOverAnyName && (query.count > 1 || nextKind != .exact)
                        postings.appendSlots(of: Int(spellings.ids[next]), to: &batch)
                        budget.spend(FillBudget.listCost)
                        cursor += 1
                    }
                    parts = TokenPostingLists.Slots(main: batch, recent: [])
                } else {
                    // The list in its two parts (`TokenPostingLists`), each walked in place; or, when
                    // the list is a dense bitmap and the one other token checks through a bitmap, the
                    // slots of both (`denseIntersection`).
                    parts = if let twins { TokenPostingLists.Slots(main: twins, recent: []) }
                        else if !typedAlike, let both = Self.denseIntersection(
                            isPrefix ? query[driverToken].prefixBitmap(covering: band).flatMap { prefixList!.recent.isEmpty ? ($0, prefixList!.count) : nil }
                                : query[driverToken].bitmap(atPosition: position),
                            checks: checks, budget: budget, slotCount: slotCount)
                        { TokenPostingLists.Slots(main: both, recent: []) }
                        else { isPrefix ? prefixList! : query[driverToken].postings(atPosition: position, index: index) }
                    if isPrefix { walkedPrefixList = true }
                    budget.spend(FillBudget.listCost)
                }
                for part in 0..<2 {
                    // No array of the two (an allocation for every spelling walked).
                    let list = part == 0 ? parts.main : parts.recent
                    var chunkStart = 0
                    while chunkStart < list.count {
                        // A prefix list goes in chunks, to be left in the middle (below), and so does
                        // every list while the fill budget runs.
                        let chunked = isPrefix || budget.isRunning
                        if budget.isSpent {
                            keep(checks, of: combination, in: &filters, coarse: &coarse)
                            return false
                        }
                        // First the checks with a union drop what they can without reading any contact;
                        // then the contacts left are read (the other checks, the score), their token
                        // lists and tie values prefetched a few steps ahead so that their cache misses
                        // overlap. Without a running budget, chunks are gathered until they hold a batch
                        // of contacts: the unions may leave a handful a chunk ("cha car": 217 contacts
                        // of 17,000), too few for the prefetching to run ahead of the reads.
                        survivors.removeAll(keepingCapacity: true)
                        var chunkEnd = chunkStart
                        repeat {
                            let end = chunked ? min(chunkEnd + Self.prefixListChunk, list.count) : list.count
                            gatherSurvivors(of: list, in: chunkEnd..<end, checks: checks, evaluated: evaluated, rejected: rejected, into: &survivors)
                            for check in checks.indices { checks[check].recordLookups(end - chunkEnd, slotCount: slotCount) }
                            chunkEnd = end
                        } while chunkEnd < list.count && !budget.isRunning && survivors.count < Self.survivorBatch
                        let chunkPostings = chunkEnd - chunkStart
                        chunkStart = chunkEnd
                        // The chunk's postings are paid for when it is done (so the last chunk may
                        // overdraw, and its survivors are still scored); its token-list reads are
                        // paid for as they go.
                        defer { budget.spend(chunkPostings) }
                        // With a ceiling, the contacts are read a stretch at a time: once the results are
                        // full, those left that rank after the last one on their tie values alone are
                        // dropped before any is read (`dropPassedOver`).
                        var readsRestInOneGo = ceiling == nil || survivors.count < Self.passOverMinimum
                        var stretchStart = 0
                        prefetchFirst(of: survivors, for: top)
                        while stretchStart < survivors.count {
                            if !readsRestInOneGo, let ceiling, top.isFull(atLeast: 0) {
                                readsRestInOneGo = true
                                Self.dropPassedOver(
                                    &survivors, from: stretchStart, ceiling: ceiling, anyName: passesOverAnyName, index: index, top: top)
                                prefetchFirst(of: survivors, from: stretchStart, for: top)
                            }
                            let stretchEnd = readsRestInOneGo ? survivors.count : min(stretchStart + Self.passOverStretch, survivors.count)
                            defer { stretchStart = stretchEnd }
                            for offset in stretchStart..<stretchEnd {
                                let slot = survivors[offset]
                                if budget.isSpent {
                                    keep(checks, of: combination, in: &filters, coarse: &coarse)
                                    return false
                                }
                                prefetchAhead(of: offset, in: survivors, for: top)
                                // A batch may hold a contact twice (two of its spellings, or a list's two parts).
                                if batched, let seen = evaluated.value(of: slot), seen == Self.offeredMark || seen == rejected { continue }
                                if let ceiling, passesOverAnyName || !index.mayBeOneTokenName(slot: slot),
                                    top.excludes(slot: slot, bestScore: ceiling)
                                {
                                    continue
                                }
                                var passes = true
                                for check in checks.indices
                                where !checks[check].admits(slot, query: query, index: index, slotCount: slotCount, budget: &budget) {
                                    passes = false
                                    break
                                }
                                if passes { budget.spend(NameTokenCheck.probeCost) }
                                // A dead posting (the contact lost the token since) is no match: only contacts
                                // that match every required token are offered, and then counted as seen.
                                guard passes, offerTokenMatch(slot: slot, query: query, requiring: requiredMask, into: &top) else {
                                    if passes {
                                        evaluated.set(slot, value: rejected)
                                        rejections += 1
                                    }
                                    continue
                                }
                                evaluated.set(slot, value: Self.offeredMark)
                                if stopsWhenFull, top.isFull(atLeast: 0) {
                                    keep(checks, of: combination, in: &filters, coarse: &coarse)
                                    return true
                                }
                            }
                        }
                        // The other tokens' checks keep contacts that are no match ("mar mar": a contact's
                        // one "maria" passes the other token's check, then cannot serve both): once the
                        // results are full, the rest of the tier goes to the finer bands, whose bounds
                        // stop early, rather than through all 65,000 contacts of "mar…"; with two
                        // tokens typed alike, full or not, when much of the list is left.
                        if isPrefix, leavesCrowdedLists, rejections >= Self.rejectionLimit,
                            top.isFull(atLeast: 0) || typedAlike && list.count - chunkStart >= Self.crowdedRemainder
                        {
                            keep(checks, of: combination, in: &filters, coarse: &coarse)
                            return true
                        }
                    }
                }
            }
            keep(checks, of: combination, in: &filters, coarse: &coarse)
        }
        return false
    }

    /// How many contacts a walk with a ceiling reads between two looks at whether the results
    /// are full, when it would drop the contacts it passes over (`dropPassedOver`).
    static let passOverStretch = 32

    /// The fewest contacts of a batch for a walk with a ceiling to read them a stretch at a time
    /// and drop those it passes over (`dropPassedOver`): a shorter batch is read in one go.
    static let passOverMinimum = 256

    /// How many contacts ahead `dropPassedOver` prefetches tie values: its loop reads nothing
    /// else, so each step is short, and a miss needs many steps to arrive.
    static let tieValueLookahead = 32

    /// Drops from `survivors` the contacts the walk would pass over on their tie values alone
    /// (`TopMatches.excludes` at `ceiling`, see `tieCeiling`), before the walk reads any of
    /// them: with the results full, that is most of a long list of tied contacts ("plumbing":
    /// thousands at a million). The walk's own loop prefetched each contact's token list,
    /// through a load of where it starts, for contacts it then passed over; those loads, not
    /// the tie values, were most of such a walk. What is dropped here would be passed over in
    /// the walk too: the results only get better, so a contact that ranks after the last one
    /// now ranks after it later. The walk checks the others again as it goes.
    ///
    /// At a million contacts (`match-bench run --contacts c1m.csv`, each query's fastest of 10
    /// rounds), 24 one-word queries of common names ("smith", "li", "maria") went from p50
    /// 135–166 µs and p99 222–301 µs to 74–77 and 119–122 (two runs each), and 30 one-word
    /// company queries ("plumbing", "software") from p50 253 µs to 145, p99 731 to 396. The
    /// labeled name classes did not move beyond the noise, and answered the same.
    /// - Parameter anyName: whether any contact may be passed over; else (an exact spelling of
    ///   a one-token query) only those that cannot have a whole name of that one token
    ///   (`NameTokenIndex.mayBeOneTokenName`).
    static func dropPassedOver(
        _ survivors: inout [UInt32], from start: Int, ceiling: Double, anyName: Bool, index: NameTokenIndex, top: TopMatches
    ) {
        let count = survivors.count
        for offset in start..<min(count, start + tieValueLookahead) { top.prefetchTieValues(of: survivors[offset]) }
        var kept = start
        for offset in start..<count {
            if offset + tieValueLookahead < count { top.prefetchTieValues(of: survivors[offset + tieValueLookahead]) }
            let slot = survivors[offset]
            if (anyName || !index.mayBeOneTokenName(slot: slot)) && top.excludes(slot: slot, bestScore: ceiling) { continue }
            survivors[kept] = slot
            kept += 1
        }
        survivors.removeLast(count - kept)
    }

    /// The most a contact scores for a one-token query whose best match on it is a spelling of
    /// `kind` and `quality`: that spelling on the person's names (`score`), computed as `score`
    /// computes it, so that a contact with the best of each scores exactly this. Only a whole
    /// name scores more (`isWholeName`: an exact spelling, on a contact of one given or family
    /// token, or one display token; `NameTokenIndex.singleTokenNames`).
    ///
    /// Why: a one-word query of a common name ("smith", "li", "maria") has thousands of
    /// contacts of one spelling, nearly all scoring the same; the results are the first ten of
    /// them by entity and id, and every other one was read and scored to find that out ("smith"
    /// 0.7 ms at a million contacts). Once the results are full at this score, a contact whose
    /// entity rank and id key rank after the last one cannot enter (`TopMatches.excludes`), and
    /// is passed over on those two values alone. The walk reads a spelling's list only after the
    /// lists of better spellings (best kind, then best quality first), where a contact with a
    /// better match was read.
    ///
    /// A word of companies only (`NameTokenIndex.isCompanyWordOnly`) matches as a name's start
    /// does at best, without the personal share (`score`): its contacts score at most that
    /// (`companyWordOnly`), and a one-word query of a common company word ("software": 10,000
    /// contacts at a million) passes over most of them unread as well.
    static func tieCeiling(kind: TokenMatchKind, quality: Float, companyWordOnly: Bool = false) -> Double {
        guard companyWordOnly else {
            return kind.reason.baseScore + bonus(qualitySum: quality, tokens: 1, personal: 1, matched: 1)
        }
        return max(kind, .prefix).reason.baseScore + bonus(qualitySum: quality, tokens: 1, personal: 0, matched: 1)
    }

    /// For a query of several tokens, all required: the tokens other than the driver (by their
    /// place in the query) with the kind and quality of their band in `chosen`, when every band
    /// holds spellings of one kind and one quality (an initial's one spelling, a short prefix's
    /// tokens of one length); else nil.
    static func uniformBands(
        _ chosen: [NameSpellingBand], except driver: Int, query: [NameQueryToken], required: [Int]
    ) -> [(token: Int, kind: TokenMatchKind, quality: Float)]? {
        var out: [(token: Int, kind: TokenMatchKind, quality: Float)] = []
        for (place, band) in chosen.enumerated() where place != driver {
            guard band.lowest == band.highest else { return nil }
            let token = required[place]
            let quality = band.bestQuality
            guard band.positions.allSatisfy({ query[token].qualities[$0] == quality }) else { return nil }
            out.append((token, band.lowest, quality))
        }
        return out
    }

    /// `tieCeiling` for several tokens: the most a contact scores whose best match of each
    /// token is the driving spelling (`driver`: its token's place in the query, kind and
    /// quality) or the other tokens' one kind and quality (`uniformBands`), all on the person's
    /// names and in order. The qualities are summed in the order `score` sums them (by kind,
    /// then by place), so that such a contact scores exactly this. Nil when every kind is
    /// exact: a whole name scores more (`isWholeName`).
    ///
    /// A contact of this combination whose match of a token is better than its band's belongs
    /// to a combination of a higher bound, walked before (`TierCombination.all`), where it was
    /// offered, or passed over at a ceiling at least this one's.
    static func tieCeiling(
        driver: (token: Int, kind: TokenMatchKind, quality: Float), others: [(token: Int, kind: TokenMatchKind, quality: Float)]
    ) -> Double? {
        // Sorted on the stack: a walk asks this for each spelling it drives through, and an array
        // of the tokens was an allocation each time.
        withUnsafeTemporaryAllocation(of: (token: Int, kind: TokenMatchKind, quality: Float).self, capacity: others.count + 1) { tokens in
            func precedes(_ a: (token: Int, kind: TokenMatchKind, quality: Float), _ b: (token: Int, kind: TokenMatchKind, quality: Float)) -> Bool {
                a.kind != b.kind ? a.kind < b.kind : a.token < b.token
            }
            for (place, other) in others.enumerated() { tokens.initializeElement(at: place, to: other) }
            tokens.initializeElement(at: others.count, to: driver)
            for place in tokens.indices.dropFirst() {
                let token = tokens[place]
                var slot = place
                while slot > 0, precedes(token, tokens[slot - 1]) {
                    tokens[slot] = tokens[slot - 1]
                    slot -= 1
                }
                tokens[slot] = token
            }
            let worst = tokens[tokens.count - 1].kind
            guard worst > .exact else { return nil }
            var qualitySum: Float = 0
            for token in tokens { qualitySum += token.quality }
            return worst.reason.baseScore + bonus(qualitySum: qualitySum, tokens: tokens.count, personal: Double(tokens.count), matched: tokens.count)
        }
    }

    /// The slots of a driving list's bitmap that the one other required token's union (a
    /// bitmap) holds too, ascending: the two bitmaps ANDed word by word. Nil unless the list
    /// has a bitmap (an initial's, or a dense prefix list's without recent slots: the bitmap
    /// is then the list, in its order) and `minimumDensity` of the directory's slots, there is
    /// exactly one check and its union is built as a bitmap, and the fill budget is not running
    /// (it counts the postings a walk reads, which this walk would not read).
    ///
    /// Why: the walk would read every slot of the list and drop those the union lacks
    /// (`gatherSurvivors`); for the 60,000 contacts of an initial that is each slot extracted
    /// from the bitmap, then tested against the other bitmap. Two initials ("Z B", "G J") took
    /// 0.5–0.7 ms at a million contacts. The survivors are the same contacts in the same order,
    /// so the walk offers what it offered.
    private static func denseIntersection(
        _ list: (words: [UInt64], count: Int)?, checks: [NameTokenCheck], budget: FillBudget, slotCount: Int
    ) -> [UInt32]? {
        guard let list, list.count * minimumDensity >= slotCount, checks.count == 1, !budget.isRunning,
              let union = checks[0].filter?.bitmapWords
        else { return nil }
        return list.words.slots(alsoIn: union)
    }

    /// A driving list holds at least one slot in this many of the directory for its bitmap to
    /// be ANDed with the other token's (`denseIntersection`): below that, reading the list's
    /// slots costs less than reading every word of two bitmaps. Reading a slot (taken out of a
    /// bitmap, tested in another) costs several word operations, so the AND pays from about a
    /// slot in a few hundred: at 32, "L X" (the 21,000 contacts of "x", one in 47 at a million)
    /// still read its slots one by one.
    static let minimumDensity = 256

    /// Appends to `survivors` the contacts of `list[range]` that no check's union rejects and
    /// that were neither offered nor rejected at this tier before (`evaluated`).
    @inline(__always)
    private func gatherSurvivors(
        of list: [UInt32], in range: Range<Int>, checks: [NameTokenCheck], evaluated: SmallIDMap, rejected: Int32,
        into survivors: inout [UInt32]
    ) {
        // Kept unless offered or rejected at this tier before (a hash probe: after the unions).
        @inline(__always) func keepUnseen(_ slot: UInt32) {
            if let seen = evaluated.value(of: slot), seen == Self.offeredMark || seen == rejected { return }
            survivors.append(slot)
        }
        guard checks.count <= 2 else {
            for slot in list[range] where !checks.contains(where: { $0.rejectsByUnion(slot) }) { keepUnseen(slot) }
            return
        }
        // One or two other tokens (queries of two or three tokens, mostly): their unions, or else
        // their coarse supersets, are taken out of the checks once and unwrapped before the loop.
        // Read through a check, a union was copied for every slot (a retain and a release of each
        // of the check's arrays), and so was it by `first?.contains(slot)`. A single bitmap's bits
        // are read in place.
        let first = checks.first.flatMap { $0.filter ?? $0.coarse }
        let second = checks.count == 2 ? checks[1].filter ?? checks[1].coarse : nil
        if second == nil, let words = first?.bitmapWords {
            words.withUnsafeBufferPointer { words in
                for slot in list[range] where words.containsSlot(slot) { keepUnseen(slot) }
            }
        } else if let first, let second {
            for slot in list[range] where first.contains(slot) && second.contains(slot) { keepUnseen(slot) }
        } else if let only = first ?? second {
            for slot in list[range] where only.contains(slot) { keepUnseen(slot) }
        } else {
            for slot in list[range] { keepUnseen(slot) }
        }
    }

    /// How many contacts a walk gathers, chunk by chunk, before it reads them (see `walkTier`).
    /// Each batch starts its prefetching anew (`prefetchFirst`), so a larger one keeps more
    /// misses in flight: on the 1,000 labeled prefix queries at a million contacts, run in one
    /// process in alternate rounds, 64 made the queries about 5% faster than 32 (geometric
    /// mean of each query's fastest of 10 rounds), 128 another 2%, 256 no more.
    static let survivorBatch = 128

    /// How many contacts of a prefix list a walk checks at a time (see `walkTier`).
    static let prefixListChunk = 512

    /// The most postings of a spelling's list for the walk to read it together with the short
    /// lists after it (`shortListBatch`): a list's start (its parts and the checks' unions taken
    /// out, a batch of survivors gathered, its prefetching begun anew) is then paid once a batch.
    /// "Qin Pan" at a million contacts drove through 846 lists of 11 postings on average.
    static let shortList = 128

    /// The postings of short lists after which a walk reads those gathered (see `walkTier`).
    static let shortListBatch = 512

    /// The higher of two ceilings; nil (none) when either is.
    @inline(__always)
    static func higher(_ first: Double?, _ second: Double?) -> Double? {
        guard let first, let second else { return nil }
        return max(first, second)
    }

    /// How many contacts a walk may find to be no match, with the results full, before it
    /// leaves a prefix list for the finer bands (see `walkTier`).
    static let rejectionLimit = 256

    /// How many contacts of a prefix list must be left unread for a walk of two tokens typed
    /// alike to leave it before the results are full (see `walkTier`): a crowded list's contacts
    /// are nearly all read and rejected, at about 100 ns each, and the finer bands cost a union
    /// of postings each ("kw kw", whose list is short, took 127 µs that way against 66 µs at a
    /// million contacts when any list was left after 256 rejections).
    static let crowdedRemainder = 2048

    /// The mark in `evaluated` of a contact offered (final for the look-up).
    static let offeredMark: Int32 = 0

    /// The mark in `evaluated` of a contact that passed the checks of `tier` for the tokens
    /// `required` but is no match of them (a dead posting; "mar mar" on "Maria Smith", whose one
    /// token cannot serve both): skipped for the rest of the tier, looked at again at the next
    /// one (or with fewer required tokens), where it may match.
    static func rejectedMark(tier: TokenMatchKind, required: [Int]) -> Int32 {
        Int32(required.count * 8 + Int(tier.rawValue) + 1)
    }

    /// Keeps the unions that `checks` built for the other combinations of the walk, and the
    /// coarse supersets as the checks left them: each check starts from a copy, and one that
    /// turned into a bitmap after many look-ups (`SlotSet.recordLookups`) would turn anew in
    /// every later combination, and be dropped with it.
    private func keep(_ checks: [NameTokenCheck], of combination: TierCombination, in filters: inout [[SlotSet?]], coarse: inout [SlotSet?]) {
        for check in checks {
            if check.filter != nil { filters[check.position][combination.bands[check.position]] = check.filter }
            if !coarse.isEmpty, let superset = check.coarse { coarse[check.position] = superset }
        }
    }
}

/// One band per required query token (see `ContactDirectory.collectTier`): the contacts whose
/// best match of each token is in its band, and the most any of them can score.
///
/// A contact's score is its worst token kind's base score plus a bonus of at most
/// `maximumBonus − 0.0001` times 0.6 × (mean quality of its tokens' matches) + 0.25 + 0.15
/// (`ContactDirectory.offerTokenMatch`). In this combination, each required token's quality is
/// at most its band's ceiling (`NameSpellingBand.ceiling`), each other token's at most its best
/// spelling's, and the worst kind is at least the worst of the bands' best kinds, and at least
/// the tier after an earlier tier (every contact left then matches some token at this tier
/// exactly: the tiers in between add no spelling). At the exact kind a whole name scores
/// `transliteratedName`, above the bonus, so that is the bound there.
struct TierCombination {
    /// What the bounds of a tier's combinations share.
    struct Shape {
        let tier: TokenMatchKind
        let processed: TokenMatchKind?
        let tokenCount: Int
        /// The best quality of each token that is not required, summed.
        let freeQuality: Double

        init(tier: TokenMatchKind, after processed: TokenMatchKind?, query: [NameQueryToken], required: [Int]) {
            self.tier = tier
            self.processed = processed
            tokenCount = query.count
            freeQuality = query.indices.filter { !required.contains($0) }.reduce(0) { $0 + Double(query[$1].bestQuality) }
        }
    }

    /// The band chosen for each required token (its index in that token's bands).
    let bands: [Int]
    /// The base score of the worst kind a contact here can have at best.
    private let base: Double
    /// The quality ceilings of the required tokens' bands, and the driver's parts: its
    /// ceiling, and the best quality of its token's worse kinds (`NameSpellingBand.ceiling`).
    private let qualitySum: Double
    private let driverCeiling: Double
    private let driverWorseQuality: Float
    /// The required token (its place among them) whose band has the fewest postings: it drives
    /// the walk, the others check.
    let driver: Int
    private let freeQuality: Double
    private let tokenCount: Int
    /// The most a contact of this combination scores.
    let bound: Double

    init(bands: [Int], of all: borrowing [[NameSpellingBand]], shape: borrowing Shape) {
        self.bands = bands
        // Read in place: no array of the chosen bands (each a copy holding two arrays).
        var worst = TokenMatchKind.exact
        var sum = 0.0
        var driver = 0
        var fewest = Int.max
        for (token, band) in bands.enumerated() {
            let chosen = all[token][band]
            worst = max(worst, chosen.lowest)
            sum += Double(chosen.ceiling(chosen.bestQuality))
            if chosen.postings < fewest {
                fewest = chosen.postings
                driver = token
            }
        }
        if shape.processed != nil { worst = max(worst, shape.tier) }
        base = worst == .exact ? max(MatchReason.transliteratedName.baseScore, worst.reason.baseScore) : worst.reason.baseScore
        qualitySum = sum
        self.driver = driver
        let driverBand = all[driver][bands[driver]]
        driverCeiling = Double(driverBand.ceiling(driverBand.bestQuality))
        driverWorseQuality = driverBand.worseQuality
        freeQuality = shape.freeQuality
        tokenCount = shape.tokenCount
        bound = ContactDirectory.scoreCeiling(base: base, qualitySum: qualitySum + freeQuality, tokens: tokenCount)
    }

    /// The bound once the driving band's spellings left score at most `driverQuality`.
    func bound(driverQuality: Float) -> Double {
        let sum = qualitySum - driverCeiling + Double(max(driverQuality, driverWorseQuality)) + freeQuality
        return ContactDirectory.scoreCeiling(base: base, qualitySum: sum, tokens: tokenCount)
    }

    /// The combinations of a tier worth walking, highest bound first: after an earlier tier,
    /// those with a band beyond it (the others' contacts were offered there).
    static func all(bands: [[NameSpellingBand]], shape: Shape) -> [TierCombination] {
        var out: [TierCombination] = []
        var choice = [Int](filledWith: 0, count: bands.count)
        guard !bands.contains(where: \.isEmpty) else { return [] }
        while true {
            let isNew = shape.processed.map { processed in choice.indices.contains { bands[$0][choice[$0]].highest > processed } } ?? true
            if isNew { out.append(TierCombination(bands: choice, of: bands, shape: shape)) }
            var position = choice.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < bands[position].count { break }
                choice[position] = 0
                position -= 1
            }
            if position < 0 { break }
        }
        // Sorted by (bound, place) keys, not by moving the combinations about.
        let order = out.indices.sorted { out[$0].bound != out[$1].bound ? out[$0].bound > out[$1].bound : $0 < $1 }
        return order.map { out[$0] }
    }
}

/// One required query token that checks the driving token's contacts in `collectTier`: whether
/// the contact has one of its spellings in a band.
private struct NameTokenCheck {
    /// The token's place among the required tokens, and in the query.
    let position: Int
    let token: Int
    let band: NameSpellingBand
    /// The union of the band's postings, once built.
    var filter: SlotSet?
    /// A superset of the band's contacts (its token's merged band of the tier), or nil: until
    /// `filter` is built, what it lacks is dropped without a look at the token list.
    var coarse: SlotSet?
    /// Contacts checked on their token lists so far.
    var probes = 0
    /// The postings of the driving band: about how many contacts the union will be asked about.
    let driverPostings: Int
    /// What building the union costs (`NameQueryToken.unionCost(of:)`).
    let unionCost: Int

    /// A check for a driving band with `driverPostings`: the union is built at once when it
    /// costs no more than reading the token lists of one in 32 of the driving band's contacts
    /// (as far as the fill budget lets the walk go; `probeCostAgainstUnion`), else only once
    /// probing has cost as much (see `admits`); either only when the budget pays for it.
    /// `filter` is a union built before, when there is one.
    init(
        position: Int, token: Int, band: NameSpellingBand, filter: SlotSet?, coarse: SlotSet?, driverPostings: Int,
        query: borrowing [NameQueryToken], index: borrowing NameTokenIndex, slotCount: Int, budget: inout FillBudget
    ) {
        self.position = position
        self.token = token
        self.band = band
        self.filter = filter
        self.coarse = coarse
        self.driverPostings = driverPostings
        unionCost = query[token].unionCost(of: band)
        if filter == nil, unionCost <= budget.capped(driverPostings) * Self.probeCostAgainstUnion / 32, budget.allows(unionCost) {
            budget.spend(unionCost)
            self.filter = SlotSet(band: band, of: query[token], lookups: driverPostings, index: index, slotCount: slotCount)
        }
    }

    /// Counts `count` look-ups of the union, or else of the coarse superset (at most: a slot
    /// that an earlier check rejects asks no later one), which may then turn into a bitmap
    /// (`SlotSet.recordLookups`).
    @inline(__always)
    mutating func recordLookups(_ count: Int, slotCount: Int) {
        if filter != nil {
            filter!.recordLookups(count, slotCount: slotCount)
        } else if coarse != nil {
            coarse!.recordLookups(count, slotCount: slotCount)
        }
    }

    /// Whether the union, once built, lacks `slot`, or else the coarse superset does (false
    /// while there is neither).
    @inline(__always)
    func rejectsByUnion(_ slot: UInt32) -> Bool {
        if let admitted = filter?.contains(slot) { return !admitted }
        if let admitted = coarse?.contains(slot) { return !admitted }
        return false
    }

    /// Reading a contact's token list costs a few cache misses and a hash probe per token, about
    /// what this many postings cost to set in a `SlotSet`.
    static let probeCost = 64

    /// What a contact's token-list read costs against building the union, in postings set:
    /// twice `probeCost`, what the fill budget charges for it. Measured on the 1,000 labeled
    /// prefix queries at 1M (each query's fastest of 5 rounds, two interleaved pairs): with
    /// unions built at 64 a read, the queries summed 80.9 and 89.2 ms, p50 75.8 and 81.7 µs;
    /// at 128, 72.9 and 75.5 ms, p50 67.5 and 69.9 µs; at 256, no better than 128. A read
    /// misses the cache two or three times; setting a posting in a bitmap rarely does.
    static let probeCostAgainstUnion = 128

    /// Whether `slot` has one of the band's spellings.
    mutating func admits(_ slot: UInt32, query: [NameQueryToken], index: NameTokenIndex, slotCount: Int, budget: inout FillBudget) -> Bool {
        if let admitted = filter?.contains(slot) { return admitted }  // in place, not a copy
        probes += 1
        if probes * Self.probeCostAgainstUnion >= unionCost + slotCount / 256, budget.allows(unionCost) {
            // The contacts checked would have paid for the union: build it for the rest.
            budget.spend(unionCost)
            let union = SlotSet(band: band, of: query[token], lookups: driverPostings, index: index, slotCount: slotCount)
            filter = union
            return union.contains(slot)
        }
        budget.spend(Self.probeCost)
        return index.withTokens(of: slot) { entries in
            for entry in entries {
                if let kind = query[token].kind(of: entry & NameTokenIndex.idMask), band.holds(kind) { return true }
            }
            return false
        }
    }
}
