/// A query token's spellings sorted once into band order: by kind, best first, then by
/// quality, best first, then by position, with the sums that bands need kept along the way.
///
/// Why: name search splits each token's spellings into bands at every tier it reaches
/// (`NameQueryToken.bands`). Grouping and sorting them again there, and summing their posting
/// counts from the index each time, cost more than the contacts walked for queries whose
/// tokens stand for thousands of spellings (a prefix "de", an initial "q"). In this order every
/// tier's spellings are a prefix, and every band is a run of it.
struct NameSpellingOrder {
    /// Positions of the token's candidates (`NameQueryToken.ids`), in band order.
    let positions: [Int32]
    /// `postingsBefore[i]`: the postings of the first `i` spellings in order, summed.
    let postingsBefore: [Int]
    /// `ends[k]`: how many spellings match at kind `k` or better (a prefix of `positions`).
    let ends: SIMD8<Int>
    /// `worseQuality[k]`: the best quality among spellings of a kind worse than `k`, or 0.
    let worseQuality: SIMD8<Float>

    /// The number of kinds (`TokenMatchKind` raw values are 0 up to this, exclusive): one lane
    /// of `ends` and `worseQuality` each, held inline rather than in arrays (an array costs a
    /// heap allocation, and a metadata look-up in the standard library's unspecialized path,
    /// at every sort of every query token).
    static let kindCount = Int(TokenMatchKind.fuzzyThree.rawValue) + 1

    /// An empty order.
    init() {
        positions = []
        postingsBefore = [0]
        ends = .zero
        worseQuality = .zero
    }

    /// Sorts the candidates whose kinds and qualities are given (by position).
    /// - Parameter postingCount: the postings of the candidate at a position.
    /// - Complexity: O(n log n) for n candidates.
    init(kinds: [TokenMatchKind], qualities: [Float], postingCount: (Int) -> Int) {
        self.init(
            order: Self.sorted(0..<kinds.count, kinds: kinds, qualities: qualities), kinds: kinds, qualities: qualities,
            postingsBefore: [0], postingCount: postingCount)
    }

    /// The candidates in `order`, already in band order (the caller sorted them).
    /// - Parameter postingCount: the postings of the candidate at a position.
    /// - Complexity: O(n) for n candidates.
    init(sorted order: [Int32], kinds: [TokenMatchKind], qualities: [Float], postingCount: (Int) -> Int) {
        self.init(order: order, kinds: kinds, qualities: qualities, postingsBefore: [0], postingCount: postingCount)
    }

    /// `old` with the candidates from position `firstNew` on placed after its own, sorted: the
    /// order of all of them when each new one is of a worse kind than every old one (the
    /// caller checks), without sorting the old ones again. A query token that stands for a
    /// thousand prefixes ("le", "ta") and reaches the typing-error tiers sorted them twice.
    /// - Parameter postingCount: the postings of the candidate at a position (new ones only).
    /// - Complexity: O(m log m + n) for m new candidates of n.
    init(extending old: NameSpellingOrder, from firstNew: Int, kinds: [TokenMatchKind], qualities: [Float], postingCount: (Int) -> Int) {
        self.init(
            order: old.positions + Self.sorted(firstNew..<kinds.count, kinds: kinds, qualities: qualities), kinds: kinds,
            qualities: qualities, postingsBefore: old.postingsBefore, postingCount: postingCount)
    }

    /// The positions in `range` in band order.
    private static func sorted(_ range: Range<Int>, kinds: [TokenMatchKind], qualities: [Float]) -> [Int32] {
        precondition(Self.kindCount <= SIMD8<Int>.scalarCount)
        var order: [Int32] = []
        order.reserveCapacity(range.count)
        if kinds.count < 1 << 24 {
            // One integer key a candidate: kind, then quality descending (the bits of a
            // non-negative Float order as its values), then position.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: range.count) { buffer in
                var keys = buffer
                for (offset, position) in range.enumerated() {
                    let quality = UInt64(~qualities[position].bitPattern)
                    keys[offset] = UInt64(kinds[position].rawValue) << 56 | quality << 24 | UInt64(position)
                }
                if !placeByGroup(keys, into: &order) {
                    keys.sort()
                    for key in keys { order.append(Int32(truncatingIfNeeded: key & 0xFF_FFFF)) }
                }
            }
        } else {
            for position in range { order.append(Int32(position)) }
            order.sort { a, b in
                let (a, b) = (Int(a), Int(b))
                if kinds[a] != kinds[b] { return kinds[a] < kinds[b] }
                return qualities[a] != qualities[b] ? qualities[a] > qualities[b] : a < b
            }
        }
        return order
    }

    /// The most groups of equal kind and quality that `placeByGroup` sorts.
    static let maximumGroups = 32

    /// Appends the positions of `keys` (kind, quality, position: see `sorted`) to `order` in
    /// key order by counting, when they hold at most `maximumGroups` distinct (kind, quality)
    /// groups; returns false, with `order` untouched, when they hold more.
    ///
    /// Why: a prefix's spellings, a thousand or more for "mar", have one quality a token length
    /// ("smi" is more of "smith" than of "smithfield"), so they fall in a few groups, and the
    /// keys come in position order: placing each in its group's run is a stable sort in linear
    /// time, where a comparison sort of them was a fifth of the query token's set-up.
    private static func placeByGroup(_ keys: UnsafeMutableBufferPointer<UInt64>, into order: inout [Int32]) -> Bool {
        guard keys.count > maximumGroups else { return false }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: maximumGroups) { groups in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: maximumGroups) { starts in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: keys.count) { groupOfKey in
                    // Each key's group, found among those seen (the last one first: a run of
                    // tokens of one length is common).
                    var groupCount = 0
                    var last = 0
                    for (offset, key) in keys.enumerated() {
                        let group = key >> 24
                        if groupCount == 0 || groups[last] != group {
                            var index = 0
                            while index < groupCount, groups[index] != group { index += 1 }
                            if index == groupCount {
                                guard groupCount < maximumGroups else { return false }
                                groups[index] = group
                                groupCount += 1
                            }
                            last = index
                        }
                        groupOfKey[offset] = UInt8(truncatingIfNeeded: last)
                    }
                    // Each group's run: groups in key order, runs one after another.
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: groupCount) { ranks in
                        var byRank = ranks
                        for index in 0..<groupCount { byRank[index] = index }
                        byRank.sort { groups[$0] < groups[$1] }
                        starts.initialize(repeating: 0)
                        for offset in 0..<keys.count { starts[Int(groupOfKey[offset])] += 1 }
                        var next = 0
                        for index in byRank {
                            let count = starts[index]
                            starts[index] = next
                            next += count
                        }
                    }
                    let base = order.count
                    order.append(contentsOf: repeatElement(0, count: keys.count))
                    order.withUnsafeMutableBufferPointer { out in
                        // The keys' positions ascend (`range`), so each run is in position order.
                        for (offset, key) in keys.enumerated() {
                            let index = Int(groupOfKey[offset])
                            out[base + starts[index]] = Int32(truncatingIfNeeded: key & 0xFF_FFFF)
                            starts[index] += 1
                        }
                    }
                    return true
                }
            }
        }
    }

    /// The order `order`, whose first `postingsBefore.count − 1` postings sums are given.
    ///
    /// The order is by kind, so each kind is one run: its end and best quality are noted when
    /// the run ends, not at every spelling (a lane of a SIMD vector written at a varying index
    /// goes through memory, a store and a reload each time, which made this loop a fifth of a
    /// query token's set-up for a prefix of thousands of spellings).
    private init(order: [Int32], kinds: [TokenMatchKind], qualities: [Float], postingsBefore: [Int], postingCount: (Int) -> Int) {
        let known = postingsBefore.count
        var ends = SIMD8<Int>.zero
        var bestOfKind = SIMD8<Float>.zero
        let sums = [Int](unsafeUninitializedCapacity: order.count + 1) { sums, initialized in
            order.withUnsafeBufferPointer { order in
                kinds.withUnsafeBufferPointer { kinds in
                    qualities.withUnsafeBufferPointer { qualities in
                        postingsBefore.withUnsafeBufferPointer { before in
                            for rank in 0..<min(known, order.count + 1) { sums[rank] = before[rank] }
                        }
                        var runKind = -1
                        var runBest: Float = 0
                        for rank in 0..<order.count {
                            let position = Int(order[rank])
                            if rank + 1 >= known { sums[rank + 1] = sums[rank] + postingCount(position) }
                            let kind = Int(kinds[position].rawValue)
                            if kind != runKind {
                                if runKind >= 0 {
                                    ends[runKind] = rank
                                    bestOfKind[runKind] = max(bestOfKind[runKind], runBest)
                                }
                                runKind = kind
                                runBest = qualities[position]
                            } else {
                                runBest = max(runBest, qualities[position])
                            }
                        }
                        if runKind >= 0 {
                            ends[runKind] = order.count
                            bestOfKind[runKind] = max(bestOfKind[runKind], runBest)
                        }
                    }
                }
            }
            initialized = order.count + 1
        }
        // A kind with no spelling ends where the kind before it does.
        for kind in 1..<Self.kindCount where ends[kind] < ends[kind - 1] { ends[kind] = ends[kind - 1] }
        var worse = SIMD8<Float>.zero
        for kind in stride(from: Self.kindCount - 2, through: 0, by: -1) {
            worse[kind] = max(worse[kind + 1], bestOfKind[kind + 1])
        }
        positions = order
        self.postingsBefore = sums
        self.ends = ends
        worseQuality = worse
    }

    /// How many spellings match at `tier` or better.
    @inline(__always)
    func count(upTo tier: TokenMatchKind) -> Int { ends[Int(tier.rawValue)] }

    /// The postings of all spellings, summed.
    var totalPostings: Int { postingsBefore[positions.count] }

    /// The postings of the spellings of `kind`, summed.
    func postings(of kind: TokenMatchKind) -> Int {
        let end = ends[Int(kind.rawValue)]
        let start = kind.rawValue == 0 ? 0 : ends[Int(kind.rawValue) - 1]
        return postingsBefore[end] - postingsBefore[start]
    }

    /// The bands of the spellings at `tier` or better, grouped as `grouping` says: best kind
    /// first, then best quality; each band best quality first (see `NameQueryToken.bands`).
    func bands(
        upTo tier: TokenMatchKind, grouping: NameSpellingBand.Grouping,
        ids: [UInt32], kinds: [TokenMatchKind], qualities: [Float]
    ) -> [NameSpellingBand] {
        let selected = count(upTo: tier)
        guard selected > 0 else { return [] }
        func band(_ range: Range<Int>) -> NameSpellingBand {
            let run = BandPositions(positions, range: range)
            let first = run[0]
            let highest = kinds[run[run.count - 1]]
            return NameSpellingBand(
                lowest: kinds[first], highest: highest, positions: run,
                ids: BandIDs(run, of: ids), postings: postingsBefore[range.upperBound] - postingsBefore[range.lowerBound],
                bestQuality: qualities[first], worseQuality: worseQuality[Int(highest.rawValue)])
        }
        switch grouping {
        case .merged:
            // Across kinds, best quality first. The kinds' qualities do not overlap (see
            // `TokenMatchKind.quality`), so band order is that order already; sorted only if not.
            var merged = BandPositions(positions, range: 0..<selected)
            if zip(merged, merged.dropFirst()).contains(where: { qualities[$0] < qualities[$1] }) {
                let sorted = merged.sorted { qualities[$0] != qualities[$1] ? qualities[$0] > qualities[$1] : $0 < $1 }
                merged = BandPositions(sorted.map { Int32(truncatingIfNeeded: $0) }, range: 0..<sorted.count)
            }
            let highest = kinds[Int(positions[selected - 1])]
            return [NameSpellingBand(
                lowest: kinds[Int(positions[0])], highest: highest, positions: merged, ids: BandIDs(merged, of: ids),
                postings: postingsBefore[selected], bestQuality: qualities[merged[0]],
                worseQuality: worseQuality[Int(highest.rawValue)], coversPrefixes: tier >= .prefix)]
        case .kind, .quality:
            let step = NameSpellingBand.qualityStep
            func group(_ position: Int) -> Int {
                let kind = Int(kinds[position].rawValue) * 1000
                return grouping == .kind ? kind : kind - Int((qualities[position] / step).rounded(.down))
            }
            var out: [NameSpellingBand] = []
            var start = 0
            var current = group(Int(positions[0]))
            for rank in 1..<selected {
                let next = group(Int(positions[rank]))
                guard next != current else { continue }
                out.append(band(start..<rank))
                start = rank
                current = next
            }
            out.append(band(start..<selected))
            return out
        }
    }
}
