import Dispatch
import Synchronization

extension ContactDirectory {
    /// Re-keys every slot's id key (`NameTokenIndex.idPrefixes`, which orders equal matches
    /// without reading their records) to the lead of `skip` bytes in the top of `lead` (see
    /// `NameTokenIndex.idKey(head:tail:skip:lead:)`), and puts what is kept in id-key order back
    /// in order.
    ///
    /// Called when a load ends, with the lead most ids share (`commonIDLead`). An id that arrives
    /// later without that lead changes no key: it only gets a coarser key of its own.
    /// - Complexity: O(n) record reads, and the sorts of equal keys.
    mutating func rekeyIDs(skip: Int, lead: UInt64) {
        let store = self.store
        nameTokenIndex.rekeyIDs(skip: skip, lead: lead) { slot in
            store.withRecord(slot) { record in
                let id = ContactRecordReader.id(of: record)
                return (NameTokenIndex.idBytes(id, from: 0), NameTokenIndex.idBytes(id, from: 8))
            }
        }
        // The namesakes' order in the collation-key index follows the id keys, and so does that
        // of the contacts sharing a number or an address.
        let ties = slotTies
        nameKeyIndex.retie(ties.nameKeyTie)
        sortSharedKeyGroups()
    }

    /// How many ids a lead is chosen from (`commonIDLead`), spread evenly over the slots.
    static let leadSampleSize = 1_024

    /// The longest lead (up to 8 bytes) that more than half of the ids start with, from a
    /// sample of them, or nil for an empty directory: ids that share their first bytes (a CRM's
    /// key prefix and instance) are then keyed by the bytes that tell them apart, and the ids of
    /// another scheme (a CRM's leads beside its contacts, ids of a second source) by their own
    /// first bytes.
    /// - Complexity: O(s) record reads for a sample of s ids.
    func commonIDLead() -> (skip: Int, lead: UInt64)? {
        let slots = store.slotCount
        guard slots > 0 else { return nil }
        let step = max(1, slots / Self.leadSampleSize)
        var heads: [UInt64] = []
        heads.reserveCapacity(Self.leadSampleSize + 1)
        for slot in stride(from: 0, to: slots, by: step) {
            if let head = store.withRecord(UInt32(slot), { NameTokenIndex.idBytes(ContactRecordReader.id(of: $0), from: 0) }) { heads.append(head) }
        }
        guard !heads.isEmpty else { return nil }
        for count in stride(from: 8, through: 1, by: -1) {
            var tally: [UInt64: Int] = [:]
            for head in heads { tally[NameTokenIndex.leadBytes(head, count: count), default: 0] += 1 }
            if let (lead, seen) = tally.max(by: { $0.value < $1.value }), seen * 2 > heads.count { return (count, lead) }
        }
        return (0, 0)
    }

    /// Puts the contacts sharing a number or an address in tie order, the four tables on every
    /// core.
    mutating func sortSharedKeyGroups() {
        let ties = slotTies
        // Pthread mutexes: ThreadSanitizer sees their hand-offs between the jobs (`PthreadMutex`).
        let tables = PthreadMutex([phoneIndex.byE164, phoneIndex.byNational, emailIndex.byAddress, emailIndex.byCanonical])
        phoneIndex.byE164 = RankedSlotTable()
        phoneIndex.byNational = RankedSlotTable()
        emailIndex.byAddress = RankedSlotTable()
        emailIndex.byCanonical = RankedSlotTable()
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            var table = RankedSlotTable()
            tables.withLock { swap(&table, &$0[job]) }
            table.sortGroups(by: ties.groupKey)
            tables.withLock { swap(&table, &$0[job]) }
        }
        let sorted = tables.withLock { $0 }
        (phoneIndex.byE164, phoneIndex.byNational) = (sorted[0], sorted[1])
        (emailIndex.byAddress, emailIndex.byCanonical) = (sorted[2], sorted[3])
    }

    /// The tie values of every slot as they stand (see `SlotTies` for how long to keep them).
    var slotTies: SlotTies { SlotTies(nameTokenIndex) }

    /// Re-keys the ids to the lead most of them share (`commonIDLead`), when that is not the
    /// lead they have.
    /// - Returns: whether it re-keyed.
    @discardableResult
    mutating func rekeyIDsIfShared() -> Bool {
        guard let (skip, lead) = commonIDLead(),
            skip != nameTokenIndex.idKeySkip || NameTokenIndex.leadBytes(lead, count: skip) != nameTokenIndex.idKeyLead
        else { return false }
        rekeyIDs(skip: skip, lead: lead)
        return true
    }
}
