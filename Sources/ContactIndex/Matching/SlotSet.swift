import CBranchFreeSearch

/// A set of contact slots built as the union of posting lists: a sorted array (or one list's
/// two sorted parts, `TokenPostingLists`, kept as they are) when that costs
/// less to build and to ask (few postings, few look-ups), else a bitmap over every slot of the
/// directory. Name search uses it to intersect "any spelling of this token" across the tokens of
/// a query.
///
/// - Complexity: building costs O(1) for one posting list kept as it is, O(p log p) for p
///   postings in the array form (see `prefersArray`), O(p + n/64) in the bitmap form;
///   membership is O(log p) or O(1).
struct SlotSet {
    /// Whether a union of `postings` postings over `slotCount` slots, asked about `lookups`
    /// slots, is cheaper as a sorted array than as a bitmap.
    ///
    /// The array costs its sort, about p·log2(p) steps (none for one list, `sorted`), and a
    /// binary search of log2(p) steps a look-up, each of them about two of the bitmap's: the
    /// bitmap costs clearing n/64 words, setting p bits and testing one bit a look-up. So a
    /// query whose driving token walks 8,000 contacts ("thoas smuth": "thomas") tests them
    /// against a bitmap of the 8,900 contacts of "smith", not by 13 steps of binary search
    /// each in its posting list.
    static func prefersArray(postings: Int, lookups: Int, slotCount: Int, sorted: Bool = false) -> Bool {
        let p = max(postings, 2)
        let log = Int.bitWidth - p.leadingZeroBitCount
        return (sorted ? 0 : p * log * 2) + max(lookups, 0) * log * 2 <= slotCount / 64 + p + lookups
    }

    /// What adding a bitmap of the index to a union costs, in postings set: an eighth of its
    /// words (read once, or copied once when bits are added; `NameQueryToken.unionCost`).
    static func unionCost(ofBitmap bitmap: [UInt64]) -> Int { bitmap.count / 8 }

    private var sorted: [UInt32] = []
    /// In the array form, a token's recent slots (`TokenPostingLists`) beside its main list in
    /// `sorted`, both shared, not copied: ascending, and asked as well; else empty.
    private var recent: [UInt32] = []
    private var bitmap: [UInt64] = []
    private(set) var isBitmap = false
    /// In the array form, about how many look-ups it has answered (`recordLookups`).
    private var lookupsMade = 0
    /// In the array form, the index's bitmap of exactly the slots in `sorted` and `recent`
    /// (`SlotBitmap`), when the set is one list that has one; shared, not copied. Turning into
    /// a bitmap starts from it (`becomeBitmap`), where setting the list's bits one by one cost
    /// "Мар Нес" a third of its time at a million contacts: its token's band is the 65,000
    /// contacts of the listed prefix "mar…" and a few other spellings, kept as the list at
    /// first and turned into a bitmap by those spellings' postings.
    private var listBitmap: [UInt64]? = nil

    /// The union of the posting lists of `ids`, in the form cheaper for about `lookups`
    /// membership tests (`prefersArray`).
    init(unionOf ids: some Sequence<UInt32>, postings: TokenPostingLists, totalPostings: Int, lookups: Int, slotCount: Int) {
        var single: UInt32? = nil
        var several = false
        for id in ids {
            if single == nil { single = id } else { several = true; break }
        }
        if let single, !several, Self.prefersArray(postings: totalPostings, lookups: lookups, slotCount: slotCount, sorted: true) {
            sorted = postings.main[Int(single)]  // already sorted and unique; shared, not copied
            recent = postings.recent[Int(single)]
        } else if Self.prefersArray(postings: totalPostings, lookups: lookups, slotCount: slotCount) {
            mergeIntoArray(ids, postings: postings, addedPostings: totalPostings)
        } else {
            isBitmap = true
            bitmap = Array(repeating: 0, count: slotCount / 64 + 1)
            setBits(ids, postings: postings, slotCount: slotCount)
        }
    }

    /// The slots of one sorted list without repeats (kept as it is in the array form), in the
    /// form cheaper for about `lookups` membership tests. When the list's bitmap is at hand
    /// (`SlotBitmap`), the bitmap form shares it, not built, until bits are added.
    init(sortedSlots: [UInt32], bitmap shared: [UInt64]? = nil, lookups: Int, slotCount: Int) {
        if Self.prefersArray(postings: sortedSlots.count, lookups: lookups, slotCount: slotCount, sorted: true) {
            sorted = sortedSlots  // shared, not copied
            listBitmap = shared
        } else if let shared {
            isBitmap = true
            bitmap = shared  // shared, not copied, until bits are added
            coverSlots(slotCount)
        } else {
            isBitmap = true
            bitmap = Array(repeating: 0, count: slotCount / 64 + 1)
            setBits(sortedSlots, slotCount: slotCount)
        }
    }

    /// The slots of a list in two parts (`TokenPostingLists.Slots`), as `init(sortedSlots:)`
    /// would take them merged: in the array form both parts are kept as they are (shared).
    init(slots: TokenPostingLists.Slots, bitmap shared: [UInt64]? = nil, lookups: Int, slotCount: Int) {
        self.init(sortedSlots: slots.main, bitmap: shared, lookups: lookups, slotCount: slotCount)
        guard !slots.recent.isEmpty else { return }
        if !isBitmap {
            recent = slots.recent  // `listBitmap`, when there is one, holds both parts
        } else if shared == nil {
            setBits(slots.recent, slotCount: slotCount)
        }
    }

    /// The slots of a bitmap of the index (one bit a slot, as this type's), shared, not copied,
    /// until bits are added.
    init(bitmap: [UInt64], slotCount: Int) {
        isBitmap = true
        self.bitmap = bitmap
        coverSlots(slotCount)
    }

    /// Adds the slots of a bitmap of the index, becoming a bitmap if it is not one.
    /// - Complexity: O(n/64), plus O(s) for the s slots of the array form.
    mutating func formUnion(bitmap other: [UInt64], slotCount: Int) {
        if !isBitmap {
            becomeBitmap(startingFrom: other, slotCount: slotCount)
            return
        }
        bitmap.withUnsafeMutableBufferPointer { words in
            other.withUnsafeBufferPointer { other in
                for index in 0..<min(words.count, other.count) { words[index] |= other[index] }
            }
        }
    }

    /// Lengthens a bitmap shorter than `slotCount` bits (a shared one may be): bits are set
    /// up to there.
    private mutating func coverSlots(_ slotCount: Int) {
        let words = slotCount / 64 + 1
        if bitmap.count < words { bitmap.append(contentsOf: repeatElement(0, count: words - bitmap.count)) }
    }

    /// Adds the slots of one sorted list without repeats, keeping the form the whole union
    /// would take for about `lookups` membership tests. When the list's bitmap is at hand
    /// (`SlotBitmap`), the bitmap form takes its words (OR), and an array that turns into a
    /// bitmap starts from it.
    /// - Complexity: O(p + a) in the array form (a merge), O(a) in the bitmap form (O(n/64)
    ///   with the list's bitmap), plus O(n/64) when the array turns into a bitmap.
    mutating func formUnion(sortedSlots: [UInt32], bitmap shared: [UInt64]? = nil, lookups: Int, slotCount: Int) {
        guard !sortedSlots.isEmpty else { return }
        if !isBitmap, Self.prefersArray(postings: sorted.count + sortedSlots.count, lookups: lookups, slotCount: slotCount, sorted: true) {
            absorbRecent()
            sorted = TokenPostingLists.union(sorted, sortedSlots)
            listBitmap = nil
            return
        }
        if let shared {
            formUnion(bitmap: shared, slotCount: slotCount)
            return
        }
        if !isBitmap { becomeBitmap(slotCount: slotCount) }
        setBits(sortedSlots, slotCount: slotCount)
    }

    /// Adds the slots of a list in two parts (`TokenPostingLists.Slots`), as
    /// `formUnion(sortedSlots:)` would add them merged. `shared`, when given, holds both parts.
    mutating func formUnion(slots: TokenPostingLists.Slots, bitmap shared: [UInt64]? = nil, lookups: Int, slotCount: Int) {
        formUnion(sortedSlots: slots.main, bitmap: shared, lookups: lookups, slotCount: slotCount)
        guard !slots.recent.isEmpty, shared == nil || !isBitmap else { return }
        formUnion(sortedSlots: slots.recent, lookups: lookups, slotCount: slotCount)
    }

    /// Adds the posting lists of `ids` (`addedPostings` postings in all), keeping the form the
    /// whole union would take for about `lookups` membership tests (`prefersArray`): a bitmap
    /// sets their bits, a sorted array merges them in or becomes a bitmap once that is cheaper.
    /// - Complexity: O(a) for a added postings in the bitmap form, O((p + a) log(p + a)) in
    ///   the array form, plus O(n/64) when the array turns into a bitmap.
    mutating func formUnion(
        _ ids: some Sequence<UInt32>, postings: TokenPostingLists, addedPostings: Int, lookups: Int, slotCount: Int
    ) {
        guard addedPostings > 0 else { return }
        if !isBitmap, Self.prefersArray(postings: sorted.count + addedPostings, lookups: lookups, slotCount: slotCount) {
            mergeIntoArray(ids, postings: postings, addedPostings: addedPostings)
            return
        }
        if !isBitmap { becomeBitmap(slotCount: slotCount) }
        setBits(ids, postings: postings, slotCount: slotCount)
    }

    /// Merges `recent` into `sorted` (before `sorted` is merged with more).
    private mutating func absorbRecent() {
        guard !recent.isEmpty else { return }
        sorted = TokenPostingLists.union(sorted, recent)
        recent = []
    }

    /// Turns the sorted array into a bitmap of the same slots (and those of `shared`, a bitmap of
    /// the index, when given). When the array is one list with its bitmap (`listBitmap`), that
    /// bitmap stands for its slots: shared as it is, or its words added to `shared`.
    private mutating func becomeBitmap(startingFrom shared: [UInt64]? = nil, slotCount: Int) {
        let list = listBitmap
        // With the list's bitmap, which holds the array's slots, none is set one by one.
        let present = list == nil ? (recent.isEmpty ? sorted : sorted + recent) : []
        isBitmap = true
        sorted = []
        recent = []
        listBitmap = nil
        bitmap = shared ?? list ?? Array(repeating: 0, count: slotCount / 64 + 1)
        coverSlots(slotCount)
        if let list {
            if shared != nil { formUnion(bitmap: list, slotCount: slotCount) }
        } else {
            setBits(present, slotCount: slotCount)
        }
    }

    /// Appends the recent slots and the posting lists of `ids` to the sorted array, then sorts it
    /// and drops repeats.
    private mutating func mergeIntoArray(_ ids: some Sequence<UInt32>, postings: TokenPostingLists, addedPostings: Int) {
        sorted.reserveCapacity(sorted.count + recent.count + addedPostings)
        sorted.append(contentsOf: recent)
        recent = []
        listBitmap = nil
        for part in 0..<2 {
            (part == 0 ? postings.main : postings.recent).withUnsafeBufferPointer { lists in
                for id in ids { lists[Int(id)].withUnsafeBufferPointer { sorted.append(contentsOf: $0) } }
            }
        }
        sorted.sortAndDropRepeats()
    }

    /// Sets the bits of the posting lists of `ids` in the bitmap. The lists are read in place
    /// through unsafe buffers: taking each one out of `postings` as an array retained and
    /// released it, an atomic operation on a cache line of its own, for lists of a few postings.
    private mutating func setBits(_ ids: some Sequence<UInt32>, postings: TokenPostingLists, slotCount: Int) {
        bitmap.withUnsafeMutableBufferPointer { words in
            for part in 0..<2 {
                (part == 0 ? postings.main : postings.recent).withUnsafeBufferPointer { lists in
                    for id in ids {
                        lists[Int(id)].withUnsafeBufferPointer { slots in Self.setBits(slots, in: words, slotCount: slotCount) }
                    }
                }
            }
        }
    }

    /// Sets the bits of `slots` in the bitmap (slots past `slotCount` are left out).
    private mutating func setBits(_ slots: [UInt32], slotCount: Int) {
        bitmap.withUnsafeMutableBufferPointer { words in
            slots.withUnsafeBufferPointer { slots in Self.setBits(slots, in: words, slotCount: slotCount) }
        }
    }

    /// Sets the bits of `slots` in `words` (slots past `slotCount` are left out).
    @inline(__always)
    private static func setBits(_ slots: UnsafeBufferPointer<UInt32>, in words: UnsafeMutableBufferPointer<UInt64>, slotCount: Int) {
        for slot in slots where Int(slot) < slotCount {
            words[Int(slot >> 6)] |= 1 << UInt64(slot & 63)
        }
    }

    /// The bitmap's words (`SlotBitmap`), shared, when the set is in the bitmap form; else nil.
    var bitmapWords: [UInt64]? { isBitmap ? bitmap : nil }

    /// Whether `slot` is in the set.
    /// Counts `count` more look-ups of the array form, and turns it into a bitmap once they
    /// alone have cost what the bitmap would have (`prefersArray`), for the look-ups still to
    /// come: the estimate it was built for may be far short. A fill tier walks a token's bands
    /// in many combinations, each asking the other token's union again ("Debr Whi": 3,600
    /// binary searches in a union of 4,200 contacts built for 720; five such type-ahead queries
    /// at 1M took 515 µs summed where they took 665, fastest of 40 rounds, interleaved).
    mutating func recordLookups(_ count: Int, slotCount: Int) {
        guard !isBitmap else { return }
        lookupsMade += count
        if !Self.prefersArray(postings: sorted.count + recent.count, lookups: lookupsMade, slotCount: slotCount, sorted: true) {
            becomeBitmap(slotCount: slotCount)
        }
    }

    @inline(__always)
    func contains(_ slot: UInt32) -> Bool {
        if isBitmap { return bitmap.containsSlot(slot) }
        return Self.holds(sorted, slot) || (!recent.isEmpty && Self.holds(recent, slot))
    }

    /// Whether the ascending `list` holds `slot`: a binary search without branches
    /// (`CBranchFreeSearch`; the same loop in Swift branched on every step, and mispredicted
    /// half of them).
    @inline(__always)
    private static func holds(_ list: [UInt32], _ slot: UInt32) -> Bool {
        list.withUnsafeBufferPointer { list in
            guard let base = list.baseAddress else { return false }
            return cbfs_contains_u32(base, list.count, slot)
        }
    }

    /// Calls `body` with each slot, in ascending order.
    func forEach(_ body: (UInt32) -> Void) {
        if !isBitmap {
            for slot in recent.isEmpty ? sorted : TokenPostingLists.union(sorted, recent) { body(slot) }
            return
        }
        for (index, word) in bitmap.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                body(UInt32(index << 6 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
    }
}
