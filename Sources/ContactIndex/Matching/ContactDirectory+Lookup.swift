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
        let queryKey = query.e164Key
        let queryExtension = query.extension.map { Array($0.utf8) }
        var seen: [UInt32] = []
        phoneIndex.forEachCandidate(e164Key: queryKey) { slot in
            guard !seen.contains(slot) else { return }
            seen.append(slot)
            // Confirm on the record which of its phones carry the number, then build the match.
            let positions: [(Int, Bool)] = store.withRecord(slot) { record in
                var reader = ContactRecordReader(record)
                _ = reader.header()
                var found: [(Int, Bool)] = []
                for position in 0..<reader.count() {
                    let phone = reader.phone()
                    guard phone.e164Key == queryKey else { continue }
                    let sameExtension = phone.extension.map { Array($0) } == queryExtension
                    found.append((position, sameExtension))
                }
                return found
            } ?? []
            guard let best = positions.first(where: { $0.1 }) ?? positions.first, let contact = storedContact(slot: slot) else { return }
            let reason: MatchReason = best.1 ? .exactE164 : .phoneExtensionDiffers
            matches.append(Match(contact: contact, score: reason.baseScore, reason: reason, matchedPhone: contact.phones[best.0]))
        }
        guard query.nationalNumber.utf8.count >= 6 else { return matches }
        let nationalKey = query.nationalKey
        phoneIndex.forEachCandidate(nationalKey: nationalKey) { slot in
            guard !seen.contains(slot) else { return }
            seen.append(slot)
            let position: Int? = store.withRecord(slot) { record in
                var reader = ContactRecordReader(record)
                _ = reader.header()
                for position in 0..<reader.count() {
                    let phone = reader.phone()
                    if phone.nationalKey == nationalKey, phone.countryCode != query.countryCode { return position }
                }
                return nil
            } ?? nil
            guard let position, let contact = storedContact(slot: slot) else { return }
            matches.append(
                Match(contact: contact, score: MatchReason.sameNationalNumber.baseScore, reason: .sameNationalNumber, matchedPhone: contact.phones[position]))
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
        var seen: [UInt32] = []
        var address = query.address
        address.withUTF8 { bytes in
            let key = UnsafeRawBufferPointer(bytes)
            emailIndex.forEachCandidate(address: key) { slot in
                guard !seen.contains(slot), let position = emailPosition(in: slot, where: { $0.addressEquals(key) }),
                      let contact = storedContact(slot: slot)
                else { return }
                seen.append(slot)
                matches.append(Match(contact: contact, score: MatchReason.exactEmail.baseScore, reason: .exactEmail, matchedEmail: contact.emails[position]))
            }
        }
        guard configuration.emailOptions.canonicalizeProviders else {
            return configuration.ranking.rank(matches, limit: limit ?? configuration.resultLimit)
        }
        var canonical = query.canonicalKey
        canonical.withUTF8 { bytes in
            let key = UnsafeRawBufferPointer(bytes)
            emailIndex.forEachCandidate(canonical: key) { slot in
                guard !seen.contains(slot),
                      let position = emailPosition(in: slot, where: { $0.canonical?.elementsEqual(key) == true || $0.addressEquals(key) }),
                      let contact = storedContact(slot: slot)
                else { return }
                seen.append(slot)
                matches.append(
                    Match(contact: contact, score: MatchReason.canonicalEmail.baseScore, reason: .canonicalEmail, matchedEmail: contact.emails[position]))
            }
        }
        return configuration.ranking.rank(matches, limit: limit ?? configuration.resultLimit)
    }

    /// The position of the first email of the contact in `slot` that satisfies `test`.
    private func emailPosition(in slot: UInt32, where test: (ContactRecordReader.Email) -> Bool) -> Int? {
        store.withRecord(slot) { record in
            var reader = ContactRecordReader(record)
            _ = reader.header()
            reader.skipPhones()
            for position in 0..<reader.count() where test(reader.email()) { return position }
            return nil
        } ?? nil
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
