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
        let ties = slotTies
        nameKeyIndex.retie(ties.nameKeyTie)
        if finer { sortSharedKeyGroups() }
    }

    /// Puts the contacts sharing a number or an address in tie order, the four tables on every
    /// core.
    mutating func sortSharedKeyGroups() {
        let ties = slotTies
        let tables = Mutex([phoneIndex.byE164, phoneIndex.byNational, emailIndex.byAddress, emailIndex.byCanonical])
        phoneIndex.byE164 = RankedSlotTable()
        phoneIndex.byNational = RankedSlotTable()
        emailIndex.byAddress = RankedSlotTable()
        emailIndex.byCanonical = RankedSlotTable()
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            var table = RankedSlotTable()
            tables.withLock { swap(&table, &$0[job]) }
            table.sortGroups(by: ties.groupKey)
            tables.withLock { swap(&table, &$0[job]) }
        }
        let sorted = tables.withLock { $0 }
        (phoneIndex.byE164, phoneIndex.byNational) = (sorted[0], sorted[1])
        (emailIndex.byAddress, emailIndex.byCanonical) = (sorted[2], sorted[3])
    }

    /// The tie values of every slot as they stand (see `SlotTies` for how long to keep them).
    var slotTies: SlotTies { SlotTies(nameTokenIndex) }

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
