/// Hash indexes of stored addresses: by normalized address, and by provider-canonical address.
/// Slots only; callers confirm each candidate on its record (see `SlotHashTable`).
struct EmailIndex: Sendable {
    var byAddress = SlotHashTable()
    var byCanonical = SlotHashTable()

    mutating func reserve(_ count: Int) {
        byAddress = SlotHashTable(capacity: count)
    }

    /// Indexes a contact's addresses under its slot.
    /// - Complexity: O(e) in the contact's emails.
    mutating func insert(_ keys: ContactIndexKeys, slot: UInt32) {
        for hash in keys.addresses { byAddress.insert(hash: hash, slot: slot) }
        for hash in keys.canonical { byCanonical.insert(hash: hash, slot: slot) }
    }

    /// Removes what `insert` added.
    mutating func remove(_ keys: ContactIndexKeys, slot: UInt32) {
        for hash in keys.addresses { byAddress.remove(hash: hash, slot: slot) }
        for hash in keys.canonical { byCanonical.remove(hash: hash, slot: slot) }
    }

    /// Calls `body` with the candidate slots whose normalized address may be `address`.
    func forEachCandidate(address: UnsafeRawBufferPointer, _ body: (UInt32) -> Void) {
        byAddress.forEach(hash: SlotHashTable.hash(address)) { body($0); return true }
    }

    /// Calls `body` with the candidate slots whose canonical address, or whose normalized
    /// address, may be `canonical`.
    func forEachCandidate(canonical: UnsafeRawBufferPointer, _ body: (UInt32) -> Void) {
        let hash = SlotHashTable.hash(canonical)
        byCanonical.forEach(hash: hash) { body($0); return true }
        byAddress.forEach(hash: hash) { body($0); return true }
    }

    mutating func makeStorageUnique() {
        byAddress.makeStorageUnique()
        byCanonical.makeStorageUnique()
    }

    var approximateBytes: Int { byAddress.approximateBytes + byCanonical.approximateBytes }
}
