extension ContactDirectory {
    /// The most nickname forms of a query `collectNicknameWholeNames` looks up, the most common
    /// first: each costs a collation key and a binary search through every whole name (about 2
    /// µs at a million contacts), and "Ricky Miller" has 7 forms that are names there. With
    /// all of them looked up, the exact-name class's p99 went from 12 to 16–20 µs.
    static let maximumNicknameWholeNames = 4

    /// Offers to `top` the contacts whose whole name is the query with one of its words
    /// replaced by a nickname or formal form of it (`NicknameTable`), as `nickname` matches:
    /// "Bobby Brown" finds Robert Brown and "Robert Brown" Bob Brown.
    ///
    /// The search runs this after a whole-name match, which ends it before the token search
    /// (whose nickname tier would have found them): when the directory has a Bobby Brown, the
    /// agent who typed "Bobby Brown" for Robert Brown saw only Bobby. Each form is checked
    /// against the token sets of whole names first (`WholeNameTokenFilter`, a hash of token
    /// ids), and only one that may be a contact's name costs a collation-key look-up, as the
    /// whole name's own (`collectWholeNameMatches`), the most common ones first and at most
    /// `maximumNicknameWholeNames` of them. Without the filter, the forms' look-ups took the
    /// exact-name class's p99 from 12 to 24–28 µs at a million contacts.
    ///
    /// Only Latin queries of two to four words, and only while `top` has room: a name in
    /// another script has no nicknames in the table, and a full `top` keeps its whole names
    /// (they score above any nickname).
    /// - Parameter tokens: the query's folded tokens, in the order typed.
    /// - Parameter ids: their vocabulary ids (`TokenVocabulary.ids(of:)`).
    /// - Parameter typedInASCII: whether the query was typed in ASCII (then its forms' collation
    ///   keys are their folded tokens' keys, and no `LatinNameKey` is looked up).
    /// - Complexity: O(f) filter probes for the f forms, and for those that pass (at most
    ///   `maximumNicknameWholeNames`) a look-up each, O(log n) plus O(limit) a namesake.
    func collectNicknameWholeNames(_ tokens: [String], ids: [UInt32], typedInASCII: Bool, into top: inout TopMatches) {
        guard (2...4).contains(tokens.count), top.entries.count < top.limit else { return }
        let index = nameTokenIndex
        // The mixed sum of the query's token ids (`WholeNameTokenFilter.hash`): a form's set is
        // one id replaced.
        let sum = ids.reduce(UInt64(0)) { $0 &+ WholeNameTokenFilter.mix(UInt64($1)) }
        // The score the token search gives a whole name of one nickname and exact words in
        // the order typed. One in the other order scores the same here: telling the orders
        // apart read every namesake's record, a cache miss each ("Ricky Miller", with its
        // Richard, Rick and Ricardo Millers, took 36 µs at a million contacts), for a tie-break
        // among nickname matches.
        let qualitySum = TokenMatchKind.nickname.quality + Float(tokens.count - 1) * TokenMatchKind.exact.quality
        let score =
            MatchReason.nickname.baseScore
            + Self.bonus(qualitySum: qualitySum, tokens: tokens.count, personal: Double(tokens.count), matched: tokens.count)
        // The forms that may be a contact's name, the most common nickname first (its token's
        // postings): "Ricky Miller" may be Richard, Eric, Derek, Derrick, Frederick, Ricardo
        // or Rick Miller.
        var forms: [(position: Int, id: UInt32, postings: Int)] = []
        for (position, id) in ids.enumerated() {
            for related in index.nicknames.related(to: id) {
                let formSum = sum &- WholeNameTokenFilter.mix(UInt64(id)) &+ WholeNameTokenFilter.mix(UInt64(related))
                guard index.wholeNames.mayContain(WholeNameTokenFilter.hash(sum: formSum, count: UInt64(ids.count))) else { continue }
                forms.append((position, related, index.postingCount(of: related)))
            }
        }
        forms.sort { ($1.postings, $0.id, $0.position) < ($0.postings, $1.id, $1.position) }
        let ties = slotTies
        let tokenLists = index.tokenLists
        for form in forms.prefix(Self.maximumNicknameWholeNames) {
            // Once `top` is full, a form's namesakes enter only above its last entry: none
            // when that scores more, else those of a tie value up to its.
            var bound = UInt64.max
            if top.entries.count >= top.limit, !top.mayConfirm, let last = top.entries.last {
                if last.score > score { return }
                if last.score == score { bound = ties.nameKeyTie(last.slot) }
            }
            var words = tokens
            words[form.position] = String(decoding: index.vocabulary.bytes(of: form.id), as: UTF8.self)
            // A nickname stands for a given name only, as in the token search: "Stephen Hal" is
            // not Stephen Henry, nor "Bobby Brown" a Brown Robert (given name Brown). A look at
            // each namesake's token list (no record) tells; it is skipped when no two-word
            // person name has the nickname form's name as family name (`roleHash`: with it for
            // every namesake, the exact class's p99 rose by 3 µs at a million contacts).
            let related = form.id
            let mayTakeFamilyName: Bool
            if ids.count == 2 {
                let other = WholeNameTokenFilter.mix(UInt64(ids[1 - form.position]))
                let nickname = WholeNameTokenFilter.mix(UInt64(related))
                mayTakeFamilyName =
                    index.wholeNames.mayContain(WholeNameTokenFilter.roleHash(givenSum: other, familySum: nickname))
                    || index.wholeNames.mayContain(WholeNameTokenFilter.roleHash(givenSum: 0, familySum: other &+ nickname))
            } else {
                mayTakeFamilyName = true
            }
            // A local function passed as a non-escaping argument: a closure stored in a
            // constant copied the token index into a context on the heap for every form.
            func read(_ slot: UInt32) -> NamesakeMatch? {
                guard mayTakeFamilyName else { return (.nickname, score) }
                return tokenLists.withTokens(of: slot) { entries in
                    entries.contains { entry in
                        let role = NameTokenIndex.role(ofEntry: entry)
                        return entry & NameTokenIndex.idMask == related
                            && (role == NameTokenRole.given.rawValue || role == NameTokenRole.display.rawValue)
                    }
                } ? (.nickname, score) : nil
            }
            let found = offerNamesakes(key: preparer.names.collationKey(words.joined(separator: " ")), tiesUpTo: bound, into: &top, read: read)
            // A name outside ASCII may differ from its folded form at collation strength ("ı"
            // from "i": Robert Yılmaz for "Bobby Yılmaz"): its folded tokens are a key too,
            // looked up when the collation key found nobody (most such names differ in accents
            // only, and there it finds them: the second look-up for every form took the exact
            // class's p99 up by 3 µs at a million contacts).
            if !typedInASCII, !found, let latin = LatinNameKey.key(tokens: words) {
                offerNamesakes(key: latin, tiesUpTo: bound, into: &top, read: read)
            }
        }
    }
}
