extension ContactDirectory {
    /// A query of name words and a number or at least `PhoneFragmentIndex.minimumDigits` of its
    /// digits, and no address ("john 5551", "Văn Vân 2771", "smith +44 20 7946 0018"): `search`
    /// ranks the contacts with the number (from 7 digits) or the run of digits (identity
    /// matches: `lookup(phone:)`, and the first `max(limit × 4, digitHolderCount)` contacts of
    /// `phoneFragmentMatches`) together with the name matches of the words (the best
    /// `max(limit × 20, 200)`, without a fill budget). A contact that is both scores 0.05 above
    /// the better of its two, with the better one's reason and number. Both are found two ways:
    /// - each of the first `confirmableNameCount` name matches is checked on its numbers: one
    ///   that holds the digits is a fragment match too, whether or not the identity side
    ///   listed it (its fragment matches are cut at their cap in entity and id order, which
    ///   says nothing of the name);
    /// - an identity match that is not among those name matches is scored on its own against
    ///   the words (`ownNameMatches`), and is both when they match it as well as the last of
    ///   those name matches (`confirmOnTheirOwn`).
    ///
    /// Each contact comes once, with its best.
    ///
    /// Why both ways, at sizes that do not grow with the limit up to 10 (names) and 64 (digit
    /// holders): a lead "Nicholas McGlenn" whose number holds "9095" came after 40 contacts'
    /// numbers holding it too, so at limit 10 the identity side (then the first 40) missed him,
    /// and the name side confirmed him only to his name's 0.81 + 0.05, under the fragment
    /// matches' 0.89: "Nicholas 9095" did not list him, and listed him first at limit 30. And
    /// the name side's size (20 × the limit) decided which contacts were confirmed, so that a
    /// query's first 3 changed with the limit ("Mary 1010" found "Maria Julia Fernandes" at
    /// limit 30 only). The answer is the same at every limit up to 64 as long as at most
    /// `digitHolderCount` contacts hold the digits; past that, a contact holding them whose
    /// name ties with the 200th name match and is listed after it may be missed.
    ///
    /// Both sides are merged on slots and ranked there (`TopMatches`: the ranking's order), and
    /// only the `limit` contacts answered are decoded. Before, the 200 name matches and the
    /// identity matches were decoded and sorted as whole contacts: half of such a query's time
    /// ("N. 81135" 2.6 ms at a million contacts). The contacts, scores, reasons and numbers are
    /// those of the merge on whole contacts.
    func numberAndNameMatches(_ query: FreeTextQuery, limit: Int) -> [Match] {
        // Each contact's best identity match: the first of equals, the number's before the
        // fragment's.
        var identity: [UInt32: TopMatches.Entry] = [:]
        func keep(_ entry: TopMatches.Entry) {
            if let kept = identity[entry.slot], kept.score >= entry.score { return }
            identity[entry.slot] = entry
        }
        if let phoneText = query.phoneText, query.phoneDigits.count >= 7, let numbers = rankPhoneMatches(phoneText, region: nil, limit: limit * 4) {
            numbers.entries.forEach(keep)
        }
        phoneFragmentSlots(query.phoneDigits, limit: max(limit * 4, Self.digitHolderCount)).entries.forEach(keep)
        let names = confirmableNameMatches(query.nameText, limit: limit)
        // The floor of the name matches listed at limit 10, at every limit.
        let floor = names.floor(ofFirst: Self.confirmableNameCount)
        var top = TopMatches(limit: limit, of: self)
        let store = self.store
        let fragment = MatchReason.phoneFragment.baseScore
        query.phoneDigits.withUnsafeBufferPointer { needle in
            for (rank, name) in names.entries.enumerated() {
                // Past the first 200, a name match is what it is (an identity match it also is
                // stays for `confirmOnTheirOwn`, as at limit 10).
                guard rank < Self.confirmableNameCount else {
                    top.offer(slot: name.slot, score: name.score, reason: name.reason)
                    continue
                }
                if let other = identity.removeValue(forKey: name.slot) {
                    let better = other.score >= name.score ? other : name
                    top.offer(slot: name.slot, score: min(0.99, max(other.score, name.score) + 0.05), reason: better.reason, position: Int(better.position))
                } else if needle.count >= 2, let confirming = store.withRecord(name.slot, { Self.firstPhone(in: $0, holding: needle) }) ?? nil {
                    // Its number holds the digits: a fragment match past the identity side's cap.
                    let reason = fragment >= name.score ? MatchReason.phoneFragment : name.reason
                    top.offer(slot: name.slot, score: min(0.99, max(fragment, name.score) + 0.05), reason: reason, position: confirming)
                } else {
                    top.offer(slot: name.slot, score: name.score, reason: name.reason)
                }
            }
        }
        confirmOnTheirOwn(identity, names: query.nameText, atLeast: floor, into: &top)
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let phone = contact.phones.indices.contains(Int(entry.position)) ? contact.phones[Int(entry.position)] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: phone)
        }
    }

    /// The fewest contacts holding a query's digits that a query of name words and digits
    /// takes from the fragment search (`numberAndNameMatches`), the first in entity and id
    /// order: the same ones at every limit up to 64.
    ///
    /// Why 256: each is a record read and, unless the name side lists it, a token-list read
    /// (`ownNameMatches`), about a microsecond in all at a million contacts, paid only by
    /// queries with both digits and name words. A 4-digit run is held by a few dozen contacts
    /// in 30,000 (47 for "9095", 193 for "1234" in a generated directory), so the answer there
    /// is exact; at a million, a common 4-digit run is held by thousands and the bound applies.
    static let digitHolderCount = 256
}
