/// The union of one required query token's spellings up to a tier (the postings of its merged
/// band, as a `SlotSet`), carried from one tier of a name search to the next.
///
/// The next tier's merged band holds the same spellings and those of its own kind (a spelling
/// keeps its kind once noted), so its union is this one with their postings added, not built
/// again. A query whose prefix tier came up short ("Ver Puli": three contacts) used to probe a
/// few hundred contacts and build the union of the same thousands of postings anew at the
/// typing-error tier, and again at the romanized one.
struct CarriedTokenUnion {
    /// The union.
    private(set) var set: SlotSet
    /// The tier it is complete up to: it holds every spelling of this kind or better.
    private(set) var tier: TokenMatchKind

    /// A union built for the merged band of `tier`.
    init(_ set: SlotSet, tier: TokenMatchKind) {
        self.set = set
        self.tier = tier
    }

    /// Brings the union up to `tier`, whose merged band for `token` is `band`: adds the postings
    /// of the band's spellings of a kind past the tier it held. `lookups`: about how many
    /// contacts the walk will test against it (`SlotSet.prefersArray`).
    /// - Complexity: O(a) for the a postings added (bitmap form), O(p log p) in array form.
    mutating func extend(
        to tier: TokenMatchKind, band: NameSpellingBand, token: NameQueryToken, lookups: Int, index: NameTokenIndex, slotCount: Int
    ) {
        guard tier > self.tier else { return }
        let held = self.tier
        // The prefix spellings, when new, come as their prefix's list (`SlotSet(band:of:)`).
        let prefixList = held < .prefix ? token.prefixList(covering: band) : nil
        if let prefixList { set.formUnion(sortedSlots: prefixList, lookups: lookups, slotCount: slotCount) }
        var added: [UInt32] = []
        var addedPostings = 0
        for (offset, position) in band.positions.enumerated() where token.kinds[position] > held {
            if prefixList != nil, token.kinds[position] == .prefix { continue }
            let id = band.ids[offset]
            added.append(id)
            addedPostings += Int(index.postingCounts[Int(id)])
        }
        set.formUnion(added, postings: index.postings, addedPostings: addedPostings, lookups: lookups, slotCount: slotCount)
        self.tier = tier
    }
}
