@testable import ContactIndex
import Testing

/// The bulk build's own sorts against the standard library's: `RadixSort` (stable, by 64-bit
/// keys) and `CollationKeySort` (collation-key entries word by word), on inputs made to hit
/// their edge cases: skipped byte positions, long runs of equal keys, keys equal but for
/// trailing zero bytes, keys longer than the words read ahead.
@Suite struct BulkSortTests {
    typealias Random = CollationKeyIndexTests.Random

    @Test(arguments: [0, 1, 2, 255, 256, 257, 5_000])
    func radixSortOrdersLikeTheStandardLibrary(count: Int) {
        var random = Random(state: UInt64(count) &+ 11)
        // Full-range values, values that differ only in their low bytes (passes skipped), and
        // few distinct values (long runs of equals).
        let shapes: [(inout Random) -> UInt64] = [
            { UInt64($0.next(below: Int.max)) &* 0x9E37_79B9_7F4A_7C15 },
            { UInt64($0.next(below: 70_000)) },
            { UInt64($0.next(below: 4)) << 40 | 0xABCD },
        ]
        for shape in shapes {
            var values = (0..<count).map { _ in shape(&random) }
            let expected = values.sorted()
            RadixSort.sort(&values)
            #expect(values == expected)
        }
    }

    @Test(arguments: [3, 300, 4_000])
    func radixSortByKeyIsStable(count: Int) {
        var random = Random(state: UInt64(count))
        // Keys that differ in two bytes (two passes, ending in the items) and in one (one pass,
        // ending in the scratch buffer).
        let items = (0..<count).map { (key: UInt64(random.next(below: 9)) << 33 | UInt64(random.next(below: 3)) << 8, position: $0) }
        let oneByte = items.map { (key: $0.key & ~0xFF00, position: $0.position) }
        var sortedByOne = oneByte
        sortedByOne.withUnsafeMutableBufferPointer { RadixSort.sort($0) { $0.key } }
        let expectedByOne = oneByte.sorted { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        #expect(sortedByOne.map(\.position) == expectedByOne.map(\.position))
        var sorted = items
        sorted.withUnsafeMutableBufferPointer { RadixSort.sort($0) { $0.key } }
        let expected = items.sorted { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        #expect(sorted.map(\.position) == expected.map(\.position))
    }

    /// Entries whose keys share long prefixes: 12, 20, 27 or 36 bytes of a few fixed patterns,
    /// then a tail of 0–6 bytes over {0, 1, 2} (so keys equal but for trailing zeros occur, and
    /// lengths on both sides of the 32 bytes read ahead), some byte-identical namesakes, and tie
    /// values over a small range.
    @Test(arguments: [2, 200, 3_000])
    func collationKeySortOrdersLikeTheComparison(count: Int) {
        var random = Random(state: UInt64(count) &+ 5)
        var arena: [UInt8] = []
        var entries: [CollationKeyIndex.Entry] = []
        let heads: [[UInt8]] = [
            Array(repeating: 0x41, count: 12), Array(repeating: 0x41, count: 20), Array(repeating: 0x42, count: 27),
            (0..<36).map { UInt8(0x30 + $0 % 7) }, [0x41, 0x42], [],
        ]
        var previous: [UInt8]? = nil
        for slot in 0..<count {
            var key: [UInt8]
            if let previous, random.next(below: 4) == 0 {
                key = previous  // a namesake
            } else {
                key = heads[random.next(below: heads.count)]
                for _ in 0..<random.next(below: 7) { key.append(UInt8(random.next(below: 3))) }
            }
            previous = key
            entries.append(
                CollationKeyIndex.Entry(
                    offset: UInt32(arena.count), slot: UInt32(slot), generation: 0,
                    tie: UInt64(random.next(below: 3)), spellings: .max, key: key))
            arena.append(contentsOf: key)
        }
        func bytes(_ entry: CollationKeyIndex.Entry) -> [UInt8] {
            Array(arena[Int(entry.offset)..<(Int(entry.offset) + Int(entry.length))])
        }
        // By key bytes (a shorter key first), then tie, then position (slot order here).
        let expected = entries.sorted { a, b in
            let (x, y) = (bytes(a), bytes(b))
            if x != y { return x.lexicographicallyPrecedes(y) }
            return a.tie != b.tie ? a.tie < b.tie : a.slot < b.slot
        }
        var sorted = entries
        arena.withUnsafeBufferPointer { CollationKeySort.sort(&sorted, arena: $0) }
        #expect(sorted.map(\.slot) == expected.map(\.slot))
        // Namesakes point at one copy of their bytes, which holds their key.
        for entry in sorted { #expect(bytes(entry) == bytes(entries[Int(entry.slot)])) }
    }
}
