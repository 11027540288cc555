extension ContactDirectory {
    /// The most whole names that extend the query a search lists after its whole-name match
    /// (the son, the colleague with a longer name): enough to tell them apart, and each one
    /// listed is a record read for the reply.
    static let maximumExtensions = 4

    /// After a whole name equal to the query ended a name search (`collectNameMatches`), the
    /// places the results have left go to the names an agent would also want to see, found in the
    /// same sorted index of whole names, without the token search:
    /// - the names that start with the query: "Henry Ford III" and "Henry Fordham" for "henry
    ///   ford", Jean-Luc Picard for "jean luc", Jordan Michaels for "jordan michael" (where
    ///   Michael Jordan is the exact match, swapped), as `namePrefix`;
    /// - the same name written in another script: 伟 张 for "wei zhang", Иван Петров for "ivan
    ///   petrov" (their Latin keys, `LatinNameKey`), and Wei Zhang for "张伟" (the whole name the
    ///   query reads as in Latin letters), as `transliteratedName`.
    ///
    /// The names that start with the query's words in the other order are listed too, as
    /// `namePrefix`: "maria garcia" lists María Isabel García (her family-given name "García
    /// María Isabel" starts with "garcia maria"), and "garcia maria" María García López. Before,
    /// a contact with a middle name, or a second family name typed first, was in no list once a
    /// namesake without it matched whole, though the token search finds every typed word on it
    /// (`nameTokens`) when no namesake is there.
    ///
    /// Why: the exact match is the confident answer and still comes first, but ending the search
    /// there hid the father for the son and the colleague whose given name is the other's whole
    /// name; the list is where the agent tells them apart. The look-ups are in the index the
    /// exact one just searched: two ranges of keys (at most `maximumExtensions` entries past the
    /// exact ones each) and one or two keys more.
    /// - Parameters:
    ///   - key: the collation key of the query whose whole name matched (without the titles
    ///     typed, when those were left out for the match): its names' prefix is that key
    ///     without its terminator (`ICUCollator.prefixBounds`).
    ///   - tokens: the query's folded tokens.
    ///   - ids: their vocabulary ids (`TokenVocabulary.ids(of:)`), nil when one is in no name.
    ///   - otherScript: whether the query has letters of another script than Latin.
    ///   - typedText: the query as typed, whose other order (`rotatedText`) is looked up too; nil
    ///     for none (another script).
    func offerWholeNameCompletions(
        key: [UInt8], from start: CollationKeyIndex.WalkStart? = nil, tokens: [String], ids: [UInt32]?, otherScript: Bool,
        typedText: String? = nil, into top: inout TopMatches
    ) {
        guard top.entries.count < top.limit else { return }
        offerNamesStarting(with: key, from: start, into: &top)
        // In the other order, only the names with every typed word whole: "robert brown" is not
        // the start of Roberta Brown ("brown roberta" starts with "brown robert"). Such a name
        // is longer than the query and holds its words, which the whole-name filter tells for
        // each pair of them (`longerNamePairHash`) before the rotated text is made (3.5% of an
        // exact-name look-up at a million contacts when it was made for every query) and its
        // key.
        if let typedText, let ids, !ids.isEmpty, Self.mayHaveLongerName(holding: ids, in: nameTokenIndex.wholeNames),
           let rotatedText = Self.rotatedText(typedText) {
            offerNamesStarting(with: preparer.names.collationKey(rotatedText), havingTokens: ids, into: &top)
        }
        guard top.entries.count < top.limit else { return }
        if !otherScript {
            // Only when a contact written beyond ASCII may be named these tokens
            // (`WholeNameTokenFilter.latinKeyHash`): one cache line instead of a search.
            guard let ids else { return }
            let hash = WholeNameTokenFilter.hash(of: ids)
            guard nameTokenIndex.wholeNames.mayContain(WholeNameTokenFilter.latinKeyHash(hash)) else { return }
            _ = offeringNamesakes(to: &top) { collectLatinWholeNameMatches(tokens, into: &$0) }
            return
        }
        // A query in another script reads as Latin tokens ("zhang wei" for 张伟): a Latin whole
        // name equal to them is the same person written in Latin letters. One look-up finds
        // either order: a contact's keys hold its given-family and family-given orders.
        guard !tokens.isEmpty, tokens.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return }
        var readings = TopMatches(limit: top.limit, of: self)
        collectWholeNameMatches(tokens.joined(separator: " "), order: nil, into: &readings)
        for entry in readings.entries {
            top.offer(slot: entry.slot, score: MatchReason.transliteratedName.baseScore, reason: .transliteratedName)
        }
    }

    /// Offers the whole names whose collation key starts with `key` (without its terminator)
    /// as `namePrefix` matches: the exact namesakes come first in the range (their key is its
    /// lower bound, and they keep their better score), then at most `maximumExtensions` names
    /// that extend it. With `tokens` (vocabulary ids), only the contacts that have each of them
    /// among their own names' tokens (not their company's) are offered.
    /// - Complexity: O(log n) for the range's start in the sorted keys, then the entries read
    ///   (and, with `tokens`, each one's token list).
    private func offerNamesStarting(
        with key: [UInt8], from start: CollationKeyIndex.WalkStart? = nil, havingTokens tokens: [UInt32]? = nil, into top: inout TopMatches
    ) {
        guard top.entries.count < top.limit else { return }
        var lower = key
        if lower.last == 0 { lower.removeLast() }
        guard !lower.isEmpty else { return }
        let bounds = (lower: lower, upper: lower + [0xFF, 0xFF, 0xFF, 0xFF])
        // The start of the key's own walk is the range's: no stored key lies between the key
        // and its start without the terminator (a collation key ends with its only zero, and
        // a key cut at `CollationKeyIndex.maximumKeyLength` is longer than any typed name's).
        let walkStart = key.last == 0 ? start : nil
        // Read through locals: a closure that reads a property of the directory copies it.
        let index = nameKeyIndex
        let live = slotLiveness
        let tokenLists = nameTokenIndex.tokenLists
        let scan = top.entries.count + Self.maximumExtensions
        _ = offeringNamesakes(to: &top) { top in
            index.forEachInRange(lower: bounds.lower, upper: bounds.upper, from: walkStart, limit: scan, isLive: { live.isLive($0, $1) }) { slot in
                // The exact namesakes start the other order's range too: listed already, their
                // token lists are not read.
                if let tokens, top.contains(slot: slot) || !tokenLists.withTokens(of: slot, { Self.names($0, every: tokens) }) { return }
                top.offer(slot: slot, score: MatchReason.namePrefix.baseScore, reason: .namePrefix)
            }
            return true
        }
    }

    /// Whether some contact may have three or more words of its own names, `ids` (a query's
    /// token ids) among them: for each two neighbouring ids that differ, the filter may hold
    /// their `longerNamePairHash`. False is certain for a contact whose `ids` are among the
    /// first `WholeNameTokenFilter.maximumPairedEntries` own-name entries of its token list; a contact
    /// whose longer whole name adds only punctuation to two words ("Maria Garcia." for "garcia
    /// maria") has no pairs and is not listed in the other order.
    /// A word typed twice and nothing else ("lee lee") has no such pair: true.
    static func mayHaveLongerName(holding ids: [UInt32], in filter: WholeNameTokenFilter) -> Bool {
        for (earlier, later) in zip(ids, ids.dropFirst()) where earlier != later {
            guard filter.mayContain(WholeNameTokenFilter.longerNamePairHash(earlier, later)) else { return false }
        }
        return true
    }

    /// Whether each of `tokens` (vocabulary ids) is among `entries` (a contact's token list)
    /// in a role other than the company's.
    private static func names(_ entries: UnsafeBufferPointer<UInt32>, every tokens: [UInt32]) -> Bool {
        tokens.allSatisfy { id in
            entries.contains { $0 & NameTokenIndex.idMask == id && NameTokenIndex.role(ofEntry: $0) != NameTokenRole.company.rawValue }
        }
    }

    /// A name query's words (`NameNormalizer.normalizedSpacing`) with the last one moved first:
    /// "garcia maria" for "maria garcia", "smith john" for "John Smith"; nil for one word, and
    /// for a query with an initial ("J Smith"), whose names `offerInitialCompletions` confirms.
    /// A contact is keyed under its given-family and family-given names, so the names that
    /// start with this are those whose other order starts with the words typed.
    /// On bytes: the spacing is one space between words, so the last word is what follows the
    /// last space (splitting the `String` into `Character`s had cost 7% of an exact-name
    /// look-up at a million contacts).
    static func rotatedText(_ text: String) -> String? {
        let spaced = Array(NameNormalizer.normalizedSpacing(text).utf8)
        guard let lastSpace = spaced.lastIndex(of: 32) else { return nil }
        // No word of one letter (one scalar: its first byte and its continuation bytes).
        var letters = 0
        for byte in spaced {
            if byte == 32 {
                if letters < 2 { return nil }
                letters = 0
            } else if byte & 0xC0 != 0x80 {
                letters += 1
            }
        }
        guard letters >= 2 else { return nil }
        var rotated = Array(spaced[(lastSpace + 1)...])
        rotated.append(32)
        rotated += spaced[..<lastSpace]
        return String(decoding: rotated, as: UTF8.self)
    }
}
