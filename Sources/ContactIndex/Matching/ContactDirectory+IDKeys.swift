extension ContactDirectory {
    /// Re-keys every slot's id key (`NameTokenIndex.idPrefixes`, which orders equal matches
    /// without reading their records) to skip the `skip` leading bytes that every id shares.
    ///
    /// Called when a load ends (the skip rises to what all its ids share, up to 8 bytes) and
    /// when an id arrives that does not share them (the skip falls, once per byte at most over
    /// the directory's life).
    /// - Complexity: O(n) record reads.
    mutating func rekeyIDs(skip: Int) {
        let store = self.store
        nameTokenIndex.rekeyIDs(skip: skip) { slot in
            store.withRecord(slot) { record in
                let id = ContactRecordReader.id(of: record)
                return (NameTokenIndex.idBytes(id, from: 0), NameTokenIndex.idBytes(id, from: 8))
            }
        }
        // The namesakes' order in the collation-key index, and that of the contacts sharing a
        // number or an address, follow the id keys.
        let index = nameTokenIndex
        nameKeyIndex.retie { Self.nameKeyTie(slot: $0, in: index) }
        phoneIndex.sortGroups { Self.slotTieKey(slot: $0, in: index) }
        emailIndex.sortGroups { Self.slotTieKey(slot: $0, in: index) }
    }

    /// The tie key of a slot in the phone and email indexes' groups (`RankedSlotTable`): its
    /// entity rank, then its id key, then the slot, so that the contacts sharing a number are kept in the
    /// order `TopMatches` ranks equal scores (up to ids that share their id keys).
    static func slotTieKey(slot: UInt32, in index: NameTokenIndex) -> UInt128 {
        UInt128(index.entityRanks[Int(slot)]) << 96 | UInt128(index.idPrefixes[Int(slot)]) << 32 | UInt128(slot)
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
