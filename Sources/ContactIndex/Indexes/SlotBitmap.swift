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
    func slots(limit: Int = .max) -> [UInt32] {
        var slots: [UInt32] = []
        for (word, bits) in enumerated() where bits != 0 {
            var rest = bits
            while rest != 0 {
                guard slots.count < limit else { return slots }
                slots.append(UInt32(word << 6 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return slots
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
