/// Hash indexes of stored addresses: by normalized address, and by provider-canonical address.
/// Slots only, those sharing an address in ranking order; callers confirm each candidate on its
/// record (see `RankedSlotTable`).
struct EmailIndex: Sendable {
    var byAddress = RankedSlotTable()
    var byCanonical = RankedSlotTable()

    /// Indexes a contact's addresses under its slot, in the tie order of `tieKey`.
    /// - Complexity: O(e) in the contact's emails, plus the moves in groups of shared addresses.
    mutating func insert(_ keys: ContactIndexKeys, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        for hash in keys.addresses { byAddress.insert(hash: hash, slot: slot, tieKey: tieKey) }
        for hash in keys.canonical { byCanonical.insert(hash: hash, slot: slot, tieKey: tieKey) }
    }

    /// Removes what `insert` added.
    mutating func remove(_ keys: ContactIndexKeys, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        for hash in keys.addresses { byAddress.remove(hash: hash, slot: slot, tieKey: tieKey) }
        for hash in keys.canonical { byCanonical.remove(hash: hash, slot: slot, tieKey: tieKey) }
    }

    /// Moves a contact's slot from its old addresses to its new ones, touching only the keys
    /// that differ (`RankedSlotTable.move`); its tie key must be unchanged.
    mutating func update(slot: UInt32, from old: ContactIndexKeys, to new: ContactIndexKeys, tieKey: (UInt32) -> UInt128) {
        byAddress.move(slot: slot, from: old.addresses, to: new.addresses, tieKey: tieKey)
        byCanonical.move(slot: slot, from: old.canonical, to: new.canonical, tieKey: tieKey)
    }

    /// Calls `body` with the candidate slots whose normalized address may be `address`, in tie
    /// order, until it returns false.
    func forEachCandidate(address: UnsafeRawBufferPointer, _ body: (UInt32) -> Bool) {
        byAddress.forEach(hash: SlotHashTable.hash(address), body)
    }

    /// Calls `body` with the candidate slots whose canonical address, then those whose normalized
    /// address, may be `canonical`: each list in tie order, until `body` returns false for it.
    func forEachCandidate(canonical: UnsafeRawBufferPointer, _ body: (UInt32) -> Bool) {
        let hash = SlotHashTable.hash(canonical)
        byCanonical.forEach(hash: hash, body)
        byAddress.forEach(hash: hash, body)
    }

    mutating func makeStorageUnique() {
        byAddress.makeStorageUnique()
        byCanonical.makeStorageUnique()
    }

    var approximateBytes: Int { byAddress.approximateBytes + byCanonical.approximateBytes }
}
