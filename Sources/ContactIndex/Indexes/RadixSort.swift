/// A least-significant-digit radix sort by 64-bit keys, for the large sorts of a bulk build
/// (millions of hash entries and collation-key words).
///
/// Why not the standard library's sort: it compares, O(n log n) steps over data that does not
/// fit in the cache, where this makes at most eight linear passes (one per byte of the key,
/// skipping the bytes every key shares, such as the zero high bytes of small keys). It is
/// stable: items with equal keys keep their order.
enum RadixSort {
    /// Below this many items the standard library's sort is used (a pass's 256 counters would
    /// cost more than the sort).
    static let smallCount = 256

    /// Sorts `values` ascending.
    /// - Complexity: O(n) per byte position where the values differ, at most 8.
    static func sort(_ values: inout [UInt64]) {
        guard values.count >= smallCount else {
            values.sort()
            return
        }
        values.withUnsafeMutableBufferPointer { sort($0, key: { $0 }) }
    }

    /// Sorts `items` by `key`, ascending; items with equal keys keep their order.
    /// - Complexity: O(n) per byte position where the keys differ, at most 8, plus O(n) for
    ///   a scratch copy.
    static func sort<Item: BitwiseCopyable>(_ items: UnsafeMutableBufferPointer<Item>, key: (Item) -> UInt64) {
        let count = items.count
        guard count >= smallCount else {
            // Stable by position: equal keys keep their order.
            withUnsafeTemporaryAllocation(of: (key: UInt64, position: Int).self, capacity: max(count, 1)) { keyed in
                for position in 0..<count { keyed.initializeElement(at: position, to: (key(items[position]), position)) }
                var order = UnsafeMutableBufferPointer(rebasing: keyed[0..<count])
                order.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
                let sorted = order.map { items[$0.position] }
                for position in 0..<count { items[position] = sorted[position] }
            }
            return
        }
        // Every byte's counts in one pass.
        var counts = [Int](repeating: 0, count: 8 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            for item in items {
                let value = key(item)
                for digit in 0..<8 { counts[digit * 256 + Int(truncatingIfNeeded: value >> UInt64(8 * digit)) & 0xFF] += 1 }
            }
        }
        let scratch = UnsafeMutableBufferPointer<Item>.allocate(capacity: count)
        defer { scratch.deallocate() }  // bitwise-copyable items: nothing to deinitialize
        var source = items
        var target = scratch
        for digit in 0..<8 {
            let base = digit * 256
            // A byte every key shares changes nothing.
            if counts[base..<(base + 256)].contains(count) { continue }
            var starts = [Int](repeating: 0, count: 256)
            var total = 0
            for byte in 0..<256 {
                starts[byte] = total
                total += counts[base + byte]
            }
            let shift = UInt64(8 * digit)
            starts.withUnsafeMutableBufferPointer { starts in
                for item in source {
                    let byte = Int(truncatingIfNeeded: key(item) >> shift) & 0xFF
                    (target.baseAddress! + starts[byte]).initialize(to: item)
                    starts[byte] += 1
                }
            }
            swap(&source, &target)
        }
        // After an odd number of passes the sorted items are in the scratch buffer.
        if source.baseAddress == scratch.baseAddress { _ = items.update(fromContentsOf: scratch) }
    }
}
