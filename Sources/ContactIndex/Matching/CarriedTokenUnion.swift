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

    /// What bringing the union up to `tier`, whose merged band for `token` is `band`, adds: the
    /// postings of the band's spellings of a kind past the tier it held, known before they are
    /// read (`Additions.postings`).
    func additions(to tier: TokenMatchKind, band: NameSpellingBand, token: NameQueryToken, index: NameTokenIndex) -> Additions {
        guard tier > self.tier else { return Additions(tier: self.tier, prefixList: nil, prefixBitmap: nil, initialsBitmap: nil, ids: [], idPostings: 0) }
        let held = self.tier
        // The prefix spellings, when new, come as their prefix's list (`SlotSet(band:of:)`).
        let prefixList = held < .prefix ? token.prefixList(covering: band) : nil
        let prefixBitmap = prefixList == nil ? nil : token.prefixBitmap(covering: band)
        // So does the spelling of a one-letter token's kept initial, as its bitmap.
        let initialsBitmap = held < .initial ? token.initialsBitmap(covering: band) : nil
        var ids: [UInt32] = []
        var idPostings = 0
        for (offset, position) in band.positions.enumerated() where token.kinds[position] > held {
            if prefixList != nil, token.kinds[position] == .prefix { continue }
            if initialsBitmap != nil, token.kinds[position] == .initial { continue }
            let id = band.ids[offset]
            ids.append(id)
            idPostings += index.postingCount(of: id)
        }
        return Additions(
            tier: tier, prefixList: prefixList, prefixBitmap: prefixBitmap, initialsBitmap: initialsBitmap, ids: ids, idPostings: idPostings)
    }

    /// Adds `additions` (from `additions(to:band:token:index:)` on this union). `lookups`: about
    /// how many contacts the walk will test against it (`SlotSet.prefersArray`).
    /// - Complexity: O(a) for the a postings added (bitmap form), O(p log p) in array form.
    mutating func extend(with additions: Additions, lookups: Int, index: NameTokenIndex, slotCount: Int) {
        guard additions.tier > tier else { return }
        if let list = additions.prefixList {
            set.formUnion(slots: list, bitmap: additions.prefixBitmap, lookups: lookups, slotCount: slotCount)
        }
        if let initials = additions.initialsBitmap { set.formUnion(bitmap: initials, slotCount: slotCount) }
        set.formUnion(additions.ids, postings: index.postings, addedPostings: additions.idPostings, lookups: lookups, slotCount: slotCount)
        tier = additions.tier
    }

    /// The spellings a union gains on its way to a tier.
    struct Additions {
        /// The tier the union reaches with them.
        let tier: TokenMatchKind
        /// The prefix's list, standing for its new prefix spellings, or nil.
        let prefixList: TokenPostingLists.Slots?
        /// The list's bitmap, when the index keeps one (`TokenPrefixPostings`).
        let prefixBitmap: [UInt64]?
        /// The bitmap of a one-letter token's kept initial, standing for its spelling, or nil
        /// (`TokenInitials`).
        let initialsBitmap: [UInt64]?
        /// The other new spellings, and their postings summed.
        let ids: [UInt32]
        let idPostings: Int

        /// What adding them costs, in postings set: a prefix list with a bitmap costs an eighth
        /// of its words (see `NameQueryToken.unionCost(of:)`).
        var postings: Int {
            (prefixBitmap.map(SlotSet.unionCost(ofBitmap:)) ?? prefixList?.count ?? 0) + (initialsBitmap.map(SlotSet.unionCost(ofBitmap:)) ?? 0) + idPostings
        }
    }
}
