/// Finds stored numbers that contain a run of digits (an agent types the last four digits, or a
/// few digits from the middle): every 4-digit window of every stored number's digits is a key
/// (10,000 buckets of slots). A query reads the smallest bucket among its own windows, drops
/// those of its slots that a second window's bucket lacks (`candidateBuckets`), and its caller
/// checks each candidate left for the whole run.
///
/// Digits are the E.164 digits of a parsed number, or the raw digits of one that did not parse.
///
/// Removal is lazy: a bucket keeps a removed contact's slot until dead entries pass half of it,
/// and is then compacted by checking each entry against the contact now in its slot. A bucket
/// like "1650" holds hundreds of thousands of slots in a US directory; finding and removing one
/// slot from it on every update would cost milliseconds, and look-ups verify candidates anyway.
/// Stale or repeated entries are therefore possible between compactions: callers skip slots
/// they have seen and confirm the rest on the record.
struct PhoneFragmentIndex: Sendable {
    /// The shortest run of digits searched.
    static let minimumDigits = 4

    private var buckets: [[UInt32]] = Array(repeating: [], count: 10_000)
    private var dead: [UInt32] = Array(repeating: 0, count: 10_000)

    /// The digits a phone is searched by: its E.164 digits when normalized, else the raw digits.
    static func searchDigits(of phone: ContactPhone) -> [UInt8] {
        if let e164 = phone.normalized?.e164 { return e164.utf8.filter { $0 >= 48 && $0 <= 57 } }
        return phone.raw.utf8.filter { $0 >= 48 && $0 <= 57 }
    }

    /// The window key of the 4 digits at `start`.
    @inline(__always)
    static func window(_ digits: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt16 {
        var key = 0
        for offset in 0..<minimumDigits { key = key * 10 + Int(digits[start + offset] &- 48) }
        return UInt16(key)
    }

    /// Indexes a contact's windows under its slot.
    /// - Complexity: O(w) amortized for its w windows.
    mutating func insert(_ windows: [UInt16], slot: UInt32) {
        for window in windows { buckets[Int(window)].append(slot) }
    }

    /// Indexes many contacts at once, as `insert` would one by one in the same order:
    /// `windows` holds each contact's windows one contact after another, `ends[i]` is where
    /// contact i's end in it and `slots[i]` is its slot. Every bucket grows once to its size, and
    /// the appends run together instead of between other work (a bulk load's ten million appends
    /// to ten thousand lists otherwise miss the cache one by one).
    /// - Complexity: O(w) for the w windows.
    mutating func bulkInsert(windows: [UInt16], ends: [Int], slots: [UInt32]) {
        // A counting sort of the slots by window into one flat array, then one copy a bucket:
        // ten million appends, each checking its bucket's storage, took a third of a second.
        let total = ends.last ?? 0  // the windows of the contacts listed
        // None: nothing to file. (An array made with capacity 0 writes its count into the
        // standard library's shared empty array, which ThreadSanitizer reports as a race with
        // any other thread reading an empty array.)
        guard total > 0 else { return }
        var starts = [Int](repeating: 0, count: buckets.count + 1)
        for window in windows[0..<total] { starts[Int(window) + 1] += 1 }
        for bucket in buckets.indices { starts[bucket + 1] += starts[bucket] }
        var next = Array(starts.dropLast())
        let sorted = [UInt32](unsafeUninitializedCapacity: total) { sorted, initialized in
            windows.withUnsafeBufferPointer { windows in
                next.withUnsafeMutableBufferPointer { next in
                    var start = 0
                    for (contact, end) in ends.enumerated() {
                        let slot = slots[contact]
                        for position in start..<end {
                            let bucket = Int(windows[position])
                            (sorted.baseAddress! + next[bucket]).initialize(to: slot)
                            next[bucket] += 1
                        }
                        start = end
                    }
                }
            }
            initialized = total
        }
        for bucket in buckets.indices where starts[bucket + 1] > starts[bucket] {
            buckets[bucket].append(contentsOf: sorted[starts[bucket]..<starts[bucket + 1]])
        }
    }

    /// Notes that a contact left `slot`; buckets with many dead entries are compacted, keeping
    /// the slots whose current contact still has the bucket's window (`windowsOf`).
    /// - Complexity: O(w) amortized: a compaction of a bucket of b entries follows b/2 removals.
    mutating func remove(_ windows: [UInt16], slot: UInt32, windowsOf: (UInt32) -> [UInt16]?) {
        for window in windows {
            let bucket = Int(window)
            dead[bucket] += 1
            if Int(dead[bucket]) * 2 > buckets[bucket].count + 16 { compact(bucket, windowsOf: windowsOf) }
        }
    }

    private mutating func compact(_ bucket: Int, windowsOf: (UInt32) -> [UInt16]?) {
        let window = UInt16(bucket)
        var kept: [UInt32] = []
        kept.reserveCapacity(buckets[bucket].count - Int(dead[bucket]) + 8)
        var seen = Set<UInt32>()
        for slot in buckets[bucket] where !seen.contains(slot) {
            seen.insert(slot)
            if let current = windowsOf(slot), current.contains(window) { kept.append(slot) }
        }
        buckets[bucket] = kept
        dead[bucket] = 0
    }

    /// Drops every entry of the given slots (after a bulk load that superseded them).
    /// - Complexity: O(total entries).
    mutating func removeAll(slots isRemoved: (UInt32) -> Bool) {
        for bucket in buckets.indices {
            buckets[bucket].removeAll(where: isRemoved)
            dead[bucket] = 0
        }
    }

    /// The slots whose numbers may contain `digits` (at least 4 ASCII digits): the smallest
    /// bucket among the digits' windows, and a second bucket that every number containing
    /// `digits` is in as well, when reading it into a filter costs less than the records it
    /// spares (nil when `digits` has one window, or none pays). A number in the first bucket but
    /// not the second cannot contain `digits`, so a caller drops it without reading its record.
    /// Slots may repeat or be stale in both: callers check each.
    ///
    /// Which second bucket: the one with the least expected cost, counted in slots put in the
    /// filter: its own slots, plus `recordReadCost` for each slot of the first bucket that it
    /// keeps without containing `digits`. A number of the first bucket is in the second by
    /// chance when the digits after its window happen to continue it (one in 10^d for a window
    /// d digits further on; they share digits while d < 4), or when it holds the second window
    /// elsewhere (about `windowsPerNumber` of the bucket's slots in `slotCount`). So a window
    /// further on filters better, and a common one ("1202", the start of every number in
    /// Washington, D.C.) costs its length.
    /// - Complexity: O(d) for d digits.
    func candidateBuckets(containing digits: [UInt8], slotCount: Int) -> (candidates: [UInt32], filter: [UInt32]?) {
        guard digits.count >= Self.minimumDigits else { return ([], nil) }
        return digits.withUnsafeBufferPointer { buffer in
            let starts = 0...(buffer.count - Self.minimumDigits)
            let sizes = starts.map { buckets[Int(Self.window(buffer, at: $0))].count }
            var best = starts.upperBound
            for start in starts where sizes[start] < sizes[best] { best = start }
            let candidates = Double(sizes[best])
            // Reading every candidate's record: the cost to beat.
            var cheapest = candidates * Self.recordReadCost
            var second: Int?
            for start in starts where start != best {
                let apart = min(abs(start - best), Self.minimumDigits)
                let byChance = (apart < Self.minimumDigits ? Self.continuationChance[apart] : 0)
                    + Self.windowsPerNumber * Double(sizes[start]) / Double(max(slotCount, 1))
                let cost = Double(sizes[start]) + candidates * min(byChance, 1) * Self.recordReadCost
                if cost < cheapest {
                    cheapest = cost
                    second = start
                }
            }
            return (buckets[Int(Self.window(buffer, at: best))], second.map { buckets[Int(Self.window(buffer, at: $0))] })
        }
    }

    /// The chance that the `d` digits after a window are given ones (d < 4).
    private static let continuationChance: [Double] = [1, 0.1, 0.01, 0.001]

    /// What reading a candidate's record costs against putting a slot in a filter (a hash
    /// insert or probe): a cache miss or two and a decode against a few instructions in cache.
    static let recordReadCost = 32.0

    /// About how many distinct windows a stored number has (an E.164 number of 11 to 13 digits
    /// has 8 to 10).
    static let windowsPerNumber = 10.0

    /// Makes the bucket table own its storage (see `ContactDirectory.independentCopy`); the
    /// buckets themselves are copied when first written.
    mutating func makeStorageUnique() {
        buckets.reserveCapacity(buckets.count)
        dead.reserveCapacity(dead.count)
    }

    /// Gives every bucket of some size its own storage with room to grow (see
    /// `ContactDirectory.prepareForUpdates`).
    mutating func reserveForUpdates() {
        for bucket in buckets.indices { buckets[bucket].reserveRoomForUpdates() }
    }

    /// Bytes held.
    var approximateBytes: Int {
        buckets.reduce(0) { $0 + 32 + $1.capacity * 4 } + dead.capacity * 4
    }
}
