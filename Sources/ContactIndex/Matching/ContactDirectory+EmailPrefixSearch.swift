extension ContactDirectory {
    /// Calls `body` with each contact among the first `cap` addresses (in order) that start with
    /// `prefix` (lower-cased): its slot, the position of its first email whose normalized address
    /// starts with the prefix, and `exactEmail` when that address is the prefix, else
    /// `emailPrefix`. A contact with several such addresses comes once for each. An address
    /// with an internationalized domain starts with the prefix in either of its forms, as
    /// written ("hans@mün") or in punycode ("hans@xn--mn").
    ///
    /// With an ASCII prefix, a contact's ASCII addresses are checked on its record, undecoded: an
    /// address of ASCII bytes starts with an ASCII prefix as a `String` exactly when its bytes
    /// do. A contact with a non-ASCII address first, or any contact for a non-ASCII prefix, is
    /// decoded and checked as a `String`, where characters, not bytes, make a prefix.
    /// - Complexity: O(log n + c) for the c addresses read, plus a decoding for each contact
    ///   checked as a `String`.
    func forEachEmailPrefixMatch(_ prefix: String, cap: Int, _ body: (_ slot: UInt32, _ position: Int, _ reason: MatchReason) -> Void) {
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

    /// Contacts with an address whose whole local part is `word` ("tony" of "tony@stark.com"),
    /// as `emailPrefix` at its base score, among the first `cap` such addresses.
    func wholeLocalPartMatches(_ word: String, cap: Int) -> [Match] {
        emailPrefixMatches(word + "@", cap: cap).map { match in
            var match = match
            match.reason = .emailPrefix
            match.score = MatchReason.emailPrefix.baseScore
            return match
        }
    }

    /// Whether some contact has an address whose whole local part is `word`, read on the
    /// records, no contact decoded.
    func hasWholeLocalPart(_ word: String) -> Bool {
        var found = false
        forEachEmailPrefixMatch(word + "@", cap: 1) { _, _, _ in found = true }
        return found
    }

    /// Contacts with an address whose local part starts with `word` (a one-word query, see
    /// `FreeTextQuery.bareEmailWord`), the first `cap` addresses in order: `emailPrefix` at its
    /// base score when the word is the whole local part ("jsmith2" of "jsmith2@…"), else
    /// `bareEmailPrefixScore`.
    func bareEmailPrefixMatches(_ word: String, cap: Int) -> [Match] {
        emailPrefixMatches(word, cap: cap).map { match in
            var match = match
            let wholeLocalPart = match.matchedEmail?.normalized.map { $0.address.hasPrefix(word + "@") } ?? false
            match.reason = .emailPrefix
            match.score = wholeLocalPart ? MatchReason.emailPrefix.baseScore : Self.bareEmailPrefixScore
            return match
        }
    }
}
