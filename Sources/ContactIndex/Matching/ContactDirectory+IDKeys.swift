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
    }

    /// Raises the id keys' skip to what every id shares, when that is more than they skip.
    mutating func rekeyIDsIfShared() {
        let shared = min(8, nameTokenIndex.commonIDLength)
        if shared > nameTokenIndex.idKeySkip { rekeyIDs(skip: shared) }
    }
}
