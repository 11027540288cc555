extension ContactDirectory {
    /// Finds contacts by name the way an agent types one: any case, accents or script, tokens in
    /// any order and with any punctuation, type-ahead prefixes of every token, initials,
    /// nicknames both ways, multi-part surnames by either part or joined, and typing errors
    /// within the configured budget (`NameMatchingOptions`).
    ///
    /// Ranking (`MatchReason` holds the scores): the whole name as stored, case aside
    /// (`exactName`), then equal at primary collation strength (`foldedName`), then equal once
    /// folded to Latin (`transliteratedName`), then every token equal (`nameTokens`), then by
    /// the weakest token: nickname, prefix, initial, one edit, two edits; then partial matches.
    /// Ties go to more tokens matched well, then entity priority, then id.
    ///
    /// How: whole names are looked up by collation key (binary search), then by their tokens
    /// folded to Latin (`LatinNameKey`); a whole name equal to the query is a confident answer
    /// and ends the look-up. Otherwise each query token is
    /// expanded over the token vocabulary (exact, nicknames, prefix range, typing errors through
    /// `TokenDeletionIndex`, romanized spellings; a common prefix's spellings also read as one
    /// list, `TokenPrefixPostings`), and contacts are gathered tier by tier (see
    /// `collectTokenMatches`): each tier is split into combinations of one band of spellings per
    /// token (`TierCombination`), walked by the most their contacts can score; in each, the
    /// token whose band has the fewest postings drives, best spelling first, the others filter,
    /// survivors are scored from their token lists, and the search stops once nothing left
    /// could enter the results. The tiers after the prefix tier that only fill results already
    /// holding an exact, nickname or prefix match do a bounded amount of work (`FillBudget`). Only when no contact
    /// matches every token do contacts matching some tokens fill the results (a bounded pass).
    /// - Parameters:
    ///   - text: the name as typed; empty or punctuation-only text gives no results.
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked matches.
    /// - Complexity: O(log n) for the whole-name look-up; a few dozen hash probes per token for
    ///   its typing errors; per tier, O(P) for the postings P of the driving token's spellings
    ///   and of the filters built, plus O(c · t) to score c candidates of t tokens.
    public func lookup(fuzzyName text: String, limit: Int? = nil) -> [Match] {
        lookup(fuzzyName: text, limit: limit, exhaustive: false)
    }

    /// `lookup(fuzzyName:limit:)`, optionally without the early stop inside a tier: tests show
    /// that the stop never changes the results. (The fill budget still ends walks unless
    /// `fillLimit` is nil.)
    /// - Parameter latinKeys: look whole names up by `LatinNameKey` (tests compare that with
    ///   the token search alone).
    /// - Parameter fillLimit: the postings the tiers that fill the results may read
    ///   (`FillBudget`); nil: no limit.
    func lookup(
        fuzzyName text: String, limit: Int?, exhaustive: Bool, latinKeys: Bool = true, fillLimit: Int? = FillBudget.standard
    ) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        guard limit > 0 else { return [] }
        var top = TopMatches(limit: limit, of: self)
        collectNameMatches(text, exhaustive: exhaustive, latinKeys: latinKeys, fillLimit: fillLimit, into: &top)
        return matches(from: top)
    }

    func matches(from top: TopMatches) -> [Match] {
        prefetchRecords(of: top)
        return top.entries.compactMap { entry in
            storedContact(slot: entry.slot).map { Match(contact: $0, score: entry.score, reason: entry.reason) }
        }
    }

    /// Offers every name match of `text` to `top`.
    /// - Parameter exhaustive: score every candidate of a tier, without the early stop of
    ///   `collectTier` (tests compare the two).
    /// - Parameter latinKeys: look whole names up by `LatinNameKey` before the token search.
    /// - Parameter fillLimit: the postings the tiers that fill the results may read
    ///   (`FillBudget`); nil: no limit.
    func collectNameMatches(
        _ typed: String, exhaustive: Bool = false, latinKeys: Bool = true, fillLimit: Int? = FillBudget.standard, into top: inout TopMatches
    ) {
        // Emoji and other symbols are no one's name (the fold drops them from the tokens).
        // A name typed decomposed is read composed, as the stored names are (`CanonicalComposition`).
        let text = NameNormalizer.withoutSymbols(CanonicalComposition.composed(typed))
        // The query's script and order typed, read once for the whole-name look-up and the
        // token search.
        let otherScript = NameNormalizer.hasNonLatinLetters(text.utf8)
        let order = TypedNameOrder.of(text)
        // A whole name equal to the query (case, accents, script and word order aside) is a
        // confident answer: the search ends there, without suggesting other spellings.
        // Its nickname forms still have room below it (`collectNicknameWholeNames`), and so
        // have the names that extend it and the same name in another script
        // (`offerWholeNameCompletions`).
        let key = preparer.names.collationKey(text)
        // Where the key's walks start: its namesakes', then the names that extend it.
        let start = nameKeyIndex.start(of: key)
        if offeringNamesakes(to: &top, { collectWholeNameSpellings(text, key: key, from: start, order: otherScript ? nil : order, into: &$0) }) {
            offerAfterWholeName(text, key: key, from: start, otherScript: otherScript, into: &top)
            offerInitialCompletions(text, into: &top)
            offerUntitledWholeNames(of: text, into: &top)
            return
        }
        let marked = preparer.names.tokensMarkingHyphens(text)
        let tokens = marked.map(\.token)
        // So is one equal once folded to Latin ("satia corlu" for "Satıa Çorlu", "ivan ivanov"
        // for "Иван Иванов"): what the token search below would end on at its first tier.
        if latinKeys, offeringNamesakes(to: &top, { collectLatinWholeNameMatches(tokens, into: &$0) }) { return }
        // And so is either of them once the titles typed around the name are left out: "Mr
        // William Thompson" is William Thompson (`NameTitles`).
        var untitledMarked: [(token: String, beforeHyphen: Bool)]? = nil
        if let untitled = NameTitles.stripping(text) {
            let untitledKey = preparer.names.collationKey(untitled)
            if offeringNamesakes(to: &top, { collectWholeNameSpellings(untitled, key: untitledKey, order: Self.wholeNameOrder(untitled), into: &$0) }) {
                offerAfterWholeName(untitled, key: untitledKey, otherScript: otherScript, into: &top)
                offerInitialCompletions(untitled, into: &top)
                return
            }
            untitledMarked = preparer.names.tokensMarkingHyphens(untitled)
            let untitledTokens = untitledMarked!.map(\.token)
            if latinKeys, offeringNamesakes(to: &top, { collectLatinWholeNameMatches(untitledTokens, into: &$0) }) { return }
        }
        // One budget for the whole search, the joined form's included.
        var budget = FillBudget(limit: fillLimit)
        let typing = WrittenAccents.QueryTyping(text: text, foldedTokens: tokens, otherScript: otherScript)
        let transcribed = TranscribedQueryTokens(text: text, tokens: tokens, names: preparer.names)
        func run(_ pass: TokenPass) {
            if !pass.isRunnable(in: nameTokenIndex) { return }
            if pass.onlyWithoutFullMatch, top.entries.contains(where: { Self.answersBeforeJoining($0, joiningTypedHyphens: pass.joinsTypedHyphens) }) {
                return
            }
            collectTokenMatches(
                pass.tokens, typedWhole: pass.typedWhole, typedInOtherScript: otherScript, typedOrder: order, typing: typing,
                transcribed: transcribed, exhaustive: exhaustive, budget: &budget, into: &top)
        }
        // The passes that join the query's parts come after the others when no title was typed
        // (`SplitTokenPasses`), and each runs only while the results hold no answer: made only
        // then. Made for every query, they were about 3% of a type-ahead one at a million
        // contacts (the joined strings, the lists of readings, the legal-form sets).
        guard untitledMarked == nil else {
            Self.tokenPasses(marked, untitled: untitledMarked, typed: text).forEach(run)
            return
        }
        let split = SplitTokenPasses(marked, typed: text)
        split.leading.forEach(run)
        // An answer of the strictest reading (a one-edit match does not stop the pass of the
        // hyphens typed) stops them all.
        if top.entries.contains(where: { Self.answersBeforeJoining($0, joiningTypedHyphens: true) }) { return }
        split.later().forEach(run)
    }

    /// The token searches of a name query, from its folded tokens with their hyphen marks
    /// (`NameNormalizer.tokensMarkingHyphens`): the tokens without a company's legal form ("Acme
    /// Ltd" is found as "Acme": legal forms are not indexed), the first 8, each with whether the
    /// agent typed it whole (a hyphen follows it, or it is a particle between two words: "de" in
    /// "ana de garza" is the name's particle, not the start of "delgado"; as the first or last
    /// word it may start a name being typed); then, when the query has particles, its joined
    /// form ("van der berg" also as "vanderberg", "al husseini" as "alhusseini": stored names
    /// written as one word);
    /// then, when it has parts linked by hyphens, the form with those joined ("min-jun kim" also
    /// as "minjun kim"), and the forms with one pair of neighbours joined ("min jun kim" as
    /// "minjun kim" and "min junkim": `JoinedQueryTokens`). A search runs these last ones only
    /// while the passes before left no full match (`onlyWithoutFullMatch`): one more pass cost
    /// the hyphenated queries with typing errors about 40 µs at the median at a million
    /// contacts, and a full match of the parts as typed is as good an answer. And they run only
    /// when the vocabulary has the words they join (`requiredTokens`): run for every query
    /// without a full match, the pairs' passes took the two-typing-error class's p99 from 253 to
    /// 330 µs and the unknown names' median from 28 to 60 µs, and one hyphenated query with
    /// typing errors ("Ea-Mariie Karge") went from under 245 to 293 µs. None when no token is
    /// left.
    ///
    /// With `untitled`, the tokens of the query without the titles typed around the name ("Dr.
    /// Watson", "Mr. Jon Smith": `NameTitles`), the passes of those come first, then the
    /// query's own, titles included; a contact keeps its best score of the two. A title no name
    /// has made every contact a partial match ("Mr. Smith" ranked every Smith at 0.20), but a
    /// title's letters may be a name's own read from another script ("mr alnjar": عمر النجار,
    /// a whole name only with them).
    static func tokenPasses(_ marked: [(token: String, beforeHyphen: Bool)], untitled: [(token: String, beforeHyphen: Bool)]?) -> [TokenPass] {
        guard let untitled else { return tokenPasses(marked) }
        var passes = tokenPasses(untitled)
        for pass in tokenPasses(marked) where !passes.contains(where: { $0.tokens == pass.tokens }) { passes.append(pass) }
        return passes
    }

    /// `tokenPasses(_:untitled:)`, with the readings of the initialisms typed in `text`
    /// (`TypedInitialisms`): letters typed with points ("J.R. Smith") as one word, right after
    /// the first pass; two or three capitals ("JL Picard") as initials, last.
    static func tokenPasses(
        _ marked: [(token: String, beforeHyphen: Bool)], untitled: [(token: String, beforeHyphen: Bool)]?, typed text: String
    ) -> [TokenPass] {
        var passes = tokenPasses(marked, untitled: untitled)
        guard let first = passes.first else { return passes }
        if let joined = TypedInitialisms.dottedPass(after: first, typed: text) { passes.insert(joined, at: 1) }
        if let spelled = TypedInitialisms.spelledPass(of: first, typed: text) { passes.append(spelled) }
        return passes
    }

    /// The passes of `tokenPasses(_:)` that always run (the tokens as typed, and with their
    /// particles joined), with what the later ones are made from; nil when no token is left.
    static func leadingTokenPasses(_ marked: [(token: String, beforeHyphen: Bool)]) -> LeadingTokenPasses? {
        let marked = withoutThirdCopies(marked)
        let folded = Array(CompanyLegalForms.strippingQueryForm(marked.map(\.token)).prefix(8))
        guard !folded.isEmpty else { return nil }
        // The legal form goes from the end, the tokens past 8 too: the first ones stay in place.
        let typedWhole = marked.prefix(folded.count).map(\.beforeHyphen)
        // A particle between two words is typed whole: read as a prefix, it stood for every
        // token starting with it ("de": 3,756 at a million contacts), tens of microseconds to
        // set up and walk, for matches that a contact with the particle outranks anyway.
        let particlesWhole = folded.indices.map { position in
            typedWhole[position] || position > 0 && position < folded.count - 1 && NameParticles.isParticle(folded[position])
        }
        var passes = [TokenPass(tokens: folded, typedWhole: particlesWhole, onlyWithoutFullMatch: false)]
        let joined = NameParticles.joiningParticles(folded, typedWhole: typedWhole)
        if joined.tokens != folded { passes.append(TokenPass(tokens: joined.tokens, typedWhole: joined.typedWhole, onlyWithoutFullMatch: false)) }
        return LeadingTokenPasses(passes: passes, folded: folded, typedWhole: typedWhole, particlesWhole: particlesWhole)
    }

    /// The passes of one reading of the query (`tokenPasses(_:untitled:)`): the leading ones,
    /// then those that join its parts.
    static func tokenPasses(_ marked: [(token: String, beforeHyphen: Bool)]) -> [TokenPass] {
        guard let leading = leadingTokenPasses(marked) else { return [] }
        return leading.passes + joiningPasses(after: leading)
    }

    /// The passes of `tokenPasses(_:)` after the leading ones: the parts typed with hyphens
    /// joined, each pair of neighbours joined, the legal form typed in front left out. Each
    /// runs only without a full match (`TokenPass.onlyWithoutFullMatch`).
    static func joiningPasses(after leading: LeadingTokenPasses) -> [TokenPass] {
        let (folded, typedWhole, particlesWhole) = (leading.folded, leading.typedWhole, leading.particlesWhole)
        var passes = leading.passes
        let hyphenated = JoinedQueryTokens.joiningHyphenated(folded, beforeHyphen: typedWhole)
        if !passes.contains(where: { $0.tokens == hyphenated.tokens }) {
            passes.append(
                TokenPass(
                    tokens: hyphenated.tokens, typedWhole: hyphenated.typedWhole, onlyWithoutFullMatch: true, requiredTokens: hyphenated.joined,
                    joinsTypedHyphens: true))
        }
        for pair in JoinedQueryTokens.joiningPairs(folded, typedWhole: typedWhole) where !passes.contains(where: { $0.tokens == pair.tokens }) {
            passes.append(TokenPass(tokens: pair.tokens, typedWhole: pair.typedWhole, onlyWithoutFullMatch: true, requiredTokens: [pair.joined]))
        }
        // A company typed with the legal form written in front ("ООО Ромашка", "PT Bank
        // Mandiri"), which its index entry is without: every token but the form's matched,
        // a partial match at 0.17. Only without a full match: the form's letters may be a
        // name's own ("Ao Wang").
        if let company = CompanyLegalForms.strippingLeadingForm(folded) {
            let typed = Array(particlesWhole.suffix(company.count))
            passes.append(TokenPass(tokens: company, typedWhole: typed, onlyWithoutFullMatch: true))
        }
        return Array(passes.dropFirst(leading.passes.count))
    }

    /// The query's tokens without the third and later copies of a token: no name holds a word
    /// three times, and each copy made every candidate check one more token of a list the
    /// others already walked ("m m m" took 17 ms at a million contacts, "ma ma ma" 18 ms, "a"
    /// typed eight times 34 ms). Two copies stay: "Ma Ma", "Lee Lee" are names.
    static func withoutThirdCopies(_ marked: [(token: String, beforeHyphen: Bool)]) -> [(token: String, beforeHyphen: Bool)] {
        guard marked.count >= 3 else { return marked }
        var copies: [String: Int] = [:]
        return marked.filter { entry in
            copies[entry.token, default: 0] += 1
            return copies[entry.token]! <= 2
        }
    }

    /// Whether a match found by the passes before stops the passes that join a query's parts
    /// (`TokenPass.onlyWithoutFullMatch`): a full match, a one-edit typing error at worst, but
    /// a `companyName` one (some words on the company's, the others on the person's). A
    /// romanized guess, a two-edit one or a `companyName` match is weaker than the joined form's
    /// own match. (A match of the company's words alone scores as a name's start and still
    /// stops them.) "Hwang Jong-su" (황종수, romanized
    /// "jongsu") had stopped at Su-bin Hwang of a company with "jong" in its name, and "Kim
    /// Jung-su" at a romanized reading of 超 金, and never looked for "jungsu".
    ///
    /// Nor does a one-edit match stop the pass that joins the parts typed with hyphens
    /// (`joiningTypedHyphens`: that pass runs only when its joined words are words of the
    /// directory's names, `requiredTokens`): the joined word typed is then a name's own,
    /// exactly, and a typing error read into the parts is the weaker answer. The passes that
    /// guess joins of words typed apart still stop there: run after every one-edit match, they
    /// took queries of three or four words with typing errors ("Masría Jisé Narváez Álvaro")
    /// from 232 to 292 µs at a million contacts. "Kang Gyeong-su" had stopped at 선영 강 (Seon-yeong Kang: "gyeong" one
    /// edit from her name's part "yeong", "su" the start of her name's popular spelling
    /// "sunyoung") and never looked for "gyeongsu", 경수 강's name.
    static func answersBeforeJoining(_ entry: TopMatches.Entry, joiningTypedHyphens: Bool = false) -> Bool {
        switch entry.reason {
        case .partialName, .romanized, .companyName, .fuzzyTwoEdits: false
        case .fuzzyOneEdit: !joiningTypedHyphens
        default: true
        }
    }

    /// One token search of a name query (`tokenPasses`).
    struct TokenPass {
        /// The folded query tokens searched.
        var tokens: [String]
        /// Per token, whether the agent typed it whole (`NameQueryToken.typedWhole`).
        var typedWhole: [Bool]
        /// Whether the pass is run only when the passes before it left no full match in the
        /// results (partial ones at most).
        var onlyWithoutFullMatch: Bool
        /// Tokens the vocabulary must have for the pass to run (the words it joins).
        var requiredTokens: [String] = []
        /// Whether the pass joins the parts the agent typed with hyphens ("gyeong-su" as
        /// "gyeongsu"): a one-edit match of the parts does not stop it (`answersBeforeJoining`).
        var joinsTypedHyphens = false

        /// Whether the pass may find anything in `index`: the vocabulary has its required tokens.
        func isRunnable(in index: NameTokenIndex) -> Bool {
            requiredTokens.allSatisfy { index.vocabulary.id(of: $0) != nil }
        }
    }

    /// Runs `collect`, a walk of whole-name namesakes, into `top`. When `top` may confirm its
    /// candidates (`TopMatches.mayConfirm`), the walk's own stops (`offerNamesakes`: once
    /// `limit` namesakes were exact, the later ones cannot enter) do not hold: a later namesake
    /// may be confirmed and come first. The namesakes are then ranked into a selection of
    /// `TopMatches.maximumConfirmationReads` first, and offered to `top` from there, best
    /// first, each checked for a confirmation while `top` may still confirm.
    /// - Returns: what `collect` returns (whether there were any namesakes).
    func offeringNamesakes(to top: inout TopMatches, _ collect: (inout TopMatches) -> Bool) -> Bool {
        guard top.mayConfirm else { return collect(&top) }
        var namesakes = TopMatches(limit: max(top.limit, TopMatches.maximumConfirmationReads), of: self)
        let found = collect(&namesakes)
        for entry in namesakes.entries { top.offer(slot: entry.slot, score: entry.score, reason: entry.reason) }
        return found
    }

    /// What follows a whole-name match while the results have room: its nickname forms (a
    /// Latin query's), then the names that extend it, in the order typed and in the other one,
    /// and the same name in another script (`offerWholeNameCompletions`). The query's tokens
    /// are folded once for both.
    private func offerAfterWholeName(
        _ text: String, key: [UInt8], from start: CollationKeyIndex.WalkStart? = nil, otherScript: Bool, into top: inout TopMatches
    ) {
        guard top.entries.count < top.limit else { return }
        let tokens = preparer.names.tokens(text)
        // Their vocabulary ids, read once for the nickname forms and the completions; nil when
        // a word is in no name (then no whole name holds the query's words).
        let ids = nameTokenIndex.vocabulary.ids(of: tokens)
        if !otherScript { offerNicknameWholeNames(of: text, tokens: tokens, ids: ids, into: &top) }
        // The other order's names only for Latin letters: a name in a script written without
        // spaces has no word order to turn.
        offerWholeNameCompletions(key: key, from: start, tokens: tokens, ids: ids, otherScript: otherScript, typedText: otherScript ? nil : text, into: &top)
    }

    /// The whole names equal to a query typed with titles ("Dr John Smith") once they are left
    /// out (`NameTitles`), after its own whole-name match, while `top` has room: scored as
    /// when they are found alone (a title typed changes no score: `TypedTitleTests`). Without
    /// this, a record stored with the title ("Dr. John" Smith) hid John Smith, whom the same
    /// query found when that record was not there.
    private func offerUntitledWholeNames(of text: String, into top: inout TopMatches) {
        guard top.entries.count < top.limit, let untitled = NameTitles.stripping(text) else { return }
        let key = preparer.names.collationKey(untitled)
        _ = offeringNamesakes(to: &top) { collectWholeNameSpellings(untitled, key: key, order: Self.wholeNameOrder(untitled), into: &$0) }
    }

    /// `collectNicknameWholeNames` of a Latin query that had a whole-name match, while `top`
    /// has room, through `offeringNamesakes`.
    private func offerNicknameWholeNames(of text: String, tokens: [String], ids: [UInt32]?, into top: inout TopMatches) {
        guard top.entries.count < top.limit, let ids else { return }
        _ = offeringNamesakes(to: &top) { namesakes in
            collectNicknameWholeNames(tokens, ids: ids, typedInASCII: text.utf8.allSatisfy { $0 < 0x80 }, into: &namesakes)
            return true
        }
    }

    /// Whole names equal to the query at primary collation strength; `order`: the order typed
    /// (`wholeNameOrder`), which ranks an exact match in it first.
    /// - Returns: whether there were any.
    @discardableResult
    func collectWholeNameMatches(
        _ text: String, key: [UInt8]? = nil, from start: CollationKeyIndex.WalkStart? = nil, order: TypedNameOrder?, into top: inout TopMatches
    ) -> Bool {
        let key = key ?? preparer.names.collationKey(text)
        guard key.count > 1 else { return false }
        let spelling = NameSpelling.key(text)
        // The closure captures the record store, not `self`: a closure that reads a property
        // of the directory took a copy of the whole directory (a retain and a release of each
        // of its arrays, a third of a look-up of an exact name).
        let store = self.store
        return offerNamesakes(
            key: key, from: start, spelling: NameSpelling.bit(ofKey: spelling), into: &top,
            read: { slot in Self.wholeNameMatch(spelling, slot: slot, in: store, order: order) },
            foldedScore: FoldedNameScoring(spelling: spelling, store: store))
    }

    /// `collectWholeNameMatches` of `text` under its collation key `key` and, when it has
    /// umlauts or Nordic vowels, under its German and Nordic spelling's too
    /// (`NameNormalizer.umlautTranscription`): "hans müller" finds Hans Mueller as a folded
    /// match, as "hans mueller" finds Hans Müller (whose names are also kept under that
    /// spelling: `NameVariants.transcribed`). Another scan of the query's bytes for the rest.
    /// - Returns: whether there were any.
    private func collectWholeNameSpellings(
        _ text: String, key: [UInt8], from start: CollationKeyIndex.WalkStart? = nil, order: TypedNameOrder?, into top: inout TopMatches
    ) -> Bool {
        let found = collectWholeNameMatches(text, key: key, from: start, order: order, into: &top)
        guard let spelledKey = transcribedCollationKey(of: text) else { return found }
        return collectWholeNameMatches(text, key: spelledKey, order: order, into: &top) || found
    }

    /// The collation key of `text`'s German and Nordic spelling
    /// (`NameNormalizer.umlautTranscription`), or nil when it has no umlaut or Nordic vowel.
    func transcribedCollationKey(of text: String) -> [UInt8]? {
        guard NameNormalizer.hasUmlautLetters(text.utf8), let spelled = NameNormalizer.umlautTranscription(text) else { return nil }
        return preparer.names.collationKey(spelled)
    }

    /// Whole names whose folded tokens are the query's, in order (`LatinNameKey`): the
    /// contacts that the token search scores `transliteratedName` (`isWholeName`), found by one
    /// look-up. Names in ASCII have no such key: the collation key found them already, or the
    /// token search finds them.
    /// - Returns: whether there were any.
    func collectLatinWholeNameMatches(_ tokens: [String], into top: inout TopMatches) -> Bool {
        guard let key = LatinNameKey.key(tokens: tokens) else { return false }
        return offerNamesakes(key: key, into: &top) { _ in (.transliteratedName, MatchReason.transliteratedName.baseScore) }
    }

    /// Token-level matches, tier by tier, then partial ones when needed.
    ///
    /// At each tier, the candidates are the contacts that have, for every query token, one of its
    /// spellings at that tier or better, gathered by combinations of one band of spellings per
    /// token, the combination that can score most first (see `collectTier`). The search stops
    /// inside a tier once no contact left in it could enter the results (`TierCombination`),
    /// and at the first tier after which no later match could, so
    /// a query with a typo in one token pays for its fuzzy spellings only after the exact and
    /// nickname tiers came up short.
    ///
    /// Every token is required first. Contacts that lack a particle of the query ("van der Berg"
    /// for a stored "Berg") are looked for only when that leaves room in the results, and rank
    /// below every full match: after one, within the fill budget (`collectTiers`).
    ///
    /// Once a tier past the prefix tier begins with an exact, nickname or prefix match in the
    /// results, the tiers from there only fill them, within `budget` (`FillBudget`, shared by
    /// both passes and by the search's joined form).
    /// - Parameters:
    ///   - typedWhole: per token, whether the agent typed it whole (`NameQueryToken`).
    ///   - typedInOtherScript: whether the query has letters of another script than Latin
    ///     (`NameQueryToken.typedInOtherScript`).
    ///   - typedOrder: the order of the names in the query as typed (`TypedNameOrder`).
    ///   - typing: how the query's tokens were typed, plainly or with accents (`WrittenAccents`).
    ///   - transcribed: the other spellings of the tokens typed with umlauts, in Cyrillic or in Greek.
    private func collectTokenMatches(
        _ tokens: [String], typedWhole: [Bool], typedInOtherScript: Bool, typedOrder: TypedNameOrder,
        typing: WrittenAccents.QueryTyping, transcribed: TranscribedQueryTokens, exhaustive: Bool, budget: inout FillBudget,
        into top: inout TopMatches
    ) {
        let index = nameTokenIndex
        let options = configuration.nameMatching
        let nicknames = NicknameTable.shared
        var query = tokens.indices.map { position in
            NameQueryToken(
                text: tokens[position], index: index, options: options, nicknames: nicknames, typedWhole: typedWhole[position],
                typedInOtherScript: typedInOtherScript, transcriptions: transcribed.spellings(of: tokens[position]))
        }
        // A particle stands in front of a surname: "Vijaya Das" ends in one, not in a particle.
        query[query.count - 1].isParticle = false
        for position in query.indices {
            query[position].typedOrder = typedOrder
            query[position].typedAccents = typing.typing(of: query[position].text)
        }
        var evaluated = SmallIDMap(capacity: 1024)
        if collectTiers(
            required: Array(query.indices), query: &query, evaluated: &evaluated, budget: &budget, exhaustive: exhaustive, into: &top)
        {
            return
        }
        let essential = query.indices.filter { !query[$0].isParticle }
        if !essential.isEmpty, essential.count < query.count, !top.isFull(atLeast: 0) {
            if collectTiers(required: essential, query: &query, evaluated: &evaluated, budget: &budget, exhaustive: exhaustive, into: &top) {
                return
            }
        }
        // No full match at all: contacts matching some of the tokens are offered instead, from
        // the rarest token's spellings first, within a bounded number of contacts. (When full
        // matches exist, the results are those, not padded with partial ones.)
        guard query.count > 1, top.entries.isEmpty else { return }
        let totals = query.map(\.totalPostings)
        let order = query.indices.sorted { totals[$0] < totals[$1] }
        // The contacts are gathered first, then scored with their token lists and tie values
        // prefetched a few contacts ahead, as in a tier's walk: each is a few cache misses in a
        // large directory, and 500 of them one after another were most of a query with no full
        // match ("Tấ Qnuang Lê").
        var candidates: [UInt32] = []
        candidates.reserveCapacity(Self.partialBudget)
        gathering: for tokenIndex in order where totals[tokenIndex] > 0 {
            for position in query[tokenIndex].ids.indices {
                let postings = query[tokenIndex].postings(atPosition: position, index: index, limit: 4 * Self.partialBudget)
                for part in 0..<2 {
                    let list = part == 0 ? postings.main : postings.recent
                    for slot in list where evaluated.set(slot, value: Self.offeredMark) != Self.offeredMark {
                        candidates.append(slot)
                        if candidates.count == Self.partialBudget { break gathering }
                    }
                }
            }
        }
        prefetchFirst(of: candidates, for: top)
        for (offset, slot) in candidates.enumerated() {
            prefetchAhead(of: offset, in: candidates, for: top)
            offerTokenMatch(slot: slot, query: query, into: &top)
        }
    }

    /// The most contacts a partial-match pass scores.
    static let partialBudget = 500

    /// The most a full token match adds to its reason's base score (see `offerTokenMatch`).
    static let maximumBonus = 0.015

    /// The order share of the bonus (`bonus`) that a match gets with the query's names in the
    /// other order than typed (`TypedNameOrder`: family then given for "and gar", given then
    /// family for "Garcia, And"), out of 1 for the order typed and 0 for tokens mixed up.
    /// Both orders are a name as people write it ("Smith John" finds John Smith), but among
    /// matches of one kind the order typed is the likelier: "and gar" put Gary Andrade (a
    /// prefix's quality of 3/4 and 3/7) before Andre Garcia (3/5 and 3/6), and "sar wil"
    /// William Saraf before Sarah Williams. At half, the order outweighs a difference in the
    /// prefixes' qualities of up to 0.25 of one token's (0.075 of the shape), about what typing
    /// three letters of a 4-letter rather than a 7-letter name makes; a name across scripts
    /// gets the whole share either way (`score`). A whole name ("Smith John" for John Smith)
    /// is not scored here and keeps its rank.
    static let otherOrderShare = 0.5

    /// What each of a person's given and family tokens that the query left untaken (two at
    /// most) takes from the personal share of the bonus, in a query of two tokens or more: "P.
    /// Jaramillo" ranks Perla Jaramillo before Pilar Cepeda Jaramillo, whose Jaramillo is her
    /// second family name, and "John Smith" John Smith before John Michael Smith. A tie-break
    /// only: with the share of a name read across scripts (0.001 a token), at most 0.25 · (0.001
    /// + 0.0005) = 0.000375 of the shape, less than a step of quality between two prefix
    /// matches (see `score`), and at least 0.015 · 0.25 · 0.0005 / 8 ≈ 2.3e-7 of the score, more
    /// than its rounding (`scoreCeiling`).
    static let coverageStep = 0.0005

    /// What `personal` (see `score`) loses for each query token whose claimed token was written
    /// otherwise than typed (`contradictsAccents`): "J. Müller" ranks Jan Müller before Jan
    /// Muller, "E Auger" Emma Auger before Éric Auger, where the fold made them tie. A
    /// tie-break only, as `coverageStep` is: a token read across scripts is never one of these,
    /// so a token takes at most the 0.001 of the across-scripts share, and the bound above
    /// holds. More than one given or family token left untaken (`coverageStep`), less than two.
    /// Not in a one-token query, for the reason `coverageStep` gives.
    static let accentStep = 0.0006

    /// What an alternate token's quality is weighed down by when a query token's match is chosen
    /// among a contact's tokens of one kind: the half of `personal` it forgoes (0.25 · 0.5 in
    /// `bonus`) over the 0.6 that quality weighs there. So it takes the query token from a name
    /// token as written only when that raises the score. Before, the better quality alone chose:
    /// a derived spelling shorter than the name's own (`CyrillicNameSpellings`: "vitaly" beside
    /// "vitalij" for Виталий) was the better prefix of "vit", took it at half credit, and put
    /// Vitaliy Isakov before Виталий Исаков for "Вит Исак".
    static let alternateQualityHandicap: Float = 0.25 * 0.5 / 0.6

    /// Whether a query token's match on a contact's token (`entry`, of `NameTokenIndex`, in
    /// Latin letters) contradicts how the agent typed it: an exact match of a token typed
    /// plainly on one written with accents or the other way round; a prefix typed with accents
    /// of a token written plainly ("Mü" of "Muller"; a prefix typed plainly says nothing of the
    /// letters not typed: "Mu" of "Müller"); an initial typed plainly for a name whose first
    /// letter is accented or the other way round ("E" for Éric, "É" for Emma; "J" for José is
    /// none).
    /// (Given the token's typing alone: a `NameQueryToken` passed whole costs a retain of each
    /// of its arrays, 10–15% of a prefix query's time.)
    @inline(__always)
    private static func contradictsAccents(typed: WrittenAccents.Typed, entry: UInt32, kind: UInt8) -> Bool {
        guard typed != .unknown else { return false }
        switch kind {
        case TokenMatchKind.exact.rawValue:
            return (entry & NameTokenIndex.accentedBit != 0) != (typed == .accented)
        case TokenMatchKind.prefix.rawValue:
            return typed == .accented && entry & NameTokenIndex.accentedBit == 0
        case TokenMatchKind.initial.rawValue:
            return (entry & NameTokenIndex.initialAccentedBit != 0) != (typed == .accented)
        default:
            return false
        }
    }

    /// Scores one contact against the query tokens from its token list.
    ///
    /// Each query token takes one of the contact's tokens, best first, and no contact token
    /// serves more query tokens than it occurs in one of the names ("Mic Mic" needs two tokens
    /// starting "mic"; "Henry Henry" has two "henry"). The weakest token's kind gives the
    /// reason and its base score; within that, the score adds less than `maximumBonus` for
    /// (60%) the mean quality of the tokens' matches (`TokenMatchKind.quality`, a prefix's
    /// share of its token), (25%) matches on the person's names rather than the company, and
    /// (15%) query tokens in the order given then family, or family then given, the order typed
    /// counting more (`otherOrderShare`).
    /// - Parameter required: bits of the query tokens (by position) the contact must match; when
    ///   it misses one, it is not offered.
    /// - Returns: whether it was offered.
    @inline(__always)
    @discardableResult
    func offerTokenMatch(slot: UInt32, query: [NameQueryToken], requiring required: UInt32 = 0, into top: inout TopMatches) -> Bool {
        nameTokenIndex.withTokens(of: slot) { entries in offerTokenMatch(slot: slot, entries: entries, query: query, requiring: required, into: &top) }
    }

    /// `offerTokenMatch` on the contact's token list.
    @inline(__always)
    private func offerTokenMatch(
        slot: UInt32, entries: UnsafeBufferPointer<UInt32>, query: [NameQueryToken], requiring required: UInt32, into top: inout TopMatches
    ) -> Bool {
        guard !entries.isEmpty else { return false }
        let queryCount = query.count
        let entryCount = entries.count
        let base = entries.startIndex
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: queryCount * entryCount) { positions in
            withUnsafeTemporaryAllocation(of: Int8.self, capacity: queryCount * 2) { order in
                // positions[q * entryCount + e]: the candidate position of entry e for query token
                // q, or -1; order: query tokens by their best kind (0xFF when none).
                var matchedTokens: UInt32 = 0
                // For the bound below: the worst of the tokens' best kinds, and their best
                // qualities summed.
                var worstBest: UInt8 = 0
                var qualityCeiling: Float = 0
                for q in 0..<queryCount {
                    var best = UInt8.max
                    var bestQuality: Float = 0
                    for e in 0..<entryCount {
                        let position = query[q].position(of: entries[base + e] & NameTokenIndex.idMask)
                        positions[q * entryCount + e] = Int32(position ?? -1)
                        if let position {
                            best = min(best, query[q].kinds[position].rawValue)
                            bestQuality = max(bestQuality, query[q].qualities[position])
                        }
                    }
                    if best != .max { matchedTokens |= 1 << UInt32(q) }
                    worstBest = max(worstBest, best)
                    qualityCeiling += bestQuality
                    // Insertion by best kind, so the most certain tokens claim first.
                    var slot = q
                    while slot > 0, UInt8(bitPattern: order[queryCount + slot - 1]) > best {
                        order[slot] = order[slot - 1]
                        order[queryCount + slot] = order[queryCount + slot - 1]
                        slot -= 1
                    }
                    order[slot] = Int8(q)
                    order[queryCount + slot] = Int8(bitPattern: best)
                }
                guard matchedTokens != 0, required & ~matchedTokens == 0 else { return false }
                // Once the results are closed to the most this contact can score, it is not
                // scored (the claims, the roles, the offer): its score is final for the look-up
                // (`score` depends on the contact and the query alone), so it counts as offered.
                // A contact whose every token is exact may be a whole name (above the bound).
                if worstBest > TokenMatchKind.exact.rawValue, worstBest != .max,
                    let worst = TokenMatchKind(rawValue: worstBest),
                    top.isClosed(to: Self.scoreCeiling(base: worst.reason.baseScore, qualitySum: Double(qualityCeiling), tokens: queryCount))
                {
                    return true
                }
                return score(slot: slot, query: query, entries: entries, positions: positions, order: order, requiring: required, into: &top)
            }
        }
    }

    /// The most a contact scores (`score`) whose weakest token is at best of a kind with base
    /// score `base`, and whose tokens' qualities sum to at most `qualitySum` (its name roles and
    /// token order at their best; a partial match scores less). The 1e-7 covers the rounding of
    /// the scores' `Float` quality sums. Also the bound of a tier's combinations
    /// (`TierCombination`).
    @inline(__always)
    static func scoreCeiling(base: Double, qualitySum: Double, tokens: Int) -> Double {
        base + (maximumBonus - 0.0001) * (0.6 * qualitySum / Double(tokens) + 0.25 + 0.15) + 1e-7
    }

    /// The assignment and score of `offerTokenMatch`: offers the contact unless a `required`
    /// token is left without a token of its own; returns whether it did.
    @inline(__always)
    private func score(
        slot: UInt32, query: [NameQueryToken], entries: UnsafeBufferPointer<UInt32>,
        positions: UnsafeMutableBufferPointer<Int32>, order: UnsafeMutableBufferPointer<Int8>,
        requiring required: UInt32, into top: inout TopMatches
    ) -> Bool {
        let queryCount = query.count
        let entryCount = entries.count
        let base = entries.startIndex
        var claimed: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var claimedCount = 0
        var matched = 0
        var worst = TokenMatchKind.exact
        var unmatchedParticles = 0
        var qualitySum: Float = 0
        var personal = 0.0
        // Bits of the query tokens whose claimed token comes from a name written in another
        // script than Latin (`NameTokenIndex.otherScriptBit`).
        var otherScript: UInt32 = 0
        // How many query tokens claimed a token written otherwise than typed, plainly or with
        // accents (`contradictsAccents`).
        var accentsContradicted = 0
        // Whether a query token claimed a joined token (`NameTokenRole.joined`).
        var claimedJoined = false
        // Bits of the query tokens that matched as initials, and whether one of them, earlier in
        // the query, took a family name's token.
        var initials: UInt32 = 0
        var familyInitialBefore = false
        // Whether an initial took a family name's token, and whether a query token took a given
        // name's (see the roles' loop).
        var initialOnFamily = false
        var givenClaimed = false
        var lastPersonRole: UInt32? = nil
        var direction = 0
        var inOrder = true
        // Whether a given or family token matched across scripts: the order typed in Latin
        // letters says nothing of a name written in Han or Cyrillic letters ("Wang Wei" for 王伟
        // and "Ivanov Ivan" for Иван Иванов are typed family first).
        var orderAcrossScripts = false
        var missesRequired = false
        var untaken = 0
        // A match that needs a word of the contact's company for a query token, in a query of
        // two tokens or more, ranks below every match on the person's own names but the
        // two-edit ones (`MatchReason.companyName`). Such a query names a person, and a
        // company's word is weaker evidence of that person than their own names, even read
        // across scripts: "Othman Al-Hassan" put Othman Al-Harbi of الحسن للتجارة (Al-Hassan
        // Trading), and "Lubna Al-Saeed" Lubna Issa of Nassar Alsaeed, before عثمان الحسن and
        // لبنى السعيد themselves, whose names match only by their romanization; "fang she" put
        // 芳芳 彭 of 方建设 ("fang jian she") before Fang Shen. A contact whose company's words
        // alone serve the query ("Acme Plumbing": its staff) matches as the start of a name, as
        // in a one-token query ("Acme"): ranked below the persons, a company's hundreds of staff
        // kept a tier's walk from closing its results on them ("Johnson Labs" 77 µs → 300–410
        // µs at a million contacts).
        //
        // There a company's word serves a query token only when none of the person's tokens
        // does at the romanized kind or better (`companyWordRank`): "John Smith" takes John
        // Smithson's own "smithson" rather than the "smith" of his Smith Ltd.
        let holdsCompanyBack = queryCount > 1
        var companyClaimed = false
        var personClaimed = false
        // Whether a letter typed alone took a company's word. In a query of two tokens or more
        // it is an initial ("C Estrada", "T. Roy"), and a company's one-letter words are mostly
        // its legal form's ("S.C.P", "S. de R.L. de C.V.") or an article ("Royal van 't Wel"):
        // such a match ranks as `MatchReason.companyName` even when the company's words serve
        // every token, below the persons whose initial and name the query gives. Before, the
        // staff of Inversiones Estrada S.C.P came first for "C Estrada" (a name's start, 0.69,
        // above an initial's 0.67).
        var letterOnCompany = false
        // An account named by its company alone (`NameTokenIndex.isNamedByCompany`): a word of
        // its company spelled as typed is its own name, as a display name's word is, not its
        // staff's weaker sign. "Atlas" found the account Atlas SARL as a name's start (0.69),
        // tied with each of its staff and listed after all of them (entity priority); now its
        // every typed word on the company is a `nameTokens` match, above them. Only for an
        // exact spelling: a prefix or a typing error still matches as a company's word, which
        // the tie ceiling of a word of companies only counts on (`tieCeiling`). Read once, at
        // the first such claim: a contact of a person's names never asks.
        var namedByCompany: Bool? = nil
        func isOwnCompanyWord(role: UInt32, kind: UInt8) -> Bool {
            guard role == NameTokenRole.company.rawValue, kind == TokenMatchKind.exact.rawValue else { return false }
            if let namedByCompany { return namedByCompany }
            let named = NameTokenIndex.isNamedByCompany(entries)
            namedByCompany = named
            return named
        }
        // Claims in order of certainty, then reads the roles in query order.
        var chosenRoles: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (9, 9, 9, 9, 9, 9, 9, 9)
        withUnsafeMutableBytes(of: &claimed) { claimedRaw in
            let claimedIDs = claimedRaw.bindMemory(to: UInt32.self)
            withUnsafeMutableBytes(of: &chosenRoles) { rolesRaw in
                let roles = rolesRaw.bindMemory(to: UInt32.self)
                for rank in 0..<queryCount {
                    let q = Int(order[rank])
                    guard order[queryCount + rank] != -1 else { continue }
                    var bestEntry = -1
                    var bestKind = UInt8.max
                    var bestQuality: Float = -1
                    // The quality the choice weighs (`alternateQualityHandicap`).
                    var bestWeighed: Float = -1
                    var bestRolePreference = 3
                    // The kind's rank, twice over so that a held-back company word fits between
                    // the romanized spellings and the two-edit ones (`companyWordRank`).
                    var bestRank = UInt8.max
                    // A letter typed alone is an initial, but for a name that has it as a word of
                    // its own in the script typed: read across scripts, the one-letter syllables
                    // of Han and Hangul (阿 "a", 이 "i", 오 "o") are no initial's evidence ("A Mori"
                    // matched Yasuhiro Mori of 阿部建設, "a bu jian she", as a whole name). Not in
                    // a one-token query (see `acrossScripts` below).
                    let oneLetter = queryCount > 1 && query[q].text.utf8.count == 1
                    for e in 0..<entryCount {
                        let position = Int(positions[q * entryCount + e])
                        guard position >= 0 else { continue }
                        var kind = query[q].kinds[position].rawValue
                        var quality = query[q].qualities[position]
                        if oneLetter, kind == TokenMatchKind.exact.rawValue,
                            (entries[base + e] & NameTokenIndex.otherScriptBit != 0) != query[q].typedInOtherScript
                        {
                            kind = TokenMatchKind.initial.rawValue
                            quality = TokenMatchKind.initial.quality
                        }
                        let role = NameTokenIndex.role(ofEntry: entries[base + e])
                        // A nickname is a given name's: a particle anywhere else ("al" of
                        // Al-Saeed, of a company's "آل") is not Allen's or Albert's Al ("J. Allen"
                        // put the lead J. Al-Saeed first, at the nickname tier, above every J…
                        // Allen).
                        if kind == TokenMatchKind.nickname.rawValue, role != NameTokenRole.given.rawValue,
                            isParticle(entries[base + e] & NameTokenIndex.idMask)
                        {
                            continue
                        }
                        // Nor is a family name or a company's word anybody's nickname: "step hal"
                        // put Stephen Henry (Hal is Henry's nickname) before Stephen Hall, and
                        // "Andr Lon" Andrew Nelson-Lawrence before Andrew Long. There the token
                        // counts as the start of the name it may also be ("sol" of the family name
                        // Solomon), else not at all. (Before, a nickname's 0.7 on such a family name
                        // outweighed every prefix: 1,000 labeled prefix queries at a million
                        // contacts found 4 more answers first, nickname queries 3.)
                        if kind == TokenMatchKind.nickname.rawValue,
                            role == NameTokenRole.family.rawValue || role == NameTokenRole.company.rawValue
                        {
                            guard !query[q].typedWhole,
                                let prefixQuality = prefixQuality(of: query[q].text, on: entries[base + e] & NameTokenIndex.idMask)
                            else { continue }
                            kind = TokenMatchKind.prefix.rawValue
                            quality = prefixQuality
                        }
                        // A company's word is a weaker sign of the person than the person's own
                        // names: it matches as a name's start does, at best ("Kelley Jones" put
                        // the staff of Kelley-Jones Ltd, exact on its words, before Kelly Jones,
                        // a nickname's match; "fang she" Fang Xie of a 社, "she", before Fangjing
                        // Shen). The company is still found by its words. At a million contacts,
                        // 22 more of 1,000 labeled nickname queries found their answer first, no
                        // class lost one. In a query of two tokens or more it ranks lower still
                        // (`holdsCompanyBack` below).
                        let ownWord = isOwnCompanyWord(role: role, kind: kind)
                        if role == NameTokenRole.company.rawValue, kind < TokenMatchKind.prefix.rawValue, !ownWord {
                            kind = TokenMatchKind.prefix.rawValue
                        }
                        // A company's word written in Latin letters that a token typed in Latin
                        // letters reaches only through a romanization's consonants (the romanized
                        // spellings are for names written in another script) is as weak a sign as
                        // two typing errors: "Nbathainel West" put the Wests of National Logistics
                        // and National Energy ("nbathainel" and "national" share their skeleton's
                        // consonants in order) above Nathaniel West, two typing errors away.
                        if kind == TokenMatchKind.romanized.rawValue, role == NameTokenRole.company.rawValue,
                            entries[base + e] & NameTokenIndex.otherScriptBit == 0, !query[q].typedInOtherScript
                        {
                            kind = TokenMatchKind.fuzzyTwo.rawValue
                            quality = TokenMatchKind.fuzzyTwo.quality
                        }
                        let companyWord = role == NameTokenRole.company.rawValue && !ownWord
                        let preference = companyWord ? 2 : (role == NameTokenRole.display.rawValue || ownWord ? 1 : 0)
                        let rank = holdsCompanyBack && companyWord ? Self.companyWordRank : kind &* 2
                        let weighed = role == NameTokenRole.alternate.rawValue ? quality - Self.alternateQualityHandicap : quality
                        let better = rank < bestRank
                            || (rank == bestRank && (weighed > bestWeighed || (weighed == bestWeighed && preference < bestRolePreference)))
                        guard better else { continue }
                        let id = entries[base + e] & NameTokenIndex.idMask
                        let uses = (0..<claimedCount).reduce(0) { $0 + (claimedIDs[$1] & NameTokenIndex.idMask == id ? 1 : 0) }
                        if uses > 0, uses >= Self.occurrences(of: id, in: entries) { continue }
                        // A joined name and one of its parts (`overlapsClaim`): looked at only when
                        // one of the two is a joined token.
                        if claimedCount > 0, role == NameTokenRole.joined.rawValue || claimedJoined,
                            overlapsClaim(entries[base + e], claimed: UnsafeBufferPointer(rebasing: claimedIDs[0..<claimedCount]), entries: entries)
                        {
                            continue
                        }
                        bestEntry = e
                        bestKind = kind
                        bestRank = rank
                        bestQuality = quality
                        bestWeighed = weighed
                        bestRolePreference = preference
                    }
                    guard bestEntry >= 0 else { continue }
                    claimedIDs[claimedCount] = entries[base + bestEntry]
                    if NameTokenIndex.role(ofEntry: entries[base + bestEntry]) == NameTokenRole.joined.rawValue { claimedJoined = true }
                    claimedCount += 1
                    roles[q] = NameTokenIndex.role(ofEntry: entries[base + bestEntry])
                    // An account's own word counts as its display name's would.
                    if isOwnCompanyWord(role: roles[q], kind: bestKind) { roles[q] = NameTokenRole.display.rawValue }
                    if roles[q] == NameTokenRole.company.rawValue {
                        companyClaimed = true
                        if oneLetter { letterOnCompany = true }
                    } else {
                        personClaimed = true
                    }
                    if entries[base + bestEntry] & NameTokenIndex.otherScriptBit != 0 {
                        otherScript |= 1 << UInt32(q)
                    } else if queryCount > 1, Self.contradictsAccents(typed: query[q].typedAccents, entry: entries[base + bestEntry], kind: bestKind) {
                        accentsContradicted += 1
                    }
                    matched += 1
                    let kind = TokenMatchKind(rawValue: bestKind)!
                    if kind > worst { worst = kind }
                    if kind == .initial { initials |= 1 << UInt32(q) }
                    qualitySum += bestQuality
                }
                for q in 0..<queryCount {
                    let role = roles[q]
                    if role == 9 {
                        if required & 1 << UInt32(q) != 0 { missesRequired = true }
                        if query[q].isParticle { unmatchedParticles += 1 }
                        continue
                    }
                    // A token of another spelling of the name (`NameTokenRole.alternate`: a
                    // Japanese reading, a Korean family name's custom spelling) counts half: less
                    // certain than the names as written ("Akira Yamada" ranks before 晃 山田,
                    // read "akira yamada", in a tie), more than a company's word. A token of the
                    // name read across scripts (typed in Latin letters and matching a name written
                    // in another script, or the other way round: the query's letters decide)
                    // counts 0.999: in a tie, the name written in the script typed comes first
                    // ("Z. Yu": Zihui Yu before 玉梅 赵, whose 玉 reads "yu" and 赵 "zhao"; many Han
                    // characters share a reading). A tie-break only: in `bonus` it takes at most
                    // 0.25 · 0.001 from the shape, whatever the number of tokens, less than a
                    // step of quality between two prefix matches of tokens of up to 11 letters in
                    // a query of up to 8 tokens (0.6 · 0.3 · 3 · (1/11 − 1/12) / 8 = 0.00051), and
                    // more than the rounding of the scores (`scoreCeiling`). Not in a one-token
                    // query: its walk of a spelling's list passes over the contacts after the
                    // results' last in tie order unread, since they tie (`tieCeiling`), and a
                    // tie-break on script made it read them ("hao", "ming", "xiao" at a million
                    // contacts: two to three times slower).
                    let acrossScripts = queryCount > 1 && (otherScript & 1 << UInt32(q) != 0) != query[q].typedInOtherScript
                    if role == NameTokenRole.alternate.rawValue {
                        personal += 0.5
                    } else if role != NameTokenRole.company.rawValue {
                        personal += acrossScripts ? 0.999 : 1
                    }
                    guard NameTokenRole.isGivenOrFamily(role) else { continue }
                    if acrossScripts { orderAcrossScripts = true }
                    if let last = lastPersonRole, last != role {
                        let step = last == NameTokenRole.given.rawValue ? 1 : -1
                        if direction == 0 { direction = step } else if direction != step { inOrder = false }
                    }
                    // An initial typed before a name stands for the given name ("R Daniel" is R.
                    // Daniel): on Daniel Roberts, whose family name it would start, it is out of
                    // order. After a name, it may start either ("Daniel R", "Roberts D").
                    if role == NameTokenRole.given.rawValue, familyInitialBefore { inOrder = false }
                    if role == NameTokenRole.family.rawValue, initials & 1 << UInt32(q) != 0 { familyInitialBefore = true }
                    if role == NameTokenRole.family.rawValue, initials & 1 << UInt32(q) != 0 { initialOnFamily = true }
                    if role == NameTokenRole.given.rawValue { givenClaimed = true }
                    lastPersonRole = role
                }
                // An initial stands for a given name: one that took a part of the family name
                // while no query token took the given name the contact has ("smith j" on Hannah
                // Smith-Jones, "j" of "jones") is out of order, as after a name it would be on
                // John Smith's given name; in order, it had put Hannah first.
                if initialOnFamily, !givenClaimed,
                    (0..<entryCount).contains(where: { NameTokenIndex.role(ofEntry: entries[base + $0]) == NameTokenRole.given.rawValue })
                {
                    inOrder = false
                }
                // The person's given and family tokens that no query token took: a tie-break
                // for the name the query covers more of (`coverageStep`). Not when a joined or
                // alternate token stands for several of them, nor in a one-token query (its walk
                // passes over the contacts that tie: `tieCeiling`).
                if queryCount > 1 {
                    var taken = 0
                    var standsForSeveral = false
                    for claim in 0..<claimedCount {
                        let role = NameTokenIndex.role(ofEntry: claimedIDs[claim])
                        if NameTokenRole.isGivenOrFamily(role) { taken += 1 }
                        if role == NameTokenRole.joined.rawValue || role == NameTokenRole.alternate.rawValue { standsForSeveral = true }
                    }
                    if !standsForSeveral {
                        var named = 0
                        for e in 0..<entryCount where NameTokenRole.isGivenOrFamily(NameTokenIndex.role(ofEntry: entries[base + e])) {
                            named += 1
                        }
                        untaken = max(0, named - taken)
                    }
                }
            }
        }
        guard matched > 0, !missesRequired else { return false }
        personal -= Self.coverageStep * Double(min(untaken, 2)) + Self.accentStep * Double(accentsContradicted)
        let order = !inOrder ? 0 : direction == 0 || direction == query[0].typedOrder.forwardStep || orderAcrossScripts ? 1 : Self.otherOrderShare
        let bonus = Self.bonus(qualitySum: qualitySum, tokens: queryCount, personal: personal, matched: matched, order: order)
        if matched == queryCount {
            if worst == .exact, Self.isWholeName(query: query, entries: entries) {
                top.offer(slot: slot, score: MatchReason.transliteratedName.baseScore, reason: .transliteratedName)
            } else if holdsCompanyBack, companyClaimed, personClaimed || letterOnCompany,
                worst.reason.baseScore > MatchReason.companyName.baseScore
            {
                top.offer(slot: slot, score: MatchReason.companyName.baseScore + bonus, reason: .companyName)
            } else {
                top.offer(slot: slot, score: worst.reason.baseScore + bonus, reason: worst.reason)
            }
        } else if matched + unmatchedParticles == queryCount {
            // Every token but particles: below every full match, above every partial one.
            top.offer(slot: slot, score: 0.41 + bonus / 3, reason: .partialName)
        } else {
            let full = worst.reason.baseScore + bonus
            top.offer(slot: slot, score: full * Double(matched) / Double(queryCount) * 0.5, reason: .partialName)
        }
        return true
    }

    /// Where a company's word ranks among the kinds (twice their raw values) in a query of two
    /// tokens or more (see `score`): after the romanized spellings, before the two-edit ones, as
    /// `MatchReason.companyName` ranks.
    static let companyWordRank = TokenMatchKind.romanized.rawValue &* 2 &+ 1

    /// Whether the token of `entry` and a token already claimed (`claimed`: entries, with their
    /// roles) are the same name twice: a multi-part given or family name written as one word
    /// (`NameTokenRole.joined`) and one of its parts. The joined token stands for its parts, so
    /// a query token that it serves takes them, and a part that serves one leaves it out: "L.
    /// Lima" is one token short on Ravy Lima Rodrigues, whose "lima" serves "Lima" and whose
    /// "limarodrigues" served "L" (in a tie with Lunna Lima, who came after by id). A part is
    /// also the same token in the display name ("Limarodrigues L" on a contact whose display
    /// name is "Ravy Lima Rodrigues").
    ///
    /// The joined token's name is the one (given or family) whose tokens, one after another,
    /// spell it (`isPart`). Only a contact with a multi-part name and a query token matching it
    /// as one word gets this far.
    @inline(__always)
    private func overlapsClaim(_ entry: UInt32, claimed: UnsafeBufferPointer<UInt32>, entries: UnsafeBufferPointer<UInt32>) -> Bool {
        let role = NameTokenIndex.role(ofEntry: entry)
        let isJoined = role == NameTokenRole.joined.rawValue
        func isName(_ role: UInt32) -> Bool {
            role == NameTokenRole.given.rawValue || role == NameTokenRole.family.rawValue || role == NameTokenRole.display.rawValue
        }
        guard isJoined || isName(role) else { return false }
        for other in claimed {
            let otherRole = NameTokenIndex.role(ofEntry: other)
            if isJoined, isName(otherRole) {
                if isPart(other, of: entry & NameTokenIndex.idMask, in: entries) { return true }
            } else if !isJoined, otherRole == NameTokenRole.joined.rawValue {
                if isPart(entry, of: other & NameTokenIndex.idMask, in: entries) { return true }
            }
        }
        return false
    }

    /// Whether the token of `part` is a part of the joined token `joined`: a token of the name
    /// (given or family) whose tokens, one after another, spell it, or a display name's token
    /// with the id of one of them. (The bytes alone would not tell: "feiliang", 飞亮 as one word,
    /// holds "li", the family name 李.)
    private func isPart(_ part: UInt32, of joined: UInt32, in entries: UnsafeBufferPointer<UInt32>) -> Bool {
        let partRole = NameTokenIndex.role(ofEntry: part)
        let partID = part & NameTokenIndex.idMask
        func isPart(ofName name: UInt32) -> Bool {
            guard partRole == name || partRole == NameTokenRole.display.rawValue, spellsJoined(joined, withTokensOf: name, in: entries) else {
                return false
            }
            return partRole == name || entries.contains { NameTokenIndex.role(ofEntry: $0) == name && $0 & NameTokenIndex.idMask == partID }
        }
        return isPart(ofName: NameTokenRole.given.rawValue) || isPart(ofName: NameTokenRole.family.rawValue)
    }

    /// The quality of `text` as a prefix of token `id` (`NameQueryToken.prefixQuality`), or nil
    /// when the token does not start with it (or is it).
    private func prefixQuality(of text: String, on id: UInt32) -> Float? {
        nameTokenIndex.vocabulary.withBytesReader { reader in
            let token = reader[id]
            let typed = text.utf8
            guard typed.count < token.count, token.starts(with: typed) else { return nil }
            return NameQueryToken.prefixQuality(typedLength: typed.count, tokenLength: token.count)
        }
    }

    /// Whether token `id` is a name particle (`NameParticles`: "al", "van", "de", …).
    private func isParticle(_ id: UInt32) -> Bool {
        nameTokenIndex.vocabulary.withBytesReader { reader in
            let bytes = reader[id]
            return bytes.count <= 5 && NameParticles.isParticle(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether the tokens of role `role` in `entries`, in order, spell the token `joined`.
    private func spellsJoined(_ joined: UInt32, withTokensOf role: UInt32, in entries: UnsafeBufferPointer<UInt32>) -> Bool {
        nameTokenIndex.vocabulary.withBytesReader { reader in
            let whole = reader[joined]
            var offset = 0
            var parts = 0
            for entry in entries where NameTokenIndex.role(ofEntry: entry) == role {
                let part = reader[entry & NameTokenIndex.idMask]
                guard offset + part.count <= whole.count, (0..<part.count).allSatisfy({ whole[offset + $0] == part[$0] }) else { return false }
                offset += part.count
                parts += 1
            }
            return parts > 1 && offset == whole.count
        }
    }

    /// What a match adds to its reason's base score (`offerTokenMatch`): less than
    /// `maximumBonus`, from the tokens' qualities summed, the share of matched tokens on the
    /// person's names as written (not the company's, not another spelling's; 0.999 for one read
    /// across scripts), and the order (`order`: 1 as typed, `otherOrderShare` in the other
    /// order, 0 mixed up; 1 by default, for a bound). One function, so that a bound computed from the best of
    /// each (`tieCeiling`) is the very score a contact with the best of each gets.
    @inline(__always)
    static func bonus(qualitySum: Float, tokens: Int, personal: Double, matched: Int, order: Double = 1) -> Double {
        let shape = 0.6 * Double(qualitySum) / Double(tokens) + 0.25 * personal / Double(matched) + 0.15 * order
        return (maximumBonus - 0.0001) * shape
    }

    /// How often a token may serve query tokens: its most occurrences in one of the contact's
    /// names (given and family together, the display name, the company), at least once.
    private static func occurrences(of id: UInt32, in entries: UnsafeBufferPointer<UInt32>) -> Int {
        var person = 0, display = 0, company = 0, joined = 0
        for entry in entries where entry & NameTokenIndex.idMask == id {
            switch NameTokenRole.occurrenceGroup(ofEntry: entry) {
            case 0: person += 1
            case 1: display += 1
            case 2: company += 1
            default: joined += 1
            }
        }
        return max(person, display, company, joined, 1)
    }

    /// Whether the query's tokens, in order, are the contact's given then family tokens, family
    /// then given, or its display name's tokens from any of them on, round to it: "Walla Turvi"
    /// and "Smith Mary Ann" are the display names "Turvi Walla" and "Mary Ann Smith" family name
    /// first, as "Walla, Turvi" is given and family name swapped. (Before, a contact with only a
    /// display name was not a whole name for its swapped form, and "Turvi Walla Patel" came
    /// first in the tie.)
    ///
    /// Compared in place: every contact whose tokens all match exactly comes here, and a
    /// one-word query of a common name ("david", "smith") has thousands of them; with arrays of
    /// each role's tokens built to compare, this was a third of the search for "david." (four
    /// allocations a contact).
    private static func isWholeName(query: [NameQueryToken], entries: UnsafeBufferPointer<UInt32>) -> Bool {
        /// Whether the query's tokens are the tokens of role `first`, then those of `second`
        /// (when it differs), in the order of `entries`.
        func spells(_ first: NameTokenRole, then second: NameTokenRole) -> Bool {
            var position = 0
            for pass in 0..<(first == second ? 1 : 2) {
                let role = pass == 0 ? first.rawValue : second.rawValue
                for entry in entries where NameTokenIndex.role(ofEntry: entry) == role {
                    guard position < query.count, query[position].exactID == entry & NameTokenIndex.idMask else { return false }
                    position += 1
                }
            }
            return position == query.count
        }
        /// Whether the query's tokens are the display name's tokens read from some token on,
        /// round to it.
        func spellsDisplayRotated() -> Bool {
            let display = NameTokenRole.display.rawValue
            var count = 0
            for entry in entries where NameTokenIndex.role(ofEntry: entry) == display { count += 1 }
            guard count == query.count, count > 1 else { return false }
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { ids in
                var next = 0
                for entry in entries where NameTokenIndex.role(ofEntry: entry) == display {
                    ids[next] = entry & NameTokenIndex.idMask
                    next += 1
                }
                return (1..<count).contains { start in
                    (0..<count).allSatisfy { offset in query[offset].exactID == ids[(start + offset) % count] }
                }
            }
        }
        return spells(.given, then: .family) || spells(.family, then: .given) || spells(.display, then: .display)
            || spellsDisplayRotated()
    }
}
