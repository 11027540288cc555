/// An in-memory, indexed directory of contacts that answers "who is this?" by id, phone, email
/// and name, with ranked matches.
///
/// Build it from contacts (`init(_:configuration:)`); every phone and email is normalized once
/// (libphonenumber, UTS #46), and problems are kept in `problems`, never thrown: a bad field never
/// loses the record. Look-ups return `Match` values ordered by `MatchRanking`.
///
/// Storage: each contact lives in a slot, as a compact byte record (`ContactRecordStore`); the
/// `Contact` value is rebuilt only for the matches a look-up returns. Indexes hold slots: ids,
/// phones (E.164 and national number) and emails (address and canonical address) in hash tables
/// that keep no keys (`SlotHashTable`; candidates are confirmed on their record), whole names by
/// ICU collation key (`CollationKeyIndex`), name tokens (`NameTokenIndex`), phone fragments
/// (`PhoneFragmentIndex`) and address prefixes.
///
/// `ContactDirectory` is a value type: a copy is an independent snapshot, safe to read from any
/// thread while another copy is updated. To update while others read, use `LiveDirectory`.
public struct ContactDirectory: Sendable {
    /// The configuration the directory was built with.
    public let configuration: DirectoryConfiguration
    /// The problems found while building the directory, in order. (Problems of later updates
    /// are returned by `upsert`, not kept here, so that a long-lived directory does not grow.)
    public internal(set) var problems: [DirectoryProblem] = []

    let preparer: ContactPreparer
    var store = ContactRecordStore()
    /// Each slot's generation: an entry of the whole-name key index made for the slot is live
    /// while it carries the slot's generation (see `liveness`). Moved on when the contact is
    /// removed or renamed.
    var generations: [UInt32] = []
    /// The same for the address key index (`emailPrefixIndex`): moved on when the contact is
    /// removed or its addresses change, so a rename keeps its address keys and a new address
    /// keeps the whole-name keys.
    var addressGenerations: [UInt32] = []
    var freeSlots: [UInt32] = []
    var ids = SlotHashTable()
    var phoneIndex = PhoneIndex()
    var emailIndex = EmailIndex()
    var nameKeyIndex = CollationKeyIndex()
    var nameTokenIndex = NameTokenIndex()
    var emailPrefixIndex = CollationKeyIndex()
    var phoneFragmentIndex = PhoneFragmentIndex()
    private(set) var contactCount = 0

    /// Builds a directory.
    /// - Parameters:
    ///   - contacts: the records; a later record with an id seen before replaces the earlier one
    ///     (reported as `duplicateID`), and a record without id is skipped (`missingID`).
    ///   - configuration: regions, email options, ranking.
    /// - Complexity: O(n log n); one libphonenumber parse per phone not on the fast path.
    public init(_ contacts: some Sequence<Contact> = [], configuration: DirectoryConfiguration = .init()) {
        let preparer = ContactPreparer(configuration: configuration)
        self.init(prepared: contacts.map { preparer.prepare($0) }, configuration: configuration)
    }

    /// Builds a directory from contacts already prepared (on other threads, by a loader) with a
    /// preparer of the same configuration.
    /// - Complexity: O(n log n).
    public init(prepared: [PreparedContact], configuration: DirectoryConfiguration = .init()) {
        var builder = Builder(configuration: configuration, capacity: prepared.count)
        for item in prepared { builder.add(item) }
        self = builder.finish()
    }

    /// An empty directory, ready for a `Builder`.
    init(emptyWith configuration: DirectoryConfiguration) {
        self.configuration = configuration
        self.preparer = ContactPreparer(configuration: configuration)
        nameTokenIndex.matching = configuration.nameMatching
        // The nickname table is read once per process; read it now, not in the first look-up.
        _ = NicknameTable.shared
    }

    /// The number of contacts.
    public var count: Int { contactCount }

    /// The contact with this id, byte for byte.
    /// - Complexity: O(1) expected.
    public func contact(id: String) -> Contact? {
        // Not `flatMap(storedContact(slot:))`: a method reference takes a copy of the directory.
        guard let slot = slot(of: id) else { return nil }
        return storedContact(slot: slot)
    }

    /// Every contact, in no particular order.
    public var contacts: some Sequence<Contact> {
        (0..<UInt32(store.slotCount)).lazy.compactMap { storedContact(slot: $0) }
    }

    // MARK: Updates

    /// Adds a contact, or replaces the one with the same id. After it returns, every look-up on
    /// this value sees the new version and never the old one. A new version of the same entity
    /// rank is updated in place (`updateInPlace`): only the indexes of the fields that changed
    /// are touched.
    /// - Returns: the problems found in the contact's fields.
    /// - Complexity: O(p + e) hash updates, plus O(log n + b) for the name keys (b: a block of
    ///   `CollationKeyIndex`) and O(t · p) for the t name tokens' posting lists.
    @discardableResult
    public mutating func upsert(_ contact: Contact) -> [DirectoryProblem] {
        upsert(preparer.prepare(contact))
    }

    /// Adds or replaces a contact already prepared with a preparer of this configuration.
    @discardableResult
    public mutating func upsert(_ prepared: PreparedContact) -> [DirectoryProblem] {
        guard prepared.rows.count == 1 else { return prepared.problems }
        let placed: UInt32
        // Which keys the new version needs: all of them, unless an update in place kept some.
        var keys = (names: true, addresses: true)
        if let existing = slot(ofRecordIn: prepared.rows, 0) {
            switch updateInPlace(slot: existing, with: prepared.rows, 0) {
            case .updated(let names, let addresses):
                placed = existing
                keys = (names, addresses)
            case .notInPlace:
                unindex(slot: existing, freeingSlot: false, keepingNameTokens: true)
                placed = place(prepared.rows, 0, into: existing)
            }
        } else {
            placed = place(prepared.rows, 0)
        }
        let slot = placed
        if keys.names {
            let generation = generations[Int(slot)]
            let tie = slotTies.nameKeyTie(slot)
            let live = liveness
            let spellings = prepared.rows.nameSpellings[0]
            for key in prepared.rows.nameKeys(0) {
                nameKeyIndex.insert(key: Array(key), slot: slot, generation: generation, tie: tie, spellings: spellings, isLive: live)
            }
        }
        if keys.addresses {
            let generation = addressGenerations[Int(slot)]
            let live = addressLiveness
            for key in prepared.rows.emailKeys(0) {
                emailPrefixIndex.insert(key: Array(key), slot: slot, generation: generation, isLive: live)
            }
        }
        store.compactIfNeeded()
        return prepared.problems
    }

    /// Removes the contact with this id.
    /// - Returns: the removed contact, or nil when there was none.
    /// - Complexity: O(p + e) hash updates, plus O(t · p) for the name tokens' posting lists.
    @discardableResult
    public mutating func remove(id: String) -> Contact? {
        guard let slot = slot(of: id) else { return nil }
        let removed = storedContact(slot: slot)
        unindex(slot: slot)
        return removed
    }

    /// Removes the contact with this id, as `remove(id:)` does, without decoding it first (a
    /// `LiveDirectory` replaying a removal on its second copy has no use for it).
    /// - Returns: whether there was one.
    @discardableResult
    mutating func discard(id: String) -> Bool {
        guard let slot = slot(of: id) else { return false }
        unindex(slot: slot)
        return true
    }

    /// Puts contact `index` of `rows` in a free slot and adds it to the hash, token and fragment
    /// indexes (collation and address keys are the caller's: bulk loads sort them once). With
    /// `bulk` true the phone and email hash indexes and the phone fragments are left to the
    /// caller too (`ContactDirectory.Builder` builds them at once at the end). With `existing`,
    /// the contact goes into that slot, which `unindex(slot:freeingSlot:keepingNameTokens:)`
    /// emptied without freeing it or touching its name tokens: they are re-indexed by difference.
    mutating func place(_ rows: PreparedRows, _ index: Int, reusingSlots: Bool = true, bulk: Bool = false, into existing: UInt32? = nil) -> UInt32 {
        let slot: UInt32
        if let existing {
            slot = existing
        } else if reusingSlots, let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = UInt32(generations.count)
            generations.append(0)
            addressGenerations.append(0)
        }
        rows.withRecord(index) { store.store(UnsafeRawBufferPointer($0), at: slot) }
        let keys = rows.keys[index]
        ids.insert(hash: keys.id, slot: slot)
        if existing != nil {
            nameTokenIndex.replace(slot: slot, rows: rows, index: index)
        } else {
            nameTokenIndex.insert(slot: slot, rows: rows, index: index)
        }
        if !bulk {
            // After the token index: it holds the entity rank and id key the phone and email
            // indexes order by.
            let ties = slotTies
            phoneIndex.insert(keys, slot: slot, tieKey: ties.groupKey)
            emailIndex.insert(keys, slot: slot, tieKey: ties.groupKey)
            phoneFragmentIndex.insert(keys.windows, slot: slot)
        }
        contactCount += 1
        return slot
    }

    /// Takes a contact out of every index and frees its slot. With `keepingNameTokens`, its name
    /// tokens stay for `place(_:_:into:)` to re-index by difference (the slot must not be freed).
    mutating func unindex(slot: UInt32, freeingSlot: Bool = true, keepingNameTokens: Bool = false) {
        guard let (keys, nameKeyCount) = store.withRecord(slot, { (ContactIndexKeys(record: $0), Self.nameKeyCount(in: $0)) }) else { return }
        ids.remove(hash: keys.id, slot: slot)
        do {
            // Released before the token index is written below.
            let ties = slotTies
            phoneIndex.remove(keys, slot: slot, tieKey: ties.groupKey)
            emailIndex.remove(keys, slot: slot, tieKey: ties.groupKey)
        }
        store.remove(slot)
        retireNameKeys(of: slot, count: nameKeyCount)
        retireAddressKeys(of: slot, count: keys.addresses.count)
        if !keepingNameTokens { nameTokenIndex.remove(slot: slot) }
        let store = self.store
        phoneFragmentIndex.remove(keys.windows, slot: slot) { other in
            store.withRecord(other) { ContactIndexKeys(record: $0).windows }
        }
        contactCount -= 1
        if freeingSlot { freeSlots.append(slot) }
    }

    /// Makes the slot's whole-name keys dead (its generation moves on) and counts the `count`
    /// of them for the index's compaction.
    mutating func retireNameKeys(of slot: UInt32, count: Int) {
        generations[Int(slot)] &+= 1
        nameKeyIndex.noteDead(count)
    }

    /// Makes the slot's address keys dead, as `retireNameKeys` does for its whole-name keys.
    mutating func retireAddressKeys(of slot: UInt32, count: Int) {
        addressGenerations[Int(slot)] &+= 1
        emailPrefixIndex.noteDead(count)
    }

    /// How many whole-name keys a stored record has: its name variants, their umlauts'
    /// spellings (about) and its Latin keys (about).
    static func nameKeyCount(in record: UnsafeRawBufferPointer) -> Int {
        NameVariants.count(in: record) + NameVariants.estimatedTranscribedCount(in: record) + LatinNameKey.estimatedCount(in: record)
    }

    // MARK: Reading records

    /// The slot of the contact with this id (compared byte for byte).
    /// - Complexity: O(1) expected.
    func slot(of id: String) -> UInt32? {
        var id = id
        return id.withUTF8 { bytes in
            let key = UnsafeRawBufferPointer(bytes)
            return slot(ofID: key, hash: SlotHashTable.hash(key))
        }
    }

    /// The slot of the contact with the id of contact `index` in `rows`.
    func slot(ofRecordIn rows: PreparedRows, _ index: Int) -> UInt32? {
        rows.withRecord(index) { record in
            slot(ofID: ContactRecordReader.id(of: UnsafeRawBufferPointer(record)), hash: rows.keys[index].id)
        }
    }

    private func slot(ofID key: UnsafeRawBufferPointer, hash: UInt32) -> UInt32? {
        var found: UInt32? = nil
        ids.forEach(hash: hash) { slot in
            let same = store.withRecord(slot) { ContactRecordReader.id(of: $0).hasSameBytes(as: key) } ?? false
            if same { found = slot }
            return !same
        }
        return found
    }

    /// Whether a whole-name key entry made for `slot` at `generation` still describes the slot's
    /// contact.
    var liveness: (UInt32, UInt32) -> Bool {
        Self.liveness(generations, store)
    }

    /// Whether an address key entry made for `slot` at `generation` still describes the slot's
    /// contact.
    var addressLiveness: (UInt32, UInt32) -> Bool {
        Self.liveness(addressGenerations, store)
    }

    /// Whether an entry made for `slot` at `generation` is live, given the slots' current
    /// generations: a value that may cross threads (bulk loads finish on several).
    static func liveness(_ generations: [UInt32], _ store: ContactRecordStore) -> @Sendable (UInt32, UInt32) -> Bool {
        let live = SlotLiveness(generations: generations, store: store)
        return { slot, generation in live.isLive(slot, generation) }
    }

    /// The contact in a slot, rebuilt from its record.
    /// - Complexity: O(size of the record).
    func storedContact(slot: UInt32) -> Contact? {
        store.withRecord(slot) { ContactRecord.decode($0) }
    }

    /// Whether the id in slot `a` sorts before the id in slot `b` (byte order).
    func idPrecedes(_ a: UInt32, _ b: UInt32) -> Bool {
        Self.idPrecedes(a, b, in: store)
    }

    /// Whether the id in slot `a` of `store` sorts before the id in slot `b` (byte order).
    static func idPrecedes(_ a: UInt32, _ b: UInt32, in store: ContactRecordStore) -> Bool {
        store.withRecord(a) { recordA in
            store.withRecord(b) { recordB in
                ContactRecordReader.id(of: recordA).lexicographicallyPrecedes(ContactRecordReader.id(of: recordB))
            } ?? true
        } ?? false
    }

    /// Approximate heap bytes held by the records and every index.
    public var approximateBytes: Int {
        store.approximateBytes + generations.capacity * 4 + addressGenerations.capacity * 4 + freeSlots.capacity * 4 + ids.approximateBytes
            + phoneIndex.approximateBytes + emailIndex.approximateBytes + nameKeyIndex.approximateBytes
            + nameTokenIndex.approximateBytes + emailPrefixIndex.approximateBytes + phoneFragmentIndex.approximateBytes
    }

    /// Approximate heap bytes of the name indexes alone (tokens and whole-name collation keys).
    public var approximateNameIndexBytes: Int {
        approximateNameIndexBytesByPart.reduce(0) { $0 + $1.bytes }
    }

    /// `approximateNameIndexBytes` part by part, by name: where a name index's memory goes.
    public var approximateNameIndexBytesByPart: [(part: String, bytes: Int)] {
        nameTokenIndex.approximateBytesByPart + [("whole-name collation keys", nameKeyIndex.approximateBytes)]
    }
}
