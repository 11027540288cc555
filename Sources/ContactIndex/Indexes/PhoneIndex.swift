/// Hash indexes of stored numbers: by E.164 key, and by national significant number (for "same
/// national number, other country code" matches). Slots only; callers confirm each candidate on
/// its record (see `SlotHashTable`).
struct PhoneIndex: Sendable {
    var byE164 = SlotHashTable()
    var byNational = SlotHashTable()

    mutating func reserve(_ count: Int) {
        byE164 = SlotHashTable(capacity: count)
        byNational = SlotHashTable(capacity: count)
    }

    /// Indexes a contact's numbers under its slot.
    /// - Complexity: O(p) in the contact's phones.
    mutating func insert(_ keys: ContactIndexKeys, slot: UInt32) {
        for hash in keys.e164 { byE164.insert(hash: hash, slot: slot) }
        for hash in keys.national { byNational.insert(hash: hash, slot: slot) }
    }

    /// Removes what `insert` added.
    /// - Complexity: O(p) in the contact's phones.
    mutating func remove(_ keys: ContactIndexKeys, slot: UInt32) {
        for hash in keys.e164 { byE164.remove(hash: hash, slot: slot) }
        for hash in keys.national { byNational.remove(hash: hash, slot: slot) }
    }

    /// Calls `body` with the candidate slots for an E.164 key.
    /// - Complexity: O(1) expected plus the candidates.
    func forEachCandidate(e164Key: UInt64, _ body: (UInt32) -> Void) {
        byE164.forEach(hash: SlotHashTable.hash(e164Key)) { body($0); return true }
    }

    /// Calls `body` with the candidate slots for a national-number key.
    func forEachCandidate(nationalKey: UInt64, _ body: (UInt32) -> Void) {
        byNational.forEach(hash: SlotHashTable.hash(nationalKey)) { body($0); return true }
    }

    mutating func makeStorageUnique() {
        byE164.makeStorageUnique()
        byNational.makeStorageUnique()
    }

    var approximateBytes: Int { byE164.approximateBytes + byNational.approximateBytes }
}
