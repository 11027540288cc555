/// A whole name equal to the query at collation strength, read on its record: spelled as typed
/// (`exactName`) or not (`foldedName`), and then how much of it is spelled as typed.
extension ContactDirectory {
    /// The match of the record at `slot`, a namesake of the query at collation strength, read
    /// on its bytes (no contact is rebuilt): `exactName` when it has a whole name spelled as
    /// `spelling` (case aside), else `foldedName` at its base score (`foldedScore` gives the
    /// one that counts its spelling). Nil when the slot holds no record.
    ///
    /// An exact match in the other name order than `order`, the order typed, scores
    /// `otherOrderStep` less: "Thomas Lee" finds Thomas Lee before Lee Thomas (given name Lee),
    /// whose id came first; "Lee, Thomas" the other way round. A display name, written as the
    /// contact writes it, is in order. Nil `order` (a query in a script written without spaces
    /// between the names, or read across scripts): both orders alike.
    static func wholeNameMatch(
        _ spelling: [UInt8], slot: UInt32, in store: ContactRecordStore, order: TypedNameOrder? = nil
    ) -> (reason: MatchReason, score: Double)? {
        store.withRecord(slot) { record -> (reason: MatchReason, score: Double) in
            var reader = ContactRecordReader(record)
            let header = reader.header()
            let none: UnsafeRawBufferPointer? = nil
            if NameSpelling.equals(spelling, header.displayName, none) || spelledAsDisplayedOtherwise(spelling, header) {
                return (.exactName, MatchReason.exactName.baseScore)
            }
            let givenFirst = NameSpelling.equals(spelling, header.firstName, header.lastName)
            // The common case, one comparison as before.
            if givenFirst, order != .familyFirst { return (.exactName, MatchReason.exactName.baseScore) }
            let familyFirst = NameSpelling.equals(spelling, header.lastName, header.firstName)
                || NameSpelling.equalsJoined(spelling, header.lastName, header.firstName)
            guard givenFirst || familyFirst else { return (.foldedName, MatchReason.foldedName.baseScore) }
            let inOrder =
                switch order {
                case nil: true
                case .givenFirst?: givenFirst
                case .familyFirst?: familyFirst
                }
            return (.exactName, MatchReason.exactName.baseScore - (inOrder ? 0 : otherOrderStep))
        }
    }

    /// Whether the record is spelled as `spelling` by a whole name of `WholeNameSources`: its
    /// display name written "Family, Given" read given name first, or the company of a record
    /// named by nothing else.
    static func spelledAsDisplayedOtherwise(_ spelling: [UInt8], _ header: ContactRecordReader.Header) -> Bool {
        if let display = header.displayName, let parts = WholeNameSources.commaParts(of: display),
           NameSpelling.equals(spelling, UnsafeRawBufferPointer(rebasing: display[parts.given]), UnsafeRawBufferPointer(rebasing: display[parts.family])) {
            return true
        }
        let none: UnsafeRawBufferPointer? = nil
        let company = WholeNameSources.namingCompany(first: header.firstName, last: header.lastName, display: header.displayName, company: header.company)
        return company != nil && NameSpelling.equals(spelling, company, none)
    }

    /// What an exact whole-name match in the other order than typed scores less
    /// (`wholeNameMatch`): it stays above every folded match (at most `foldedName` +
    /// `foldedSpellingStep`).
    static let otherOrderStep = 0.005

    /// The order typed of a whole-name query, for `wholeNameMatch`: nil for a query with letters
    /// of another script than Latin (names written without spaces, family name first, "王伟").
    static func wholeNameOrder(_ text: String) -> TypedNameOrder? {
        NameNormalizer.hasNonLatinLetters(text.utf8) ? nil : TypedNameOrder.of(text)
    }

    /// The score of a whole name that is the query's at collation strength but not spelled as
    /// typed: `foldedName`'s, and `foldedSpellingStep` times the share of the typed words it
    /// spells the same (`NameSpelling.wordsAlike`, the best of the name's orders; at most all
    /// but one of them, else it would be exact: 0.86 at most for two words), so that among
    /// namesakes that differ in accents, the ones spelled as typed come first. It stays below
    /// `exactName` (and its other order's score) and at least at the confident score.
    static func foldedScore(_ spelling: [UInt8], _ header: ContactRecordReader.Header) -> Double {
        let none: UnsafeRawBufferPointer? = nil
        let company = WholeNameSources.namingCompany(first: header.firstName, last: header.lastName, display: header.displayName, company: header.company)
        let alike = max(
            NameSpelling.wordsAlike(spelling, header.displayName ?? company, none),
            NameSpelling.wordsAlike(spelling, header.firstName, header.lastName),
            NameSpelling.wordsAlike(spelling, header.lastName, header.firstName))
        let words = NameSpelling.wordCount(ofKey: spelling)
        guard words > 0 else { return MatchReason.foldedName.baseScore }
        return MatchReason.foldedName.baseScore + foldedSpellingStep * Double(min(alike, words - 1)) / Double(words)
    }

    /// `foldedScore` of the record at `slot`; nil when the slot holds none.
    static func foldedScore(_ spelling: [UInt8], slot: UInt32, in store: ContactRecordStore) -> Double? {
        store.withRecord(slot) { record in
            var reader = ContactRecordReader(record)
            return foldedScore(spelling, reader.header())
        }
    }

    /// `foldedScore` of the records of a store for one query's spelling, as a value: a
    /// closure passed as an optional argument escapes, so its context (the store and the
    /// spelling) went to the heap for every whole-name look-up.
    struct FoldedNameScoring {
        let spelling: [UInt8]
        let store: ContactRecordStore

        /// `foldedScore` of the record at `slot`; nil when the slot holds none.
        func score(of slot: UInt32) -> Double? { ContactDirectory.foldedScore(spelling, slot: slot, in: store) }
    }

    /// What a folded whole-name match would gain for all of the typed words spelled as typed
    /// (`foldedScore`; it gains a share of it): less than the step from `foldedName` to
    /// `exactName` minus `otherOrderStep`.
    static let foldedSpellingStep = 0.02
}
