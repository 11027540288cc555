/// Finds stored numbers that contain a run of digits (an agent types the last four digits, or
/// a few digits from the middle): every 4-digit window of every stored number's digits is a key
/// (10,000 buckets of slots); a query's last 4 digits pick one bucket, whose contacts are then
/// checked for the whole run.
///
/// Digits are the E.164 digits of a parsed number, or the raw digits of one that did not parse.
/// Postings are exact (a removed contact's slot leaves its buckets).
struct PhoneFragmentIndex: Sendable {
    /// The shortest run of digits searched.
    static let minimumDigits = 4

    private var buckets: [[UInt32]] = Array(repeating: [], count: 10_000)

    /// The digits a number is searched by.
    static func digits(of phone: ContactPhone) -> [UInt8] {
        if let e164 = phone.normalized?.e164 { return e164.utf8.filter { $0 >= 48 && $0 <= 57 } }
        return phone.raw.utf8.filter { $0 >= 48 && $0 <= 57 }
    }

    private static func windows(of contact: Contact) -> Set<Int> {
        var keys = Set<Int>()
        for phone in contact.phones {
            let digits = Self.digits(of: phone)
            guard digits.count >= minimumDigits else { continue }
            for start in 0...(digits.count - minimumDigits) {
                keys.insert(key(digits[start..<(start + minimumDigits)]))
            }
        }
        return keys
    }

    @inline(__always)
    private static func key(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// Makes the bucket table own its storage (see `ContactDirectory.independentCopy`); the
    /// buckets themselves are copied when first written.
    mutating func makeStorageUnique() { buckets.reserveCapacity(buckets.count) }

    /// Indexes a contact's numbers under its slot.
    /// - Complexity: O(d) in the contact's digits.
    mutating func insert(_ contact: Contact, slot: UInt32) {
        for key in Self.windows(of: contact) { buckets[key].append(slot) }
    }

    /// Removes what `insert` added.
    /// - Complexity: O(d · b) for buckets of b slots.
    mutating func remove(_ contact: Contact, slot: UInt32) {
        for key in Self.windows(of: contact) {
            if let position = buckets[key].firstIndex(of: slot) { buckets[key].remove(at: position) }
        }
    }

    /// The slots whose numbers may contain `digits` (at least 4 ASCII digits): the bucket of
    /// their last four. Callers check each.
    /// - Complexity: O(1).
    func candidates(containing digits: [UInt8]) -> [UInt32] {
        guard digits.count >= Self.minimumDigits else { return [] }
        return buckets[Self.key(digits[(digits.count - Self.minimumDigits)...])]
    }
}
