extension ContactDirectory {
    /// Finds the contacts that have a phone number.
    ///
    /// A query already in E.164 ("+" and digits, as softphones send) reaches the index without
    /// libphonenumber; other text is parsed with `region`, else the directory's default region.
    /// When an E.164 query finds nothing, it is read the way libphonenumber reads it (the fast
    /// path compiled from its metadata, or libphonenumber itself) in case that differs: a trunk
    /// prefix written after the country code ("+44 0 20…"), or a legacy mobile prefix. A SIP URI
    /// is looked up by its user part ("sip:+442079460018@pbx.example.com"), and digits that find
    /// nothing, neither as a national number nor otherwise, are read once more with a plus in
    /// front ("442079460018", as many trunks send E.164: `PhoneQueryText`).
    /// Ranking: the same number (`exactE164`), then the same number where one side has an
    /// extension the other lacks (`phoneExtensionDiffers`), then, as hints that never pop, the
    /// same number with another extension on both sides (`otherExtension`: another line of the
    /// same switchboard) and the same national number under another country code
    /// (`sameNationalNumber`, national numbers of 6 digits or more).
    /// - Parameters:
    ///   - phone: the number as typed or sent.
    ///   - region: the caller's region for national numbers.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches; empty when nothing matches or the text is not a number.
    /// - Complexity: O(1) expected hash look-ups, record checks for the candidates that can still
    ///   enter (about `limit` for a shared number), and `limit` contacts rebuilt.
    public func lookup(phone: String, region: String? = nil, limit: Int? = nil) -> [Match] {
        guard let top = rankPhoneMatches(phone, region: region, limit: limit ?? configuration.resultLimit) else { return [] }
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let position = Int(entry.position)
            let matched = contact.phones.indices.contains(position) ? contact.phones[position] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedPhone: matched)
        }
    }

    /// `lookup(phone:region:limit:)`, answered with summaries read from the records instead of
    /// rebuilt contacts: the same matches in the same order, each with the phone that matched
    /// (`ContactPhone.displayText`) and the contact's first email.
    /// - Complexity: as `lookup(phone:region:limit:)`, without rebuilding any contact.
    public func lookupSummaries(phone: String, region: String? = nil, limit: Int? = nil) -> [MatchSummary] {
        guard let top = rankPhoneMatches(phone, region: region, limit: limit ?? configuration.resultLimit) else { return [] }
        return summaries(from: top, positionsArePhones: true)
    }

    /// `lookupSummaries(phone:region:limit:)` packed (`PackedSummaries`): the same matches in the
    /// same order, their texts copied from the records with no `String` made. What a
    /// `zcc-incomingPhone-response` lists.
    /// - Complexity: as `lookupSummaries(phone:region:limit:)`, with one allocation for the texts.
    public func lookupPackedSummaries(phone: String, region: String? = nil, limit: Int? = nil) -> PackedSummaries {
        guard let top = rankPhoneMatches(phone, region: region, limit: limit ?? configuration.resultLimit) else { return PackedSummaries() }
        return packedSummaries(from: top, positionsArePhones: true)
    }

    /// `lookupSummaries(email:limit:)` packed (`PackedSummaries`).
    /// - Complexity: as `lookupSummaries(email:limit:)`, with one allocation for the texts.
    public func lookupPackedSummaries(email: String, limit: Int? = nil) -> PackedSummaries {
        guard let top = rankEmailMatches(email, limit: limit ?? configuration.resultLimit) else { return PackedSummaries() }
        return packedSummaries(from: top, positionsArePhones: false)
    }

    /// `summaries(from:positionsArePhones:)` packed: one allocation for the texts, sized from
    /// the records' lengths, written with `memcpy`s of their fields.
    func packedSummaries(from top: TopMatches, positionsArePhones: Bool) -> PackedSummaries {
        // The closure below captures the store and the entries alone: capturing `self` would
        // copy the whole directory value (a retain and a release of each of its references).
        let store = store
        let entries = top.entries
        prefetchRecords(of: top)
        var bound = 0
        for entry in entries {
            bound += store.withRecord(entry.slot) { ContactRecord.packedSummaryBound(recordBytes: $0.count) } ?? 0
        }
        var rankings: [PackedSummaries.Ranking] = []
        rankings.reserveCapacity(entries.count)
        let texts = PackedText.Writer.bytes(capacity: bound) { texts in
            for entry in entries {
                let position = entry.position >= 0 ? Int(entry.position) : nil
                let ranking = store.withRecord(entry.slot) { record in
                    ContactRecord.appendSummary(
                        record, phonePosition: positionsArePhones ? position : nil, emailPosition: positionsArePhones ? nil : position,
                        score: entry.score, reason: entry.reason, to: &texts)
                }
                if let ranking { rankings.append(ranking) }
            }
        }
        return PackedSummaries(rankings: rankings, texts: texts)
    }

    /// The summaries of the selected slots, with the phone (or email) at each entry's position.
    func summaries(from top: TopMatches, positionsArePhones: Bool) -> [MatchSummary] {
        prefetchRecords(of: top)
        // Appended where they are made: returned through `withRecord` as optionals and
        // unwrapped by `compactMap`, each summary was copied (its strings retained) and the
        // original destroyed; this loop's own instructions, the summaries' making aside, fell
        // by 39% (`valgrind --tool=callgrind`, 600 name queries at 200,000 contacts).
        var summaries: [MatchSummary] = []
        summaries.reserveCapacity(top.entries.count)
        for entry in top.entries {
            let position = entry.position >= 0 ? Int(entry.position) : nil
            store.withRecord(entry.slot) { record in
                summaries.append(
                    ContactRecord.summary(
                        record, phonePosition: positionsArePhones ? position : nil, emailPosition: positionsArePhones ? nil : position,
                        score: entry.score, reason: entry.reason))
            }
        }
        return summaries
    }

    /// The ranked candidate slots of a phone look-up, each with the position of the phone that
    /// matched; nil when the text is not a number or `limit` is not positive.
    func rankPhoneMatches(_ phone: String, region: String?, limit: Int) -> TopMatches? {
        guard limit > 0 else { return nil }
        let normalizer = preparer.phones
        // A SIP URI's user part is the number (`PhoneQueryText`).
        let phone = PhoneQueryText.sipUserPart(of: phone).map(String.init) ?? phone
        let parsed = normalizer.normalizeQuery(phone, region: region)
        var top = TopMatches(limit: limit, of: self)
        if case .success(let query) = parsed {
            let exact = collectPhoneMatches(for: query, into: &top)
            if exact == 0, let reread = normalizer.reading(ofE164Query: phone, region: region), reread.e164 != query.e164 {
                top = TopMatches(limit: limit, of: self)
                collectPhoneMatches(for: reread, into: &top)
            }
        }
        // Digits that no contact has as a national number may be E.164 sent without its plus,
        // or dialled with another region's international prefix.
        if top.entries.isEmpty,
            let international = (PhoneQueryText.withPlusAdded(phone) ?? PhoneQueryText.withInternationalPrefixReplaced(phone))
                .flatMap(PhoneNormalizer.fastE164)
        {
            if case .success(let query) = parsed, query.e164 == international.e164 { return top }
            collectPhoneMatches(for: international, into: &top)
            return top
        }
        guard case .success = parsed else { return nil }
        return top
    }

    /// Offers every contact with the number (confirmed on its record) to `top`, with the
    /// position of its phone that carries it best: the same extension first, then any
    /// extension, then (another country code) the same national number.
    /// A number shared by many records reads only the records that can still enter the
    /// selection: the index gives them in tie order (entity rank, then id key), so once the
    /// selection is full, the first candidate that would rank below its last entry even with
    /// the best score ends the walk (all after it rank lower still).
    /// - Returns: how many contacts with the same E.164 number were offered (0 when none has it).
    @discardableResult
    private func collectPhoneMatches(for query: NormalizedPhone, into top: inout TopMatches) -> Int {
        let queryKey = query.e164Key
        // The national key, when a number this long is looked for under other country codes:
        // both tables' heads are loaded at once, and the national group's reference while the
        // same number's records are read.
        let nationalKey = query.nationalNumber.utf8.count >= 6 ? query.nationalKey : nil
        let probe = PhoneIndex.Probe(e164Key: queryKey, nationalKey: nationalKey)
        phoneIndex.prefetchHeads(probe)
        let queryExtension = query.extension.map { Array($0.utf8) }
        let best = MatchReason.exactE164.baseScore
        var exact = 0
        // Offers one candidate; false once it (and so every later one) cannot enter.
        func offerPhoneMatch(_ slot: UInt32) -> Bool {
            guard !top.excludes(slot: slot, bestScore: best) else { return false }
            // The best way this contact's phones carry the number: the same extension, an
            // extension on one side only, then another extension on both (another line).
            let found: (reason: MatchReason, position: Int)? = store.withRecord(slot) { record in
                var reader = ContactRecordReader(record)
                reader.skipHeader()
                var found: (reason: MatchReason, position: Int)? = nil
                for position in 0..<reader.count() {
                    let phone = reader.phoneDisplay()
                    guard phone.e164Key == queryKey else { continue }
                    if Self.sameExtension(phone.extension, queryExtension) { return (.exactE164, position) }
                    let reason: MatchReason = phone.extension != nil && queryExtension != nil ? .otherExtension : .phoneExtensionDiffers
                    if found == nil || (found?.reason == .otherExtension && reason == .phoneExtensionDiffers) { found = (reason, position) }
                }
                return found
            } ?? nil
            guard let found else { return true }
            exact += 1
            top.offer(slot: slot, score: found.reason.baseScore, reason: found.reason, position: found.position)
            return true
        }
        // A query whose E.164 form has no key (0: over 19 digits) is no stored number.
        if queryKey != 0 {
            phoneIndex.withE164Candidates(probe) { slots in
                prefetch(slots.prefix(top.limit + 1), for: top)
                phoneIndex.prefetchNationalGroupReference(probe)
                for slot in slots {
                    guard offerPhoneMatch(slot) else { break }
                }
            }
        }
        // Same national number, another country code: a lower score, so nothing to do once the
        // selection is full of better matches, and no record to read for a contact kept already
        // (it has the number itself, which scores more).
        let sameNational = MatchReason.sameNationalNumber.baseScore
        guard let nationalKey, !top.isClosed(to: sameNational) else { return exact }
        let countryCode = query.countryCode
        // A number valid in its own country is that country's line: the same digits under
        // another valid country code are someone else's ("+1 207 946 0018" in Maine is not
        // "+44 20 7946 0018" in London). The hint is for a number one side wrote under the wrong
        // country (a stored "020 7946 0018" read with the default region US is invalid there).
        // The query's validity is read once, and only when a candidate needs it.
        var queryValidity: Bool?
        func queryIsValid() -> Bool {
            if let queryValidity { return queryValidity }
            let valid = query.details?.isValid
                ?? PhoneFastPath.shared.details(countryCode: query.countryCode, nationalNumber: query.nationalNumber)?.isValid ?? false
            queryValidity = valid
            return valid
        }
        // Offers, in tie order, the contacts with a number under another country code whose
        // national key is `key`.
        func offerSameNational(_ probe: PhoneIndex.Probe, key: UInt64) {
            phoneIndex.forEachNationalCandidate(probe) { slot in
                guard !top.excludes(slot: slot, bestScore: sameNational) else { return false }
                guard !top.contains(slot: slot) else { return true }
                let position: Int? = store.withRecord(slot) { record in
                    var reader = ContactRecordReader(record)
                    reader.skipHeader()
                    for position in 0..<reader.count() {
                        let phone = reader.phone()
                        guard phone.countryCode != countryCode, phone.nationalKey == key else { continue }
                        if phone.isKnownValid, queryIsValid() { continue }
                        return position
                    }
                    return nil
                } ?? nil
                if let position {
                    top.offer(slot: slot, score: sameNational, reason: .sameNationalNumber, position: position)
                }
                return true
            }
        }
        offerSameNational(probe, key: nationalKey)
        // The same number written as dialled at home, with its country's trunk prefix, in a row
        // read under another region: libphonenumber keeps the prefix there as a leading zero of
        // the national number ("07911 123457" under US is "07911123457"), so that is the
        // caller's national number with the prefix in front (libphonenumber's metadata:
        // `PhoneFastPath.nationalPrefix(countryCode:)`).
        if !top.isClosed(to: sameNational),
            let prefix = PhoneFastPath.shared.nationalPrefix(countryCode: countryCode),
            let trunkKey = PhoneKey.prefixing(prefix, to: nationalKey)
        {
            offerSameNational(PhoneIndex.Probe(e164Key: queryKey, nationalKey: trunkKey), key: trunkKey)
        }
        return exact
    }

    /// Whether a stored extension and the query's are the same (both absent, or equal bytes).
    private static func sameExtension(_ stored: UnsafeRawBufferPointer?, _ query: [UInt8]?) -> Bool {
        switch (stored, query) {
        case (nil, nil): true
        case (let stored?, let query?): stored.elementsEqual(query)
        default: false
        }
    }

    /// Starts loading what reading `slots` will touch (their slot-table entries, tie values, then
    /// records) so that the cache misses overlap: a shared number's first candidates are spread
    /// over the whole store, and read one after another each miss would wait for the last.
    private func prefetch(_ slots: Slice<UnsafeBufferPointer<UInt32>>, for top: TopMatches) {
        guard slots.count > 1 else { return }
        for slot in slots {
            store.prefetchLocation(slot)
            top.prefetchTieValues(of: slot)
        }
        for slot in slots { store.prefetchRecord(slot) }
    }

    /// Starts loading the records of the selected slots (their slot-table entries, then their
    /// first cache lines), so that reading them one after another does not wait for two cache
    /// misses each in turn: after a name search they are cold (it reads token lists, not
    /// records), and building the summaries of ten results was a twentieth of a type-ahead
    /// query.
    func prefetchRecords(of top: TopMatches) {
        guard top.entries.count > 1 else { return }
        for entry in top.entries { store.prefetchLocation(entry.slot) }
        for entry in top.entries { store.prefetchRecord(entry.slot) }
    }

    /// Finds the contacts that have an email address.
    ///
    /// Ranking: the same normalized address (`exactEmail`), then the same provider-canonical
    /// address (`canonicalEmail`: Gmail dots, `+tags`) when canonicalization is on.
    /// An address many records share is read in tie order, as a shared number is (see
    /// `lookup(phone:region:limit:)`).
    /// - Returns: ranked matches; empty when nothing matches or the text is not an address.
    /// - Complexity: O(1) expected hash look-ups, record checks for the candidates that can still
    ///   enter (about `limit` for a shared address), and `limit` contacts rebuilt.
    public func lookup(email: String, limit: Int? = nil) -> [Match] {
        guard let top = rankEmailMatches(email, limit: limit ?? configuration.resultLimit) else { return [] }
        return top.entries.compactMap { entry in
            guard let contact = storedContact(slot: entry.slot) else { return nil }
            let position = Int(entry.position)
            let matched = contact.emails.indices.contains(position) ? contact.emails[position] : nil
            return Match(contact: contact, score: entry.score, reason: entry.reason, matchedEmail: matched)
        }
    }

    /// `lookup(email:limit:)`, answered with summaries read from the records instead of rebuilt
    /// contacts: the same matches in the same order, each with the address that matched (as
    /// written) and the contact's first phone.
    /// - Complexity: as `lookup(email:limit:)`, without rebuilding any contact.
    public func lookupSummaries(email: String, limit: Int? = nil) -> [MatchSummary] {
        guard let top = rankEmailMatches(email, limit: limit ?? configuration.resultLimit) else { return [] }
        return summaries(from: top, positionsArePhones: false)
    }

    /// The ranked candidate slots of an email look-up, each with the position of the address
    /// that matched; nil when the text is not an address or `limit` is not positive.
    private func rankEmailMatches(_ email: String, limit: Int) -> TopMatches? {
        guard limit > 0, case .success(let query) = preparer.emails.normalize(email) else { return nil }
        var top = TopMatches(limit: limit, of: self)
        // Read through locals: a closure that uses `self` copied the whole directory (a retain
        // and a release of each of its arrays, about 2 µs of a 1 µs look-up).
        let store = self.store
        let emailIndex = self.emailIndex
        var address = query.address
        address.withUTF8 { bytes in
            let key = UnsafeRawBufferPointer(bytes)
            emailIndex.forEachCandidate(address: key) { slot in
                // In tie order: the first candidate that cannot enter ends the walk.
                guard !top.excludes(slot: slot, bestScore: MatchReason.exactEmail.baseScore) else { return false }
                if let position = Self.emailPosition(in: slot, of: store, where: { $0.addressEquals(key) }) {
                    top.offer(slot: slot, score: MatchReason.exactEmail.baseScore, reason: .exactEmail, position: position)
                }
                return true
            }
        }
        if configuration.emailOptions.canonicalizeProviders {
            var canonical = query.canonicalKey
            canonical.withUTF8 { bytes in
                let key = UnsafeRawBufferPointer(bytes)
                emailIndex.forEachCandidate(canonical: key) { slot in
                    guard !top.excludes(slot: slot, bestScore: MatchReason.canonicalEmail.baseScore) else { return false }
                    guard !top.contains(slot: slot) else { return true }
                    if let position = Self.emailPosition(in: slot, of: store, where: { $0.canonical?.elementsEqual(key) == true || $0.addressEquals(key) }) {
                        top.offer(slot: slot, score: MatchReason.canonicalEmail.baseScore, reason: .canonicalEmail, position: position)
                    }
                    return true
                }
            }
        }
        return top
    }

    /// The position of the first email of the contact in `slot` of `store` that satisfies `test`.
    private static func emailPosition(in slot: UInt32, of store: ContactRecordStore, where test: (ContactRecordReader.Email) -> Bool) -> Int? {
        store.withRecord(slot) { record in
            var reader = ContactRecordReader(record)
            reader.skipHeader()
            reader.skipPhones()
            for position in 0..<reader.count() where test(reader.email()) { return position }
            return nil
        } ?? nil
    }

    /// Finds the contacts whose whole name equals `name` at primary collation strength: case,
    /// accents and spacing aside ("muller hans" finds "Hans Müller" under "last first").
    /// `exactName` when the text is equal case aside, `foldedName` otherwise.
    /// - Complexity: one collation key, O(log n + m) in the sorted keys.
    public func lookup(name typed: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0 else { return [] }
        let name = CanonicalComposition.composed(typed)
        let key = preparer.names.collationKey(name)
        guard key.count > 1 else { return [] }
        // Exactness is read on the records' bytes (ASCII case aside); only names outside ASCII
        // go through ICU case folding, on their name fields alone. Contacts are rebuilt only for
        // the results, however many namesakes there are.
        let spelling = NameSpelling.key(name)
        let queryIsASCII = name.utf8.allSatisfy { $0 < 0x80 }
        var wanted: String? = nil
        var top = TopMatches(limit: limit, of: self)
        let store = self.store  // captured alone, not the whole directory
        offerNamesakes(
            key: key, into: &top,
            read: { slot in
                let exact: Bool? = store.withRecord(slot) { record in
                    var reader = ContactRecordReader(record)
                    let header = reader.header()
                    let none: UnsafeRawBufferPointer? = nil
                    if NameSpelling.equals(spelling, header.displayName, none)
                        || Self.spelledAsDisplayedOtherwise(spelling, header)
                        || NameSpelling.equals(spelling, header.firstName, header.lastName)
                        || NameSpelling.equals(spelling, header.lastName, header.firstName) {
                        return true
                    }
                    let fields = [header.firstName, header.lastName, header.displayName, header.company]
                    let storedIsASCII = fields.allSatisfy { $0.map { $0.allSatisfy { $0 < 0x80 } } ?? true }
                    guard !(queryIsASCII && storedIsASCII) else { return false }
                    if wanted == nil { wanted = ScriptFolder.nfkcCaseFold(NameNormalizer.normalizedSpacing(name)) }
                    let contact = Contact(
                        id: "", firstName: header.firstName.map(String.init(recordBytes:)),
                        lastName: header.lastName.map(String.init(recordBytes:)),
                        displayName: header.displayName.map(String.init(recordBytes:)),
                        company: header.company.map(String.init(recordBytes:)))
                    return NameVariants.of(contact).contains { ScriptFolder.nfkcCaseFold(NameNormalizer.normalizedSpacing($0)) == wanted }
                }
                guard let exact else { return nil }
                let reason: MatchReason = exact ? .exactName : .foldedName
                return (reason, reason.baseScore)
            },
            foldedScore: FoldedNameScoring(spelling: spelling, store: store))
        return matches(from: top)
    }

    /// Finds the contacts whose whole name starts with `prefix` at primary collation strength
    /// ("mül" finds "Müller Hans" and "Mullins Ann").
    /// - Complexity: one collation key, O(log n + m) for the m names scanned (bounded by a
    ///   multiple of the limit).
    public func lookup(namePrefix prefix: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0 else { return [] }
        let bounds = preparer.names.collationPrefixBounds(prefix)
        guard !bounds.lower.isEmpty else { return [] }
        var top = TopMatches(limit: limit, of: self)
        let live = slotLiveness
        nameKeyIndex.forEachInRange(lower: bounds.lower, upper: bounds.upper, limit: limit * 8, isLive: { live.isLive($0, $1) }) { slot in
            top.offer(slot: slot, score: MatchReason.namePrefix.baseScore, reason: .namePrefix)
        }
        return matches(from: top)
    }

    /// Whether a contact has this id, without rebuilding it.
    /// - Complexity: O(1) expected.
    public func contains(id: String) -> Bool {
        slot(of: id) != nil
    }

    /// The contact with this id as a match (`reason == .id`, score 1), or nil.
    /// - Complexity: O(1) expected.
    public func lookup(id: String) -> Match? {
        contact(id: id).map { Match(contact: $0, score: MatchReason.id.baseScore, reason: .id) }
    }

    /// A fingerprint of the stored contact with this id, or nil when there is none: equal for
    /// the same version of the contact, different (but for a 2⁻⁶⁴ chance) once anything in it
    /// changed, so a host can tell whether a record it saw before is still the same. Valid
    /// within one process.
    /// - Complexity: O(1) expected, plus hashing the record's bytes.
    public func revision(id: String) -> UInt64? {
        guard let slot = slot(of: id) else { return nil }
        return store.withRecord(slot, ContactRecord.revision(of:))
    }
}
