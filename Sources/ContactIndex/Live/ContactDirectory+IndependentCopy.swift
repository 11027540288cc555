extension ContactDirectory {
    /// A copy that shares no index storage with this directory, so that updating either one never
    /// copies the other's storage on write. Record chunks stay shared until one side writes them.
    /// - Complexity: O(n) for the copies of the top-level arrays and hash tables.
    func independentCopy() -> ContactDirectory {
        var copy = self
        copy.makeStorageUnique()
        return copy
    }

    /// Forces every index container of this value to own its storage. `reserveCapacity` copies a
    /// shared buffer and does nothing to a uniquely held one.
    private mutating func makeStorageUnique() {
        store.makeStorageUnique()
        generations.reserveCapacity(generations.count)
        freeSlots.reserveCapacity(freeSlots.count)
        ids.makeStorageUnique()
        phoneIndex.makeStorageUnique()
        emailIndex.makeStorageUnique()
        nameKeyIndex.makeStorageUnique()
        emailPrefixIndex.makeStorageUnique()
        nameTokenIndex.makeStorageUnique()
        phoneFragmentIndex.makeStorageUnique()
    }
}
