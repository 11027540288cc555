extension ContactDirectory {
    /// Replaces the contact in `slot` with contact `index` of `rows` (the same id) in place, when
    /// the new version is found under the same names and addresses: the same name fields, entity
    /// rank and normalized addresses, so the same name tokens, whole-name keys (with their tie
    /// values) and address keys. Those indexes keep their entries and the slot keeps its
    /// generation; only the record, and the phone and email hash keys and phone fragments that
    /// differ, change. Most updates from a CRM change a phone or a title, not a name: they skip
    /// the name indexes, which hold most of an update's cost.
    /// - Returns: false, having changed nothing, when names, entity rank or addresses differ
    ///   (the caller then removes the old version and adds the new one).
    /// - Complexity: O(size of the two records), plus the hash updates and fragment windows
    ///   that differ.
    mutating func updateInPlace(slot: UInt32, with rows: PreparedRows, _ index: Int) -> Bool {
        guard Int(slot) < nameTokenIndex.entityRanks.count, nameTokenIndex.entityRanks[Int(slot)] == rows.entityRanks[index] else {
            return false
        }
        let same = rows.withRecord(index) { new in
            store.withRecord(slot) { old in Self.sameNamesAndAddresses(old, UnsafeRawBufferPointer(new)) }
        }
        guard same == true, let oldKeys = store.withRecord(slot, { ContactIndexKeys(record: $0) }) else { return false }
        let newKeys = rows.keys[index]
        rows.withRecord(index) { store.store(UnsafeRawBufferPointer($0), at: slot) }
        do {
            // The slot's tie key (entity rank, id key) is the same before and after.
            let tieKey = slotTies.groupKey
            if oldKeys.e164 != newKeys.e164 || oldKeys.national != newKeys.national {
                phoneIndex.remove(oldKeys, slot: slot, tieKey: tieKey)
                phoneIndex.insert(newKeys, slot: slot, tieKey: tieKey)
            }
            if oldKeys.addresses != newKeys.addresses || oldKeys.canonical != newKeys.canonical {
                emailIndex.remove(oldKeys, slot: slot, tieKey: tieKey)
                emailIndex.insert(newKeys, slot: slot, tieKey: tieKey)
            }
        }
        let (gone, added) = Self.difference(oldKeys.windows, newKeys.windows)
        if !gone.isEmpty {
            // After the new record is stored: a bucket compacted now keeps the slot only for
            // windows the new version has.
            let store = self.store
            phoneFragmentIndex.remove(gone, slot: slot) { other in
                store.withRecord(other) { ContactIndexKeys(record: $0).windows }
            }
        }
        if !added.isEmpty { phoneFragmentIndex.insert(added, slot: slot) }
        return true
    }

    /// Whether two records have the same name fields (given, family, display, company) and the
    /// same normalized addresses in the same order: what the name and address indexes are built
    /// from.
    static func sameNamesAndAddresses(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var readerA = ContactRecordReader(a)
        var readerB = ContactRecordReader(b)
        let headerA = readerA.header()
        let headerB = readerB.header()
        func same(_ x: UnsafeRawBufferPointer?, _ y: UnsafeRawBufferPointer?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case (let x?, let y?): x.elementsEqual(y)
            default: false
            }
        }
        guard same(headerA.firstName, headerB.firstName), same(headerA.lastName, headerB.lastName) else { return false }
        guard same(headerA.displayName, headerB.displayName), same(headerA.company, headerB.company) else { return false }
        readerA.skipPhones()
        readerB.skipPhones()
        let count = readerA.count()
        guard count == readerB.count() else { return false }
        for _ in 0..<count {
            let emailA = readerA.email()
            let emailB = readerB.email()
            let equal = emailA.withAddress { addressA in emailB.withAddress { addressB in addressA.elementsEqual(addressB) } ?? false }
            if let equal {
                guard equal else { return false }
            } else if emailB.isNormalized, emailB.withAddress({ _ in true }) != nil {
                return false  // only the new version has an address here
            }
        }
        return true
    }

    /// The elements of ascending, duplicate-free `old` missing from `new`, and those of `new`
    /// missing from `old`.
    /// - Complexity: O(|old| + |new|).
    static func difference(_ old: [UInt16], _ new: [UInt16]) -> (gone: [UInt16], added: [UInt16]) {
        var gone: [UInt16] = []
        var added: [UInt16] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && old[i] < new[j]) {
                gone.append(old[i])
                i += 1
            } else if i == old.count || new[j] < old[i] {
                added.append(new[j])
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return (gone, added)
    }
}
