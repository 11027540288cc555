extension SlotSet {
    /// The contacts of a query token's band of spellings: the union of their posting lists,
    /// or, when the band holds all the token's prefix spellings and the index lists its
    /// prefix, that one list with the postings of the band's other spellings added
    /// (`NameQueryToken.prefixList(covering:)`), starting from the list's bitmap when the index
    /// keeps one (`TokenPrefixPostings`); or, for a one-letter token, the bitmap of its
    /// initial (`TokenInitials`) with the others added. The union is then a superset of the band's
    /// contacts (a prefix list keeps dead entries): readers verify.
    /// - Parameter lookups: about how many contacts will be tested against it.
    init(band: borrowing NameSpellingBand, of token: borrowing NameQueryToken, lookups: Int, index: borrowing NameTokenIndex, slotCount: Int) {
        if let initials = token.initialsBitmap(covering: band) {
            self.init(bitmap: initials, slotCount: slotCount)
        } else if let list = token.prefixList(covering: band) {
            self.init(slots: list, bitmap: token.prefixBitmap(covering: band), lookups: lookups, slotCount: slotCount)
        } else {
            self.init(unionOf: band.ids, postings: index.postings, totalPostings: band.postings, lookups: lookups, slotCount: slotCount)
            return
        }
        let others = token.nonPrefixSpellings(of: band, index: index)
        formUnion(others.ids, postings: index.postings, addedPostings: others.postings, lookups: lookups, slotCount: slotCount)
    }
}
