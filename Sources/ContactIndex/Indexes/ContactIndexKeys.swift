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
    /// - Complexity: O(size of the record).
    init(record: UnsafeRawBufferPointer) {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        hashes.reserveCapacity(8)
        hashes.append(SlotHashTable.hash(header.id))
        let phoneCount = reader.count()
        let phones = reader  // a second pass reads the national keys
        var windowCount = 0
        var e164Keys = SectionDeduplicator(start: 1)
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 64) { windowBuffer in
            for _ in 0..<phoneCount {
                let phone = reader.phone()
                if let key = phone.e164Key { e164Keys.add(SlotHashTable.hash(key), to: &hashes) }
                phone.withSearchDigits { digits in
                    guard digits.count >= PhoneFragmentIndex.minimumDigits else { return }
                    for start in 0...(digits.count - PhoneFragmentIndex.minimumDigits) {
                        if windowCount == 64 {
                            windows.append(contentsOf: windowBuffer[0..<windowCount])
                            windowCount = 0
                        }
                        windowBuffer[windowCount] = PhoneFragmentIndex.window(digits, at: start)
                        windowCount += 1
                    }
                }
            }
            windows.append(contentsOf: windowBuffer[0..<windowCount])
        }
        e164Count = UInt32(hashes.count - 1)
        var again = phones
        var nationalKeys = SectionDeduplicator(start: hashes.count)
        for _ in 0..<phoneCount {
            if let key = again.phone().nationalKey { nationalKeys.add(SlotHashTable.hash(key), to: &hashes) }
        }
        nationalCount = UInt32(hashes.count - 1 - Int(e164Count))
        if windows.count > 1 {
            windows.sort()
            var unique = 1
            for index in 1..<windows.count where windows[unique - 1] != windows[index] {
                windows[unique] = windows[index]
                unique += 1
            }
            windows.removeLast(windows.count - unique)
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
