/// Where one stored phone number lives: the contact's slot and the number's position in its
/// `phones`, and whether it carries an extension.
struct PhonePosting: Hashable, Sendable {
    var slot: UInt32
    var phoneIndex: UInt16
    var hasExtension: Bool
}

/// Hash indexes of stored numbers by their E.164 digits, and by national significant number
/// (for "same national number, other country code" matches).
struct PhoneIndex: Sendable {
    var byE164: [UInt64: PostingList<PhonePosting>] = [:]
    var byNational: [UInt64: PostingList<PhonePosting>] = [:]

    mutating func reserve(_ count: Int) {
        byE164.reserveCapacity(count)
        byNational.reserveCapacity(count)
    }

    /// Indexes the normalized phones of a contact in `slot`.
    /// - Complexity: O(p) in the contact's phones.
    mutating func insert(_ contact: Contact, slot: UInt32) {
        for (index, phone) in contact.phones.enumerated() {
            guard let number = phone.normalized, index <= Int(UInt16.max) else { continue }
            let posting = PhonePosting(slot: slot, phoneIndex: UInt16(index), hasExtension: number.extension != nil)
            byE164.addPosting(posting, for: number.e164Key)
            byNational.addPosting(posting, for: number.nationalKey)
        }
    }

    /// Removes what `insert` added for this contact and slot.
    /// - Complexity: O(p) in the contact's phones (times the postings under a shared key).
    mutating func remove(_ contact: Contact, slot: UInt32) {
        for phone in contact.phones {
            guard let number = phone.normalized else { continue }
            byE164.removePostings(for: number.e164Key) { $0.slot == slot }
            byNational.removePostings(for: number.nationalKey) { $0.slot == slot }
        }
    }

    /// Postings under an E.164 key.
    /// - Complexity: O(1) expected.
    func postings(e164Key: UInt64) -> PostingList<PhonePosting>? { byE164[e164Key] }

    /// Postings under a national-number key.
    /// - Complexity: O(1) expected.
    func postings(nationalKey: UInt64) -> PostingList<PhonePosting>? { byNational[nationalKey] }
}
