extension ContactDirectory {
    /// A query of name words and a number or at least `PhoneFragmentIndex.minimumDigits` of its
    /// digits, and no address ("john 5551", "Văn Vân 2771", "smith +44 20 7946 0018"): `search`
    /// ranks the contacts with the number (from 7 digits) or the run of digits (identity
    /// matches: `lookup(phone:)`, `phoneFragmentMatches`) together with the name matches of the
    /// words (the best `max(limit × 20, 200)`, without a fill budget). A contact that is both
    /// scores 0.05 above the better of its two, with the better one's reason and number; a name
    /// match whose number holds the digits but that the identity side did not list (past its
    /// cap) scores 0.05 above its name match, with that number; an identity match that is not
    /// among those name matches is scored on its own against the words (`ownNameMatches`), and
    /// confirmed the same way when they match it as well as the last of them (`confirmOnTheirOwn`).
    /// Each contact comes once, with its best.
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
        phoneFragmentSlots(query.phoneDigits, limit: max(limit * 4, 40)).entries.forEach(keep)
        let names = confirmableNameMatches(query.nameText, limit: limit)
        var top = TopMatches(limit: limit, of: self)
        let store = self.store
        query.phoneDigits.withUnsafeBufferPointer { needle in
            for name in names.entries {
                if let other = identity.removeValue(forKey: name.slot) {
                    let better = other.score >= name.score ? other : name
                    top.offer(slot: name.slot, score: min(0.99, max(other.score, name.score) + 0.05), reason: better.reason, position: Int(better.position))
                } else if needle.count >= 2, let confirming = store.withRecord(name.slot, { Self.firstPhone(in: $0, holding: needle) }) ?? nil {
                    top.offer(slot: name.slot, score: min(0.99, name.score + 0.05), reason: name.reason, position: confirming)
                } else {
                    top.offer(slot: name.slot, score: name.score, reason: name.reason)
                }
            }
        }
        confirmOnTheirOwn(identity, names: query.nameText, atLeast: names.floor, into: &top)
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let phone = contact.phones.indices.contains(Int(entry.position)) ? contact.phones[Int(entry.position)] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: phone)
        }
    }
}
