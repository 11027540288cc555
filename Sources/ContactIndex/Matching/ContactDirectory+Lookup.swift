extension ContactDirectory {
    /// Finds the contacts that have a phone number.
    ///
    /// A query already in E.164 ("+" and digits, as softphones send) reaches the index without
    /// libphonenumber; other text is parsed with `region`, else the directory's default region.
    /// Ranking: the same number (`exactE164`), then the same number where one side has an
    /// extension the other lacks (`phoneExtensionDiffers`), then the same national number under
    /// another country code (`sameNationalNumber`, national numbers of 6 digits or more).
    /// - Parameters:
    ///   - phone: the number as typed or sent.
    ///   - region: the caller's region for national numbers.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches; empty when nothing matches or the text is not a number.
    /// - Complexity: O(1) expected hash look-ups plus O(m log m) for m matches.
    public func lookup(phone: String, region: String? = nil, limit: Int? = nil) -> [Match] {
        let normalizer = preparer.phones
        guard case .success(var query) = normalizer.normalizeQuery(phone, region: region) else { return [] }
        var matches = phoneMatches(for: query)
        // The E.164 fast path takes digits as they are. libphonenumber would drop a trunk prefix
        // written after the country code ("+44 0 20…"): on a miss, ask it before giving up.
        if !matches.contains(where: { $0.reason != .sameNationalNumber }), query.nationalNumber.hasPrefix("0"),
           case .success(let parsed) = normalizer.normalize(phone, region: region, withDetails: false),
           parsed.e164 != query.e164 {
            query = parsed
            matches = phoneMatches(for: query)
        }
        return configuration.ranking.rank(matches, limit: limit ?? configuration.resultLimit)
    }

    private func phoneMatches(for query: NormalizedPhone) -> [Match] {
        var matches: [Match] = []
        phoneIndex.postings(e164Key: query.e164Key)?.forEach { posting in
            guard let contact = storedContact(slot: posting.slot) else { return }
            let phone = contact.phones[Int(posting.phoneIndex)]
            let reason: MatchReason = phone.normalized?.extension == query.extension ? .exactE164 : .phoneExtensionDiffers
            matches.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedPhone: phone))
        }
        if query.nationalNumber.utf8.count >= 6 {
            phoneIndex.postings(nationalKey: query.nationalKey)?.forEach { posting in
                guard let contact = storedContact(slot: posting.slot) else { return }
                let phone = contact.phones[Int(posting.phoneIndex)]
                guard let stored = phone.normalized, stored.countryCode != query.countryCode else { return }
                matches.append(Match(contact: contact, score: MatchReason.sameNationalNumber.baseScore, reason: .sameNationalNumber, matchedPhone: phone))
            }
        }
        return matches
    }

    /// Finds the contacts that have an email address.
    ///
    /// Ranking: the same normalized address (`exactEmail`), then the same provider-canonical
    /// address (`canonicalEmail`: Gmail dots, `+tags`) when canonicalization is on.
    /// - Returns: ranked matches; empty when nothing matches or the text is not an address.
    /// - Complexity: O(1) expected hash look-ups plus O(m log m) for m matches.
    public func lookup(email: String, limit: Int? = nil) -> [Match] {
        guard case .success(let query) = preparer.emails.normalize(email) else { return [] }
        var matches: [Match] = []
        emailIndex.postings(address: query.address)?.forEach { posting in
            guard let contact = storedContact(slot: posting.slot) else { return }
            matches.append(Match(contact: contact, score: MatchReason.exactEmail.baseScore, reason: .exactEmail, matchedEmail: contact.emails[Int(posting.emailIndex)]))
        }
        if configuration.emailOptions.canonicalizeProviders {
            for posting in emailIndex.postings(canonical: query.canonicalKey) {
                guard let contact = storedContact(slot: posting.slot) else { continue }
                matches.append(Match(contact: contact, score: MatchReason.canonicalEmail.baseScore, reason: .canonicalEmail, matchedEmail: contact.emails[Int(posting.emailIndex)]))
            }
        }
        return configuration.ranking.rank(matches, limit: limit ?? configuration.resultLimit)
    }

    /// Finds the contacts whose whole name equals `name` at primary collation strength: case,
    /// accents and spacing aside ("muller hans" finds "Hans Müller" under "last first").
    /// `exactName` when the text is equal case aside, `foldedName` otherwise.
    /// - Complexity: one collation key, O(log n + m) in the sorted keys.
    public func lookup(name: String, limit: Int? = nil) -> [Match] {
        let names = preparer.names
        let key = names.collationKey(name)
        guard key.count > 1 else { return [] }
        let wanted = ScriptFolder.nfkcCaseFold(NameNormalizer.normalizedSpacing(name))
        var matches: [Match] = []
        nameKeyIndex.forEachEqual(key, isLive: liveness) { slot in
            guard let contact = storedContact(slot: slot) else { return }
            let exact = NameVariants.of(contact).contains { ScriptFolder.nfkcCaseFold(NameNormalizer.normalizedSpacing($0)) == wanted }
            let reason: MatchReason = exact ? .exactName : .foldedName
            matches.append(Match(contact: contact, score: reason.baseScore, reason: reason))
        }
        return configuration.ranking.rank(matches, limit: limit ?? configuration.resultLimit)
    }

    /// Finds the contacts whose whole name starts with `prefix` at primary collation strength
    /// ("mül" finds "Müller Hans" and "Mullins Ann").
    /// - Complexity: one collation key, O(log n + m) for the m names scanned (bounded by a
    ///   multiple of the limit).
    public func lookup(namePrefix prefix: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        let bounds = preparer.names.collationPrefixBounds(prefix)
        guard !bounds.lower.isEmpty else { return [] }
        var matches: [Match] = []
        nameKeyIndex.forEachInRange(lower: bounds.lower, upper: bounds.upper, limit: max(limit, 1) * 8, isLive: liveness) { slot in
            guard let contact = storedContact(slot: slot) else { return }
            matches.append(Match(contact: contact, score: MatchReason.namePrefix.baseScore, reason: .namePrefix))
        }
        return configuration.ranking.rank(matches, limit: limit)
    }

    /// The contact with this id as a match (`reason == .id`, score 1), or nil.
    /// - Complexity: O(1) expected.
    public func lookup(id: String) -> Match? {
        contact(id: id).map { Match(contact: $0, score: MatchReason.id.baseScore, reason: .id) }
    }
}
