extension ContactDirectory {
    /// Builds a directory from prepared contacts added in order: what `init(prepared:)` and the
    /// CSV loader use. Contacts go into their indexes as they come (so a loader can add each block
    /// while later blocks are still being parsed); collation and address keys are gathered and
    /// sorted once at `finish`, and token postings are appended unsorted and sorted there.
    ///
    /// A later contact with an id seen before replaces the earlier one (`duplicateID`); a contact
    /// without id is skipped. Slots are not reused during a build, so postings of a replaced
    /// contact can be dropped in one pass at the end instead of one search per duplicate.
    struct Builder {
        private var directory: ContactDirectory
        private var replacedSlots: [UInt32] = []

        /// Starts a build.
        init(configuration: DirectoryConfiguration, capacity: Int) {
            directory = ContactDirectory(emptyWith: configuration)
            directory.generations.reserveCapacity(capacity)
            directory.ids = SlotHashTable(capacity: capacity)
            directory.phoneIndex.reserve(capacity * 2)
            directory.emailIndex.reserve(capacity)
            directory.nameTokenIndex.beginBulkLoad(capacity: capacity)
        }

        /// The number of contacts so far.
        var count: Int { directory.count }

        /// Adds a prepared contact.
        /// - Returns: the slot it took (nil for a contact without id) and the slot of the earlier
        ///   contact with the same id that it replaced, if any.
        @discardableResult
        mutating func add(_ item: PreparedContact) -> (slot: UInt32?, replacedSlot: UInt32?) {
            directory.problems.append(contentsOf: item.problems)
            guard item.rows.count == 1 else { return (nil, nil) }
            let outcome = add(item.rows, 0)
            if outcome.replacedSlot != nil {
                directory.problems.append(DirectoryProblem(contactID: item.contact.id, field: "id", value: item.contact.id, kind: .duplicateID))
            }
            return (outcome.slot, outcome.replacedSlot)
        }

        /// Adds contact `index` of `rows`.
        /// - Returns: the slot it took and the slot of the earlier contact with the same id that
        ///   it replaced, if any.
        /// - Complexity: O(1) amortized hash and posting appends.
        mutating func add(_ rows: PreparedRows, _ index: Int) -> (slot: UInt32, replacedSlot: UInt32?) {
            var replaced: UInt32? = nil
            if let existing = directory.slot(ofRecordIn: rows, index) {
                directory.unindex(slot: existing, freeingSlot: false)
                replacedSlots.append(existing)
                replaced = existing
            }
            let slot = directory.place(rows, index, reusingSlots: false)
            let generation = directory.generations[Int(slot)]
            for key in rows.nameKeys(index) { directory.nameKeyIndex.bulkAppend(key: key, slot: slot, generation: generation) }
            for key in rows.emailKeys(index) { directory.emailPrefixIndex.bulkAppend(key: key, slot: slot, generation: generation) }
            return (slot, replaced)
        }

        /// Sorts what was gathered and returns the directory.
        /// - Complexity: O(n log n).
        consuming func finish() -> ContactDirectory {
            let live = directory.liveness
            directory.nameKeyIndex.finishBulkAppend(isLive: live)
            directory.emailPrefixIndex.finishBulkAppend(isLive: live)
            directory.nameTokenIndex.finishBulkLoad()
            if !replacedSlots.isEmpty {
                let replaced = Set(replacedSlots)
                directory.phoneFragmentIndex.removeAll { replaced.contains($0) }
                directory.freeSlots.append(contentsOf: replacedSlots)
            }
            return directory
        }
    }
}
