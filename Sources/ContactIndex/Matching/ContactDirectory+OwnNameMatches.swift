extension ContactDirectory {
    /// How the name words `text` match each of a few given contacts, each scored on its own:
    /// the score and reason the name search gives the contact in a directory of that contact
    /// alone (`collectNameMatches` without a fill budget), or no entry when it gives none.
    ///
    /// Why: a free-text query of name words and a number or an address's start ("N. 81135",
    /// "John john.s") confirms the contacts the number or address finds with the name words.
    /// Those were looked for among the best 200 name matches only, and a common word ties
    /// thousands of contacts (in `c1m.csv`, "john" is a name of 4,951 contacts, and 46,076 have a
    /// Latin name token starting with "n"), so the contact whose number holds the digits was
    /// mostly not among them, and went unconfirmed. The identity side is a few dozen to a few
    /// hundred contacts: each is scored here on its own token list.
    ///
    /// As in a search of that one contact: a whole name equal to the query (`exactName`,
    /// `foldedName`, or folded to Latin, `transliteratedName`) ends there; else its tokens are
    /// scored against every spelling of the query's tokens (`offerTokenMatch`, all required),
    /// then without the particles ("van der Berg" of a stored "Berg"), and the joined forms of
    /// the query the same way (`tokenPasses`; a pass of joined neighbours only for the contacts
    /// no earlier pass matched).
    ///
    /// A partial match (some of the words, `partialName`) is not one: a confirmation adds the
    /// same 0.05 to the better of the two scores whatever the name match, and the address's
    /// score is the better one, so a contact of one matching word would tie with one of the
    /// whole name ("想阳 朱" with "小玉 朱" for "小玉 zhu.x"). The search offers partial matches
    /// only when nothing matches whole either.
    /// - Parameter floor: the caller wants no match scoring less: spellings of kinds whose
    ///   matches score less (typing errors, romanizations) and the pass without particles are
    ///   left out when they cannot reach it. A contact's match at or above it scores what it
    ///   would with them (a token claims its best spelling first, so a weaker one only matches
    ///   a token that has no better, and the match then scores below its kind's ceiling).
    /// - Complexity: the query tokens' spellings once (typing errors and romanizations
    ///   included when they may reach `floor`), then a token-list read for each contact, plus
    ///   the namesakes of the whole name's keys.
    func ownNameMatches(_ text: String, slots: [UInt32], atLeast floor: Double = 0) -> [UInt32: TopMatches.Entry] {
        guard !slots.isEmpty else { return [:] }
        var wanted = SmallIDMap(capacity: slots.count)
        for slot in slots { wanted.insert(slot) }
        var found: [UInt32: TopMatches.Entry] = [:]
        func keep(_ slot: UInt32, _ score: Double, _ reason: MatchReason) {
            if let kept = found[slot], kept.score >= score { return }
            found[slot] = TopMatches.Entry(slot: slot, score: score, reason: reason)
        }
        let marked = preparer.names.tokensMarkingHyphens(text)
        // Whole names: those that have one equal to the query are answered by it alone.
        // And under its German and Nordic spelling, for a query with umlauts (as
        // `collectWholeNameSpellings`).
        let keys = [preparer.names.collationKey(text)] + (transcribedCollationKey(of: text).map { [$0] } ?? [])
        let spelling = NameSpelling.key(text)
        let order = Self.wholeNameOrder(text)
        let store = self.store
        let live = slotLiveness
        for key in keys where key.count > 1 {
            nameKeyIndex.forEachEqual(key, isLive: { live.isLive($0, $1) }) { slot in
                guard wanted.contains(slot), let match = Self.wholeNameMatch(spelling, slot: slot, in: store, order: order) else { return }
                keep(slot, match.score, match.reason)
            }
        }
        if let latin = LatinNameKey.key(tokens: marked.map(\.token)) {
            nameKeyIndex.forEachEqual(latin, isLive: { live.isLive($0, $1) }) { slot in
                if wanted.contains(slot) { keep(slot, MatchReason.transliteratedName.baseScore, .transliteratedName) }
            }
        }
        let rest = slots.filter { found[$0] == nil }
        guard !rest.isEmpty else { return found }
        let index = nameTokenIndex
        let options = configuration.nameMatching
        let otherScript = NameNormalizer.hasNonLatinLetters(text.utf8)
        let typedOrder = TypedNameOrder.of(text)
        let transcribed = TranscribedQueryTokens(text: text, tokens: marked.map(\.token), names: preparer.names)
        for pass in Self.tokenPasses(marked, untitled: nil, typed: text) {
            // A pass for the contacts no earlier one matched well enough (`TokenPass.onlyWithoutFullMatch`,
            // `answersBeforeJoining`).
            let slots = pass.onlyWithoutFullMatch ? rest.filter { found[$0].map { !Self.answersBeforeJoining($0) } ?? true } : rest
            if slots.isEmpty || !pass.isRunnable(in: nameTokenIndex) { continue }
            var query = pass.tokens.indices.map { position in
                NameQueryToken(
                    text: pass.tokens[position], index: index, options: options, nicknames: NicknameTable.shared,
                    typedWhole: pass.typedWhole[position], typedInOtherScript: otherScript,
                    transcriptions: transcribed.spellings(of: pass.tokens[position]))
            }
            // A particle stands in front of a surname: "Vijaya Das" ends in one, not in a particle.
            query[query.count - 1].isParticle = false
            for position in query.indices { query[position].typedOrder = typedOrder }
            // The most a match whose weakest token is of a kind scores: its base and the bonus.
            let reaches = { (kind: TokenMatchKind) in floor <= kind.reason.baseScore + Self.maximumBonus }
            if reaches(.fuzzyOne) {
                for position in query.indices {
                    query[position].addDistantSpellings(
                        index: index, options: options, throughRomanized: reaches(.romanized) || reaches(.fuzzyTwo))
                }
            }
            let all = query.indices.reduce(UInt32(0)) { $0 | 1 << UInt32($1) }
            let essential = query.indices.filter { !query[$0].isParticle }.reduce(UInt32(0)) { $0 | 1 << UInt32($1) }
            // Each contact is offered once a pass, so the selection never fills (and never
            // closes to a contact before scoring it).
            var top = TopMatches(limit: slots.count, of: self)
            for slot in slots {
                if offerTokenMatch(slot: slot, query: query, requiring: all, into: &top) { continue }
                // Without the particles, a match scores 0.41 and a third of the bonus.
                if essential != 0, essential != all, floor <= 0.41 + Self.maximumBonus / 3 {
                    offerTokenMatch(slot: slot, query: query, requiring: essential, into: &top)
                }
            }
            for entry in top.entries { keep(entry.slot, entry.score, entry.reason) }
        }
        return found
    }

    /// Offers the identity matches left in `identity` (those that are not among the name
    /// matches) to `top`: each scored on its own against the name words `text`
    /// (`ownNameMatches`), and when that scores at least `floor` (the last name match's score
    /// when the name matches filled their limit, else 0), 0.05 above the better of its two (at
    /// most 0.99), with the better one's reason and position; else as it is.
    ///
    /// Why the floor: a contact is confirmed when its name match is one the name side could
    /// list, as before; what changes is the contacts that tie with the last one listed. A word
    /// that thousands of contacts share ("john", "N.") fills the 200 name matches with
    /// ties, cut by entity and id, and the contact whose number or address the query holds was
    /// confirmed only if it fell among them (a lead "Tom Riley" with the number ranked below a
    /// contact with the number and another name). A weaker name match (one typing error of a
    /// word that 200 contacts match exactly) stays unconfirmed, as it was: a confirmation adds
    /// 0.05 to the better score, the number's or the address's, whatever the name match.
    func confirmOnTheirOwn(_ identity: [UInt32: TopMatches.Entry], names text: String, atLeast floor: Double, into top: inout TopMatches) {
        let own = ownNameMatches(text, slots: Array(identity.keys), atLeast: floor)
        for other in identity.values {
            guard let name = own[other.slot], name.score >= floor else {
                top.offer(slot: other.slot, score: other.score, reason: other.reason, position: Int(other.position))
                continue
            }
            let better = other.score >= name.score ? other : name
            top.offer(slot: other.slot, score: min(0.99, max(other.score, name.score) + 0.05), reason: better.reason, position: Int(better.position))
        }
    }
}
