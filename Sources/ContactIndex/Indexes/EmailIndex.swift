/// Where one stored email lives: the contact's slot and the address's position in its `emails`.
struct EmailPosting: Hashable, Sendable {
    var slot: UInt32
    var emailIndex: UInt16
}

/// Hash indexes of stored addresses: by normalized address, and by provider-canonical address.
struct EmailIndex: Sendable {
    var byAddress: [String: PostingList<EmailPosting>] = [:]
    var byCanonical: [String: PostingList<EmailPosting>] = [:]

    mutating func reserve(_ count: Int) {
        byAddress.reserveCapacity(count)
    }

    /// Indexes the normalized emails of a contact in `slot`.
    /// - Complexity: O(e) in the contact's emails.
    mutating func insert(_ contact: Contact, slot: UInt32) {
        for (index, email) in contact.emails.enumerated() {
            guard let address = email.normalized, index <= Int(UInt16.max) else { continue }
            let posting = EmailPosting(slot: slot, emailIndex: UInt16(index))
            byAddress.addPosting(posting, for: address.address)
            if let canonical = address.canonicalAddress { byCanonical.addPosting(posting, for: canonical) }
        }
    }

    /// Removes what `insert` added for this contact and slot.
    mutating func remove(_ contact: Contact, slot: UInt32) {
        for email in contact.emails {
            guard let address = email.normalized else { continue }
            byAddress.removePostings(for: address.address) { $0.slot == slot }
            if let canonical = address.canonicalAddress {
                byCanonical.removePostings(for: canonical) { $0.slot == slot }
            }
        }
    }

    /// Postings under a normalized address.
    func postings(address: String) -> PostingList<EmailPosting>? { byAddress[address] }

    /// Postings under a canonical key: stored canonical forms, and stored addresses that are
    /// already canonical.
    func postings(canonical: String) -> [EmailPosting] {
        (byCanonical[canonical]?.postings ?? []) + (byAddress[canonical]?.postings ?? [])
    }
}
