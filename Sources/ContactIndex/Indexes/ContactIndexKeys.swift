/// The hash-index keys of one contact, read from its record: what `ContactDirectory` adds to its
/// id, phone, email and phone-fragment indexes when the contact comes in, and removes when it
/// goes. Reading them from the record (not from the `Contact`) keeps one source of truth: what
/// was indexed is exactly what removal finds.
struct ContactIndexKeys: Sendable, Hashable {
    /// Hash of the id's bytes.
    var id: UInt32 = 0
    /// Hashes of the normalized phones' E.164 keys.
    var e164: [UInt32] = []
    /// Hashes of the normalized phones' national-number keys.
    var national: [UInt32] = []
    /// Hashes of the normalized addresses.
    var addresses: [UInt32] = []
    /// Hashes of the provider-canonical addresses.
    var canonical: [UInt32] = []
    /// The 4-digit windows of every phone's digits, ascending, each once (see
    /// `PhoneFragmentIndex`).
    var windows: [UInt16] = []

    /// No keys (a contact without a record).
    static let none = ContactIndexKeys()

    private init() {}

    /// The keys of a record.
    /// - Complexity: O(size of the record).
    init(record: UnsafeRawBufferPointer) {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        id = SlotHashTable.hash(header.id)
        let phoneCount = reader.count()
        for _ in 0..<phoneCount {
            let phone = reader.phone()
            if let key = phone.e164Key { Self.addOnce(SlotHashTable.hash(key), to: &e164) }
            if let key = phone.nationalKey { Self.addOnce(SlotHashTable.hash(key), to: &national) }
            phone.withSearchDigits { digits in
                guard digits.count >= PhoneFragmentIndex.minimumDigits else { return }
                for start in 0...(digits.count - PhoneFragmentIndex.minimumDigits) {
                    windows.append(PhoneFragmentIndex.window(digits, at: start))
                }
            }
        }
        windows.sort()
        var unique = 0
        for index in windows.indices where unique == 0 || windows[unique - 1] != windows[index] {
            windows[unique] = windows[index]
            unique += 1
        }
        windows.removeLast(windows.count - unique)
        let emailCount = reader.count()
        for _ in 0..<emailCount {
            let email = reader.email()
            if let hash = email.withAddress({ SlotHashTable.hash($0) }) { Self.addOnce(hash, to: &addresses) }
            if let address = email.canonical { Self.addOnce(SlotHashTable.hash(address), to: &canonical) }
        }
    }

    private static func addOnce(_ hash: UInt32, to list: inout [UInt32]) {
        if !list.contains(hash) { list.append(hash) }
    }
}
