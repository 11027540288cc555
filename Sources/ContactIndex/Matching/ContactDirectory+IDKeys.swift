import Dispatch
import Synchronization

extension ContactDirectory {
    /// Re-keys every slot's id key (`NameTokenIndex.idPrefixes`, which orders equal matches
    /// without reading their records) to skip the `skip` leading bytes that every id shares.
    ///
    /// Called when a load ends (the skip rises to what all its ids share, up to 8 bytes) and
    /// when an id arrives that does not share them (the skip falls, once per byte at most over
    /// the directory's life).
    /// - Complexity: O(n) record reads.
    mutating func rekeyIDs(skip: Int) {
        let finer = skip > nameTokenIndex.idKeySkip
        let store = self.store
        nameTokenIndex.rekeyIDs(skip: skip) { slot in
            store.withRecord(slot) { record in
                let id = ContactRecordReader.id(of: record)
                return (NameTokenIndex.idBytes(id, from: 0), NameTokenIndex.idBytes(id, from: 8))
            }
        }
        // The namesakes' order in the collation-key index follows the id keys. So does that of
        // the contacts sharing a number or an address, but keys that skip fewer bytes only merge
        // what was in order: the groups need sorting only when the keys become finer.
        let index = nameTokenIndex
        nameKeyIndex.retie { Self.nameKeyTie(slot: $0, in: index) }
        if finer { sortSharedKeyGroups() }
    }

    /// Puts the contacts sharing a number or an address in tie order, the four tables on every
    /// core.
    mutating func sortSharedKeyGroups() {
        let tokens = nameTokenIndex
        let tables = Mutex([phoneIndex.byE164, phoneIndex.byNational, emailIndex.byAddress, emailIndex.byCanonical])
        phoneIndex.byE164 = RankedSlotTable()
        phoneIndex.byNational = RankedSlotTable()
        emailIndex.byAddress = RankedSlotTable()
        emailIndex.byCanonical = RankedSlotTable()
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            var table = RankedSlotTable()
            tables.withLock { swap(&table, &$0[job]) }
            table.sortGroups { Self.slotTieKey(slot: $0, in: tokens) }
            tables.withLock { swap(&table, &$0[job]) }
        }
        let sorted = tables.withLock { $0 }
        (phoneIndex.byE164, phoneIndex.byNational) = (sorted[0], sorted[1])
        (emailIndex.byAddress, emailIndex.byCanonical) = (sorted[2], sorted[3])
    }

    /// The tie key of a slot in the phone and email indexes' groups (`RankedSlotTable`): its
    /// entity rank, then its id key, so that the contacts sharing a number are kept in the order
    /// `TopMatches` ranks equal scores (up to ids that share their id keys).
    static func slotTieKey(slot: UInt32, in index: NameTokenIndex) -> UInt128 {
        UInt128(index.entityRanks[Int(slot)]) << 64 | UInt128(index.idPrefixes[Int(slot)])
    }

    /// The tie value of a slot's whole-name keys (`CollationKeyIndex`): its entity rank, then the
    /// first 7 bytes of its id key, so namesakes are kept in ranking order up to ids that share
    /// those (`offerNamesakes` reads on through equal values).
    func nameKeyTie(_ slot: UInt32) -> UInt64 {
        Self.nameKeyTie(slot: slot, in: nameTokenIndex)
    }

    static func nameKeyTie(slot: UInt32, in index: NameTokenIndex) -> UInt64 {
        UInt64(index.entityRanks[Int(slot)]) << 56 | index.idPrefixes[Int(slot)] >> 8
    }

    /// Raises the id keys' skip to what every id shares, when that is more than they skip.
    /// - Returns: whether it re-keyed.
    @discardableResult
    mutating func rekeyIDsIfShared() -> Bool {
        let shared = min(8, nameTokenIndex.commonIDLength)
        guard shared > nameTokenIndex.idKeySkip else { return false }
        rekeyIDs(skip: shared)
        return true
    }
}
