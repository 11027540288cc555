extension ContactDirectory {
    /// A query of name words and fewer digits than a fragment search takes ("john 555"): `search`
    /// ranks the name matches of the words (without a fill budget), each 0.05 higher (at most
    /// 0.99) when one of its numbers holds the digits (at least 2 of them), with that number as
    /// the one matched. The best `limit` of them all: a name match that ranks 500th by its name
    /// alone comes first when its number is the only one holding the digits.
    ///
    /// The confirmation is part of the ranking (`TopMatches(confirmingDigits:)`): a candidate's
    /// numbers are checked on its record when it is offered, and every bound at which the name
    /// search stops early is raised by what a confirmation adds, so the walk stops only where
    /// no confirmed match could enter either. Only the `limit` contacts answered are decoded.
    ///
    /// Before, the name search ranked its best 200 by name alone, and the digits re-ranked
    /// those: "52 Lab" scored thousands of contacts to keep 200 of them (1.7 ms at a million
    /// contacts), and a confirmed match ranked past 200 by name was lost.
    /// - Parameters:
    ///   - digits: the query's digits (ASCII), fewer than `PhoneFragmentIndex.minimumDigits`.
    ///   - exhaustive: score every candidate of each tier reached (tests compare).
    ///   - confirmationReads: the most candidates checked for a confirmation
    ///     (`TopMatches.maximumConfirmationReads`; tests compare with no limit).
    func nameMatchesConfirmedByDigits(
        _ digits: [UInt8], names text: String, limit: Int, exhaustive: Bool = false,
        confirmationReads: Int = TopMatches.maximumConfirmationReads
    ) -> [Match] {
        var top = TopMatches(limit: limit, of: self, confirmingDigits: digits, confirmationReads: confirmationReads)
        collectNameMatches(text, exhaustive: exhaustive, fillLimit: nil, into: &top)
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let phone = contact.phones.indices.contains(Int(entry.position)) ? contact.phones[Int(entry.position)] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: phone)
        }
    }
}
