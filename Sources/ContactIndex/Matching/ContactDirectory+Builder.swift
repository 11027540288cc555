import Dispatch
import Synchronization

extension ContactDirectory {
    /// Builds a directory from prepared contacts added in order: what `init(prepared:)` and the
    /// CSV loader use. Contacts go into their slots, the id table, the token and fragment indexes
    /// as they come (so a loader can add each block while later blocks are still being parsed).
    /// The rest is gathered and built once at `finish`, on every core: collation and address
    /// keys are sorted, token postings are sorted, and the phone and email hash tables are built
    /// front to back from their entries (`RankedSlotTable.init(bulk:)`), which is several times
    /// faster than a million inserts at random places; the contacts sharing a number or an
    /// address are put in tie order once the id keys are final.
    ///
    /// A later contact with an id seen before replaces the earlier one (`duplicateID`); a contact
    /// without id is skipped. Slots are not reused during a build, so postings and hash entries of
    /// a replaced contact can be dropped in one pass at the end instead of one search per
    /// duplicate.
    struct Builder {
        private var directory: ContactDirectory
        private var replacedSlots: [UInt32] = []
        /// Phone and email hash-table entries (`SlotHashTable.entry`), in the order added.
        private var e164Entries: [UInt64] = []
        private var nationalEntries: [UInt64] = []
        private var addressEntries: [UInt64] = []
        private var canonicalEntries: [UInt64] = []
        /// Phone-fragment windows of the contacts added, one contact after another, where each
        /// contact's end, and its slot (`PhoneFragmentIndex.bulkInsert`).
        private var fragmentWindows: [UInt16] = []
        private var fragmentEnds: [Int] = []
        private var fragmentSlots: [UInt32] = []

        /// Starts a build.
        init(configuration: DirectoryConfiguration, capacity: Int) {
            directory = ContactDirectory(emptyWith: configuration)
            directory.generations.reserveCapacity(capacity)
            directory.addressGenerations.reserveCapacity(capacity)
            directory.ids = SlotHashTable(capacity: capacity)
            e164Entries.reserveCapacity(capacity * 2)
            nationalEntries.reserveCapacity(capacity * 2)
            addressEntries.reserveCapacity(capacity)
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
            let slot = directory.place(rows, index, reusingSlots: false, bulk: true)
            let generation = directory.generations[Int(slot)]
            let tie = directory.slotTies.nameKeyTie(slot)
            let spellings = rows.nameSpellings[index]
            rows.forEachNameKey(index) {
                directory.nameKeyIndex.bulkAppend(key: $0, slot: slot, generation: generation, tie: tie, spellings: spellings)
            }
            let addressGeneration = directory.addressGenerations[Int(slot)]
            rows.forEachEmailKey(index) { directory.emailPrefixIndex.bulkAppend(key: $0, slot: slot, generation: addressGeneration) }
            let keys = rows.keys[index]
            for hash in keys.e164 { e164Entries.append(SlotHashTable.entry(hash: hash, slot: slot)) }
            for hash in keys.national { nationalEntries.append(SlotHashTable.entry(hash: hash, slot: slot)) }
            for hash in keys.addresses { addressEntries.append(SlotHashTable.entry(hash: hash, slot: slot)) }
            for hash in keys.canonical { canonicalEntries.append(SlotHashTable.entry(hash: hash, slot: slot)) }
            fragmentWindows.append(contentsOf: keys.windows)
            fragmentEnds.append(fragmentWindows.count)
            fragmentSlots.append(slot)
            return (slot, replaced)
        }

        /// Sorts and builds what was gathered, on every core, and returns the directory.
        /// - Complexity: O(n log n).
        consuming func finish() -> ContactDirectory {
            let replaced = Set(replacedSlots)
            let isLive = ContactDirectory.liveness(directory.generations, directory.store)
            let isLiveAddress = ContactDirectory.liveness(directory.addressGenerations, directory.store)
            // Pthread mutexes: ThreadSanitizer sees their hand-offs between the jobs (`PthreadMutex`).
            let names = PthreadMutex(directory.nameKeyIndex)
            let addresses = PthreadMutex(directory.emailPrefixIndex)
            let tokens = PthreadMutex(directory.nameTokenIndex)
            directory.nameKeyIndex = CollationKeyIndex()
            directory.emailPrefixIndex = CollationKeyIndex()
            directory.nameTokenIndex = NameTokenIndex()
            let entryLists = [e164Entries, nationalEntries, addressEntries, canonicalEntries]
            e164Entries = []
            nationalEntries = []
            addressEntries = []
            canonicalEntries = []
            let tables = PthreadMutex([RankedSlotTable](repeating: RankedSlotTable(), count: entryLists.count))
            // The fragments of replaced contacts are never added.
            let fragments = PthreadMutex(directory.phoneFragmentIndex)
            directory.phoneFragmentIndex = PhoneFragmentIndex()
            var windows = fragmentWindows, ends = fragmentEnds, slots = fragmentSlots
            fragmentWindows = []
            fragmentEnds = []
            fragmentSlots = []
            if !replaced.isEmpty { Self.dropReplaced(replaced, windows: &windows, ends: &ends, slots: &slots) }
            let (fragmentWindowList, fragmentEndList, fragmentSlotList) = (windows, ends, slots)
            // Largest jobs first; the calling thread takes part.
            DispatchQueue.concurrentPerform(iterations: 4 + entryLists.count) { job in
                switch job {
                case 0: names.withLock { $0.finishBulkAppend(isLive: isLive) }
                case 1: fragments.withLock { $0.bulkInsert(windows: fragmentWindowList, ends: fragmentEndList, slots: fragmentSlotList) }
                case 2: tokens.withLock { $0.finishBulkLoad() }
                case 3: addresses.withLock { $0.finishBulkAppend(isLive: isLiveAddress) }
                default:
                    let list = job - 4
                    let entries = replaced.isEmpty ? entryLists[list] : entryLists[list].filter { !replaced.contains(SlotHashTable.slot(ofEntry: $0)) }
                    // Groups in slot order for now: the tie keys are final once the token index
                    // is (below).
                    let table = RankedSlotTable(bulk: entries)
                    tables.withLock { $0[list] = table }
                }
            }
            directory.nameKeyIndex = names.withLock { Self.take(&$0, leaving: CollationKeyIndex()) }
            directory.emailPrefixIndex = addresses.withLock { Self.take(&$0, leaving: CollationKeyIndex()) }
            directory.nameTokenIndex = tokens.withLock { Self.take(&$0, leaving: NameTokenIndex()) }
            let built = tables.withLock { Self.take(&$0, leaving: []) }
            directory.phoneIndex.byE164 = built[0]
            directory.phoneIndex.byNational = built[1]
            directory.emailIndex.byAddress = built[2]
            directory.emailIndex.byCanonical = built[3]
            // A re-key sorts the groups; without one they are sorted here.
            if !directory.rekeyIDsIfShared() { directory.sortSharedKeyGroups() }
            directory.phoneFragmentIndex = fragments.withLock { Self.take(&$0, leaving: PhoneFragmentIndex()) }
            if !replaced.isEmpty { directory.freeSlots.append(contentsOf: replacedSlots) }
            return directory
        }

        /// Drops the fragment windows of replaced contacts.
        private static func dropReplaced(_ replaced: Set<UInt32>, windows: inout [UInt16], ends: inout [Int], slots: inout [UInt32]) {
            var keptWindows: [UInt16] = [], keptEnds: [Int] = [], keptSlots: [UInt32] = []
            var start = 0
            for (contact, end) in ends.enumerated() {
                if !replaced.contains(slots[contact]) {
                    keptWindows.append(contentsOf: windows[start..<end])
                    keptEnds.append(keptWindows.count)
                    keptSlots.append(slots[contact])
                }
                start = end
            }
            (windows, ends, slots) = (keptWindows, keptEnds, keptSlots)
        }

        /// Moves a value out of a lock's storage.
        private static func take<T>(_ value: inout T, leaving empty: T) -> T {
            var taken = empty
            swap(&taken, &value)
            return taken
        }
    }
}
