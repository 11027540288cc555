extension ContactDirectory {
    /// The tiers of token matching, best first: a contact whose every query token matches at a
    /// tier or better scores at most that tier's reason (plus the small bonus of `MatchReason`).
    static let tiers: [TokenMatchKind] = [.exact, .nickname, .prefix, .initial, .fuzzyOne, .romanized, .fuzzyTwo, .fuzzyThree]

    /// The tiers for the query tokens at `required` (the others are scored, not required).
    ///
    /// At each tier, the candidates are the contacts that have, for every required token, one of
    /// its spellings at that tier or better (see `collectTier`). The search stops at the first
    /// tier after which no later match could enter the results, or inside a tier once no
    /// contact left in it could.
    /// - Parameter exhaustive: score every candidate of each tier reached (tests compare).
    /// - Returns: whether the results are settled: no later match could enter them.
    func collectTiers(
        required: [Int], query: inout [NameQueryToken], evaluated: inout SmallIDMap, exhaustive: Bool, into top: inout TopMatches
    ) -> Bool {
        let index = nameTokenIndex
        var previousCounts: [Int] = []
        for (tierIndex, tier) in Self.tiers.enumerated() {
            if tier >= .fuzzyOne, !query.allSatisfy({ $0.hasDistantSpellings }) {
                for position in query.indices { query[position].addDistantSpellings(index: index, options: configuration.nameMatching) }
            }
            let spellings = required.map { query[$0].ids(upTo: tier, index: index) }
            let counts = spellings.map { $0.ids.count }
            if spellings.contains(where: { $0.ids.isEmpty }) || counts == previousCounts { continue }
            previousCounts = counts
            if collectTier(tier, required: required, spellings: spellings, query: query, evaluated: &evaluated, exhaustive: exhaustive, into: &top) {
                return true
            }
            // Later tiers score at most their reason plus the bonus: stop when none could enter.
            let next = tierIndex + 1 < Self.tiers.count ? Self.tiers[tierIndex + 1].reason.baseScore + Self.maximumBonus : 0
            if top.isFull(atLeast: next) { return true }
        }
        return false
    }

    /// Offers the contacts that match every required token at `tier` or better.
    ///
    /// The required token whose spellings have the fewest postings drives: its spellings are
    /// walked best quality first, one posting list at a time. Every other required token checks
    /// each contact, on the contact's token list at first and, once the contacts checked so far
    /// would have paid for it, through the union of its spellings' postings (a `SlotSet`).
    ///
    /// Early stop (max-score style): before each spelling of lower quality, `NameTierBound`
    /// gives the most any contact not yet scored could score; once the results are full and
    /// their last one scores above it, nothing left can enter, so the search is settled.
    /// - Returns: whether the search stopped that way (settled).
    private func collectTier(
        _ tier: TokenMatchKind, required: [Int], spellings: [(ids: [UInt32], postings: Int)], query: [NameQueryToken],
        evaluated: inout SmallIDMap, exhaustive: Bool, into top: inout TopMatches
    ) -> Bool {
        let index = nameTokenIndex
        let order = spellings.indices.sorted { spellings[$0].postings < spellings[$1].postings }
        let driverToken = required[order[0]]
        let driver = query[driverToken]
        let slotCount = store.slotCount
        let driverPostings = spellings[order[0]].postings
        var checks = order.dropFirst().map { position in
            NameTokenCheck(
                token: required[position], ids: spellings[position].ids, postings: spellings[position].postings,
                driverPostings: driverPostings, index: index, slotCount: slotCount)
        }
        let bound = NameTierBound(tier: tier, query: query, required: required, driver: driverToken)
        var lastQuality = Float.infinity
        for position in driver.positions(upTo: tier) {
            let quality = driver.qualities[position]
            if !exhaustive, quality < lastQuality, top.isFull(atLeast: bound.score(driverQuality: quality)) { return true }
            lastQuality = quality
            for slot in index.postings[Int(driver.ids[position])] where !evaluated.contains(slot) {
                var passes = true
                for check in checks.indices {
                    if !checks[check].admits(slot, tier: tier, query: query, index: index, slotCount: slotCount) {
                        passes = false
                        break
                    }
                }
                guard passes else { continue }
                evaluated.insert(slot)
                offerTokenMatch(slot: slot, query: query, into: &top)
            }
        }
        return false
    }
}

/// One required query token that checks the driving token's contacts in `collectTier`.
private struct NameTokenCheck {
    let token: Int
    let ids: [UInt32]
    let postings: Int
    /// The union of `ids`' postings, once built.
    var filter: SlotSet? = nil
    /// Contacts checked on their token lists so far.
    var probes = 0

    /// A check of a token whose spellings have `postings` postings, for a driving token with
    /// `driverPostings`: the union is built at once when it costs no more than walking the
    /// driving token's lists, else only once probing has cost as much (see `admits`).
    init(token: Int, ids: [UInt32], postings: Int, driverPostings: Int, index: NameTokenIndex, slotCount: Int) {
        self.token = token
        self.ids = ids
        self.postings = postings
        if postings <= 2 * driverPostings {
            filter = SlotSet(unionOf: ids, postings: index.postings, totalPostings: postings, slotCount: slotCount)
        }
    }

    /// Reading a contact's token list costs a few cache misses and a hash probe per token, about
    /// what this many postings cost to set in a `SlotSet`.
    static let probeCost = 16

    /// Whether `slot` has one of the token's spellings at `tier` or better.
    mutating func admits(_ slot: UInt32, tier: TokenMatchKind, query: [NameQueryToken], index: NameTokenIndex, slotCount: Int) -> Bool {
        if let admitted = filter?.contains(slot) { return admitted }  // in place, not a copy
        probes += 1
        if probes * Self.probeCost >= postings + slotCount / 256 {
            // The contacts checked would have paid for the union: build it for the rest.
            let union = SlotSet(unionOf: ids, postings: index.postings, totalPostings: postings, slotCount: slotCount)
            filter = union
            return union.contains(slot)
        }
        for entry in index.tokens(of: slot) {
            if let kind = query[token].kind(of: entry & NameTokenIndex.idMask), kind <= tier { return true }
        }
        return false
    }
}

/// The most a contact can score at a tier when the driving token's spellings left to walk have
/// at most a given quality (see `ContactDirectory.offerTokenMatch` for the score).
///
/// A contact not scored yet matches every required token at this tier or better, and not every
/// one better than this tier (the tiers before it scored those contacts, or had none): its
/// weakest token is of this tier, so its score is this tier's base plus a bonus of at most
/// `maximumBonus − 0.0001` times 0.6 × (mean quality) + 0.25 + 0.15. Each token's quality is at
/// most its best candidate's (the driving token's: the best of the spellings left to walk, or
/// of its spellings below this tier, which it may claim instead), and for at least one required
/// token, the one that matches at this tier or below, at most the best of those spellings. At
/// the exact tier a whole name scores `transliteratedName`, which is above the bonus, so that
/// is the bound there.
struct NameTierBound {
    private let base: Double
    private let floor: Double
    /// Per query token: the best quality of any spelling (`best`), of the spellings at this
    /// tier or below it (`atTier`, required tokens only; nil for the others).
    private let best: [Float]
    private let atTier: [Float?]
    private let driver: Int
    private let driverBelowTier: Float

    /// Covers the rounding of the scores' `Float` quality sums.
    private static let margin = 1e-7

    init(tier: TokenMatchKind, query: [NameQueryToken], required: [Int], driver: Int) {
        base = tier.reason.baseScore
        floor = tier == .exact ? MatchReason.transliteratedName.baseScore : 0
        best = query.map(\.bestQuality)
        var atTier: [Float?] = Array(repeating: nil, count: query.count)
        for token in required { atTier[token] = query[token].bestQuality(atOrBelow: tier) }
        self.atTier = atTier
        self.driver = driver
        driverBelowTier = query[driver].bestQuality(below: tier)
    }

    /// The bound when the driving token's spellings left score at most `driverQuality`.
    func score(driverQuality: Float) -> Double {
        var sum = 0.0
        var smallestLoss = Double.infinity
        for token in best.indices {
            let most = Double(token == driver ? max(driverQuality, driverBelowTier) : best[token])
            sum += most
            if let atTier = atTier[token] { smallestLoss = min(smallestLoss, most - min(most, Double(atTier))) }
        }
        if smallestLoss.isFinite { sum -= smallestLoss }
        let bonus = (ContactDirectory.maximumBonus - 0.0001) * (0.6 * sum / Double(best.count) + 0.25 + 0.15)
        return max(floor, base + bonus) + Self.margin
    }
}
