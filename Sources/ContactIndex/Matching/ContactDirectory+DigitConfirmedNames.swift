extension ContactDirectory {
    /// A query of name words and fewer digits than a fragment search takes ("john 555"): `search`
    /// ranks the name matches of the words (the best `max(limit × 20, 200)`, without a fill
    /// budget), each 0.05 higher (at most 0.99) when one of its numbers holds the digits (at least
    /// 2 of them), with that number as the one matched.
    ///
    /// The numbers are checked on the records and the matches ranked on their slots
    /// (`TopMatches`: the ranking's order); only the `limit` contacts answered are decoded.
    /// "john 555" decoded its 200 name matches and sorted them as whole contacts (0.75 ms at a
    /// million contacts). The contacts, scores, reasons and matched numbers are those of the
    /// merge on whole contacts.
    /// - Parameter digits: the query's digits (ASCII), fewer than `PhoneFragmentIndex.minimumDigits`.
    func nameMatchesConfirmedByDigits(_ digits: [UInt8], names text: String, limit: Int) -> [Match] {
        let names = confirmableNameMatches(text, limit: limit)
        var top = TopMatches(limit: limit, of: self)
        let store = self.store
        digits.withUnsafeBufferPointer { needle in
            for name in names.entries {
                // The first number of the record that holds the digits, if any.
                let confirming = needle.count >= 2 ? store.withRecord(name.slot, { Self.firstPhone(in: $0, holding: needle) }) ?? nil : nil
                if let confirming {
                    top.offer(slot: name.slot, score: min(0.99, name.score + 0.05), reason: name.reason, position: confirming)
                } else {
                    top.offer(slot: name.slot, score: name.score, reason: name.reason)
                }
            }
        }
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let phone = contact.phones.indices.contains(Int(entry.position)) ? contact.phones[Int(entry.position)] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: phone)
        }
    }
}
