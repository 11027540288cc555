extension ContactDirectory {
    /// A copy that shares no index storage with this directory, so that updating either one never
    /// copies the other's storage on write. Record chunks stay shared until one side writes them.
    /// - Complexity: O(n) for the copies of the top-level arrays and hash tables.
    func independentCopy() -> ContactDirectory {
        var copy = self
        copy.makeStorageUnique()
        return copy
    }

    /// The two copies of a live directory: this one and an independent copy of it, both readied
    /// for updates (`prepareForUpdates`).
    consuming func readiedCopies() -> (ContactDirectory, ContactDirectory) {
        var first = self
        first.prepareForUpdates()
        var second = first.independentCopy()
        second.prepareForUpdates()
        return (first, second)
    }

    /// Readies the lists that updates write for a stream of single-contact updates: each posting
    /// list, shared-key block and phone-fragment bucket of some size gets its own storage with
    /// room to grow (`reserveForUpdates` of each index).
    ///
    /// Why: after a bulk load these lists are exactly as large as their entries, and the two
    /// copies of a `LiveDirectory` share them. The first update to touch one then copied it
    /// whole, or doubled it: a common phone fragment's bucket holds hundreds of thousands of
    /// slots, and a common token's posting list tens of thousands. For the first minutes of
    /// writes after every load that made an upsert's p99 about four times its steady value. Doing
    /// it once here costs what those writes would have paid in total, before any look-up waits.
    /// - Complexity: O(n) for the copies.
    mutating func prepareForUpdates() {
        nameKeyIndex.reserveForUpdates()
        emailPrefixIndex.reserveForUpdates()
        nameTokenIndex.reserveForUpdates()
        phoneFragmentIndex.reserveForUpdates()
    }

    /// Forces every index container of this value to own its storage. `reserveCapacity` copies a
    /// shared buffer and does nothing to a uniquely held one.
    private mutating func makeStorageUnique() {
        store.makeStorageUnique()
        generations.reserveCapacity(generations.count)
        addressGenerations.reserveCapacity(addressGenerations.count)
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

extension Array {
    /// Gives the array storage of exactly its count when its capacity exceeds that by more than
    /// an eighth (a copy); else leaves it as it is.
    mutating func trimCapacity() {
        guard capacity - count > count / 8 + 16 else { return }
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = withUnsafeBufferPointer { source in buffer.initialize(fromContentsOf: source) }
        }
    }

    /// Gives the array its own storage (a copy when it is shared) with room for about an eighth
    /// more elements, when it holds at least `minimumCount`; smaller arrays cost little to copy
    /// on their first write and are left as they are.
    mutating func reserveRoomForUpdates(minimumCount: Int = 64) {
        guard count >= minimumCount else { return }
        reserveCapacity(count + count / 8 + 4)
    }
}
