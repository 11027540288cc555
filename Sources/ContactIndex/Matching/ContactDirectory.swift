/// An in-memory, indexed directory of contacts that answers "who is this?" by id, phone, email
/// and name, with ranked matches.
///
/// Build it from contacts (`init(_:configuration:)`); every phone and email is normalized once
/// (libphonenumber, UTS #46), and problems are kept in `problems`, never thrown: a bad field never
/// loses the record. Look-ups return `Match` values ordered by `MatchRanking`.
///
/// Storage: contacts live in slots of an array, found by id through a hash map. Indexes hold
/// slots: phones by E.164 and by national number, emails by address and canonical address (hash
/// maps), and whole names by ICU collation key (a sorted array, see `CollationKeyIndex`).
///
/// `ContactDirectory` is a value type: a copy is an independent snapshot, safe to read from any
/// thread while another copy is updated.
public struct ContactDirectory: Sendable {
    /// The configuration the directory was built with.
    public let configuration: DirectoryConfiguration
    /// Problems found while building and updating, in order.
    public private(set) var problems: [DirectoryProblem] = []

    let preparer: ContactPreparer
    var slots: [Contact?] = []
    var generations: [UInt32] = []
    var freeSlots: [UInt32] = []
    var slotByID: [String: UInt32] = [:]
    var phoneIndex = PhoneIndex()
    var emailIndex = EmailIndex()
    var nameKeyIndex = CollationKeyIndex()
    var nameTokenIndex = NameTokenIndex()
    var emailPrefixIndex = CollationKeyIndex()
    var phoneFragmentIndex = PhoneFragmentIndex()

    /// Builds a directory.
    /// - Parameters:
    ///   - contacts: the records; a later record with an id seen before replaces the earlier one
    ///     (reported as `duplicateID`), and a record without id is skipped (`missingID`).
    ///   - configuration: regions, email options, ranking.
    /// - Complexity: O(n log n); one libphonenumber parse per phone.
    public init(_ contacts: some Sequence<Contact> = [], configuration: DirectoryConfiguration = .init()) {
        let preparer = ContactPreparer(configuration: configuration)
        self.init(prepared: contacts.map { preparer.prepare($0) }, configuration: configuration)
    }

    /// Builds a directory from contacts already prepared (on other threads, by a loader).
    /// - Complexity: O(n log n).
    public init(prepared: [PreparedContact], configuration: DirectoryConfiguration = .init()) {
        self.configuration = configuration
        self.preparer = ContactPreparer(configuration: configuration)
        slots.reserveCapacity(prepared.count)
        generations.reserveCapacity(prepared.count)
        slotByID.reserveCapacity(prepared.count)
        phoneIndex.reserve(prepared.count * 2)
        emailIndex.reserve(prepared.count)
        var nameKeys: [(key: [UInt8], slot: UInt32, generation: UInt32)] = []
        nameKeys.reserveCapacity(prepared.count * 2)
        var emailKeys: [(key: [UInt8], slot: UInt32, generation: UInt32)] = []
        nameTokenIndex.beginBulkLoad(capacity: prepared.count)
        for item in prepared {
            problems.append(contentsOf: item.problems)
            guard !item.contact.id.isEmpty else { continue }
            if let existing = slotByID[item.contact.id] {
                problems.append(DirectoryProblem(contactID: item.contact.id, field: "id", value: item.contact.id, kind: .duplicateID))
                unindex(slot: existing)
            }
            let slot = place(item.contact)
            for key in item.nameKeys { nameKeys.append((key, slot, generations[Int(slot)])) }
            indexSearchKeys(item, slot: slot)
            for key in Self.emailPrefixKeys(item.contact) { emailKeys.append((key, slot, generations[Int(slot)])) }
        }
        // Keys of records replaced by a later duplicate died with their slot's generation.
        let live = liveness
        nameKeyIndex.bulkLoad(nameKeys.filter { live($0.slot, $0.generation) })
        emailPrefixIndex.bulkLoad(emailKeys.filter { live($0.slot, $0.generation) })
        nameTokenIndex.finishBulkLoad()
    }

    /// The number of contacts.
    public var count: Int { slotByID.count }

    /// The contact with this id, byte for byte.
    /// - Complexity: O(1) expected.
    public func contact(id: String) -> Contact? {
        slotByID[id].flatMap { slots[Int($0)] }
    }

    /// Every contact, in no particular order.
    public var contacts: some Sequence<Contact> { slots.lazy.compactMap { $0 } }

    // MARK: Updates

    /// Adds a contact, or replaces the one with the same id. After it returns, every look-up on
    /// this value sees the new version and never the old one.
    /// - Returns: the problems found in the contact's fields.
    /// - Complexity: O(p + e) hash updates, plus O(log n + r) for the name keys.
    @discardableResult
    public mutating func upsert(_ contact: Contact) -> [DirectoryProblem] {
        upsert(preparer.prepare(contact))
    }

    /// Adds or replaces a contact already prepared.
    @discardableResult
    public mutating func upsert(_ prepared: PreparedContact) -> [DirectoryProblem] {
        problems.append(contentsOf: prepared.problems)
        guard !prepared.contact.id.isEmpty else { return prepared.problems }
        if let existing = slotByID[prepared.contact.id] { unindex(slot: existing) }
        let slot = place(prepared.contact)
        let generation = generations[Int(slot)]
        let live = liveness
        for key in prepared.nameKeys {
            nameKeyIndex.insert(key: key, slot: slot, generation: generation, isLive: live)
        }
        indexSearchKeys(prepared, slot: slot)
        for key in Self.emailPrefixKeys(prepared.contact) {
            emailPrefixIndex.insert(key: key, slot: slot, generation: generation, isLive: live)
        }
        return prepared.problems
    }

    /// Removes the contact with this id.
    /// - Returns: the removed contact, or nil when there was none.
    /// - Complexity: O(p + e) hash updates.
    @discardableResult
    public mutating func remove(id: String) -> Contact? {
        guard let slot = slotByID[id] else { return nil }
        let removed = slots[Int(slot)]
        unindex(slot: slot)
        return removed
    }

    private mutating func place(_ contact: Contact) -> UInt32 {
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = contact
        } else {
            slot = UInt32(slots.count)
            slots.append(contact)
            generations.append(0)
        }
        slotByID[contact.id] = slot
        phoneIndex.insert(contact, slot: slot)
        emailIndex.insert(contact, slot: slot)
        return slot
    }

    private mutating func unindex(slot: UInt32) {
        guard let old = slots[Int(slot)] else { return }
        phoneIndex.remove(old, slot: slot)
        emailIndex.remove(old, slot: slot)
        slotByID[old.id] = nil
        slots[Int(slot)] = nil
        generations[Int(slot)] &+= 1  // kills the slot's name keys
        nameKeyIndex.noteDead(NameVariants.of(old).count)
        emailPrefixIndex.noteDead(old.emails.count)
        nameTokenIndex.remove(slot: slot)
        phoneFragmentIndex.remove(old, slot: slot)
        freeSlots.append(slot)
    }

    /// Whether an index entry made for `slot` at `generation` still describes the slot's contact.
    var liveness: (UInt32, UInt32) -> Bool {
        { [generations, slots] slot, generation in
            Int(slot) < generations.count && generations[Int(slot)] == generation && slots[Int(slot)] != nil
        }
    }

    func storedContact(slot: UInt32) -> Contact? {
        Int(slot) < slots.count ? slots[Int(slot)] : nil
    }
}
