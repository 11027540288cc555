extension ContactDirectory {
    /// Searches the directory with free text, as an agent types it in a search box (what the
    /// `zcc-contact-search-event` carries): a phone number or at least 4 of its digits, an email
    /// address or its start, a name, or a mix ("john 555").
    ///
    /// Ranking follows `MatchReason` on one scale: identity matches first (the same number,
    /// `phoneFragment` for a run of 4+ digits found as a suffix or infix of a stored number, or
    /// found so once its leading zeros are dropped when nothing else was ("020 7946 0018",
    /// a British number written as dialled in Britain, in a directory of the United States),
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
            guard let word = query.bareEmailWord else { return names }
            // Names that fill the results above a bare prefix's score leave room only for a
            // whole local part ("tony" of "tony@stark.com"), which ranks above them: the same
            // answer at any limit.
            let emails = rankedBareEmailPrefixMatches(
                word, limit: limit, wholeLocalPartsOnly: names.isFull(limit, atLeast: Self.bareEmailPrefixScore))
            return emails.isEmpty ? names : configuration.ranking.rank(names + emails, limit: limit)
        }

        if query.phoneText == nil, let email = query.emailText, !query.emailIsComplete, !query.nameText.isEmpty {
            return emailPrefixAndNameMatches(email, names: query.nameText, limit: limit)
        }
        let matches = identityAndNameMatches(query, limit: limit)
        // A name with a number in it ("7 Eleven", "Forever 21", "Studio 2026", "Area 51"): its
        // digits were read as the phone part, and the record it names was found by its other
        // words alone, tied with every record that has them ("Eleven Madison Park") and below
        // one whose number holds the digits. The words as typed, digits included, are looked
        // up as a whole name: one collation-key look-up, for queries with few digits only.
        if query.phoneText != nil, query.emailText == nil, !query.nameText.isEmpty,
           query.phoneDigits.count <= Self.mostDigitsInAName {
            let named = lookup(name: text, limit: limit)
            if !named.isEmpty { return configuration.ranking.rank(named + matches, limit: limit) }
        }
        return matches
    }

    /// The most digits of a query whose words are also looked up as one whole name (see
    /// `search`): business names hold a year or a street number, phone numbers hold more.
    static let mostDigitsInAName = 6

    /// `search` of a query that holds a number or an address (or only a name, with neither).
    private func identityAndNameMatches(_ query: FreeTextQuery, limit: Int) -> [Match] {
        // Too few digits to search alone, nothing else to search: they only confirm names.
        if query.phoneText != nil, query.phoneDigits.count < PhoneFragmentIndex.minimumDigits, query.emailText == nil, !query.nameText.isEmpty {
            return nameMatchesConfirmedByDigits(query.phoneDigits, names: query.nameText, limit: limit)
        }
        // A number or a run of its digits with name words, and no address.
        if query.phoneText != nil, query.emailText == nil, !query.nameText.isEmpty {
            return numberAndNameMatches(query, limit: limit)
        }
        var identity: [Match] = []
        if let phoneText = query.phoneText {
            if query.phoneDigits.count >= 7 { identity += lookup(phone: phoneText, limit: limit * 4) }
            let fragmentLimit = max(limit * 4, 40)
            var fragments = phoneFragmentMatches(query.phoneDigits, limit: fragmentLimit)
            // A number written as another country dials it ("020 7946 0018", "0044 20 7946 0018")
            // is no number of the default region, and its zeros are no digits of the E.164 number.
            if identity.isEmpty, fragments.isEmpty, let significant = PhoneQueryText.withoutLeadingZeros(query.phoneDigits) {
                fragments = phoneFragmentMatches(significant, limit: fragmentLimit)
            }
            identity += fragments
        }
        if let email = query.emailText {
            if query.emailIsComplete { identity += lookup(email: email, limit: limit * 4) }
            // Alone in the query, only the best `limit` of them can be answered.
            let alone = query.phoneText == nil && query.nameText.isEmpty
            identity += emailPrefixMatches(email, cap: max(limit * 50, 500), best: alone ? limit : nil)
        }
        var names: [Match] = []
        if !query.nameText.isEmpty {
            names = matches(from: confirmableNameMatches(query.nameText, limit: limit))
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

    /// The name matches of a free-text query that also holds a number or an address: the best
    /// `max(limit × 20, confirmableNameCount)`, without a fill budget, since a weak name match
    /// that the number or address confirms may rank first (the three ways of `search` that
    /// merge the two).
    func confirmableNameMatches(_ text: String, limit: Int) -> TopMatches {
        var top = TopMatches(limit: max(limit * 20, Self.confirmableNameCount), of: self)
        collectNameMatches(text, fillLimit: nil, into: &top)
        return top
    }

    /// Contacts with a number containing `digits` (at least 4), the best `limit` of them in
    /// ranking order (entity priority, then id), confirmed on their records. At most
    /// `maximumExamined` candidates are checked: a run of digits that a large share of the
    /// directory has ("1650") is no way to find one person.
    func phoneFragmentMatches(_ digits: [UInt8], limit: Int) -> [Match] {
        // Each slot comes with its number's position, found on the record: not searched again
        // in the decoded contact.
        let top = phoneFragmentSlots(digits, limit: limit)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot), contact.phones.indices.contains(Int(entry.position)) else { return nil }
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: contact.phones[Int(entry.position)])
        }
    }

    /// `phoneFragmentMatches` as ranked slots, each with the position of its first number
    /// holding the digits (read on its record), undecoded.
    func phoneFragmentSlots(_ digits: [UInt8], limit: Int) -> TopMatches {
        var top = TopMatches(limit: limit, of: self)
        guard digits.count >= PhoneFragmentIndex.minimumDigits else { return top }
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
                if let position = store.withRecord(slot, { Self.firstPhone(in: $0, holding: needle) }) ?? nil {
                    top.offer(slot: slot, score: MatchReason.phoneFragment.baseScore, reason: .phoneFragment, position: position)
                }
            }
        }
        return top
    }

    /// The position of the first number of a record whose search digits (`withSearchDigits`)
    /// hold `needle`, read on the record; nil when none does.
    static func firstPhone(in record: UnsafeRawBufferPointer, holding needle: UnsafeBufferPointer<UInt8>) -> Int? {
        var reader = ContactRecordReader(record)
        reader.skipHeader()
        for position in 0..<reader.count() where reader.phone().withSearchDigits({ contains($0, needle) }) { return position }
        return nil
    }

    /// The fewest name matches a mixed query lists (`confirmableNameMatches`): what it lists
    /// at any limit up to 10.
    static let confirmableNameCount = 200

    /// The most candidates a fragment or prefix search checks.
    static let maximumExamined = 50_000

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
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
