/// Hash indexes of stored numbers: by E.164 key, and by national significant number (for "same
/// national number, other country code" matches). Slots only, those sharing a number in ranking
/// order; callers confirm each candidate on its record (see `RankedSlotTable`).
struct PhoneIndex: Sendable {
    var byE164 = RankedSlotTable()
    var byNational = RankedSlotTable()

    /// Indexes a contact's numbers under its slot, in the tie order of `tieKey`.
    /// - Complexity: O(p) in the contact's phones, plus the moves in groups of shared numbers.
    mutating func insert(_ keys: ContactIndexKeys, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        for hash in keys.e164 { byE164.insert(hash: hash, slot: slot, tieKey: tieKey) }
        for hash in keys.national { byNational.insert(hash: hash, slot: slot, tieKey: tieKey) }
    }

    /// Removes what `insert` added.
    /// - Complexity: as `insert`.
    mutating func remove(_ keys: ContactIndexKeys, slot: UInt32, tieKey: (UInt32) -> UInt128) {
        for hash in keys.e164 { byE164.remove(hash: hash, slot: slot, tieKey: tieKey) }
        for hash in keys.national { byNational.remove(hash: hash, slot: slot, tieKey: tieKey) }
    }

    /// Calls `body` with the candidate slots for an E.164 key at once, in tie order.
    func withCandidates<R>(e164Key: UInt64, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        byE164.withSlots(hash: SlotHashTable.hash(e164Key), body)
    }

    /// Calls `body` with the candidate slots for a national-number key, in tie order, until it
    /// returns false.
    func forEachCandidate(nationalKey: UInt64, _ body: (UInt32) -> Bool) {
        byNational.forEach(hash: SlotHashTable.hash(nationalKey), body)
    }

    mutating func makeStorageUnique() {
        byE164.makeStorageUnique()
        byNational.makeStorageUnique()
    }

    var approximateBytes: Int { byE164.approximateBytes + byNational.approximateBytes }
}
