extension ContactDirectory {
    /// Finds the contacts that have a phone number.
    ///
    /// A query already in E.164 ("+" and digits, as softphones send) reaches the index without
    /// libphonenumber; other text is parsed with `region`, else the directory's default region.
    /// When an E.164 query finds nothing, it is read the way libphonenumber reads it (the fast
    /// path compiled from its metadata, or libphonenumber itself) in case that differs: a trunk
    /// prefix written after the country code ("+44 0 20…"), or a legacy mobile prefix.
    /// Ranking: the same number (`exactE164`), then the same number where one side has an
    /// extension the other lacks (`phoneExtensionDiffers`), then the same national number under
    /// another country code (`sameNationalNumber`, national numbers of 6 digits or more).
    /// - Parameters:
    ///   - phone: the number as typed or sent.
    ///   - region: the caller's region for national numbers.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches; empty when nothing matches or the text is not a number.
    /// - Complexity: O(1) expected hash look-ups, O(m) record checks for the m candidates, and
    ///   `limit` contacts rebuilt.
    public func lookup(phone: String, region: String? = nil, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0 else { return [] }
        let normalizer = preparer.phones
        guard case .success(var query) = normalizer.normalizeQuery(phone, region: region) else { return [] }
        var top = TopMatches(limit: limit, of: self)
        let exact = collectPhoneMatches(for: query, into: &top)
        if exact == 0, let reread = normalizer.reading(ofE164Query: phone, region: region), reread.e164 != query.e164 {
            query = reread
            top = TopMatches(limit: limit, of: self)
            collectPhoneMatches(for: query, into: &top)
        }
        let queryKey = query.e164Key
        let nationalKey = query.nationalKey
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let position = contact.phones.firstIndex { phone in
                guard let number = phone.normalized else { return false }
                return entry.reason == .sameNationalNumber
                    ? number.nationalKey == nationalKey && number.countryCode != query.countryCode
                    : number.e164Key == queryKey && (entry.reason == .phoneExtensionDiffers || number.extension == query.extension)
            }
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: position.map { contact.phones[$0] })
        }
    }

    /// Offers every contact with the number (confirmed on its record) to `top`.
    /// - Returns: how many contacts have the same E.164 number.
    @discardableResult
    private func collectPhoneMatches(for query: NormalizedPhone, into top: inout TopMatches) -> Int {
        let queryKey = query.e164Key
        let queryExtension = query.extension.map { Array($0.utf8) }
        var exact = 0
        phoneIndex.forEachCandidate(e164Key: queryKey) { slot in
            // The best way this contact's phones carry the number: same extension, or not.
            let reason: MatchReason? = store.withRecord(slot) { record in
                var reader = ContactRecordReader(record)
                _ = reader.header()
                var found: MatchReason? = nil
                for _ in 0..<reader.count() {
                    let phone = reader.phone()
                    guard phone.e164Key == queryKey else { continue }
                    if phone.extension.map({ Array($0) }) == queryExtension { return .exactE164 }
                    found = .phoneExtensionDiffers
                }
                return found
            } ?? nil
            guard let reason else { return }
            exact += 1
            top.offer(slot: slot, score: reason.baseScore, reason: reason)
        }
        guard query.nationalNumber.utf8.count >= 6 else { return exact }
        let nationalKey = query.nationalKey
        phoneIndex.forEachCandidate(nationalKey: nationalKey) { slot in
            let matches = store.withRecord(slot) { record in
                var reader = ContactRecordReader(record)
                _ = reader.header()
                for _ in 0..<reader.count() {
                    let phone = reader.phone()
                    if phone.nationalKey == nationalKey, phone.countryCode != query.countryCode { return true }
                }
                return false
            } ?? false
            if matches { top.offer(slot: slot, score: MatchReason.sameNationalNumber.baseScore, reason: .sameNationalNumber) }
        }
        return exact
    }

    /// Finds the contacts that have an email address.
    ///
    /// Ranking: the same normalized address (`exactEmail`), then the same provider-canonical
    /// address (`canonicalEmail`: Gmail dots, `+tags`) when canonicalization is on.
    /// - Returns: ranked matches; empty when nothing matches or the text is not an address.
    /// - Complexity: O(1) expected hash look-ups, O(m) record checks for the m candidates, and
    ///   `limit` contacts rebuilt.
    public func lookup(email: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0, case .success(let query) = preparer.emails.normalize(email) else { return [] }
        var top = TopMatches(limit: limit, of: self)
        var address = query.address
        address.withUTF8 { bytes in
            let key = UnsafeRawBufferPointer(bytes)
            emailIndex.forEachCandidate(address: key) { slot in
                if emailPosition(in: slot, where: { $0.addressEquals(key) }) != nil {
                    top.offer(slot: slot, score: MatchReason.exactEmail.baseScore, reason: .exactEmail)
                }
            }
        }
        if configuration.emailOptions.canonicalizeProviders {
            var canonical = query.canonicalKey
            canonical.withUTF8 { bytes in
                let key = UnsafeRawBufferPointer(bytes)
                emailIndex.forEachCandidate(canonical: key) { slot in
                    if emailPosition(in: slot, where: { $0.canonical?.elementsEqual(key) == true || $0.addressEquals(key) }) != nil {
                        top.offer(slot: slot, score: MatchReason.canonicalEmail.baseScore, reason: .canonicalEmail)
                    }
                }
            }
        }
        let canonicalKey = query.canonicalKey
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let matched = contact.emails.first { email in
                guard let normalized = email.normalized else { return false }
                return entry.reason == .exactEmail
                    ? normalized.address == query.address
                    : normalized.canonicalKey == canonicalKey || normalized.address == canonicalKey
            }
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedEmail: matched)
        }
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
