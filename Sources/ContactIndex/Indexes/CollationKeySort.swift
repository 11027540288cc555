/// Sorts the entries of a bulk build of `CollationKeyIndex` by key bytes, then tie value, then
/// the order they came in: the order the index keeps.
///
/// Why not a comparison sort over the entries: two million name keys that share their first
/// 8 bytes (namesakes, and names that start alike) sent each comparison to `memcmp` on two
/// random places of the arena, and the sort of a 1M-row load's whole-name keys took a second.
/// Here keys are sorted 8 bytes at a time, as integers (`RadixSort`): first by their first
/// 8 bytes (the entries' `prefix`), then each run that is still equal by the next 8, and so on;
/// the words up to the 32nd byte are read in one pass in arena order, before any sorting. A run
/// whose keys are byte for byte alike (namesakes) is sorted by tie value alone, no byte read
/// again. Only a run of keys equal but for trailing zero bytes (where a missing byte and a 0
/// byte read alike as integers) is left to the comparison of whole keys. The sorted order is
/// then applied to the entries in place.
///
/// An 8-byte word of a key, zero-padded past its end, orders keys as their bytes do whenever
/// two words differ: the first differing byte is then inside the word, and a missing byte (a
/// shorter key) reads as 0, below every other byte or equal to a 0 byte; in that last case
/// the words may only be equal, never misordered. So each level refines the order of the one
/// before and never contradicts it.
enum CollationKeySort {
    /// One entry being sorted: the key's word at the current depth, where the entry is, and
    /// its key's length (read here, not from the entry: the runs are scanned for it).
    private struct Keyed {
        var word: UInt64
        var index: UInt32
        var length: UInt32
    }

    /// Sorts `entries` (whose keys' bytes lie in `arena`) by key, then tie, then position.
    /// - Complexity: O(n) for n entries (a radix sort of their first words, `RadixSort`), plus
    ///   the same again for each run of keys that share their first 8·d bytes, at each depth d
    ///   they share; whole-key comparisons only for keys equal but for trailing zero bytes.
    static func sort(_ entries: inout [CollationKeyIndex.Entry], arena: UnsafeBufferPointer<UInt8>) {
        guard entries.count > 1 else { return }
        var keyed = entries.indices.map { Keyed(word: entries[$0].prefix, index: UInt32($0), length: UInt32(entries[$0].length)) }
        // The words after the first, read now while the entries and the arena are walked in
        // the order they were written (a read per run and level later would be a cache miss).
        do {
            var words = [UInt64](repeating: 0, count: entries.count * prereadDepth)
            words.withUnsafeMutableBufferPointer { words in
                for index in entries.indices {
                    for depth in 1...prereadDepth {
                        words[index * prereadDepth + depth - 1] = word(of: entries[index], at: depth, arena: arena)
                    }
                }
            }
            entries.withUnsafeMutableBufferPointer { entries in
                keyed.withUnsafeMutableBufferPointer { keyed in
                    words.withUnsafeBufferPointer { words in
                        sortLevel(keyed, depth: 0, context: Context(entries: entries, arena: arena, words: words))
                    }
                }
            }
        }  // the words go before the entries are moved
        applyInPlace(keyed, to: &entries)
    }

    /// Puts `entries[keyed[i].index]` at position `i` for every i, following the permutation's
    /// cycles: no second array of entries at the bulk build's peak.
    private static func applyInPlace(_ keyed: consuming [Keyed], to entries: inout [CollationKeyIndex.Entry]) {
        let done = UInt32.max
        keyed.withUnsafeMutableBufferPointer { keyed in
            entries.withUnsafeMutableBufferPointer { entries in
                for start in keyed.indices where keyed[start].index != done {
                    let saved = entries[start]
                    var target = start
                    while true {
                        let source = Int(keyed[target].index)
                        keyed[target].index = done
                        if source == start {
                            entries[target] = saved
                            break
                        }
                        entries[target] = entries[source]
                        target = source
                    }
                }
            }
        }
    }

    /// How many words after the first are read ahead for every key (keys up to 32 bytes; a
    /// longer one's further words are read when a run needs them).
    private static let prereadDepth = 3

    /// What the levels of a sort read and write.
    private struct Context {
        let entries: UnsafeMutableBufferPointer<CollationKeyIndex.Entry>
        let arena: UnsafeBufferPointer<UInt8>
        /// `prereadDepth` words a key, from the second on.
        let words: UnsafeBufferPointer<UInt64>

        /// The word of entry `index`'s key at `depth` (≥ 1).
        @inline(__always)
        func word(_ index: UInt32, at depth: Int) -> UInt64 {
            depth <= prereadDepth
                ? words[Int(index) * prereadDepth + depth - 1]
                : CollationKeySort.word(of: entries[Int(index)], at: depth, arena: arena)
        }
    }

    /// Sorts `keyed`, whose keys agree on their first `8 · depth` bytes and whose words are
    /// those of that depth, then each run of equal words at the next depth.
    private static func sortLevel(_ keyed: UnsafeMutableBufferPointer<Keyed>, depth: Int, context: Context) {
        // Stable: equal words stay in position order, as they came.
        RadixSort.sort(keyed) { $0.word }
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].word == keyed[start].word { end += 1 }
            if end - start > 1 {
                sortRun(UnsafeMutableBufferPointer(rebasing: keyed[start..<end]), depth: depth, context: context)
            }
            start = end
        }
    }

    /// Orders a run of entries whose keys agree on their first `8 · (depth + 1)` bytes (zero
    /// padded), already in position order.
    private static func sortRun(
        _ keyedRun: UnsafeMutableBufferPointer<Keyed>, depth: Int, context: Context
    ) {
        let entries = context.entries
        var run = keyedRun
        let covered = 8 * (depth + 1)
        let firstLength = run[0].length
        var sameLength = true
        var longer = false
        for item in run {
            if item.length != firstLength { sameLength = false }
            if Int(item.length) > covered { longer = true }
        }
        if sameLength && !longer {
            // Byte for byte alike: by tie value (a stable sort keeps the position order), and
            // one copy of the bytes.
            let offset = entries[Int(run[0].index)].offset
            for item in run { entries[Int(item.index)].offset = offset }
            run.sort { a, b in
                let tieA = entries[Int(a.index)].tie
                let tieB = entries[Int(b.index)].tie
                return tieA != tieB ? tieA < tieB : a.index < b.index
            }
            return
        }
        if !longer {
            // Equal but for trailing zero bytes: whole keys decide.
            run.sort { a, b in
                let order = CollationKeyIndex.compare(context.arena, entries[Int(a.index)], entries[Int(b.index)])
                return order != 0 ? order < 0 : a.index < b.index
            }
            return
        }
        for position in run.indices {
            run[position].word = context.word(run[position].index, at: depth + 1)
        }
        sortLevel(run, depth: depth + 1, context: context)
    }

    /// The key's bytes `8 · depth ..< 8 · depth + 8`, big-endian, zero-padded past its end.
    @inline(__always)
    static func word(of entry: CollationKeyIndex.Entry, at depth: Int, arena: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let start = 8 * depth
        let length = Int(entry.length)
        guard start < length else { return 0 }
        let base = Int(entry.offset) + start
        let taken = min(8, length - start)
        var word: UInt64 = 0
        for position in 0..<taken { word = word << 8 | UInt64(arena[base + position]) }
        return word << UInt64(8 * (8 - taken))
    }
}
