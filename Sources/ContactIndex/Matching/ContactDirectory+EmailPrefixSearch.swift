extension ContactDirectory {
    /// Calls `body` with each contact among the first `cap` addresses (in order) that start with
    /// `prefix` (lower-cased): its slot, the position of its first email whose normalized address
    /// starts with the prefix, and `exactEmail` when that address is the prefix, else
    /// `emailPrefix`. A contact with several such addresses comes once for each. An address
    /// with an internationalized domain starts with the prefix in either of its forms, as
    /// written ("hans@mün") or in punycode ("hans@xn--mn").
    ///
    /// A contact for which `skip` answers true is passed over, its record unread (it counts
    /// toward `cap`): a ranked walk skips those that could not enter its results.
    ///
    /// With an ASCII prefix, a contact's ASCII addresses are checked on its record, undecoded: an
    /// address of ASCII bytes starts with an ASCII prefix as a `String` exactly when its bytes
    /// do. A contact with a non-ASCII address first, or any contact for a non-ASCII prefix, is
    /// decoded and checked as a `String`, where characters, not bytes, make a prefix.
    /// - Complexity: O(log n + c) for the c addresses read, plus a decoding for each contact
    ///   checked as a `String`.
    func forEachEmailPrefixMatch(
        _ prefix: String, cap: Int, skipping skip: (_ slot: UInt32) -> Bool = { _ in false },
        _ body: (_ slot: UInt32, _ position: Int, _ reason: MatchReason) -> Void
    ) {
        let lower = Array(prefix.utf8)
        guard !lower.isEmpty else { return }
        /// The first of a contact's emails whose normalized address starts with `prefix`.
        func firstMatch(in slot: UInt32) -> (position: Int, reason: MatchReason)? {
            guard let contact = storedContact(slot: slot),
                  let position = contact.emails.firstIndex(where: { email in
                      guard let normalized = email.normalized else { return false }
                      return normalized.address.hasPrefix(prefix) || normalized.displayAddress.hasPrefix(prefix)
                  }),
                  let normalized = contact.emails[position].normalized
            else { return nil }
            return (position, normalized.address == prefix || normalized.displayAddress == prefix ? .exactEmail : .emailPrefix)
        }
        let ascii = lower.allSatisfy { $0 < 0x80 }
        lower.withUnsafeBytes { prefixBytes in
            emailPrefixIndex.forEachInRange(lower: lower, upper: lower + [0xFF], limit: cap, isLive: addressLiveness) { slot in
                if skip(slot) { return }
                let found = ascii ? store.withRecord(slot) { Self.firstASCIIEmailMatch(in: $0, prefix: prefixBytes) } ?? .none : .undecided
                switch found {
                case .none:
                    return
                case .at(let position, let exact):
                    body(slot, position, exact ? .exactEmail : .emailPrefix)
                case .undecided:
                    guard let (position, reason) = firstMatch(in: slot) else { return }
                    body(slot, position, reason)
                }
            }
        }
    }

    /// Contacts with an address starting with `prefix` (lower-cased), among the first `cap`
    /// addresses in order (`forEachEmailPrefixMatch`); with `best`, only the best `best` of
    /// those contacts by the ranking, and only those are decoded: "info@" decoded 500 contacts
    /// to answer with 10 (1.1 ms at a million contacts).
    func emailPrefixMatches(_ prefix: String, cap: Int, best: Int? = nil) -> [Match] {
        guard let best else {
            var out: [Match] = []
            forEachEmailPrefixMatch(prefix, cap: cap) { slot, position, reason in
                guard let contact = storedContact(slot: slot), contact.emails.indices.contains(position) else { return }
                out.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedEmail: contact.emails[position]))
            }
            return out
        }
        var top = TopMatches(limit: best, of: self)
        forEachEmailPrefixMatch(prefix, cap: cap) { slot, position, reason in
            top.offer(slot: slot, score: reason.baseScore, reason: reason, position: position)
        }
        return matchesWithEmails(from: top)
    }

    /// A query of an address's start and name words, and nothing else ("james.m", a word that
    /// is both; "garcia ana@"): `search` ranks the contacts whose address starts with it
    /// (identity matches, among the first `max(limit × 50, 500)` addresses) together with the
    /// name matches of the words (the best `max(limit × 20, 200)`, without a fill budget), a
    /// contact that is both scoring 0.05 above the better of its two (at most 0.99); an
    /// identity match that is not among those name matches is scored on its own against the
    /// words (`ownNameMatches`), and confirmed the same way when they match it as well as the
    /// last of them (`confirmOnTheirOwn`).
    ///
    /// The two sides are merged on slots and ranked there (`TopMatches`: the ranking's order),
    /// and only the `limit` contacts answered are decoded: "james.m" decoded its 500 identity
    /// matches and 200 name matches, and sorted them as whole contacts (1.3 ms at a million).
    /// The contacts, scores and reasons are those of the merge on whole contacts; a contact's
    /// matched email is that of its identity match when that one scores at least as much.
    func emailPrefixAndNameMatches(_ email: String, names text: String, limit: Int) -> [Match] {
        // Each contact's best identity match (the first of equals).
        var identity: [UInt32: TopMatches.Entry] = [:]
        forEachEmailPrefixMatch(email, cap: max(limit * 50, 500)) { slot, position, reason in
            if let kept = identity[slot], kept.score >= reason.baseScore { return }
            identity[slot] = TopMatches.Entry(slot: slot, position: Int32(clamping: position), score: reason.baseScore, reason: reason)
        }
        let names = confirmableNameMatches(text, limit: limit)
        var top = TopMatches(limit: limit, of: self)
        for name in names.entries {
            guard let other = identity.removeValue(forKey: name.slot) else {
                top.offer(slot: name.slot, score: name.score, reason: name.reason)
                continue
            }
            let better = other.score >= name.score ? other : name
            top.offer(slot: name.slot, score: min(0.99, max(other.score, name.score) + 0.05), reason: better.reason, position: Int(better.position))
        }
        confirmOnTheirOwn(identity, names: text, atLeast: names.floor, into: &top)
        return matchesWithEmails(from: top)
    }

    /// The contacts of `top`, decoded, each with the email at its entry's position (none when
    /// the position is -1: a name match).
    private func matchesWithEmails(from top: TopMatches) -> [Match] {
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let email = contact.emails.indices.contains(Int(entry.position)) ? contact.emails[Int(entry.position)] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedEmail: email)
        }
    }

    /// What a record says of an ASCII prefix (`forEachEmailPrefixMatch`).
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
            // Non-ASCII, or an internationalized domain (ASCII in punycode, but also typed as
            // written): checked as strings.
            guard ascii, !email.hasUnicodeDomain else { return .undecided }
            if email.addressStarts(with: prefix) { return .at(position: position, exact: email.addressEquals(prefix)) }
        }
        return .none
    }

    /// The score of an address whose local part starts with a one-word query without being
    /// it ("moha" of "mohammed@…"): below every name match but fuzzy ones, since a few letters
    /// typed alone are more often a name's start than a user name's.
    static let bareEmailPrefixScore = 0.62

    /// The contacts with an address whose local part is the one-word query `word` or starts
    /// with it (`FreeTextQuery.bareEmailWord`), the best `limit` of them by the ranking: a whole
    /// local part ("jsmith2" of "jsmith2@…") as `emailPrefix` at its base score, else (unless
    /// `wholeLocalPartsOnly`) the start of one at `bareEmailPrefixScore`. Only those answered
    /// are decoded.
    ///
    /// Each kind is looked for among the first `bareEmailPrefixCap` addresses that have it, in
    /// address order; within them, a contact that cannot enter the results (full, and every one
    /// kept ranks before it at its best score) is passed over unread (`TopMatches.excludes`).
    ///
    /// Why: the results were the first `limit × 4` addresses in address order, ranked after,
    /// so ties (every whole local part scores the same) went to the addresses that sort first,
    /// not to entity priority and id: "office" listed the accounts of office@a10.com …
    /// office@a19.com and not the contact Olivia Zeller (office@zeller-law.com, the 52nd
    /// address), who ranks before them and came first at limit 100.
    /// - Complexity: O(log n + c) index entries for c ≤ 2 × `bareEmailPrefixCap`, a record
    ///   read for each that may enter (about `limit` × (1 + ln(c / limit)) in random order),
    ///   and `limit` contacts decoded.
    func rankedBareEmailPrefixMatches(_ word: String, limit: Int, wholeLocalPartsOnly: Bool) -> [Match] {
        var top = TopMatches(limit: limit, of: self)
        let cap = max(limit * 50, Self.bareEmailPrefixCap)
        let whole = MatchReason.emailPrefix.baseScore
        forEachEmailPrefixMatch(word + "@", cap: cap, skipping: { top.excludes(slot: $0, bestScore: whole) }) { slot, position, _ in
            top.offer(slot: slot, score: whole, reason: .emailPrefix, position: position)
        }
        if !wholeLocalPartsOnly {
            // The whole local parts come again here, and keep their better score.
            let start = Self.bareEmailPrefixScore
            forEachEmailPrefixMatch(word, cap: cap, skipping: { top.excludes(slot: $0, bestScore: start) }) { slot, position, _ in
                top.offer(slot: slot, score: start, reason: .emailPrefix, position: position)
            }
        }
        return matchesWithEmails(from: top)
    }

    /// The most addresses of each kind (a whole local part, the start of one) that a one-word
    /// query looks at (`rankedBareEmailPrefixMatches`), at limits up to 10.
    ///
    /// Why 500: as the start of an address typed alone (`search`, `max(limit × 50, 500)`), and
    /// an index entry passed over costs a key comparison and the entity and id key of its
    /// contact, so the walk stays within tens of microseconds at a million contacts, and a
    /// record is read only for those that may enter. Past 500 addresses ("info@" at a million
    /// contacts), ties go to entity and id among the first 500 in address order.
    static let bareEmailPrefixCap = 500

    /// Whether some contact has an address whose whole local part is `word`, read on the
    /// records, no contact decoded.
    func hasWholeLocalPart(_ word: String) -> Bool {
        var found = false
        forEachEmailPrefixMatch(word + "@", cap: 1) { _, _, _ in found = true }
        return found
    }
}
