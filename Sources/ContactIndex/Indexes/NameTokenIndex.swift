import CMemoryHints

/// An inverted index of folded name tokens: for every distinct token, the slots of the contacts
/// that have it (sorted, in two parts: `TokenPostingLists`); for every slot, the contact's tokens with their roles.
///
/// Why this structure:
/// - The vocabulary is deduplicated (`TokenVocabulary`): a million contacts share far fewer
///   distinct tokens, so typo, prefix and nickname expansion work on the small vocabulary, never
///   on contacts. Typing errors go through the vocabulary's deletion strings
///   (`TokenDeletionIndex`).
/// - Postings are flat arrays of `UInt32` slots in ascending order (a long list in two parts,
///   so that an update files a slot in a short one, `TokenPostingLists`): the unions of a query
///   token's spellings are built from them (`SlotSet`), and the few contacts left after
///   filtering are verified against their token lists (`tokens(of:)`) to learn how each query
///   token matched.
/// - Removal is lazy: a removed contact's slot stays in its tokens' lists (counted in
///   `deadPostings`) until dead entries pass half of a list, which is then rewritten from the
///   token lists of its slots. Removing from the middle of a sorted list of a common token
///   (100,000 slots at a million contacts) on every update cost more than the rest of the update.
///   Readers verify every candidate on its token list, so a dead entry is never a wrong answer;
///   a slot reused for its old tokens (an upsert) finds its entries in place (in a long list,
///   it may be filed again in the recent part, and the repeat is dropped at the merge).
///
/// - The contacts of common 2–4 character prefixes are also listed whole (`prefixes`,
///   `TokenPrefixPostings`): a type-ahead token reads one list, not one a spelling.
///
/// Memory at n contacts with t distinct tokens each (about 3–5): 4·t bytes of postings, 4·t
/// bytes of forward runs in one flat array plus 5 bytes to locate them, 9 bytes of rank keys,
/// up to 4 bytes for each distinct listed prefix of the contact's tokens (about 40 bytes on
/// the generated 1M export), plus the vocabulary.
struct NameTokenIndex: Sendable {
    /// Bits of a forward entry that hold the token id (up to 67 million tokens); above them sit
    /// `initialAccentedBit`, `accentedBit`, the role (three bits, `role(ofEntry:)`), and
    /// `otherScriptBit`.
    static let idMask: UInt32 = (1 << 26) - 1

    /// The bit of a forward entry whose token was written with Latin letters beyond ASCII
    /// ("muller" of "Müller", not of "Muller": `WrittenAccents`).
    static let accentedBit: UInt32 = 1 << 27

    /// The bit of a forward entry whose token's first letter was written beyond ASCII ("eric"
    /// of "Éric", not of "Eric" or "José"): the initial typed for it (`WrittenAccents`).
    static let initialAccentedBit: UInt32 = 1 << 26

    /// `accentedBit` and `initialAccentedBit`.
    static let writtenBits = accentedBit | initialAccentedBit

    /// The bit of a forward entry whose token comes from a name written in another script
    /// than Latin (read in Latin letters by the fold: "ivanov" of "Иванов", "yu" of "玉梅"), or
    /// is another spelling of such a name (`NameTokenRole.alternate`).
    static let otherScriptBit: UInt32 = 1 << 31

    /// The role (`NameTokenRole.rawValue`) of a forward entry.
    @inline(__always)
    static func role(ofEntry entry: UInt32) -> UInt32 { (entry >> 28) & 0x7 }

    private(set) var vocabulary = TokenVocabulary()
    /// Slots per token id (`TokenPostingLists`: a main list and a few recent slots), may hold
    /// dead entries (see above).
    private(set) var postings = TokenPostingLists()
    /// Per token id: how many entries of its list may be dead.
    private var deadPostings: [UInt32] = []
    /// Every slot's tokens (id | role << 28, | `otherScriptBit` for a token of a name written in
    /// another script, | `accentedBit`, `initialAccentedBit`; in `ContactNameTokens` order), one run per slot in
    /// one flat array; `forwardStart` and `forwardCount` locate a slot's run. Replaced runs stay
    /// behind as garbage until `compactForwardIfNeeded`.
    private var forwardArena: [UInt32] = []
    private var forwardStart: [UInt32] = []
    private var forwardCount: [UInt8] = []
    private var forwardGarbage = 0
    /// The entity priority rank of each slot's contact (ties after score).
    private(set) var entityRanks: [UInt8] = []
    /// Each slot's id key (`idKey(head:tail:skip:lead:)`): two keys compare as their ids do,
    /// unless equal (then the ids are read from the records). An id that starts with the lead
    /// (the first `idKeySkip` bytes most ids share) is keyed by its bytes after the lead, so
    /// that CRM ids such as Salesforce's ("0035g00000AbCdE"), whose first 8 bytes hardly ever
    /// differ, are told apart by their keys; the few other ids are keyed by their first bytes.
    private(set) var idPrefixes: [UInt64] = []
    /// How many leading bytes the lead has (0–8); see `ContactDirectory.rekeyIDs`.
    private(set) var idKeySkip = 0
    /// The lead, in the top `idKeySkip` bytes (the rest zero).
    private(set) var idKeyLead: UInt64 = 0
    /// Token ids by consonant skeleton (see `ConsonantSkeleton`), for the tokens that are ICU's
    /// romanization of another script only: a typed "Mona" meets منى's "mny", never "Mooney".
    /// An id with `arabicScriptBit` is a romanization of Arabic script, compared letter by
    /// letter as well (`ArabicScriptSpelling`): marked in the list, a search tells it apart
    /// without reading a flag for each of the hundreds of tokens that share a short skeleton.
    /// Each bucket keeps its tokens' letters too (`SkeletonBucket`), read in one sweep.
    private(set) var skeletons: [String: SkeletonBucket] = [:]
    /// Token ids by the skeletons of their letters read the ways another language reads them
    /// (`ConsonantSkeleton.alternates` for Hebrew, `ArabicScriptSpelling.alternateSkeletons`,
    /// with `arabicScriptBit`), apart from `skeletons`: what shares only such a skeleton with a
    /// query token is compared by that script's rules alone, not by edit distance ("alk" is two
    /// edits from "alkby", الكعبي, filed under "lk" with its article kept).
    private(set) var alternateSkeletons: [String: SkeletonBucket] = [:]
    /// Marks an id of `skeletons` or `alternateSkeletons` as a romanization of Arabic script.
    static let arabicScriptBit: UInt32 = 1 << 31
    /// Per token id: whether it is in `skeletons`.
    private var hasSkeleton: [Bool] = []
    /// Per vocabulary token: the script whose romanization it is compared as: `.hebrew` for a
    /// consonantal romanization of Hebrew (`isConsonantal`), `.arabic` for one of Arabic script
    /// (`arabicScriptBit`), else `.latin`. Set at a token's first such contact, never cleared.
    private var comparedAs: [TokenScript] = []
    /// Per token id: whether some contact has it in a name of its own (any role but the
    /// company's); false for a word of companies only, whose contacts all match it as a company's
    /// word (`ContactDirectory.tieCeiling`). Set once, never cleared: a token that only companies
    /// keep after a change is still taken for a person's.
    private var inPersonNames: [Bool] = []
    /// The tokens' deletion strings, for typing errors (see `TokenDeletionIndex`).
    private(set) var deletions = TokenDeletionIndex()
    /// The contacts by the first 2–4 characters of their tokens, for common prefixes (see
    /// `TokenPrefixPostings`): listed anew at every bulk load, kept current by updates.
    private(set) var prefixes = TokenPrefixPostings()
    /// The contacts by the initials of their tokens (`TokenInitials`).
    private(set) var initials = TokenInitials()
    /// The typo budgets: a token keeps the deletions of its own budget.
    var matching = NameMatchingOptions()
    private var bulkLoading = false
    /// Slots emptied during a bulk load; their postings are dropped by `finishBulkLoad`.
    private var removedDuringBulk: Set<UInt32> = []
    /// The slots whose contact has a token twice in one name ("Henry Henry";
    /// `NameTokenRole.repeatsToken`): the one token may serve two query tokens typed alike. Few
    /// (none in most directories); name search adds them to the contacts it finds in two
    /// posting lists of a band (`ContactDirectory.twinCandidates`).
    private(set) var repeatingSlots: Set<UInt32> = []
    /// The slots whose contact a one-token query may match as a whole name (`SlotBitmap`): its
    /// given and family names hold one token in all, or its display name holds one (a contact
    /// filed under "Li" alone), or it is named by its company alone (an account, whose
    /// company's words are its own names: `isNamedByCompany`). Name search ranks the other
    /// contacts of a common token by their tie values before reading them
    /// (`ContactDirectory.tieCeiling`). A bit may stay set for a slot that no longer needs it
    /// (then its contact is read, as before), never the other way.
    private(set) var singleTokenNames: [UInt64] = []
    /// The token sets that are some contact's whole name (`WholeNameTokenFilter`): what the
    /// nickname forms of a whole-name query are checked against before their look-ups.
    private(set) var wholeNames = WholeNameTokenFilter()
    /// The nickname relations between the vocabulary's tokens (`TokenNicknames`).
    private(set) var nicknames = TokenNicknames()

    /// Makes the top-level arrays own their storage (see `ContactDirectory.independentCopy`);
    /// each posting list is copied when first written.
    mutating func makeStorageUnique() {
        vocabulary.makeStorageUnique()
        postings.makeStorageUnique()
        deadPostings.reserveCapacity(deadPostings.count)
        forwardArena.reserveCapacity(forwardArena.count)
        forwardStart.reserveCapacity(forwardStart.count)
        forwardCount.reserveCapacity(forwardCount.count)
        entityRanks.reserveCapacity(entityRanks.count)
        idPrefixes.reserveCapacity(idPrefixes.count)
        skeletons.reserveCapacity(skeletons.count)
        alternateSkeletons.reserveCapacity(alternateSkeletons.count)
        hasSkeleton.reserveCapacity(hasSkeleton.count)
        comparedAs.reserveCapacity(comparedAs.count)
        inPersonNames.reserveCapacity(inPersonNames.count)
        repeatingSlots.reserveCapacity(repeatingSlots.count)
        singleTokenNames.reserveCapacity(singleTokenNames.count)
        wholeNames.makeStorageUnique()
        nicknames.makeStorageUnique()
        deletions.makeStorageUnique()
        prefixes.makeStorageUnique()
        initials.makeStorageUnique()
    }

    /// Gives every posting list of some size its own storage with room to grow (see
    /// `ContactDirectory.prepareForUpdates`).
    mutating func reserveForUpdates() {
        postings.reserveForUpdates()
        // Room for an eighth more contacts: the per-slot arrays are trimmed after a bulk load,
        // and a full one doubled in the update that first appended to it (the forward arena: a
        // copy of tens of megabytes).
        forwardArena.reserveRoomForUpdates()
        forwardStart.reserveRoomForUpdates()
        forwardCount.reserveRoomForUpdates()
        entityRanks.reserveRoomForUpdates()
        idPrefixes.reserveRoomForUpdates()
        singleTokenNames.reserveRoomForUpdates()
        prefixes.reserveForUpdates()
        initials.reserveForUpdates()
    }

    /// Starts a bulk load: postings are appended unsorted until `finishBulkLoad`.
    mutating func beginBulkLoad(capacity: Int) {
        bulkLoading = true
        forwardStart.reserveCapacity(capacity)
        forwardCount.reserveCapacity(capacity)
        forwardArena.reserveCapacity(capacity * 5)
        entityRanks.reserveCapacity(capacity)
        idPrefixes.reserveCapacity(capacity)
        // Sized for the rows to come, so that the load never sizes it anew.
        resizeWholeNames(forContacts: forwardStart.count + capacity)
    }

    /// Sorts what a bulk load appended and drops the postings of slots emptied meanwhile.
    /// - Complexity: O(P log P) over all postings (already sorted lists are only checked).
    mutating func finishBulkLoad() {
        bulkLoading = false
        vocabulary.sortIfNeeded()
        let removed = removedDuringBulk
        removedDuringBulk = []
        postings.sortMainLists(dropping: removed)
        // The per-slot arrays were reserved from an estimate of the rows and grew by doubling
        // past it: up to twice the bytes they need, by chance of the estimate (the name indexes
        // of one export measured 375 or 409 bytes a contact from one load to the next).
        forwardArena.trimCapacity()
        forwardStart.trimCapacity()
        forwardCount.trimCapacity()
        entityRanks.trimCapacity()
        idPrefixes.trimCapacity()
        if wholeNames.isCrowded { resizeWholeNames(forContacts: forwardStart.count) }
        nicknames = TokenNicknames(vocabulary: vocabulary, table: .shared)
        rebuildPrefixes()
    }

    /// Sizes `wholeNames` for `contacts` contacts (not below its size now) and adds every
    /// slot's names to it anew.
    /// - Complexity: O(slots + entries).
    private mutating func resizeWholeNames(forContacts contacts: Int) {
        var filter = WholeNameTokenFilter(contacts: max(contacts, wholeNames.bitCount / WholeNameTokenFilter.bitsPerContact))
        forwardArena.withUnsafeBufferPointer { arena in
            for slot in forwardStart.indices where forwardCount[slot] > 0 {
                let start = Int(forwardStart[slot])
                filter.insertNames(of: UnsafeBufferPointer(rebasing: arena[start..<(start + Int(forwardCount[slot]))]))
            }
        }
        wholeNames = filter
    }

    /// Adds the names of `slot`'s run to `wholeNames`, doubling it first when crowded.
    private mutating func addWholeNames(of slot: UInt32) {
        if wholeNames.isCrowded, !bulkLoading { resizeWholeNames(forContacts: 2 * wholeNames.bitCount / WholeNameTokenFilter.bitsPerContact) }
        let slotIndex = Int(slot)
        let start = Int(forwardStart[slotIndex])
        let count = Int(forwardCount[slotIndex])
        forwardArena.withUnsafeBufferPointer { arena in
            wholeNames.insertNames(of: UnsafeBufferPointer(rebasing: arena[start..<(start + count)]))
        }
    }

    /// Lists the common prefixes anew from every slot's tokens (`TokenPrefixPostings.rebuild`).
    mutating func rebuildPrefixes() {
        var rebuilt = TokenPrefixPostings()
        rebuilt.setLimits(prefixes.lists.limits)
        // The closure reads a constant copy (one retain of each array), not `self`: captured in
        // this mutating method, `self` was copied whole for every slot (a million retains of
        // each of its arrays).
        let current = self
        rebuilt.rebuild(vocabulary: vocabulary, slotCount: forwardStart.count) { slot, body in current.withTokenIDs(of: slot, body) }
        prefixes = rebuilt
        var rebuiltInitials = TokenInitials()
        rebuiltInitials.rebuild(slotCharacters: slotInitials())
        initials = rebuiltInitials
    }

    /// Each slot's initials (`TokenInitials.Characters`), read in one pass over the token lists
    /// in place: a closure a slot, with its ids copied out, cost a bulk load a fifth of a second.
    private func slotInitials() -> [TokenInitials.Characters] {
        let slotCount = forwardStart.count
        return [TokenInitials.Characters](unsafeUninitializedCapacity: slotCount) { out, initialized in
            vocabulary.firstBytes.withUnsafeBufferPointer { firstBytes in
                forwardArena.withUnsafeBufferPointer { arena in
                    forwardStart.withUnsafeBufferPointer { starts in
                        forwardCount.withUnsafeBufferPointer { counts in
                            for slot in 0..<slotCount {
                                let start = Int(starts[slot])
                                let entries = UnsafeBufferPointer(rebasing: arena[start..<(start + Int(counts[slot]))])
                                out[slot] = TokenInitials.characters(of: entries.lazy.map { $0 & Self.idMask }, firstBytes: firstBytes)
                            }
                        }
                    }
                }
            }
            initialized = slotCount
        }
    }

    /// Sets where the posting lists and prefix lists take new slots
    /// (`TokenPostingLists.Limits`; tests take small ones, so that small directories use the
    /// lists' recent parts).
    mutating func setPostingLimits(_ limits: TokenPostingLists.Limits) {
        postings.setLimits(limits, countingRepeatsOff: &deadPostings)
        prefixes.setLimits(limits)
    }

    /// Drops every prefix list: searches then read each prefix spelling's postings (tests
    /// compare the two).
    mutating func removePrefixLists() {
        prefixes = TokenPrefixPostings()
        initials = TokenInitials()
    }

    /// Calls `body` with a slot's token ids, roles cleared (at most 255).
    private func withTokenIDs(of slot: UInt32, _ body: (UnsafeBufferPointer<UInt32>) -> Void) {
        withTokens(of: slot) { entries in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(entries.count, 1)) { ids in
                for (offset, entry) in entries.enumerated() { ids[offset] = entry & Self.idMask }
                body(UnsafeBufferPointer(rebasing: ids[0..<entries.count]))
            }
        }
    }

    /// The initials (`TokenInitials`) of the tokens `ids` (roles in the top bits are ignored).
    private func initialCharacters(of ids: some Sequence<UInt32>) -> TokenInitials.Characters {
        guard !initials.isEmpty else { return TokenInitials.Characters() }
        return vocabulary.firstBytes.withUnsafeBufferPointer { firstBytes in
            TokenInitials.characters(of: ids.lazy.map { $0 & Self.idMask }, firstBytes: firstBytes)
        }
    }

    /// The prefix lists (`TokenPrefixPostings`) of the tokens `ids`, ascending, without repeats.
    private func prefixListIDs(of ids: some Sequence<UInt32>) -> [Int32] {
        guard !prefixes.isEmpty else { return [] }
        var out: [Int32] = []
        vocabulary.withBytesReader { reader in
            for id in ids { prefixes.appendListIDs(of: reader[id & Self.idMask], to: &out) }
        }
        out.sortAndDropRepeats()
        return out
    }

    /// Counts a slot's entries in the prefix lists `ids` as dead, and rewrites the lists that
    /// this leaves more than half dead with the slots that still have a token of the prefix.
    private mutating func killPrefixEntries(of slot: UInt32, in ids: [Int32]) {
        guard !ids.isEmpty else { return }
        for list in prefixes.kill(slot: slot, in: ids) {
            // Sorted, without repeats: the main list and the recent slots merged.
            let parts = prefixes.lists.parts(of: Int(list))
            let live = TokenPostingLists.union(parts.main, parts.recent).filter { prefixListIDs(of: tokens(of: $0)).contains(list) }
            prefixes.replaceList(list, with: live, slotCount: forwardStart.count)
        }
    }

    /// Starts loading where `slot`'s token list is, without waiting for it: the first of the two
    /// steps that let a walk over a posting list overlap the cache misses of the token lists it
    /// will read (`prefetchTokens(of:)` for the same slot a few steps later).
    @inline(__always)
    func prefetchTokenListStart(of slot: UInt32) {
        let index = Int(slot)
        guard index < forwardStart.count else { return }
        forwardStart.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + index) }
        forwardCount.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + index) }
    }

    /// Starts loading `slot`'s token list without waiting for it (its start is read now).
    @inline(__always)
    func prefetchTokens(of slot: UInt32) {
        let index = Int(slot)
        guard index < forwardStart.count else { return }
        let start = Int(forwardStart[index])
        guard start < forwardArena.count else { return }
        forwardArena.withUnsafeBufferPointer { cmh_prefetch_read($0.baseAddress! + start) }
    }

    /// How many postings token `id` has (dead ones included).
    @inline(__always)
    func postingCount(of id: UInt32) -> Int { Int(postings.counts[Int(id)]) }

    /// The posting counts of `ids`, in order. Their counts are far apart in `postings.counts`
    /// (a prefix's spellings have unrelated ids), so each is prefetched a few steps ahead and
    /// their cache misses overlap.
    func postingCounts(of ids: [UInt32]) -> [Int] {
        let lookahead = 16
        return postings.counts.withUnsafeBufferPointer { counts in
            ids.withUnsafeBufferPointer { ids in
                (0..<ids.count).map { position in
                    if position + lookahead < ids.count { cmh_prefetch_read(counts.baseAddress! + Int(ids[position + lookahead])) }
                    return Int(counts[Int(ids[position])])
                }
            }
        }
    }

    /// Calls `body` with the tokens of a slot (empty for a free slot), read in place: no array
    /// slice, whose reference count a search would change twice for each contact it checks.
    /// - Complexity: O(1) besides `body`.
    @inline(__always)
    func withTokens<R>(of slot: UInt32, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        let index = Int(slot)
        guard index < forwardStart.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(forwardStart[index])
        let count = Int(forwardCount[index])
        return forwardArena.withUnsafeBufferPointer { arena in body(UnsafeBufferPointer(rebasing: arena[start..<(start + count)])) }
    }

    /// Every slot's token list, for a closure that reads token lists only: capturing the whole
    /// index copies its many arrays (a retain and a release each), which had cost about a tenth
    /// of an exact-name look-up with nickname forms (`collectNicknameWholeNames`).
    var tokenLists: TokenLists { TokenLists(arena: forwardArena, start: forwardStart, count: forwardCount) }

    /// Every slot's token list (`NameTokenIndex.tokenLists`), three arrays of the index.
    struct TokenLists: Sendable {
        fileprivate let arena: [UInt32]
        fileprivate let start: [UInt32]
        fileprivate let count: [UInt8]

        /// Calls `body` with the tokens of a slot (empty for a free slot), read in place.
        /// - Complexity: O(1) besides `body`.
        @inline(__always)
        func withTokens<R>(of slot: UInt32, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
            let index = Int(slot)
            guard index < start.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            let first = Int(start[index])
            let length = Int(count[index])
            return arena.withUnsafeBufferPointer { arena in body(UnsafeBufferPointer(rebasing: arena[first..<(first + length)])) }
        }
    }

    /// The tokens of a slot (empty for a free slot).
    /// - Complexity: O(1).
    @inline(__always)
    func tokens(of slot: UInt32) -> ArraySlice<UInt32> {
        let index = Int(slot)
        guard index < forwardStart.count else { return [] }
        let start = Int(forwardStart[index])
        return forwardArena[start..<(start + Int(forwardCount[index]))]
    }

    /// Indexes a contact's tokens under its slot (which must be free in this index). At most
    /// 255 tokens of a contact are kept.
    /// - Complexity: O(t · (log p + p)) for t tokens with p postings each (sorted insertion;
    ///   in a long list, O(log r + r) in its r recent slots, see `TokenPostingLists`),
    ///   O(t) amortized during a bulk load.
    mutating func insert(slot: UInt32, rows: PreparedRows, index: Int) {
        let start = beginRun(slot: slot)
        var count = 0
        rows.forEachToken(index) { token, role, script, written in
            guard count < 255 else { return }
            addToken(token, role: role, script: script, written: written, slot: slot, runStart: start, runCount: &count)
        }
        finishRun(
            slot: slot, start: start, count: count, entityRank: rows.entityRanks[index],
            idPrefix: Self.idKey(head: rows.idPrefixes[index], tail: rows.idTails[index], skip: idKeySkip, lead: idKeyLead))
        addWholeNames(of: slot)
        if !bulkLoading {
            prefixes.add(slot: slot, to: prefixListIDs(of: tokens(of: slot)))
            initials.update(slot: slot, from: TokenInitials.Characters(), to: initialCharacters(of: tokens(of: slot)))
        }
    }

    /// Re-indexes a slot whose contact changed (the same contact, new tokens): tokens it keeps
    /// keep their posting entries untouched, tokens it gains are filed, tokens it lost die in
    /// place (see the type's notes). Equivalent to `remove(slot:)` then `insert(slot:rows:index:)`,
    /// without a posting-list search for each kept token (a binary search through a common
    /// token's 100,000 slots, each step a cache miss).
    /// - Complexity: O(t²) for t tokens, plus O(log p + p) per token gained (O(log r + r) in
    ///   a long list's r recent slots).
    mutating func replace(slot: UInt32, rows: PreparedRows, index: Int) {
        let slotIndex = Int(slot)
        guard !bulkLoading, slotIndex < forwardStart.count, forwardCount[slotIndex] > 0 else {
            remove(slot: slot)
            insert(slot: slot, rows: rows, index: index)
            return
        }
        let oldEntries = Array(tokens(of: slot))
        let old = oldEntries.map { $0 & Self.idMask }
        let start = beginRun(slot: slot)
        var count = 0
        rows.forEachToken(index) { token, role, script, written in
            guard count < 255 else { return }
            addToken(token, role: role, script: script, written: written, slot: slot, runStart: start, runCount: &count, filed: old)
        }
        finishRun(
            slot: slot, start: start, count: count, entityRank: rows.entityRanks[index],
            idPrefix: Self.idKey(head: rows.idPrefixes[index], tail: rows.idTails[index], skip: idKeySkip, lead: idKeyLead))
        let run = tokens(of: slot)
        // The whole names hash the tokens by role: a token that only changed its role (a
        // company's word become the family name) makes a new name; one written with accents
        // now ("Muller" become "Müller") does not.
        if !run.elementsEqual(oldEntries, by: { $0 & ~Self.writtenBits == $1 & ~Self.writtenBits }) { addWholeNames(of: slot) }
        // An upsert that keeps the name (most of them) reads no prefix.
        if !run.map({ $0 & Self.idMask }).elementsEqual(old) {
            if !prefixes.isEmpty {
                let oldLists = prefixListIDs(of: old)
                let newLists = prefixListIDs(of: run)
                prefixes.add(slot: slot, to: newLists.filter { !oldLists.contains($0) })
                killPrefixEntries(of: slot, in: oldLists.filter { !newLists.contains($0) })
            }
            initials.update(slot: slot, from: initialCharacters(of: old), to: initialCharacters(of: run))
        }
        var crowded: [Int] = []
        for (offset, tokenID) in old.enumerated() {
            if old.prefix(offset).contains(tokenID) || run.contains(where: { $0 & Self.idMask == tokenID }) { continue }
            let id = Int(tokenID)
            deadPostings[id] += 1
            if Int(deadPostings[id]) * 2 > Int(postings.counts[id]) + 16 { crowded.append(id) }
        }
        forwardGarbage += old.count
        for id in crowded { dropDeadPostings(of: id) }
        compactForwardIfNeeded()
    }

    /// Sets the lead of the id keys (its length `skip`, 0–8, and its bytes in the top of `lead`)
    /// and the keys themselves (from each slot's id's first 16 bytes, or nil for a free slot).
    /// - Complexity: O(slots).
    mutating func rekeyIDs(skip: Int, lead: UInt64, idBytes: (UInt32) -> (head: UInt64, tail: UInt64)?) {
        idKeySkip = skip
        idKeyLead = Self.leadBytes(lead, count: skip)
        for index in idPrefixes.indices {
            guard let bytes = idBytes(UInt32(index)) else { continue }
            idPrefixes[index] = Self.idKey(head: bytes.head, tail: bytes.tail, skip: idKeySkip, lead: idKeyLead)
        }
    }

    /// The top `count` bytes of `head` (the rest zero).
    @inline(__always)
    static func leadBytes(_ head: UInt64, count: Int) -> UInt64 {
        count <= 0 ? 0 : (count >= 8 ? head : head & ~(UInt64.max >> UInt64(8 * count)))
    }

    /// The id key of an id from its first 8 bytes (`head`) and the next 8 (`tail`), given the
    /// lead (`skip` bytes, in the top of `lead`).
    ///
    /// The top two bits are a class: 1 for an id that starts with the lead, 0 for one that sorts
    /// before every such id, 2 for one that sorts after them all. Below them, 62 bits of the id's
    /// bytes after the lead (class 1) or from its start (classes 0 and 2). So keys never order
    /// two ids against their byte order, whatever ids arrive: an id that does not start with
    /// the lead only gets a coarser key, and no other key changes.
    @inline(__always)
    static func idKey(head: UInt64, tail: UInt64, skip: Int, lead: UInt64) -> UInt64 {
        let start = leadBytes(head, count: skip)
        guard start == lead else { return (start < lead ? 0 : 2 << 62) | head >> 2 }
        let afterLead: UInt64 = switch skip {
        case ...0: head
        case 8...: tail
        default: head << UInt64(8 * skip) | tail >> UInt64(64 - 8 * skip)
        }
        return 1 << 62 | afterLead >> 2
    }

    /// Indexes tokens given as values (tests).
    mutating func insert(slot: UInt32, tokens: [NameToken], entityRank: Int, idPrefix: UInt64) {
        let start = beginRun(slot: slot)
        var count = 0
        for token in tokens.prefix(255) {
            var text = token.text
            text.withUTF8 {
                addToken($0, role: token.role, script: token.romanized ? .other : .latin, written: token.written, slot: slot, runStart: start, runCount: &count)
            }
        }
        finishRun(slot: slot, start: start, count: count, entityRank: UInt8(clamping: entityRank), idPrefix: idPrefix)
        if !bulkLoading {
            prefixes.add(slot: slot, to: prefixListIDs(of: self.tokens(of: slot)))
            initials.update(slot: slot, from: TokenInitials.Characters(), to: initialCharacters(of: self.tokens(of: slot)))
        }
    }

    /// Makes room for a slot's per-slot data; returns where its forward run starts.
    private mutating func beginRun(slot: UInt32) -> Int {
        while forwardStart.count <= Int(slot) {
            forwardStart.append(0)
            forwardCount.append(0)
            entityRanks.append(0)
            idPrefixes.append(0)
        }
        return forwardArena.count
    }

    /// Records where a slot's forward run is, and its rank keys.
    private mutating func finishRun(slot: UInt32, start: Int, count: Int, entityRank: UInt8, idPrefix: UInt64) {
        let slotIndex = Int(slot)
        forwardStart[slotIndex] = UInt32(start)
        forwardCount[slotIndex] = UInt8(count)
        entityRanks[slotIndex] = entityRank
        idPrefixes[slotIndex] = idPrefix
        let repeats = count > 1 && forwardArena.withUnsafeBufferPointer { arena in
            NameTokenRole.repeatsToken(UnsafeBufferPointer(rebasing: arena[start..<(start + count)]))
        }
        if repeats {
            repeatingSlots.insert(slot)
        } else if !repeatingSlots.isEmpty {
            repeatingSlots.remove(slot)
        }
        let single = forwardArena.withUnsafeBufferPointer { arena in
            Self.mayBeOneTokenName(UnsafeBufferPointer(rebasing: arena[start..<(start + count)]))
        }
        if single {
            singleTokenNames.insertSlot(slot)
        } else {
            singleTokenNames.removeSlot(slot)
        }
    }

    /// Whether a contact with these token entries may score above a one-token query's tie
    /// ceiling (`ContactDirectory.tieCeiling`): as a whole name (`ContactDirectory.isWholeName`:
    /// one given or family token in all, or one display token), or as an account whose
    /// company's word is its own name (`isNamedByCompany`), where the ceiling of a word of
    /// companies only counts the staff's match, a name's start.
    static func mayBeOneTokenName(_ entries: UnsafeBufferPointer<UInt32>) -> Bool {
        var person = 0
        var display = 0
        var company = 0
        for entry in entries {
            switch Self.role(ofEntry: entry) {
            case NameTokenRole.given.rawValue, NameTokenRole.family.rawValue: person += 1
            case NameTokenRole.display.rawValue: display += 1
            case NameTokenRole.company.rawValue: company += 1
            default: break
            }
        }
        return person == 1 || display == 1 || (person == 0 && display == 0 && company > 0)
    }

    /// Whether a contact with these token entries is named by its company alone: it has company
    /// tokens and no given, family or display token (an account, `WholeNameSources.namingCompany`).
    /// - Complexity: O(entries).
    static func isNamedByCompany(_ entries: UnsafeBufferPointer<UInt32>) -> Bool {
        var company = false
        for entry in entries {
            switch Self.role(ofEntry: entry) {
            case NameTokenRole.given.rawValue, NameTokenRole.family.rawValue, NameTokenRole.display.rawValue: return false
            case NameTokenRole.company.rawValue: company = true
            default: break
            }
        }
        return company
    }

    /// Whether token `id` is a word of companies' names only (see `inPersonNames`); false for an
    /// id outside the vocabulary (`NameQueryToken.initialsID`).
    @inline(__always)
    func isCompanyWordOnly(_ id: UInt32) -> Bool {
        Int(id) < inPersonNames.count && !inPersonNames[Int(id)]
    }

    /// Whether a one-token query may match `slot`'s contact as a whole name (see
    /// `singleTokenNames`).
    @inline(__always)
    func mayBeOneTokenName(slot: UInt32) -> Bool {
        singleTokenNames.withUnsafeBufferPointer { $0.containsSlot(slot) }
    }

    /// Adds one token of a slot: interns it (a new token gets its posting list and deletion
    /// strings), appends it to the slot's forward run, and files the slot in its postings once,
    /// unless the token is among `filed` (the slot's current tokens, whose entries are live).
    private mutating func addToken(
        _ token: UnsafeBufferPointer<UInt8>, role: NameTokenRole, script: TokenScript, written: WrittenAccents.Written, slot: UInt32, runStart: Int,
        runCount: inout Int, filed: [UInt32] = []
    ) {
        let tokenID = vocabulary.intern(token, keepSorted: !bulkLoading)
        let id = Int(tokenID)
        if id == postings.count {
            postings.appendEmpty()
            deadPostings.append(0)
            hasSkeleton.append(false)
            comparedAs.append(.latin)
            inPersonNames.append(false)
            deletions.add(token, id: tokenID, deletions: matching.budget(forLength: token.count))
            // A bulk load lists the prefixes and their spellings, and relates nicknames, when
            // it ends.
            if !bulkLoading {
                prefixes.addSpelling(tokenID, token: token)
                nicknames.link(tokenID, token: token, vocabulary: vocabulary, table: .shared)
            }
        }
        let romanized = script.isRomanized
        if romanized, !hasSkeleton[id] { addSkeleton(of: token, id: tokenID, script: script) }
        if romanized, comparedAs[id] == .latin { addAlternateSkeletons(of: token, id: tokenID, script: script) }
        if role != .company, !inPersonNames[id] { inPersonNames[id] = true }
        let seenBefore = forwardArena[runStart..<(runStart + runCount)].contains { $0 & Self.idMask == tokenID }
        let writtenBits = (written.accented ? Self.accentedBit : 0) | (written.initialAccented ? Self.initialAccentedBit : 0)
        forwardArena.append(tokenID | role.rawValue << 28 | (romanized ? Self.otherScriptBit : 0) | writtenBits)
        runCount += 1
        if seenBefore || filed.contains(tokenID) { return }
        if bulkLoading {
            postings.appendUnsorted(slot, to: id)
            return
        }
        // Dead entries of the slot found again: one lives again, repeats merged away.
        TokenPostingLists.countOff(postings.file(slot, under: id), from: &deadPostings[id])
    }

    /// Files a romanized token under its consonant skeleton.
    private mutating func addSkeleton(of token: some Collection<UInt8>, id: UInt32, script: TokenScript) {
        hasSkeleton[Int(id)] = true
        let skeleton = ConsonantSkeleton.of(token)
        if !skeleton.isEmpty { skeletons[skeleton, default: SkeletonBucket()].append(script == .arabic ? id | Self.arabicScriptBit : id, token: token) }
    }

    /// Marks a consonantal romanization of Hebrew (`isConsonantal`) or a romanization of Arabic
    /// script (`arabicScriptBit`), and files it under its alternate skeletons too
    /// (`ConsonantSkeleton.alternates`, `ArabicScriptSpelling.alternateSkeletons`). Arabic
    /// script has rules of its own: compared with the query's consonants as Hebrew is, "mhmd"
    /// and "sd" took the two-typing-error class's p99 from about 255 to 310 µs at a million
    /// contacts (more romanized spellings for Latin queries to walk) for no answer gained.
    private mutating func addAlternateSkeletons(of token: UnsafeBufferPointer<UInt8>, id: UInt32, script: TokenScript) {
        let alternates: [String]
        switch script {
        case .hebrew where ConsonantSkeleton.isConsonantal(token): alternates = ConsonantSkeleton.alternates(of: token)
        case .arabic: alternates = ArabicScriptSpelling.alternateSkeletons(of: token)
        default: return
        }
        comparedAs[Int(id)] = script
        let entry = script == .arabic ? id | Self.arabicScriptBit : id
        for alternate in alternates { alternateSkeletons[alternate, default: SkeletonBucket()].append(entry, token: token) }
    }

    /// Whether vocabulary token `id` is a consonantal romanization of Hebrew, compared with a
    /// query's consonants (`NameQueryToken.romanizedQuality`).
    func isConsonantal(_ id: UInt32) -> Bool { comparedAs[Int(id)] == .hebrew }

    /// Removes a slot's tokens; its postings die in place (see the type's notes).
    /// - Complexity: O(t²) for its t tokens, plus, amortized, O(t) list rewriting; O(1) during a
    ///   bulk load (the postings go at `finishBulkLoad`).
    mutating func remove(slot: UInt32) {
        let slotIndex = Int(slot)
        guard slotIndex < forwardStart.count, forwardCount[slotIndex] > 0 else { return }
        var crowded: [Int] = []
        var prefixLists: [Int32] = []
        if bulkLoading {
            removedDuringBulk.insert(slot)
        } else {
            let run = tokens(of: slot)
            prefixLists = prefixListIDs(of: run)
            initials.update(slot: slot, from: initialCharacters(of: run), to: TokenInitials.Characters())
            for (offset, entry) in run.enumerated() {
                let tokenID = entry & Self.idMask
                if run.prefix(offset).contains(where: { $0 & Self.idMask == tokenID }) { continue }
                let id = Int(tokenID)
                deadPostings[id] += 1
                if Int(deadPostings[id]) * 2 > Int(postings.counts[id]) + 16 { crowded.append(id) }
            }
        }
        forwardGarbage += Int(forwardCount[slotIndex])
        forwardCount[slotIndex] = 0
        if !repeatingSlots.isEmpty { repeatingSlots.remove(slot) }
        killPrefixEntries(of: slot, in: prefixLists)
        for id in crowded { dropDeadPostings(of: id) }
        compactForwardIfNeeded()
    }

    /// Rewrites a token's list with only the slots whose token lists still hold it.
    /// - Complexity: O(p · t) for p postings of slots with t tokens.
    private mutating func dropDeadPostings(of id: Int) {
        let tokenID = UInt32(id)
        postings.mergeRecent(of: id)
        let live = postings.main[id].filter { slot in tokens(of: slot).contains { $0 & Self.idMask == tokenID } }
        postings.replace(id, with: live)
        deadPostings[id] = 0
    }

    /// Rewrites the forward runs without garbage once garbage passes half of the arena.
    /// - Complexity: O(arena) when it compacts.
    private mutating func compactForwardIfNeeded() {
        guard !bulkLoading, forwardGarbage > 65_536, forwardGarbage * 2 > forwardArena.count else { return }
        var fresh: [UInt32] = []
        fresh.reserveCapacity(forwardArena.count - forwardGarbage + 1024)
        for slot in forwardStart.indices {
            let start = Int(forwardStart[slot])
            let count = Int(forwardCount[slot])
            forwardStart[slot] = UInt32(fresh.count)
            fresh.append(contentsOf: forwardArena[start..<(start + count)])
        }
        forwardArena = fresh
        forwardGarbage = 0
    }

    /// The first 8 bytes of an id as a big-endian integer (shorter ids pad with zeros, which
    /// sort first, as byte order wants).
    static func idPrefix(_ id: UnsafeRawBufferPointer) -> UInt64 {
        idBytes(id, from: 0)
    }

    /// 8 bytes of an id from `start` on, as a big-endian integer, zero-padded past its end.
    static func idBytes(_ id: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var value: UInt64 = 0
        for position in start..<(start + 8) {
            value = value << 8 | (position < id.count ? UInt64(id[position]) : 0)
        }
        return value
    }

    /// Approximate heap bytes held by each part, by name (what `approximateBytes` adds up).
    var approximateBytesByPart: [(part: String, bytes: Int)] {
        [
            ("token postings", postings.approximateBytes),
            ("token lists", forwardArena.capacity * 4 + forwardStart.capacity * 4 + forwardCount.capacity),
            ("slots repeating a token", repeatingSlots.capacity * 8),
            ("entity ranks and id keys", entityRanks.capacity + idPrefixes.capacity * 8),
            ("one-token names", singleTokenNames.capacity * 8),
            ("whole-name token sets", wholeNames.approximateBytes),
            ("nickname relations", nicknames.approximateBytes),
            ("vocabulary", vocabulary.approximateBytes),
            ("consonant skeletons", [skeletons, alternateSkeletons].reduce(0) { total, buckets in
                buckets.values.reduce(total + buckets.capacity * 48) { $0 + $1.approximateBytes }
            }),
            ("typing-error deletions", deletions.approximateBytes),
            ("prefix postings", prefixes.approximateBytes),
            ("initials", initials.approximateBytes),
        ]
    }

    /// Approximate heap bytes held (arrays' element storage and headers; malloc rounding aside).
    var approximateBytes: Int {
        approximateBytesByPart.reduce(0) { $0 + $1.bytes }
    }
}
