extension ContactDirectory {
    /// After an exact whole name, the names an initial typed with a family name stands for:
    /// "J Smith" matched the record stored as "J. Smith" and ended the search there, hiding John
    /// Smith and John Michael Smith. Those are the whole names that start with the family name
    /// and the initial in family-first order ("smith j…", one range of the whole-name keys, where
    /// every contact has its family-first key), each confirmed on its record: family name spelled
    /// as typed, given name starting with the initial. They rank as `initials` matches, below
    /// the exact one.
    ///
    /// Why not the token search, which finds them too: it costs about a hundred microseconds,
    /// and exact whole names with an initial are a share of the exact-name class (its p99 target
    /// is 20 µs); one range walk costs a collation key and a few record reads.
    /// - Complexity: one collation key, O(log n + 4 · limit) in the sorted keys, a record read
    ///   per candidate.
    func offerInitialCompletions(_ text: String, into top: inout TopMatches) {
        guard top.entries.count < top.limit, let parts = TypedNameOrder.initialAndFamily(text) else { return }
        let bounds = preparer.names.collationPrefixBounds("\(parts.family) \(parts.initial)")
        guard !bounds.lower.isEmpty else { return }
        let family = NameSpelling.key(String(parts.family))
        let initial = NameSpelling.key(String(parts.initial))
        // Read through locals: a closure that reads a property of the directory copies it.
        let index = nameKeyIndex
        let live = slotLiveness
        let store = self.store
        // Twice the room left: the completions before (`offerWholeNameCompletions`) walked the
        // start of the same range already.
        let scan = (top.limit - top.entries.count) * 2
        _ = offeringNamesakes(to: &top) { top in
            index.forEachInRange(lower: bounds.lower, upper: bounds.upper, limit: scan, isLive: { live.isLive($0, $1) }) { slot in
                let fits = store.withRecord(slot) { record -> Bool in
                    var reader = ContactRecordReader(record)
                    let header = reader.header()
                    let none: UnsafeRawBufferPointer? = nil
                    guard let given = header.firstName, NameSpelling.equals(family, header.lastName, none) else { return false }
                    return NameSpelling.key(String(recordBytes: given)).starts(with: initial)
                }
                if fits == true { top.offer(slot: slot, score: MatchReason.initials.baseScore, reason: .initials) }
            }
            return true
        }
    }
}
