extension ContactDirectory {
    /// A copy that shares no index storage with this directory, so that updating either one never
    /// copies the other's storage on write. Contacts (immutable values) stay shared.
    /// - Complexity: O(n) for the copies of the top-level arrays and hash tables.
    func independentCopy() -> ContactDirectory {
        var copy = self
        copy.makeStorageUnique()
        return copy
    }

    /// Forces every index container of this value to own its storage. `reserveCapacity` copies a
    /// shared buffer and does nothing to a uniquely held one.
    private mutating func makeStorageUnique() {
        slots.reserveCapacity(slots.count)
        generations.reserveCapacity(generations.count)
        freeSlots.reserveCapacity(freeSlots.count)
        slotByID.reserveCapacity(slotByID.count)
        phoneIndex.makeStorageUnique()
        emailIndex.makeStorageUnique()
        nameKeyIndex.makeStorageUnique()
        emailPrefixIndex.makeStorageUnique()
        nameTokenIndex.makeStorageUnique()
        phoneFragmentIndex.makeStorageUnique()
    }
}

extension PhoneIndex {
    mutating func makeStorageUnique() {
        byE164.reserveCapacity(byE164.count)
        byNational.reserveCapacity(byNational.count)
    }
}

extension EmailIndex {
    mutating func makeStorageUnique() {
        byAddress.reserveCapacity(byAddress.count)
        byCanonical.reserveCapacity(byCanonical.count)
    }
}
