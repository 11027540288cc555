extension ContactDirectory {
    /// How `updateInPlace` went.
    enum InPlaceUpdate {
        /// Done, but for the whole-name keys (when `names`) and the address keys (when
        /// `addresses`) of the new version, which the caller adds: those fields changed, so their
        /// generation moved on and the old version's keys are dead.
        case updated(names: Bool, addresses: Bool)
        /// Nothing done: the entity rank changed (and with it the order of every group the
        /// contact is in); the caller removes the old version and adds the new one.
        case notInPlace
    }

    /// Replaces the contact in `slot` with contact `index` of `rows` (the same id) in place, when
    /// the entity rank is the same (so the slot's tie keys, which order namesakes and shared
    /// numbers, are too). Only what differs changes: the phone and email hash keys and the phone
    /// fragments that differ; when the names differ, the name tokens (by difference,
    /// `NameTokenIndex.replace`) and the whole-name keys; when the addresses differ, the address
    /// keys. The id, phone and email indexes of a renamed contact, and the name indexes of a
    /// contact with a new number or address, are not touched: most updates from a CRM change
    /// one field.
    /// - Returns: what is left for the caller (see `InPlaceUpdate`).
    /// - Complexity: O(size of the two records), plus the hash updates and fragment windows
    ///   that differ, plus the name tokens' re-indexing when the names differ.
    mutating func updateInPlace(slot: UInt32, with rows: PreparedRows, _ index: Int) -> InPlaceUpdate {
        guard Int(slot) < nameTokenIndex.entityRanks.count, nameTokenIndex.entityRanks[Int(slot)] == rows.entityRanks[index] else {
            return .notInPlace
        }
        let old = rows.withRecord(index) { new in
            store.withRecord(slot) { old in
                let new = UnsafeRawBufferPointer(new)
                let sameNames = Self.sameNames(old, new)
                let deadNameKeys = sameNames ? 0 : Self.nameKeyCount(in: old)
                let (oldPhones, oldEmails) = ContactRecordReader.phoneAndEmailBytes(of: old)
                let (newPhones, newEmails) = ContactRecordReader.phoneAndEmailBytes(of: new)
                let sameEmails = oldEmails.hasSameBytes(as: newEmails)
                // Phones and emails stored byte for byte alike have the same hash keys and
                // fragments (a rename): none is read.
                let keys = sameEmails && oldPhones.hasSameBytes(as: newPhones) ? nil : ContactIndexKeys(record: old)
                return (keys: keys, sameNames: sameNames, sameAddresses: sameEmails || Self.sameAddresses(old, new), deadNameKeys: deadNameKeys)
            }
        }
        guard let old else { return .notInPlace }
        rows.withRecord(index) { store.store(UnsafeRawBufferPointer($0), at: slot) }
        if let oldKeys = old.keys { updateHashKeys(slot: slot, from: oldKeys, to: rows.keys[index]) }
        if !old.sameNames {
            nameTokenIndex.replace(slot: slot, rows: rows, index: index)
            retireNameKeys(of: slot, count: old.deadNameKeys)
        }
        if !old.sameAddresses { retireAddressKeys(of: slot, count: old.keys?.addresses.count ?? 0) }
        return .updated(names: !old.sameNames, addresses: !old.sameAddresses)
    }

    /// Moves a slot whose record was just replaced (same entity rank and id) from its old phone
    /// and email hash keys and phone fragments to its new ones, where they differ (key by key).
    private mutating func updateHashKeys(slot: UInt32, from oldKeys: ContactIndexKeys, to newKeys: ContactIndexKeys) {
        do {
            // The slot's tie key (entity rank, id key) is the same before and after, so the
            // keys both versions have stay as they are.
            let tieKey = slotTies.groupKey
            phoneIndex.update(slot: slot, from: oldKeys, to: newKeys, tieKey: tieKey)
            emailIndex.update(slot: slot, from: oldKeys, to: newKeys, tieKey: tieKey)
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
    }

    /// Whether two records have the same name fields (given, family, display, company): what
    /// the name tokens and whole-name keys are made from.
    static func sameNames(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var readerA = ContactRecordReader(a)
        var readerB = ContactRecordReader(b)
        let headerA = readerA.header()
        let headerB = readerB.header()
        func same(_ x: UnsafeRawBufferPointer?, _ y: UnsafeRawBufferPointer?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case (let x?, let y?): x.hasSameBytes(as: y)
            default: false
            }
        }
        return same(headerA.firstName, headerB.firstName) && same(headerA.lastName, headerB.lastName)
            && same(headerA.displayName, headerB.displayName) && same(headerA.company, headerB.company)
    }

    /// Whether two records have the same normalized addresses in the same order: what the
    /// address keys are made from.
    static func sameAddresses(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var readerA = ContactRecordReader(a)
        var readerB = ContactRecordReader(b)
        _ = readerA.header()
        _ = readerB.header()
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
