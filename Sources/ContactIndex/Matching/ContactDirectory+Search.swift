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
    ///   O(b) for the b numbers sharing its last 4 digits; an email prefix O(log n + m).
    public func search(_ text: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        let query = FreeTextQuery(text)
        guard limit > 0, !query.isEmpty else { return [] }
        if query.phoneText == nil, query.emailText == nil { return lookup(fuzzyName: query.nameText, limit: limit) }

        var identity: [Match] = []
        if let phoneText = query.phoneText {
            if query.phoneDigits.count >= 7 { identity += lookup(phone: phoneText, limit: limit * 4) }
            identity += phoneFragmentMatches(query.phoneDigits, cap: max(limit * 50, 500))
        }
        if let email = query.emailText {
            if query.emailIsComplete { identity += lookup(email: email, limit: limit * 4) }
            identity += emailPrefixMatches(email, cap: max(limit * 50, 500))
        }
        var names: [Match] = []
        if !query.nameText.isEmpty {
            var top = TopMatches(limit: max(limit * 20, 200), index: nameTokenIndex) { [slots] slot in slots[Int(slot)]?.id ?? "" }
            collectNameMatches(query.nameText, into: &top)
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
            } else if query.phoneDigits.count >= 2, let phone = match.contact.phones.first(where: { Self.contains(PhoneFragmentIndex.digits(of: $0), query.phoneDigits) }) {
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

    /// Contacts with a number containing `digits` (at least 4).
    private func phoneFragmentMatches(_ digits: [UInt8], cap: Int) -> [Match] {
        guard digits.count >= PhoneFragmentIndex.minimumDigits else { return [] }
        var out: [Match] = []
        for slot in phoneFragmentIndex.candidates(containing: digits) {
            guard let contact = storedContact(slot: slot),
                  let phone = contact.phones.first(where: { Self.contains(PhoneFragmentIndex.digits(of: $0), digits) })
            else { continue }
            out.append(Match(contact: contact, score: MatchReason.phoneFragment.baseScore, reason: .phoneFragment, matchedPhone: phone))
            if out.count >= cap { break }
        }
        return out
    }

    /// Contacts with an address starting with `prefix` (lower-cased).
    private func emailPrefixMatches(_ prefix: String, cap: Int) -> [Match] {
        let lower = Array(prefix.utf8)
        guard !lower.isEmpty else { return [] }
        var out: [Match] = []
        emailPrefixIndex.forEachInRange(lower: lower, upper: lower + [0xFF], limit: cap, isLive: liveness) { slot in
            guard let contact = storedContact(slot: slot),
                  let email = contact.emails.first(where: { $0.normalized?.address.hasPrefix(prefix) == true })
            else { return }
            let exact = email.normalized?.address == prefix
            let reason: MatchReason = exact ? .exactEmail : .emailPrefix
            out.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedEmail: email))
        }
        return out
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }
}
