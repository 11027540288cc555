extension ContactDirectory {
    /// The contacts that may match two query tokens typed alike ("mar mar", "li li") with
    /// spellings of one band of theirs: those in the posting lists of two of the band's spellings
    /// ("mara" and "mark"), and those with one of them twice in one name ("Mara Mara", the
    /// index's `repeatingSlots`). Ascending, without repeats. A superset: a dead posting, or a
    /// slot in both parts of one list, may put a contact here that does not have two; the walk
    /// verifies each contact on its token list, as always.
    ///
    /// Why: when two required tokens are typed alike, the check of one passes on the very token
    /// that put a contact in the other's list, so every contact of the band used to be read and
    /// rejected: "mar mar" read 7,230 contacts of the four-letter "mar…" tokens at a million
    /// contacts to find the few hundred with two of them, a millisecond where other type-ahead
    /// queries take a tenth of that. The lists are read here without reading any contact.
    /// - Parameter token: the query token the band belongs to (either of the two).
    /// - Complexity: O(p + n/64) for the band's p postings over n slots, plus O(r) for the r
    ///   repeating slots and O(c log c) to sort the c found.
    func twinCandidates(of band: NameSpellingBand, token: NameQueryToken) -> [UInt32] {
        let index = nameTokenIndex
        var seen = [UInt64](repeating: 0, count: store.slotCount / 64 + 1)
        var twice: [UInt32] = []
        // The bits are set in place, not through `insertSlot` (`SlotBitmap`), whose checks of the
        // array for each slot cost this function 19% more instructions (150 twin queries at
        // 200,000 contacts, callgrind).
        seen.withUnsafeMutableBufferPointer { seen in
            @inline(__always) func note(_ list: [UInt32]) {
                for slot in list {
                    let word = Int(slot >> 6)
                    guard word < seen.count else { continue }
                    let bit: UInt64 = 1 << UInt64(slot & 63)
                    if seen[word] & bit != 0 { twice.append(slot) } else { seen[word] |= bit }
                }
            }
            for position in band.positions {
                let parts = token.postings(atPosition: position, index: index)
                note(parts.main)
                note(parts.recent)
            }
            for slot in index.repeatingSlots where UnsafeBufferPointer(seen).containsSlot(slot) { twice.append(slot) }
        }
        twice.sortAndDropRepeats()
        return twice
    }

    /// Whether two of the required query tokens are typed alike.
    static func hasTokensTypedAlike(required: [Int], query: [NameQueryToken]) -> Bool {
        required.indices.contains { later in required[..<later].contains { query[$0].text == query[required[later]].text } }
    }

    /// Whether the driving band of a tier's combination and the band of the required token at
    /// `position` are the same spellings of two tokens typed alike, so that the walk reads
    /// `twinCandidates` (see `walkTier`).
    /// - Parameter chosen: the bands of the combination, by required token.
    static func isTwin(_ position: Int, of driver: Int, chosen: [NameSpellingBand], query: [NameQueryToken], required: [Int]) -> Bool {
        guard position != driver else { return false }
        let (token, driving) = (query[required[position]], query[required[driver]])
        return token.text == driving.text && chosen[position].ids.elementsEqual(chosen[driver].ids)
            && driving.initialsBitmap(covering: chosen[driver]) == nil
    }
}
