/// A whole name equal to the query at collation strength, read on its record: spelled as typed
/// (`exactName`) or not (`foldedName`), and then how much of it is spelled as typed.
extension ContactDirectory {
    /// The match of the record at `slot`, a namesake of the query at collation strength, read
    /// on its bytes (no contact is rebuilt): `exactName` when it has a whole name spelled as
    /// `spelling` (case aside), else `foldedName` at its base score (`foldedScore` gives the
    /// one that counts its spelling). Nil when the slot holds no record.
    static func wholeNameMatch(_ spelling: [UInt8], slot: UInt32, in store: ContactRecordStore) -> (reason: MatchReason, score: Double)? {
        store.withRecord(slot) { record -> (reason: MatchReason, score: Double) in
            var reader = ContactRecordReader(record)
            let header = reader.header()
            let none: UnsafeRawBufferPointer? = nil
            if NameSpelling.equals(spelling, header.displayName, none)
                || NameSpelling.equals(spelling, header.firstName, header.lastName)
                || NameSpelling.equals(spelling, header.lastName, header.firstName)
                || NameSpelling.equalsJoined(spelling, header.lastName, header.firstName)
            {
                return (.exactName, MatchReason.exactName.baseScore)
            }
            return (.foldedName, MatchReason.foldedName.baseScore)
        }
    }

    /// The score of a whole name that is the query's at collation strength but not spelled as
    /// typed: `foldedName`'s, and `foldedSpellingStep` more for all of the typed words spelled
    /// the same, in proportion (`NameSpelling.wordsAlike`, the best of the name's orders), so
    /// that among namesakes that differ in accents, the ones spelled as typed come first. It
    /// stays below `exactName` and at least at the confident score, as every folded match.
    static func foldedScore(_ spelling: [UInt8], _ header: ContactRecordReader.Header) -> Double {
        let none: UnsafeRawBufferPointer? = nil
        let alike = max(
            NameSpelling.wordsAlike(spelling, header.displayName, none),
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

    /// What a folded whole-name match gains, at most, for the typed words it spells as typed
    /// (`foldedScore`): less than the step from `foldedName` to `exactName` (0.03).
    static let foldedSpellingStep = 0.02
}
