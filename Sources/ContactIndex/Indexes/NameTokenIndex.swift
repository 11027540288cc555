/// An inverted index of folded name tokens: for every distinct token, the sorted slots of the
/// contacts that have it; for every slot, the contact's tokens with their roles.
///
/// Why this structure:
/// - The vocabulary is deduplicated (`TokenVocabulary`): a million contacts share far fewer
///   distinct tokens, so typo, prefix and nickname expansion work on the small vocabulary, never
///   on contacts. Fuzzy expansion walks the sorted vocabulary as a trie (see `TokenVocabulary`).
/// - Postings are flat arrays of `UInt32` slots in ascending order, so the postings of the
///   query's tokens are intersected by galloping merges, and the few survivors are verified
///   against the per-slot token list (`forward`) to learn how each query token matched.
/// - Postings are exact: removing a contact removes its slot from each of its tokens' lists
///   (the slot's `forward` entry says which), so no dead entries are ever read.
///
/// Memory at n contacts with t distinct tokens each (about 3–5): 4·t bytes of postings, the
/// forward list (an array of 4·t bytes), 9 bytes of rank keys, plus the vocabulary.
struct NameTokenIndex: Sendable {
    /// Bits of a forward entry that hold the token id; the role sits above them.
    static let idMask: UInt32 = (1 << 28) - 1

    private(set) var vocabulary = TokenVocabulary()
    /// Slots per token id, ascending, unique.
    private(set) var postings: [[UInt32]] = []
    /// Tokens per slot: id | role << 28, in `ContactNameTokens` order; empty for free slots.
    private(set) var forward: [[UInt32]] = []
    /// The entity priority rank of each slot's contact (ties after score).
    private(set) var entityRanks: [UInt8] = []
    /// The first 8 bytes of each slot's id, big-endian: compares ids without touching strings
    /// unless they share 8 bytes.
    private(set) var idPrefixes: [UInt64] = []
    /// Token ids by consonant skeleton (see `ConsonantSkeleton`).
    private(set) var skeletons: [String: [UInt32]] = [:]
    private var bulkLoading = false

    /// Makes the top-level arrays own their storage (see `ContactDirectory.independentCopy`);
    /// each posting list is copied when first written.
    mutating func makeStorageUnique() {
        vocabulary.makeStorageUnique()
        postings.reserveCapacity(postings.count)
        forward.reserveCapacity(forward.count)
        entityRanks.reserveCapacity(entityRanks.count)
        idPrefixes.reserveCapacity(idPrefixes.count)
        skeletons.reserveCapacity(skeletons.count)
    }

    /// Starts a bulk load: postings are appended unsorted until `finishBulkLoad`.
    mutating func beginBulkLoad(capacity: Int) {
        bulkLoading = true
        forward.reserveCapacity(capacity)
        entityRanks.reserveCapacity(capacity)
        idPrefixes.reserveCapacity(capacity)
    }

    /// Sorts what a bulk load appended.
    /// - Complexity: O(P log P) over all postings (already sorted lists are only checked).
    mutating func finishBulkLoad() {
        bulkLoading = false
        vocabulary.sortIfNeeded()
        for index in postings.indices where !Self.isStrictlyAscending(postings[index]) {
            var list = postings[index]
            list.sort()
            var unique: [UInt32] = []
            unique.reserveCapacity(list.count)
            for slot in list where unique.last != slot { unique.append(slot) }
            postings[index] = unique
        }
    }

    /// Indexes a contact's tokens under its slot (which must be free in this index).
    /// - Complexity: O(t · (log p + p)) for t tokens with p postings each (sorted insertion),
    ///   O(t) amortized during a bulk load.
    mutating func insert(slot: UInt32, tokens: [NameToken], entityRank: Int, id: String) {
        let slotIndex = Int(slot)
        while forward.count <= slotIndex {
            forward.append([])
            entityRanks.append(0)
            idPrefixes.append(0)
        }
        var entries: [UInt32] = []
        entries.reserveCapacity(tokens.count)
        for token in tokens {
            let tokenID = vocabulary.intern(token.text, keepSorted: !bulkLoading)
            if Int(tokenID) == postings.count {
                postings.append([])
                let skeleton = ConsonantSkeleton.of(token.text.utf8)
                if !skeleton.isEmpty { skeletons[skeleton, default: []].append(tokenID) }
            }
            entries.append(tokenID | token.role.rawValue << 28)
            if entries.dropLast().contains(where: { $0 & Self.idMask == tokenID }) { continue }
            if bulkLoading {
                postings[Int(tokenID)].append(slot)
            } else {
                let position = Self.lowerBound(postings[Int(tokenID)], slot)
                if position == postings[Int(tokenID)].count || postings[Int(tokenID)][position] != slot {
                    postings[Int(tokenID)].insert(slot, at: position)
                }
            }
        }
        forward[slotIndex] = entries
        entityRanks[slotIndex] = UInt8(clamping: entityRank)
        idPrefixes[slotIndex] = Self.idPrefix(id)
    }

    /// Removes a slot's postings.
    /// - Complexity: O(t · p) for t tokens with p postings each.
    mutating func remove(slot: UInt32) {
        let slotIndex = Int(slot)
        guard slotIndex < forward.count else { return }
        for entry in forward[slotIndex] {
            let tokenID = Int(entry & Self.idMask)
            if bulkLoading {
                postings[tokenID].removeAll { $0 == slot }
                continue
            }
            let position = Self.lowerBound(postings[tokenID], slot)
            if position < postings[tokenID].count, postings[tokenID][position] == slot {
                postings[tokenID].remove(at: position)
            }
        }
        forward[slotIndex] = []
    }

    /// The first 8 bytes of an id as a big-endian integer (shorter ids pad with zeros, which
    /// sort first, as byte order wants).
    static func idPrefix(_ id: String) -> UInt64 {
        var value: UInt64 = 0
        var count = 0
        for byte in id.utf8.prefix(8) {
            value = value << 8 | UInt64(byte)
            count += 1
        }
        return count == 0 ? 0 : value << (8 * UInt64(8 - count))
    }

    static func lowerBound(_ list: [UInt32], _ slot: UInt32) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func isStrictlyAscending(_ list: [UInt32]) -> Bool {
        var previous: UInt32? = nil
        for slot in list {
            if let previous, previous >= slot { return false }
            previous = slot
        }
        return true
    }

    /// Approximate heap bytes held (arrays' element storage and headers; malloc rounding aside).
    var approximateBytes: Int {
        let arrayHeader = 32
        let postingBytes = postings.reduce(0) { $0 + arrayHeader + $1.capacity * 4 } + postings.capacity * 8
        let forwardBytes = forward.reduce(0) { $0 + ($1.isEmpty ? 0 : arrayHeader + $1.capacity * 4) } + forward.capacity * 8
        let vocabularyBytes = vocabulary.arena.capacity + vocabulary.offsets.capacity * 4 + vocabulary.sorted.capacity * 4 + vocabulary.count * 40
            + skeletons.count * 80
        return postingBytes + forwardBytes + entityRanks.capacity + idPrefixes.capacity * 8 + vocabularyBytes
    }
}
