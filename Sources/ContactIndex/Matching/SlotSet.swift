/// A set of contact slots built as the union of posting lists, sized to its content: a sorted
/// array when small, a bitmap over every slot of the directory when large. Name search uses it
/// to intersect "any spelling of this token" across the tokens of a query.
///
/// - Complexity: building costs O(p log p) for p postings in the array form (up to
///   `arrayLimit`), O(p + n/64) in the bitmap form; membership is O(log p) or O(1).
struct SlotSet {
    /// Unions with at most this many postings are kept as sorted arrays.
    static let arrayLimit = 4_096

    private var sorted: [UInt32] = []
    private var bitmap: [UInt64] = []
    private(set) var isBitmap = false

    /// The union of the posting lists of `ids`.
    init(unionOf ids: some Sequence<UInt32>, postings: [[UInt32]], totalPostings: Int, slotCount: Int) {
        if totalPostings <= Self.arrayLimit {
            sorted.reserveCapacity(totalPostings)
            for id in ids { sorted.append(contentsOf: postings[Int(id)]) }
            sorted.sort()
            var unique = 0
            for index in sorted.indices where unique == 0 || sorted[unique - 1] != sorted[index] {
                sorted[unique] = sorted[index]
                unique += 1
            }
            sorted.removeLast(sorted.count - unique)
        } else {
            isBitmap = true
            bitmap = Array(repeating: 0, count: slotCount / 64 + 1)
            bitmap.withUnsafeMutableBufferPointer { words in
                for id in ids {
                    for slot in postings[Int(id)] where Int(slot) < slotCount {
                        words[Int(slot >> 6)] |= 1 << UInt64(slot & 63)
                    }
                }
            }
        }
    }

    /// Whether `slot` is in the set.
    @inline(__always)
    func contains(_ slot: UInt32) -> Bool {
        if isBitmap {
            let word = Int(slot >> 6)
            return word < bitmap.count && bitmap[word] & (1 << UInt64(slot & 63)) != 0
        }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == slot
    }

    /// Calls `body` with each slot, in ascending order.
    func forEach(_ body: (UInt32) -> Void) {
        if !isBitmap {
            for slot in sorted { body(slot) }
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
