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

    /// Moves a contact's slot from its old numbers to its new ones, touching only the keys
    /// that differ (`RankedSlotTable.move`); its tie key must be unchanged.
    mutating func update(slot: UInt32, from old: ContactIndexKeys, to new: ContactIndexKeys, tieKey: (UInt32) -> UInt128) {
        byE164.move(slot: slot, from: old.e164, to: new.e164, tieKey: tieKey)
        byNational.move(slot: slot, from: old.national, to: new.national, tieKey: tieKey)
    }

    /// A look-up's keys with their hashes, computed once: a look-up probes each table up to
    /// twice (a prefetch, then the read).
    struct Probe {
        let e164Hash: UInt32
        /// Nil when the look-up does not read the national table.
        let nationalHash: UInt32?

        init(e164Key: UInt64, nationalKey: UInt64?) {
            e164Hash = SlotHashTable.hash(e164Key)
            nationalHash = nationalKey.map(SlotHashTable.hash)
        }
    }

    /// Starts loading the heads the probe will read, both at once (see
    /// `RankedSlotTable.prefetchHead`), so that their cache misses overlap.
    @inline(__always)
    func prefetchHeads(_ probe: Probe) {
        byE164.prefetchHead(hash: probe.e164Hash)
        if let hash = probe.nationalHash { byNational.prefetchHead(hash: hash) }
    }

    /// Starts loading the reference to the national key's group (see
    /// `RankedSlotTable.prefetchGroupReference`).
    @inline(__always)
    func prefetchNationalGroupReference(_ probe: Probe) {
        if let hash = probe.nationalHash { byNational.prefetchGroupReference(hash: hash) }
    }

    /// Calls `body` with the candidate slots for the E.164 key at once, in tie order.
    @inline(__always)
    func withE164Candidates<R>(_ probe: Probe, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        byE164.withSlots(hash: probe.e164Hash, body)
    }

    /// Calls `body` with the candidate slots for the national key, in tie order, until it
    /// returns false (none when the probe has no national key).
    @inline(__always)
    func forEachNationalCandidate(_ probe: Probe, _ body: (UInt32) -> Bool) {
        guard let hash = probe.nationalHash else { return }
        byNational.forEach(hash: hash, body)
    }

    mutating func makeStorageUnique() {
        byE164.makeStorageUnique()
        byNational.makeStorageUnique()
    }

    var approximateBytes: Int { byE164.approximateBytes + byNational.approximateBytes }
}
