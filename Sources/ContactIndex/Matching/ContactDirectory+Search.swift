extension ContactDirectory {
    /// Searches the directory with free text, as an agent types it in a search box (what the
    /// `zcc-contact-search-event` carries): a phone number or at least 4 of its digits, an email
    /// address or its start, a name, or a mix ("john 555").
    ///
    /// Ranking follows `MatchReason` on one scale: identity matches first (the same number,
    /// `phoneFragment` for a run of 4+ digits found as a suffix or infix of a stored number,
    /// the same address, `emailPrefix`), then the name ranking of `lookup(fuzzyName:)`. In a
    /// mixed query, a contact that matches both the identity part and the name part scores
    /// 0.05 above the better of its two matches (capped at 0.99); digits too short to search
    /// alone ("john 555") still confirm name matches whose number contains them.
    /// - Parameters:
    ///   - text: the query; empty or whitespace-only text gives no results (not an error).
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches.
    /// - Complexity: a name query costs what `lookup(fuzzyName:)` costs; a digit run costs
    ///   O(b + c) for the b numbers of its rarest 4-digit window and the c numbers of a second
    ///   window that drops most of them (`PhoneFragmentIndex.candidateBuckets`); an email
    ///   prefix O(log n + m).
    public func search(_ text: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        let query = FreeTextQuery(text)
        guard limit > 0, !query.isEmpty else { return [] }
        if query.phoneText == nil, query.emailText == nil {
            let names = lookup(fuzzyName: query.nameText, limit: limit)
            guard let word = query.bareEmailWord, !names.isFull(limit, atLeast: Self.bareEmailPrefixScore) else { return names }
            return configuration.ranking.rank(names + bareEmailPrefixMatches(word, cap: limit * 4), limit: limit)
        }

        var identity: [Match] = []
        if let phoneText = query.phoneText {
            if query.phoneDigits.count >= 7 { identity += lookup(phone: phoneText, limit: limit * 4) }
            identity += phoneFragmentMatches(query.phoneDigits, limit: max(limit * 4, 40))
        }
        if let email = query.emailText {
            if query.emailIsComplete { identity += lookup(email: email, limit: limit * 4) }
            // Alone in the query, only the best `limit` of them can be answered.
            let alone = query.phoneText == nil && query.nameText.isEmpty
            identity += emailPrefixMatches(email, cap: max(limit * 50, 500), best: alone ? limit : nil)
        }
        var names: [Match] = []
        if !query.nameText.isEmpty {
            var top = TopMatches(limit: max(limit * 20, 200), of: self)
            // No fill budget: a weak name match that the number or address confirms may rank
            // first, so every one is looked for.
            collectNameMatches(query.nameText, fillLimit: nil, into: &top)
            names = matches(from: top)
        }
        guard !names.isEmpty, query.phoneText != nil || !identity.isEmpty else {
            return configuration.ranking.rank(identity + names, limit: limit)
        }
        // Mixed: confirm each side by the other.
        var bestIdentity: [String: Match] = [:]
        for match in identity where (bestIdentity[match.contact.id]?.score ?? -1) < match.score { bestIdentity[match.contact.id] = match }
        var combined: [Match] = []
        for var match in names {
            if let other = bestIdentity.removeValue(forKey: match.contact.id) {
                var both = other.score >= match.score ? other : match
                both.score = min(0.99, max(other.score, match.score) + 0.05)
                combined.append(both)
            } else if query.phoneDigits.count >= 2,
                      let phone = match.contact.phones.first(where: {
                          PhoneFragmentIndex.searchDigits(of: $0).withUnsafeBufferPointer { Self.contains($0, needle: query.phoneDigits) }
                      }) {
                match.score = min(0.99, match.score + 0.05)
                match.matchedPhone = phone
                combined.append(match)
            } else {
                combined.append(match)
            }
        }
        combined += bestIdentity.values
        return configuration.ranking.rank(combined, limit: limit)
    }

    /// Contacts with a number containing `digits` (at least 4), the best `limit` of them in
    /// ranking order (entity priority, then id), confirmed on their records. At most
    /// `maximumExamined` candidates are checked: a run of digits that a large share of the
    /// directory has ("1650") is no way to find one person.
    private func phoneFragmentMatches(_ digits: [UInt8], limit: Int) -> [Match] {
        guard digits.count >= PhoneFragmentIndex.minimumDigits else { return [] }
        var top = TopMatches(limit: limit, of: self)
        var examined = 0
        let (candidates, filterBucket) = phoneFragmentIndex.candidateBuckets(containing: digits, slotCount: store.slotCount)
        // A candidate missing from a second window's bucket cannot hold the digits: it is dropped
        // there, its record unread. A record read is a cache miss or two, and a 7-digit query
        // read 1,000–3,000 of them at a million contacts, nearly all no match (p50 370 µs).
        let filter = filterBucket.map { bucket in
            var set = SmallIDMap(capacity: bucket.count)
            for slot in bucket { set.insert(slot) }
            return set
        }
        digits.withUnsafeBufferPointer { needle in
            for slot in candidates where filter?.contains(slot) ?? true {
                examined += 1
                if examined > Self.maximumExamined { break }
                // Every match scores the same: once the results are full, a candidate that ranks
                // below the last one (entity, then id key) cannot enter, whatever its record
                // holds, and is not read. A common 4-digit run ("1201", one window, nothing to
                // filter with) read all of its 50,000 records at a million contacts.
                if top.excludes(slot: slot, bestScore: MatchReason.phoneFragment.baseScore) { continue }
                let matches = store.withRecord(slot) { record in
                    var reader = ContactRecordReader(record)
                    reader.skipHeader()
                    for _ in 0..<reader.count() where reader.phone().withSearchDigits({ Self.contains($0, needle) }) { return true }
                    return false
                } ?? false
                if matches { top.offer(slot: slot, score: MatchReason.phoneFragment.baseScore, reason: .phoneFragment) }
            }
        }
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot),
                  let phone = contact.phones.first(where: { PhoneFragmentIndex.searchDigits(of: $0).withUnsafeBufferPointer { Self.contains($0, needle: digits) } })
            else { return nil }
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: phone)
        }
    }

    /// The most candidates a fragment or prefix search checks.
    static let maximumExamined = 50_000

    /// Contacts with an address starting with `prefix` (lower-cased), among the first `cap`
    /// addresses in order; with `best`, only the best `best` of those contacts by the ranking.
    ///
    /// With `best` and an ASCII prefix, a contact's ASCII addresses are checked on its record,
    /// and only the contacts kept are decoded: "info@" decoded 500 contacts to answer with 10
    /// (1.1 ms at a million contacts). A contact with a non-ASCII address is decoded and
    /// checked as a `String`, where characters, not bytes, make a prefix.
    private func emailPrefixMatches(_ prefix: String, cap: Int, best: Int? = nil) -> [Match] {
        let lower = Array(prefix.utf8)
        guard !lower.isEmpty else { return [] }
        /// The first of a contact's emails whose normalized address starts with `prefix`.
        func firstMatch(in contact: Contact) -> (position: Int, reason: MatchReason)? {
            guard let position = contact.emails.firstIndex(where: { $0.normalized?.address.hasPrefix(prefix) == true }) else { return nil }
            return (position, contact.emails[position].normalized?.address == prefix ? .exactEmail : .emailPrefix)
        }
        guard let best, lower.allSatisfy({ $0 < 0x80 }) else {
            var out: [Match] = []
            emailPrefixIndex.forEachInRange(lower: lower, upper: lower + [0xFF], limit: cap, isLive: addressLiveness) { slot in
                guard let contact = storedContact(slot: slot), let (position, reason) = firstMatch(in: contact) else { return }
                out.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedEmail: contact.emails[position]))
            }
            return best.map { configuration.ranking.rank(out, limit: $0) } ?? out
        }
        var top = TopMatches(limit: best, of: self)
        lower.withUnsafeBytes { prefixBytes in
            emailPrefixIndex.forEachInRange(lower: lower, upper: lower + [0xFF], limit: cap, isLive: addressLiveness) { slot in
                let found = store.withRecord(slot) { Self.firstASCIIEmailMatch(in: $0, prefix: prefixBytes) } ?? .none
                switch found {
                case .none:
                    return
                case .at(let position, let exact):
                    let reason: MatchReason = exact ? .exactEmail : .emailPrefix
                    top.offer(slot: slot, score: reason.baseScore, reason: reason, position: position)
                case .undecided:
                    guard let contact = storedContact(slot: slot), let (position, reason) = firstMatch(in: contact) else { return }
                    top.offer(slot: slot, score: reason.baseScore, reason: reason, position: position)
                }
            }
        }
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot), contact.emails.indices.contains(Int(entry.position)) else { return nil }
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedEmail: contact.emails[Int(entry.position)])
        }
    }

    /// What a record says of an ASCII prefix (`emailPrefixMatches`).
    private enum EmailPrefixCheck {
        /// No email of the contact starts with it.
        case none
        /// The email at `position` is the first that starts with it; `exact`: it is the whole
        /// address.
        case at(position: Int, exact: Bool)
        /// A non-ASCII address comes first: the contact is checked decoded.
        case undecided
    }

    /// The first email of a record whose normalized address starts with the ASCII `prefix`,
    /// read on the record. An address of ASCII bytes starts with an ASCII prefix as a `String`
    /// exactly when its bytes do; any other address leaves the answer to the decoded contact.
    private static func firstASCIIEmailMatch(in record: UnsafeRawBufferPointer, prefix: UnsafeRawBufferPointer) -> EmailPrefixCheck {
        var reader = ContactRecordReader(record)
        reader.skipHeader()
        reader.skipPhones()
        for position in 0..<reader.count() {
            let email = reader.email()
            guard email.isNormalized else { continue }
            func isASCII(_ bytes: UnsafeRawBufferPointer?) -> Bool { bytes?.allSatisfy { $0 < 0x80 } ?? true }
            let ascii = email.address != nil ? isASCII(email.address) : isASCII(email.localPart) && isASCII(email.asciiDomain)
            guard ascii else { return .undecided }
            if email.addressStarts(with: prefix) { return .at(position: position, exact: email.addressEquals(prefix)) }
        }
        return .none
    }

    /// The score of an address whose local part starts with a one-word query without being
    /// it ("moha" of "mohammed@…"): below every name match but fuzzy ones, since a few letters
    /// typed alone are more often a name's start than a user name's.
    static let bareEmailPrefixScore = 0.62

    /// Contacts with an address whose local part starts with `word` (a one-word query, see
    /// `FreeTextQuery.bareEmailWord`), the first `cap` addresses in order: `emailPrefix` at its
    /// base score when the word is the whole local part ("jsmith2" of "jsmith2@…"), else
    /// `bareEmailPrefixScore`.
    private func bareEmailPrefixMatches(_ word: String, cap: Int) -> [Match] {
        emailPrefixMatches(word, cap: cap).map { match in
            var match = match
            let wholeLocalPart = match.matchedEmail?.normalized.map { $0.address.hasPrefix(word + "@") } ?? false
            match.reason = .emailPrefix
            match.score = wholeLocalPart ? MatchReason.emailPrefix.baseScore : Self.bareEmailPrefixScore
            return match
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }
}

extension [Match] {
    /// Whether there are `limit` matches, each scoring at least `score`.
    func isFull(_ limit: Int, atLeast score: Double) -> Bool {
        count >= limit && allSatisfy { $0.score >= score }
    }
}
