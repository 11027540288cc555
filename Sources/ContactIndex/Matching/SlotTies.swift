/// Where each slot stands among contacts of equal score, as look-ups break ties without reading
/// records (`TopMatches`): its entity rank, then its id key (`NameTokenIndex.entityRanks` and
/// `idPrefixes`).
///
/// It holds a copy of those two arrays: take it just before inserting into or sorting an index
/// that orders by it, and let it go before the token index is next written (a write while a copy
/// is alive would copy the arrays).
struct SlotTies: Sendable {
    private let ranks: [UInt8]
    private let idKeys: [UInt64]

    init(_ index: NameTokenIndex) {
        ranks = index.entityRanks
        idKeys = index.idPrefixes
    }

    /// The tie key of the phone and email indexes' groups (`RankedSlotTable`): the entity rank,
    /// then the id key, so the contacts sharing a number are kept in the order `TopMatches`
    /// ranks equal scores (up to ids that share their id keys).
    func groupKey(_ slot: UInt32) -> UInt128 {
        UInt128(ranks[Int(slot)]) << 64 | UInt128(idKeys[Int(slot)])
    }

    /// The tie value of a slot's whole-name keys (`CollationKeyIndex`): the entity rank, then the
    /// first 7 bytes of the id key, so namesakes are kept in ranking order up to ids that share
    /// those (`offerNamesakes` reads on through equal values).
    func nameKeyTie(_ slot: UInt32) -> UInt64 {
        UInt64(ranks[Int(slot)]) << 56 | idKeys[Int(slot)] >> 8
    }
}
