/// How one query token matched one name token, best first. The order is the ranking's:
/// exact, nickname, prefix, initial, then fuzzy by distance.
enum TokenMatchKind: UInt8, Comparable, Sendable {
    case exact = 0
    case nickname = 1
    case prefix = 2
    case initial = 3
    case fuzzyOne = 4
    case romanized = 5
    case fuzzyTwo = 6
    case fuzzyThree = 7

    /// The kind of a fuzzy match at `distance` edits (1...3).
    static func fuzzy(_ distance: Int) -> TokenMatchKind {
        distance <= 1 ? .fuzzyOne : (distance == 2 ? .fuzzyTwo : .fuzzyThree)
    }

    static func < (a: TokenMatchKind, b: TokenMatchKind) -> Bool { a.rawValue < b.rawValue }

    /// How good a match of this kind is, in [0, 1], for ranking within a tier (a prefix's
    /// quality also grows with the share of the token typed: see `NameQueryToken`). The kinds'
    /// qualities do not overlap: a better kind's are never lower (a prefix's lie in (0.35,
    /// 0.65), a romanization's in [0.1, 0.2]), so spellings in band order are best quality first.
    var quality: Float {
        switch self {
        case .exact: 1.0
        case .nickname: 0.7
        case .prefix: 0.35
        case .initial: 0.35
        case .fuzzyOne: 0.25
        case .romanized: 0.2
        case .fuzzyTwo: 0.1
        case .fuzzyThree: 0.05
        }
    }

    /// The reason of a match whose weakest token matched this way.
    var reason: MatchReason {
        switch self {
        case .exact: .nameTokens
        case .nickname: .nickname
        case .prefix: .tokenPrefix
        case .initial: .initials
        case .fuzzyOne: .fuzzyOneEdit
        case .romanized: .romanized
        case .fuzzyTwo, .fuzzyThree: .fuzzyTwoEdits
        }
    }
}

/// One token of a name query with the vocabulary tokens it stands for: itself, its nicknames
/// (both ways), the tokens it starts (type-ahead on every token; a one-letter token is an
/// initial), and, once a search gets that far (`addDistantSpellings`), the tokens within its typo
/// budget and those of the same consonant skeleton.
struct NameQueryToken {
    /// The folded token.
    var text: String
    /// Its id when the vocabulary has it.
    var exactID: UInt32?
    /// The ids of its other spellings that the vocabulary has, when it was typed with umlauts
    /// or in Cyrillic or Greek letters (`TranscribedQueryTokens`): other exact spellings.
    private var transcriptionIDs: [UInt32] = []
    /// Whether it is a name particle ("van", "de", "al") in front of another token, which may
    /// go unmatched (the caller clears it for the last token: "Vijaya Das" has no particle).
    var isParticle: Bool
    /// Whether the agent typed it in another script than Latin (the fold read it in Latin
    /// letters: "ivanov" of "Иванов"), as the search tells it from the query's text. A match on
    /// a name written in the other kind of script counts as less certain
    /// (`ContactDirectory.offerTokenMatch`).
    var typedInOtherScript = false
    /// Whether the agent typed it in plain ASCII letters or with accents, when the query's words
    /// tell (`WrittenAccents`): among near ties, a name written as typed comes first
    /// (`ContactDirectory.score`).
    var typedAccents = WrittenAccents.Typed.unknown
    /// The order in which the query's names are typed (`TypedNameOrder`), the same for all its
    /// tokens: a match in that order ranks first among near ties (`ContactDirectory.score`).
    var typedOrder = TypedNameOrder.givenFirst
    /// Whether the agent typed it whole (a hyphen follows it: see `init`), so that it starts
    /// no longer token.
    private(set) var typedWhole = false
    /// Candidate token ids, with how each matches (`kinds[i]` for `ids[i]`) and how well
    /// (`qualities[i]`: the kind's quality, and for a prefix the share of the token typed).
    private(set) var ids: [UInt32] = []
    private(set) var kinds: [TokenMatchKind] = []
    private(set) var qualities: [Float] = []
    /// Where each candidate id is in `ids`.
    private var positions = SmallIDMap(capacity: 16)
    /// Whether the token is one letter, whose spellings are the tokens it is the initial of
    /// ("J" in "J. Smith"): the initial tier is where the query's answers are, not a tier that
    /// fills its results (`ContactDirectory.collectTiers`).
    var isInitial: Bool { text.utf8.count == 1 }
    /// Whether the spellings one typing error away are in (`addDistantSpellings`).
    private(set) var hasDistantSpellings = false
    /// Whether the spellings two or more typing errors away and the romanized ones are in too
    /// (`addDistantSpellings(throughRomanized:)`).
    private(set) var hasFarSpellings = false
    /// The spellings two or more typing errors away, found with those one away and held back
    /// until the far ones are added: (id, distance, quality: the kind's, or more for a spelling
    /// that keeps the first letter, `sameFirstLetterBonus`).
    private var heldFuzzy: [(id: UInt32, distance: Int, quality: Float)] = []
    /// The candidates in band order, sorted again whenever candidates are added.
    private var order = NameSpellingOrder()
    /// The contacts with a token that starts with this one, when the index lists its prefix
    /// (`TokenPrefixPostings`): a superset of its prefix spellings' postings.
    private var prefixList: TokenPostingLists.Slots?
    /// The bitmap of `prefixList`, when the index keeps one (a dense list).
    private var prefixBitmap: [UInt64]?
    /// For a one-letter token whose initial the index keeps (`TokenInitials`): the bitmap of
    /// the contacts with a token starting with it, how many they are, and the position of the
    /// one spelling that stands for all those tokens (`initialsID`, of kind `initial`); a
    /// contact's token is that spelling when its first byte is the letter (`firstBytes`).
    private var initialsBitmap: [UInt64]?
    private var initialsCount = 0
    private var initialsPosition: Int?
    private var initialByte: UInt8 = 0
    private var firstBytes: [UInt8] = []

    /// The id of the spelling that stands for every token with a kept initial. No vocabulary
    /// token has it (ids stay far below `NameTokenIndex.idMask`).
    static let initialsID = NameTokenIndex.idMask

    /// What a typing error's spelling that keeps the query token's first letter adds to its
    /// kind's quality: a tie-break within the kind, and within its band
    /// (`NameSpellingBand.qualityStep`).
    static let sameFirstLetterBonus: Float = 0.001

    /// The quality of a prefix match: the kind's, and more the more of the token was typed
    /// ("smi" is more of "smith" than of "smithfield").
    @inline(__always)
    static func prefixQuality(typedLength: Int, tokenLength: Int) -> Float {
        TokenMatchKind.prefix.quality + 0.3 * Float(typedLength) / Float(max(tokenLength, 1))
    }

    /// The token `text` and its spellings: itself, its nicknames, the tokens it starts (from
    /// the index's table of them when it is a listed prefix, `PrefixSpellingTable`), or, for
    /// one letter, the tokens it is an initial of.
    /// - Parameter usesPrefixTables: take a listed prefix's spellings from its table (tests
    ///   compare with noting them one by one).
    /// - Parameter typedWhole: the agent typed the token whole: a hyphen follows it ("al" in
    ///   "Mar Al-", "jean" in "Jean-Pi"), so it is the first part of a hyphenated name, not the
    ///   start of a longer token, and it has no prefix spellings ("al-" is not "alvarez"). A
    ///   letter keeps its initials ("J-P").
    /// - Parameter typedInOtherScript: the query has letters of another script than Latin
    ///   (`typedInOtherScript`).
    /// - Parameter transcriptions: the token's German or Nordic spelling, when it was typed with
    ///   umlauts, or its spellings in English texts, when it was typed in Cyrillic or Greek
    ///   (`TranscribedQueryTokens`): exact spellings too.
    init(
        text: String, index: borrowing NameTokenIndex, options: NameMatchingOptions, nicknames: borrowing NicknameTable, usesPrefixTables: Bool = true,
        typedWhole: Bool = false, typedInOtherScript: Bool = false, transcriptions: [String] = []
    ) {
        self.text = text
        self.typedInOtherScript = typedInOtherScript
        self.typedWhole = typedWhole
        self.isParticle = NameParticles.isParticle(text)
        let vocabulary = index.vocabulary
        exactID = vocabulary.id(of: text)
        if let exactID { note(exactID, .exact) }
        let length = text.utf8.count
        if length > 1 {
            for transcription in transcriptions {
                guard let id = vocabulary.id(of: transcription), id != exactID, !transcriptionIDs.contains(id) else { continue }
                transcriptionIDs.append(id)
                note(id, .exact)
            }
        }
        if length == 1, let byte = text.utf8.first, let bitmap = index.initials.bitmap(of: byte) {
            // One spelling for the thousands of tokens with this initial ("a": 25,000).
            initialsBitmap = bitmap
            initialsCount = index.initials.count(of: byte)
            initialByte = byte
            firstBytes = vocabulary.firstBytes
            initialsPosition = ids.count
            note(Self.initialsID, .initial)
            hasDistantSpellings = true
            hasFarSpellings = true
            sortSpellings(index: index)
            return
        }
        if length == 1 {
            let initials = vocabulary.prefixRange(Array(text.utf8))
            reserve(initials.count + 1)
            for position in initials { note(vocabulary.sorted[position], .initial) }
            hasDistantSpellings = true
            hasFarSpellings = true
            sortSpellings(index: index)
            return
        }
        let bytes = Array(text.utf8)
        if !typedWhole, usesPrefixTables, let listed = bytes.withUnsafeBufferPointer({ index.prefixes.listed(startingWith: $0) }) {
            prefixList = listed.list
            prefixBitmap = listed.bitmap
            takeSpellings(of: listed.spellings, nicknames: nicknames, index: index)
            return
        }
        for name in nicknames.related(to: text) {
            if let id = vocabulary.id(of: name) { note(id, .nickname) }
        }
        guard !typedWhole else {
            sortSpellings(index: index)
            return
        }
        let prefixed = vocabulary.prefixRange(bytes)
        reserve(prefixed.count + 8)
        if prefixed.count > 1, let listed = bytes.withUnsafeBufferPointer({ index.prefixes.listed(startingWith: $0) }) {
            prefixList = listed.list
            prefixBitmap = listed.bitmap
        }
        for position in prefixed {
            let id = vocabulary.sorted[position]
            note(id, .prefix, quality: Self.prefixQuality(typedLength: length, tokenLength: vocabulary.length(atSortedPosition: position)))
        }
        sortSpellings(index: index)
    }

    /// Takes the spellings of the listed prefix this token is from its table, shared, then notes
    /// its exact and nickname spellings (after the table's: a table token that is one of them
    /// becomes that kind), and puts them all in band order: the exact and nickname ones, sorted,
    /// then the table's prefix spellings in its quality order.
    private mutating func takeSpellings(of table: PrefixSpellingTable, nicknames: NicknameTable, index: NameTokenIndex) {
        // In place of what was noted so far (the exact spelling, noted again below).
        ids = table.ids
        qualities = table.qualities
        kinds = [TokenMatchKind](repeating: .prefix, count: table.count)
        positions = table.positions
        let nicknameIDs = nicknames.related(to: text).compactMap { index.vocabulary.id(of: $0) }
        if let exactID { note(exactID, .exact) }
        for id in transcriptionIDs { note(id, .exact) }
        for id in nicknameIDs { note(id, .nickname) }
        var named: [Int32] = []
        for id in (exactID.map { [$0] } ?? []) + transcriptionIDs + nicknameIDs {
            if let position = positions.value(of: id), !named.contains(position) { named.append(position) }
        }
        // The exact and nickname spellings: better kinds than any prefix, so first.
        named.sort { a, b in
            let (a, b) = (Int(a), Int(b))
            if kinds[a] != kinds[b] { return kinds[a] < kinds[b] }
            return qualities[a] != qualities[b] ? qualities[a] > qualities[b] : a < b
        }
        var order = named
        order.reserveCapacity(ids.count)
        kinds.withUnsafeBufferPointer { kinds in
            for position in table.qualityOrder where kinds[Int(position)] == .prefix { order.append(position) }
        }
        let counts = index.postingCounts(of: ids)
        self.order = NameSpellingOrder(sorted: order, kinds: kinds, qualities: qualities) { counts[$0] }
    }

    /// Puts the candidates in band order (`NameSpellingOrder`).
    private mutating func sortSpellings(index: NameTokenIndex) {
        guard let initialsPosition else {
            let counts = index.postingCounts(of: ids)
            order = NameSpellingOrder(kinds: kinds, qualities: qualities) { counts[$0] }
            return
        }
        let counts = index.postingCounts(of: ids.map { $0 == Self.initialsID ? 0 : $0 })
        let initials = initialsCount
        order = NameSpellingOrder(kinds: kinds, qualities: qualities) { $0 == initialsPosition ? initials : counts[$0] }
    }

    /// Adds the tokens one typing error away (`TokenDeletionIndex`), once; with
    /// `throughRomanized`, also those two or more away and those with the same consonant
    /// skeleton (`ConsonantSkeleton`), once: searches that end at an earlier tier never pay for
    /// them.
    ///
    /// Why two steps: a type-ahead query with a few prefix matches fills its results from the
    /// one-edit tier within a budget (`FillBudget`), which often ends the search there; the
    /// romanized spellings of a short token share a skeleton of one or two consonants with
    /// hundreds of tokens ("anne", "n": 1,400 at a million contacts), each compared, about a
    /// third of such a query when they were added with the typing errors. The tiers before the
    /// romanized one never walk them; a contact whose token would match one only after another
    /// query token took its closer match is offered at the romanized tier instead, with the
    /// same score, when the fill budget lets the search get there.
    /// - Parameter skeletonLimit: the most tokens sharing the skeleton that may be compared
    ///   (nil: no limit); a skeleton shared by more adds no romanized spelling. The search
    ///   sets it from its fill budget (`FillBudget.skeletonCandidateCost`).
    /// - Parameter otherScriptsOnly: of the far spellings, add only the tokens that read a name
    ///   written in another script (`addFarSpellings`); the search asks for this once its
    ///   results hold an exact, nickname or prefix match.
    /// - Returns: how many tokens sharing the skeleton were compared (0 when none were).
    @discardableResult
    mutating func addDistantSpellings(
        index: NameTokenIndex, options: NameMatchingOptions, throughRomanized: Bool = false, skeletonLimit: Int? = nil,
        otherScriptsOnly: Bool = false
    ) -> Int {
        if !hasDistantSpellings {
            hasDistantSpellings = true
            addTypingErrors(index: index, options: options, oneEditOnly: otherScriptsOnly)
        }
        guard throughRomanized, !hasFarSpellings else { return 0 }
        hasFarSpellings = true
        return addFarSpellings(index: index, skeletonLimit: skeletonLimit, otherScriptsOnly: otherScriptsOnly)
    }

    /// The first step of `addDistantSpellings`: notes the tokens one typing error away, and
    /// holds back those further.
    /// - Parameter oneEditOnly: look for the tokens one typing error away alone, for a search
    ///   that will not use those further (`addDistantSpellings(otherScriptsOnly:)`): one
    ///   deletion of the query meets each of them, where a token of 8 letters or more made two
    ///   (37 look-ups for 8 letters rather than 9) and compared every token they met.
    private mutating func addTypingErrors(index: NameTokenIndex, options: NameMatchingOptions, oneEditOnly: Bool) {
        let firstNew = ids.count
        let vocabulary = index.vocabulary
        let bytes = Array(text.utf8)
        // The budget follows the longer of the two tokens, so a deletion that shortens "alex" to
        // "aex" still finds "alex"; the query makes the deletions that some token within that
        // budget needs to meet it (`NameMatchingOptions.queryDeletions`).
        let reach = min(options.queryDeletions(forLength: bytes.count), oneEditOnly ? 1 : .max)
        let distances = PatternDistance(bytes)
        // The candidates are gathered first, then checked with their bytes prefetched a few
        // ahead: each is a cache miss or two in a vocabulary of hundreds of thousands of tokens.
        var candidates: [UInt32] = []
        // A token too short for any edit of its own still meets longer ones that may carry
        // one ("jhn" is "john" with a letter deleted: no deletion of the query needed).
        if options.budget(forLength: bytes.count + options.maxEdits) > 0 {
            var checked = SmallIDMap(capacity: 32)
            bytes.withUnsafeBufferPointer { query in
                index.deletions.forEachCandidate(query, deletions: reach) { id in
                    if positions.value(of: id) == nil, checked.insert(id) { candidates.append(id) }
                }
            }
        }
        vocabulary.withBytesReader { reader in
            for (offset, id) in candidates.enumerated() {
                if offset + 8 < candidates.count { reader.prefetchOffsets(of: candidates[offset + 8]) }
                if offset + 4 < candidates.count { reader.prefetchBytes(of: candidates[offset + 4]) }
                let token = reader[id]
                let allowed = min(options.budget(forLength: max(token.count, bytes.count)), oneEditOnly ? 1 : .max)
                let distance = distances.typingDistance(to: token, limit: allowed)
                guard distance > 0, distance <= allowed else { continue }
                let kind = TokenMatchKind.fuzzy(distance)
                // A typing error seldom falls on the first letter: a token that keeps it ranks
                // first among those as far ("daren": Darren before Karen).
                let quality = token.first == bytes.first ? kind.quality + Self.sameFirstLetterBonus : kind.quality
                if distance == 1 { note(id, .fuzzyOne, quality: quality) } else { heldFuzzy.append((id, distance, quality)) }
            }
        }
        placeNewSpellings(from: firstNew, index: index)
    }

    /// The second step of `addDistantSpellings`: notes the typing errors held back, then the
    /// romanized spellings (a token that is both keeps its typing error's kind), unless more
    /// than `skeletonLimit` tokens share the skeleton.
    ///
    /// The tokens filed under the skeleton as their own are compared by edit distance
    /// (`romanizedQuality`), a romanization of Arabic script letter by letter too
    /// (`ArabicScriptSpelling`), whichever is closer. Those filed under it as another reading of
    /// their letters (`NameTokenIndex.alternateSkeletons`) are compared by their script's rules
    /// alone: a romanization of Hebrew by its consonants as well as by edit distance, one of
    /// Arabic script letter by letter only.
    ///
    /// With `otherScriptsOnly`, the typing errors held back are dropped, and of the tokens sharing
    /// the skeleton only those romanized from a script written without its vowels are compared:
    /// Arabic script's (`NameTokenIndex.arabicScriptBit`) and the consonantal ones (Hebrew's).
    /// Those may be the very person the query names, written in their own script ("Mohamed
    /// Hussein" for محمد حسين, after a Latin Mohamed Hussein Ali); a Latin token that only
    /// shares the consonants ("ryan" for "ronal") or two typing errors are guesses that the
    /// agent typing a name already found does not need. At a million contacts those fillers
    /// were most of the time of the queries whose results held a prefix or nickname match.
    /// - Returns: how many tokens sharing the skeleton were compared.
    private mutating func addFarSpellings(index: NameTokenIndex, skeletonLimit: Int?, otherScriptsOnly: Bool) -> Int {
        let firstNew = ids.count
        if !otherScriptsOnly {
            for (id, distance, quality) in heldFuzzy { note(id, .fuzzy(distance), quality: quality) }
        }
        heldFuzzy = []
        let bytes = Array(text.utf8)
        let skeleton = ConsonantSkeleton.of(bytes)
        // Another script's reading is looked for only for a name the vocabulary has, of two
        // consonants or more, not a particle: the start of a name being typed, or "de", "ma",
        // "al" (a skeleton of one consonant that thousands of tokens share), reads no other
        // script's name with any certainty.
        let readsOtherScripts = !otherScriptsOnly || (exactID != nil && !isParticle && skeleton.utf8.count >= 2)
        guard !skeleton.isEmpty, readsOtherScripts else {
            placeNewSpellings(from: firstNew, index: index)
            return 0
        }
        let own = index.skeletons[skeleton] ?? SkeletonBucket()
        let alternate = index.alternateSkeletons[skeleton] ?? SkeletonBucket()
        var compared = own.count + alternate.count
        guard compared <= skeletonLimit ?? .max else {
            placeNewSpellings(from: firstNew, index: index)
            return 0
        }
        compared += addArabicScriptHeads(of: bytes, index: index, skeletonLimit: skeletonLimit.map { $0 - compared })
        guard compared > 0 else {
            placeNewSpellings(from: firstNew, index: index)
            return 0
        }
        let distances = PatternDistance(bytes)
        // The query's consonants, made at the first consonantal candidate (most skeletons have
        // none), and its readings with its initial vowels as Hebrew writes them.
        var consonants: PatternDistance?? = nil
        var initialVowels = InitialVowelReadings(bytes)
        let arabicBit = NameTokenIndex.arabicScriptBit
        let typedLetters = ArabicScriptSpelling.letterMask(bytes)
        for (candidates, isOwn) in [(own, true), (alternate, false)] {
            candidates.forEach { entry, token in
                let id = entry & ~arabicBit
                let arabic = entry & arabicBit != 0
                // A token two typing errors away may be a romanization of Arabic script as well
                // ("alkhatib" for "alkhtyb", الخطيب): then it is one.
                let noted = positions.value(of: id)
                if let noted, kinds[Int(noted)] <= .romanized || !arabic { return }
                // Without a look at the letters: a token of neither script is passed over.
                if otherScriptsOnly, !arabic, !index.isConsonantal(id) { return }
                var quality: Float?
                if noted == nil, isOwn || !arabic {
                    // The letters first: most candidates have vowels, and the flag is a read far away.
                    let consonantal = ConsonantSkeleton.isConsonantal(token) && index.isConsonantal(id)
                    if consonantal, consonants == nil { consonants = .some(Self.consonants(of: bytes).map(PatternDistance.init)) }
                    quality = Self.romanizedQuality(distances, consonants: consonants ?? nil, token, consonantal: consonantal)
                    if quality == nil, consonantal { quality = initialVowels.quality(of: token) }
                }
                if arabic, let aligned = bytes.withUnsafeBufferPointer({ ArabicScriptSpelling.quality(typed: $0, token: token, typedLetters: typedLetters) }) {
                    quality = max(quality ?? 0, aligned)
                }
                if let quality { note(id, .romanized, quality: quality) }
            }
        }
        placeNewSpellings(from: firstNew, index: index)
        return compared
    }

    /// Notes the tokens of Arabic script that the typed token stands for without the article it
    /// ends with (`ArabicScriptSpelling.detachedArticleHead`: "abd" of "abdel", "nur" of
    /// "nurul"), found under the head's consonant skeleton, when no more than `skeletonLimit`
    /// tokens share it (nil: no limit).
    /// - Returns: how many tokens sharing the head's skeleton were compared.
    private mutating func addArabicScriptHeads(of bytes: [UInt8], index: NameTokenIndex, skeletonLimit: Int?) -> Int {
        guard let head = ArabicScriptSpelling.detachedArticleHead(of: bytes) else { return 0 }
        let skeleton = ConsonantSkeleton.of(head)
        let candidates = [index.skeletons[skeleton] ?? SkeletonBucket(), index.alternateSkeletons[skeleton] ?? SkeletonBucket()]
        let compared = candidates[0].count + candidates[1].count
        guard compared > 0, compared <= skeletonLimit ?? .max else { return 0 }
        let arabicBit = NameTokenIndex.arabicScriptBit
        let typedLetters = ArabicScriptSpelling.letterMask(head)
        for bucket in candidates {
            bucket.forEach { entry, token in
                guard entry & arabicBit != 0 else { return }
                let id = entry & ~arabicBit
                if let noted = positions.value(of: id), kinds[Int(noted)] <= .romanized { return }
                if let aligned = head.withUnsafeBufferPointer({ ArabicScriptSpelling.quality(typed: $0, token: token, typedLetters: typedLetters) }) {
                    note(id, .romanized, quality: aligned * ArabicScriptSpelling.detachedArticleFactor)
                }
            }
        }
        return compared
    }

    /// Puts the spellings from position `firstNew` on in band order.
    private mutating func placeNewSpellings(from firstNew: Int, index: NameTokenIndex) {
        // The spellings noted here are all new, of a kind after the earlier ones (typing errors
        // and romanizations after exact, nickname and prefix; two edits and romanizations after
        // one edit): they go after them in band order.
        let earlierWorst = kinds[0..<firstNew].max()
        if let earlierWorst, let newBest = kinds[firstNew...].min(), earlierWorst < newBest {
            let counts = index.postingCounts(of: Array(ids[firstNew...]))
            order = NameSpellingOrder(extending: order, from: firstNew, kinds: kinds, qualities: qualities) { counts[$0 - firstNew] }
        } else if firstNew < ids.count || earlierWorst == nil {
            sortSpellings(index: index)
        }
    }

    /// How well a token with the query token's consonant skeleton stands for it, or nil when it
    /// is too far to be the same name.
    ///
    /// Two romanizations of one name differ in vowels, digraphs and doubled letters, rarely in
    /// more than half the letters of the longer ("mohammed"/"mhmd", "dimitris"/"demetres",
    /// "sofia"/"sophia", "lee"/"li"), and neither is less than half as long as the other:
    /// within that reach (at least 2 edits), the quality falls from the kind's 0.2 with the
    /// share of letters edited, so closer spellings are walked first ("le" before "li" for
    /// "lee"). A short skeleton is shared by hundreds of unrelated romanized tokens ("l": "le",
    /// "li", "ali", "ella", "leila"; "s": the "s" of "S.A."); the reach keeps the plausible
    /// ones and drops the rest ("ali", "ella" and "leila" for "lee", "s" for "sav").
    ///
    /// A consonantal romanization of Hebrew (`NameTokenIndex.isConsonantal`) has none of the
    /// vowels people type: "cohen" is 3 edits from "khn", "david" from "dwd".
    /// Such a token is also compared with the query's consonants ("chn", "dvd"), within the same
    /// reach, when both start alike (`sameLeadingSound`: "mohammed", "mhmmd", is not "hmd",
    /// أحمد, Ahmad) and the token has at least half as many letters as the query ("suwaidi" is
    /// not "sd", سعد). Its quality then counts each vowel left out as an edit, so that it ranks
    /// below a token that holds the vowels and is as close: "fouad" is فؤاد ("fwad") before
    /// فهد ("fhd"). When the consonants as written are too far, they are compared read by sound
    /// (`ConsonantSkeleton.bySound`: ק typed "k", ב and ו typed "v", ז typed "s", a final ה
    /// typed as a vowel), within the same reach: "rivka" is רבקה ("rbqh"), "tova" טובה ("twbh"),
    /// "rosenberg" רוזנברג ("rwznbrg"). Before, their consonants "rvk", "tv", "rsnbrg" were three
    /// or more edits away, and the names were found by nobody typing them so.
    /// - Parameter consonantal: whether `token` is such a romanization.
    ///
    /// A typed name that starts with a vowel is also compared read with that vowel as Hebrew
    /// writes it before the token's first letter (`InitialVowelReadings`), when it is out of reach
    /// as typed: "itai" is איתי ("yty") read as "ytai", "itzhak" is יצחק ("yzhq") read as
    /// "ytzhak", as "yitzhak" was.
    static func romanizedQuality(_ query: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>, consonantal: Bool = false) -> Float? {
        let typed = Array(query)
        let quality = romanizedQuality(PatternDistance(typed), consonants: consonants(of: query).map(PatternDistance.init), token, consonantal: consonantal)
        guard quality == nil, consonantal else { return quality }
        var initialVowels = InitialVowelReadings(typed)
        return initialVowels.quality(of: token)
    }

    /// A query token read with its initial vowels as Hebrew writes them before a consonantal
    /// token's first letter (`ConsonantSkeleton.initialVowelReading`: "itai" as "ytai" before
    /// "y", "ofir" as "wfir" before "w"), each of the two readings prepared at the first token
    /// that needs it.
    struct InitialVowelReadings {
        private let typed: [UInt8]
        /// The readings prepared so far, by the first letter they are for ("y" or "w"); nil
        /// inside when the typed token has no such reading.
        private var prepared: [UInt8: (distances: PatternDistance, consonants: PatternDistance?)?] = [:]

        init(_ typed: [UInt8]) { self.typed = typed }

        /// The quality of `token`, a consonantal romanization, as the reading of the typed token
        /// before its first letter (`romanizedQuality`); nil when it has none or is too far.
        /// - Complexity: O(n) for the token; the first time for each kind of first letter, the
        ///   reading's preparation.
        mutating func quality(of token: UnsafeBufferPointer<UInt8>) -> Float? {
            guard let first = token.first, first == UInt8(ascii: "y") || first == UInt8(ascii: "w"), let typedFirst = typed.first,
                ConsonantSkeleton.isVowel(typedFirst)
            else { return nil }
            if prepared[first] == nil {
                prepared[first] = .some(
                    ConsonantSkeleton.initialVowelReading(typed, before: first).map { reading in
                        (PatternDistance(reading), NameQueryToken.consonants(of: reading).map(PatternDistance.init))
                    })
            }
            guard let reading = prepared[first] ?? nil else { return nil }
            return NameQueryToken.romanizedQuality(reading.distances, consonants: reading.consonants, token, consonantal: true)
        }
    }

    /// `romanizedQuality` from a query prepared for many tokens, with its consonants
    /// (`consonants(of:)`, nil when it has none to compare).
    static func romanizedQuality(
        _ query: PatternDistance, consonants: PatternDistance?, _ token: UnsafeBufferPointer<UInt8>, consonantal: Bool
    ) -> Float? {
        if let quality = romanizedQuality(query, token) { return quality }
        guard consonantal, let consonants, ConsonantSkeleton.isConsonantal(token), 2 * token.count >= query.pattern.count, let first = token.first,
            let typed = consonants.pattern.first, sameLeadingSound(typed, first),
            let distance = reachedDistance(consonants, token) ?? distanceBySound(consonants.pattern, token)
        else { return nil }
        let longer = max(query.pattern.count, token.count)
        let edits = min(distance + query.pattern.count - consonants.pattern.count, longer)
        return TokenMatchKind.romanized.quality * (1 - 0.5 * Float(edits) / Float(max(longer, 1)))
    }

    /// The query token without its vowels (a, e, i, o, u), when that leaves at least two letters
    /// and drops at least one; else nil.
    static func consonants(of query: some Collection<UInt8>) -> [UInt8]? {
        let consonants = query.filter { !ConsonantSkeleton.isVowel($0) }
        return consonants.count >= 2 && consonants.count < query.count ? consonants : nil
    }

    /// Whether two letters may write the same sound at the start of a name across
    /// romanizations: equal, or of one group of c/k/q/h/x (Hebrew כ and ח, typed "c", "k",
    /// "ch", "kh" or "h"), b/v/w, f/p, s/z, y/j.
    static func sameLeadingSound(_ a: UInt8, _ b: UInt8) -> Bool {
        func group(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "h"), UInt8(ascii: "x"): UInt8(ascii: "k")
            case UInt8(ascii: "b"), UInt8(ascii: "v"), UInt8(ascii: "w"): UInt8(ascii: "b")
            case UInt8(ascii: "f"), UInt8(ascii: "p"): UInt8(ascii: "p")
            case UInt8(ascii: "s"), UInt8(ascii: "z"): UInt8(ascii: "s")
            case UInt8(ascii: "y"), UInt8(ascii: "j"): UInt8(ascii: "y")
            default: byte
            }
        }
        return group(a) == group(b)
    }

    /// The distance from the typed consonants to a consonantal token, both read by sound
    /// (`ConsonantSkeleton.bySound`), within `reachedDistance`'s reach; nil beyond it.
    private static func distanceBySound(_ consonants: [UInt8], _ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let typed = ConsonantSkeleton.bySound(consonants)
        let written = ConsonantSkeleton.bySound(token)
        guard typed.count >= 2, !written.isEmpty else { return nil }
        return written.withUnsafeBufferPointer { reachedDistance(PatternDistance(typed), $0) }
    }

    /// The quality of `token` as a romanization of `query`, by their distance (see above).
    private static func romanizedQuality(_ query: PatternDistance, _ token: UnsafeBufferPointer<UInt8>) -> Float? {
        guard let distance = reachedDistance(query, token) else { return nil }
        let longer = max(query.pattern.count, token.count)
        return TokenMatchKind.romanized.quality * (1 - 0.5 * Float(distance) / Float(max(longer, 1)))
    }

    /// The distance from `query` to `token` when neither is less than half as long as the other
    /// and it is within the reach (half the longer, at least 2); else nil.
    private static func reachedDistance(_ query: PatternDistance, _ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let queryLength = query.pattern.count
        let longer = max(queryLength, token.count)
        guard 2 * min(queryLength, token.count) >= longer else { return nil }
        let reach = max(2, longer / 2)
        let distance = query.distance(to: token, limit: reach)
        return distance <= reach ? distance : nil
    }

    /// Makes room for `count` candidates.
    private mutating func reserve(_ count: Int) {
        guard count > 16 else { return }
        ids.reserveCapacity(count)
        kinds.reserveCapacity(count)
        qualities.reserveCapacity(count)
        var sized = SmallIDMap(capacity: count)
        for (position, id) in ids.enumerated() { sized.insert(id, value: Int32(position)) }
        positions = sized
    }

    /// Records a candidate, keeping its best kind.
    private mutating func note(_ id: UInt32, _ kind: TokenMatchKind, quality: Float? = nil) {
        let quality = quality ?? kind.quality
        // One probe for a new candidate (most of them: a prefix's spellings), two for one seen.
        if positions.insert(id, value: Int32(ids.count)) {
            ids.append(id)
            kinds.append(kind)
            qualities.append(quality)
            return
        }
        guard let existing = positions.value(of: id) else { return }
        let position = Int(existing)
        if kind < kinds[position] || (kind == kinds[position] && quality > qualities[position]) {
            kinds[position] = kind
            qualities[position] = quality
        }
    }

    /// The prefix list that stands for the prefix spellings of `band`, when the band holds them
    /// all (`NameSpellingBand.coversPrefixes`), the token has some and the index lists its
    /// prefix; else nil. Its contacts are a superset of those spellings' contacts: each is
    /// verified on its token list.
    func prefixList(covering band: NameSpellingBand) -> TokenPostingLists.Slots? {
        guard band.coversPrefixes, order.count(upTo: .prefix) > order.count(upTo: .nickname) else { return nil }
        return prefixList
    }

    /// The bitmap of the contacts with a token starting with this one-letter token, when the
    /// index keeps it (`TokenInitials`) and `band` holds the spelling that stands for them;
    /// else nil.
    func initialsBitmap(covering band: NameSpellingBand) -> [UInt64]? {
        guard initialsPosition != nil, band.holds(.initial) else { return nil }
        return initialsBitmap
    }

    /// The posting list of the spelling at `position`, in its two parts (`TokenPostingLists`: a
    /// slot may come twice); for the spelling that stands for the tokens with a kept initial,
    /// the slots of its bitmap (at most `limit` of them, the first).
    @inline(__always)
    func postings(atPosition position: Int, index: NameTokenIndex, limit: Int = .max) -> TokenPostingLists.Slots {
        guard position == initialsPosition, let bitmap = initialsBitmap else { return index.postings.parts(of: Int(ids[position])) }
        return TokenPostingLists.Slots(main: bitmap.slots(limit: limit), recent: [])
    }

    /// What a walk reads of the spellings whose lists it drives through, once: read through
    /// the token at each spelling, the whole token was copied (a retain and a release of each of
    /// its arrays: a third of the time of "Qin Pan", 846 spellings, at a million contacts).
    struct DrivingSpellings {
        /// The spellings' vocabulary ids, kinds and qualities, by position (`ids`, `kinds`,
        /// `qualities` of the token).
        let ids: [UInt32]
        let kinds: [TokenMatchKind]
        let qualities: [Float]
        /// The position of the spelling that stands for the tokens with a kept initial, whose
        /// slots are a bitmap's, not a list of the index (`postings(atPosition:)`).
        let initialsPosition: Int?

        /// The postings of the spelling at `position` when they are one of the index's lists
        /// (`postings`); nil for the kept initial's spelling.
        @inline(__always)
        func listedPostings(atPosition position: Int, in postings: TokenPostingLists) -> Int? {
            position == initialsPosition ? nil : Int(postings.counts[Int(ids[position])])
        }
    }

    /// The spellings as a walk of their lists reads them (`DrivingSpellings`).
    var drivingSpellings: DrivingSpellings {
        DrivingSpellings(ids: ids, kinds: kinds, qualities: qualities, initialsPosition: initialsPosition)
    }

    /// The bitmap of the list at `position` (`postings(atPosition:)`), when the index keeps one:
    /// for the spelling that stands for the tokens with a kept initial; else nil.
    func bitmap(atPosition position: Int) -> (words: [UInt64], count: Int)? {
        guard position == initialsPosition, let initialsBitmap else { return nil }
        return (initialsBitmap, initialsCount)
    }

    /// The kind whose spellings a list or bitmap of the index may stand for: `initial` for a
    /// one-letter token with a kept initial, else `prefix`.
    var listedKind: TokenMatchKind { initialsPosition == nil ? .prefix : .initial }

    /// The bitmap of `prefixList(covering: band)`, when the index keeps one; else nil.
    func prefixBitmap(covering band: NameSpellingBand) -> [UInt64]? {
        prefixList(covering: band) == nil ? nil : prefixBitmap
    }

    /// About what building the union of `band`'s contacts costs, in postings set
    /// (`SlotSet(band:of:)`): its postings, or, when its prefix spellings come as a prefix list
    /// with a bitmap, the other spellings' postings and an eighth of the bitmap's words (read
    /// once, or copied once when bits are added).
    func unionCost(of band: NameSpellingBand) -> Int {
        guard let bitmap = prefixBitmap(covering: band) ?? initialsBitmap(covering: band) else { return band.postings }
        return band.postings - order.postings(of: listedKind) + SlotSet.unionCost(ofBitmap: bitmap)
    }

    /// The vocabulary ids of `band`'s spellings that are not of `listedKind` (not prefixes, or
    /// not the kept initials' spelling), and their postings summed.
    func nonPrefixSpellings(of band: NameSpellingBand, index: NameTokenIndex) -> (ids: [UInt32], postings: Int) {
        var ids: [UInt32] = []
        var postings = 0
        for (offset, position) in band.positions.enumerated() where kinds[position] != listedKind {
            ids.append(band.ids[offset])
            postings += index.postingCount(of: band.ids[offset])
        }
        return (ids, postings)
    }

    /// How many candidates match at `tier` or better.
    func count(upTo tier: TokenMatchKind) -> Int { order.count(upTo: tier) }

    /// The candidates that match at `tier` or better, grouped as `grouping` says (best kind
    /// first, then best quality), each group best quality first.
    /// - Complexity: O(c) for the c candidates selected (they were sorted when added).
    func bands(upTo tier: TokenMatchKind, grouping: NameSpellingBand.Grouping) -> [NameSpellingBand] {
        order.bands(upTo: tier, grouping: grouping, ids: ids, kinds: kinds, qualities: qualities)
    }

    /// The quality of the candidate at `position` (in `ids`).
    func quality(at position: Int) -> Float { qualities[position] }

    /// The best quality of any candidate, or 0 when there is none.
    var bestQuality: Float { qualities.max() ?? 0 }

    /// The sum of the candidates' posting counts: the cost of reading every candidate's contacts.
    var totalPostings: Int { order.totalPostings }

    /// How a vocabulary token matches this query token, or nil.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func kind(of id: UInt32) -> TokenMatchKind? {
        position(of: id).map { kinds[$0] }
    }

    /// The position of a vocabulary token among the candidates (`ids`, `kinds`, `qualities`),
    /// or nil when it does not match this query token.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func position(of id: UInt32) -> Int? {
        if let position = positions.value(of: id) { return Int(position) }
        guard let initialsPosition, Int(id) < firstBytes.count, firstBytes[Int(id)] == initialByte else { return nil }
        return initialsPosition
    }
}
