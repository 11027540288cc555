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
        // The namesakes' order in the collation-key index follows the id keys.
        let index = nameTokenIndex
        nameKeyIndex.retie { Self.nameKeyTie(slot: $0, in: index) }
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
    mutating func rekeyIDsIfShared() {
        let shared = min(8, nameTokenIndex.commonIDLength)
        if shared > nameTokenIndex.idKeySkip { rekeyIDs(skip: shared) }
    }
}
