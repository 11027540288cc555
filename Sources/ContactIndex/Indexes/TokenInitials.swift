/// The contacts whose name tokens start with a given ASCII character, as one bitmap of slots a
/// character, for the characters common enough to be worth it: what an initial in a query
/// ("J Smith", "A. Kumar") stands for.
///
/// Why: a one-letter query token matches every vocabulary token it starts ("a": about 25,000
/// spellings at a million contacts). Noting each spelling, counting its postings and ordering
/// them cost a query such as "A. Valentmo" or "K Tanaka" half a millisecond before a single
/// contact was read, and the union of their postings (350,000 contacts for "a") as much again.
/// With a bitmap, the query token stands for them all as one spelling (`NameQueryToken`), its
/// union is the bitmap, and a contact's token is an initial match when its first byte is the
/// character (`TokenVocabulary.firstBytes`).
///
/// Which characters: those that at least one contact in `density` has, and 64 contacts, when
/// the index is built (`rebuild`, from each slot's initials, read by `NameTokenIndex` in one
/// pass over its token lists); later updates keep the bitmaps exact but add none. A rarer
/// initial has few spellings and is read the old way.
///
/// Kept exact, not lazily as the prefix lists are: an update sets and clears the bits of the
/// characters the slot's tokens gain and lose, in O(t) for t tokens, with no list to move (the
/// list of "a" would hold a third of the directory).
///
/// Memory: one bit a slot for each kept character (125 KB a character at a million contacts;
/// about 36 characters: letters and digits).
struct TokenInitials: Sendable {
    /// A character is kept when at least one slot in this many has it.
    static let density = 64

    /// A set of ASCII characters, one bit each.
    struct Characters: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// Adds an ASCII byte (others are ignored).
        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        /// Calls `body` with each character, ascending (no array: this runs for every slot of a
        /// bulk load and every update).
        @inline(__always)
        func forEach(_ body: (UInt8) -> Void) {
            var rest = low
            while rest != 0 {
                body(UInt8(rest.trailingZeroBitCount))
                rest &= rest - 1
            }
            rest = high
            while rest != 0 {
                body(UInt8(64 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }

        /// The characters, ascending.
        var bytes: [UInt8] {
            var out: [UInt8] = []
            forEach { out.append($0) }
            return out
        }

        /// The characters in both sets.
        func intersection(_ other: Characters) -> Characters {
            Characters(low: low & other.low, high: high & other.high)
        }

        /// The characters in this set and not in `other`.
        func subtracting(_ other: Characters) -> Characters {
            Characters(low: low & ~other.low, high: high & ~other.high)
        }
    }

    /// Per ASCII byte: the bitmap of the slots with a token starting with it (`SlotBitmap`), or
    /// empty when the character is not kept.
    private var bitmaps: [[UInt64]] = Array(repeating: [], count: 128)
    /// Per ASCII byte: how many slots have its bit set (kept characters only).
    private var counts: [Int] = Array(repeating: 0, count: 128)

    /// The characters kept (those with a bitmap).
    private var kept = Characters()

    /// Whether no character is kept. Read on every update of a contact's name tokens: a stored
    /// set, where looking through the 128 bitmaps for one cost an update about 600 instructions.
    var isEmpty: Bool { kept == Characters() }

    /// The initials of the tokens `ids` (their first bytes that are ASCII).
    static func characters(of ids: some Sequence<UInt32>, firstBytes: UnsafeBufferPointer<UInt8>) -> Characters {
        var set = Characters()
        for id in ids where Int(id) < firstBytes.count { set.insert(firstBytes[Int(id)]) }
        return set
    }

    /// The bitmap of the slots with a token that starts with `byte`, or nil when it is not kept.
    func bitmap(of byte: UInt8) -> [UInt64]? {
        guard byte < 128, !bitmaps[Int(byte)].isEmpty else { return nil }
        return bitmaps[Int(byte)]
    }

    /// How many slots have a token that starts with `byte` (0 when it is not kept).
    func count(of byte: UInt8) -> Int { byte < 128 ? counts[Int(byte)] : 0 }

    /// Keeps anew the characters that at least one slot in `density` (and 64 slots) has as an
    /// initial.
    /// - Parameter slotCharacters: each slot's initials (`characters(of:firstBytes:)` of its
    ///   tokens).
    /// - Complexity: O(s) over s slots.
    mutating func rebuild(slotCharacters: [Characters]) {
        let slotCount = slotCharacters.count
        var perSlot = [Int](repeating: 0, count: 128)
        for found in slotCharacters { found.forEach { perSlot[Int($0)] += 1 } }
        bitmaps = Array(repeating: [], count: 128)
        counts = Array(repeating: 0, count: 128)
        var kept = Characters()
        for byte in 0..<128 where perSlot[byte] >= 64 && perSlot[byte] * Self.density >= slotCount {
            kept.insert(UInt8(byte))
            bitmaps[byte] = [UInt64](repeating: 0, count: slotCount / 64 + 1)
            counts[byte] = perSlot[byte]
        }
        self.kept = kept
        guard kept != Characters() else { return }
        for (slot, found) in slotCharacters.enumerated() {
            found.intersection(kept).forEach { byte in bitmaps[Int(byte)].insertSlot(UInt32(slot)) }
        }
    }

    /// Moves `slot` from the characters `old` to `new` (its tokens' initials before and after an
    /// update; empty for a slot added or removed), in the kept bitmaps.
    mutating func update(slot: UInt32, from old: Characters, to new: Characters) {
        guard old != new else { return }
        new.subtracting(old).forEach { byte in
            let index = Int(byte)
            if !bitmaps[index].isEmpty, bitmaps[index].insertSlot(slot) { counts[index] += 1 }
        }
        old.subtracting(new).forEach { byte in
            let index = Int(byte)
            if !bitmaps[index].isEmpty, bitmaps[index].removeSlot(slot) { counts[index] -= 1 }
        }
    }

    /// Gives every bitmap its own storage with room to grow (a copy of the directory shares them
    /// until one side writes).
    mutating func reserveForUpdates() {
        for byte in bitmaps.indices { bitmaps[byte].reserveRoomForUpdates() }
    }

    /// Makes the top-level arrays own their storage.
    mutating func makeStorageUnique() {
        bitmaps.reserveCapacity(bitmaps.count)
        counts.reserveCapacity(counts.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        bitmaps.reduce(0) { $0 + ($1.isEmpty ? 0 : 32 + $1.capacity * 8) } + bitmaps.capacity * 8 + counts.capacity * 8
    }
}
