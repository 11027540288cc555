/// A set of directory slots as words of bits (bit `slot % 64` of word `slot / 64`): the form of
/// the index's shared bitmaps (`TokenPrefixPostings`, `TokenInitials`) and of `SlotSet`'s
/// bitmap, so that one can be handed to the other as it is. A bitmap may be shorter than the
/// directory: the slots past its end are not in it.
extension Array where Element == UInt64 {
    /// The bitmap of `sortedSlots` (ascending), at least `slotCount` bits long.
    init(slotBitmapOf sortedSlots: [UInt32], slotCount: Int) {
        self.init(repeating: 0, count: Swift.max(slotCount, Int(sortedSlots.last ?? 0) + 1) / 64 + 1)
        withUnsafeMutableBufferPointer { words in
            for slot in sortedSlots { words[Int(slot >> 6)] |= 1 << UInt64(slot & 63) }
        }
    }

    /// Adds `slot`, lengthening the bitmap when the slot is past its end (with room for the
    /// slots that come after it as well). Returns whether it was not in already.
    @discardableResult
    mutating func insertSlot(_ slot: UInt32) -> Bool {
        let word = Int(slot >> 6)
        if word >= count { append(contentsOf: repeatElement(0, count: word + 1 - count + count / 8)) }
        let bit: UInt64 = 1 << UInt64(slot & 63)
        guard self[word] & bit == 0 else { return false }
        self[word] |= bit
        return true
    }

    /// Removes `slot`. Returns whether it was in.
    @discardableResult
    mutating func removeSlot(_ slot: UInt32) -> Bool {
        let word = Int(slot >> 6)
        let bit: UInt64 = 1 << UInt64(slot & 63)
        guard word < count, self[word] & bit != 0 else { return false }
        self[word] &= ~bit
        return true
    }

    /// The slots in the bitmap, ascending, at most `limit` (the first).
    ///
    /// The bits are counted first and the slots written into an array of that size: appended one
    /// by one, each slot paid for a uniqueness check and a capacity check (a third of a walk of
    /// the 60,000 contacts of an initial at a million contacts).
    func slots(limit: Int = .max) -> [UInt32] {
        withUnsafeBufferPointer { words in Self.slots(of: words, limit: limit) { word, _ in word } }
    }

    /// The slots in both this bitmap and `other`, ascending: their words ANDed, without a slot
    /// of either read alone.
    func slots(alsoIn other: [UInt64]) -> [UInt32] {
        withUnsafeBufferPointer { words in
            other.withUnsafeBufferPointer { other in
                let shared = UnsafeBufferPointer(rebasing: words[..<Swift.min(words.count, other.count)])
                return Self.slots(of: shared, limit: .max) { $0 & other[$1] }
            }
        }
    }

    /// The set bits of `word(words[i], i)` over the words, as slots, ascending, at most `limit`.
    @inline(__always)
    private static func slots(of words: UnsafeBufferPointer<UInt64>, limit: Int, _ word: (UInt64, Int) -> UInt64) -> [UInt32] {
        // Room for all of them, counted; or for `limit`, when that is short of a slot per
        // word (the walk then stops early, and counting would read every word).
        var count = Swift.max(limit, 0)
        if count >= words.count {
            var total = 0
            for index in words.indices { total += word(words[index], index).nonzeroBitCount }
            count = Swift.min(total, count)
        }
        return [UInt32](unsafeUninitializedCapacity: count) { slots, initialized in
            var written = 0
            for index in words.indices where written < count {
                var rest = word(words[index], index)
                while rest != 0, written < count {
                    slots[written] = UInt32(index << 6 + rest.trailingZeroBitCount)
                    written += 1
                    rest &= rest - 1
                }
            }
            initialized = written
        }
    }
}

extension RandomAccessCollection where Element == UInt64, Index == Int {
    /// Whether `slot` is in the bitmap (false past its end): for an array of words, or for them
    /// read in place.
    @inline(__always)
    func containsSlot(_ slot: UInt32) -> Bool {
        let word = startIndex + Int(slot >> 6)
        return word < endIndex && self[word] & (1 << UInt64(slot & 63)) != 0
    }
}
