/// The hash-index keys of one contact, read from its record: what `ContactDirectory` adds to its
/// id, phone, email and phone-fragment indexes when the contact comes in, and removes when it
/// goes. Reading them from the record (not from the `Contact`) keeps one source of truth: what
/// was indexed is exactly what removal finds.
///
/// Layout: every hash in one array (the id's, then the E.164 keys', the national numbers', the
/// addresses', the canonical addresses'), with counts; two allocations a contact.
struct ContactIndexKeys: Sendable, Hashable {
    private var hashes: [UInt32] = []
    private var e164Count: UInt32 = 0
    private var nationalCount: UInt32 = 0
    private var addressCount: UInt32 = 0
    /// The 4-digit windows of every phone's digits, ascending, each once (see
    /// `PhoneFragmentIndex`).
    private(set) var windows: [UInt16] = []

    /// Hash of the id's bytes.
    var id: UInt32 { hashes.first ?? 0 }
    /// Hashes of the normalized phones' E.164 keys.
    var e164: ArraySlice<UInt32> { hashes[1..<(1 + Int(e164Count))] }
    /// Hashes of the normalized phones' national-number keys.
    var national: ArraySlice<UInt32> {
        let start = 1 + Int(e164Count)
        return hashes[start..<(start + Int(nationalCount))]
    }
    /// Hashes of the normalized addresses.
    var addresses: ArraySlice<UInt32> {
        let start = 1 + Int(e164Count) + Int(nationalCount)
        return hashes[start..<(start + Int(addressCount))]
    }
    /// Hashes of the provider-canonical addresses.
    var canonical: ArraySlice<UInt32> {
        hashes[(1 + Int(e164Count) + Int(nationalCount) + Int(addressCount))...]
    }

    /// No keys (a contact without a record).
    static let none = ContactIndexKeys()

    private init() {}

    /// The keys of a record.
    /// - Complexity: O(size of the record). One pass over the phones: their national keys and
    ///   fragment windows wait in temporary buffers (on the stack for a contact's few numbers);
    ///   the windows are allocated once (more often for a contact with many numbers), the hashes
    ///   once unless the contact has many numbers or addresses.
    init(record: UnsafeRawBufferPointer) {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        let phoneCount = reader.count()
        hashes.reserveCapacity(max(8, 4 + 2 * phoneCount))  // the id, two keys a phone, an address or two
        hashes.append(SlotHashTable.hash(header.id))
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(phoneCount, 1)) { nationalBuffer in
            var nationalCount = 0
            var e164Keys = SectionDeduplicator(start: 1)
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: Self.windowBufferSize) { windowBuffer in
                var windowCount = 0
                var gathered: [UInt16] = []  // windows the buffer could not hold, then all of them
                for _ in 0..<phoneCount {
                    let phone = reader.phone()
                    if let key = phone.e164Key { e164Keys.add(SlotHashTable.hash(key), to: &hashes) }
                    if let key = phone.nationalKey {
                        nationalBuffer[nationalCount] = SlotHashTable.hash(key)
                        nationalCount += 1
                    }
                    phone.withSearchDigits { digits in
                        guard digits.count >= PhoneFragmentIndex.minimumDigits else { return }
                        for start in 0...(digits.count - PhoneFragmentIndex.minimumDigits) {
                            if windowCount == Self.windowBufferSize {
                                gathered.append(contentsOf: windowBuffer[0..<windowCount])
                                windowCount = 0
                            }
                            windowBuffer[windowCount] = PhoneFragmentIndex.window(digits, at: start)
                            windowCount += 1
                        }
                    }
                }
                gathered.append(contentsOf: windowBuffer[0..<windowCount])  // one allocation for a few numbers
                gathered.sortAndDropRepeats()
                windows = gathered
            }
            e164Count = UInt32(hashes.count - 1)
            var nationalKeys = SectionDeduplicator(start: hashes.count)
            for index in 0..<nationalCount { nationalKeys.add(nationalBuffer[index], to: &hashes) }
            self.nationalCount = UInt32(hashes.count - 1 - Int(e164Count))
        }
        let emailCount = reader.count()
        let addressStart = hashes.count
        var addresses = SectionDeduplicator(start: addressStart)
        var canonicals: [UInt32] = []
        var canonicalKeys = SectionDeduplicator(start: 0)
        for _ in 0..<emailCount {
            let email = reader.email()
            if let hash = email.withAddress({ SlotHashTable.hash($0) }) { addresses.add(hash, to: &hashes) }
            if let address = email.canonical { canonicalKeys.add(SlotHashTable.hash(address), to: &canonicals) }
        }
        addressCount = UInt32(hashes.count - addressStart)
        hashes.append(contentsOf: canonicals)
    }

    /// The windows a contact's numbers fill before they spill to the heap (four numbers of
    /// 15 digits, or more shorter ones).
    private static let windowBufferSize = 64

    /// Appends hashes to the section of a list from `start` on, each once: a linear check while
    /// the section is short (a contact's one or two numbers), a set once it is long (a cell of
    /// thousands of values must not cost their square).
    private struct SectionDeduplicator {
        let start: Int
        private var seen: Set<UInt32>? = nil
        /// Sections up to this long are searched linearly.
        private static let linearLimit = 16

        init(start: Int) { self.start = start }

        mutating func add(_ hash: UInt32, to list: inout [UInt32]) {
            if seen == nil {
                if list.count - start < Self.linearLimit {
                    if !list[start...].contains(hash) { list.append(hash) }
                    return
                }
                seen = Set(list[start...])
            }
            if seen!.insert(hash).inserted { list.append(hash) }
        }
    }
}
