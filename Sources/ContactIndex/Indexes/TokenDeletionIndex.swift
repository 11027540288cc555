/// Finds the vocabulary tokens within a few typing errors of a query token by symmetric
/// deletion: every token is stored under each string its deletions of up to `d` characters leave
/// (as 32-bit hashes, in a `SlotHashTable`); a query looks up the strings its own deletions leave,
/// and each token found is checked with the real Damerau–Levenshtein distance (insertions,
/// deletions, substitutions, adjacent transpositions: `PatternDistance.typingDistance`).
///
/// Why this structure: a Levenshtein automaton over the sorted vocabulary had to visit most
/// prefixes of up to four letters for two edits (tens of thousands of rows at a million contacts,
/// milliseconds per token). Symmetric deletion answers with a few dozen hash probes and checks
/// only real candidates: microseconds. It costs memory: 1 + L deletions of a token of length L for
/// one edit, 1 + L + L(L−1)/2 for two, about 20 hash entries a token on a name vocabulary (18 MB
/// for 80,000 tokens).
///
/// Why it finds everything: if two strings are within e edits, deleting at most e characters from
/// each leaves a common string (a substitution or transposition costs one deletion on each side,
/// an insertion one on the longer side, a swap across k letters k + 1 on a side). A token keeps the deletions of its own edit budget, and a
/// query makes as many as a token within its budget can need (`NameMatchingOptions.queryDeletions`).
struct TokenDeletionIndex: Sendable {
    /// Tokens longer than this are not given deletions (their typing errors are not searched).
    static let maximumLength = 24

    private var table = SlotHashTable()
    /// The tokens of deletion strings shared by more than `crowdLimit` tokens, kept out of
    /// `table`: all entries of one string share a hash, so linear probing lays them in one run
    /// that every insert of that string walked, and every look-up landing in it (quadratic in
    /// the tokens: 128,000 names one deletion apart took 30 s to load, numbered names such as
    /// "john12345" 5.5 s for 200,000).
    private var crowded: [UInt32: [UInt32]] = [:]
    /// One bit for each value of a hash's low 16 bits, set for the hashes in `crowded`: a
    /// string whose bit is clear is not there, known without a dictionary look-up. Every
    /// deletion string of a query token (and of a token added) asked `crowded` before, a hash
    /// of its own each (SipHash: about 1.5% of the instructions of name look-ups at 200,000
    /// contacts, callgrind), once any string was crowded.
    private var crowdedBits = [UInt64](repeating: 0, count: 1 << 10)
    /// The most tokens a deletion string keeps in `table`.
    static let crowdLimit = 32

    /// How many deletion strings are shared by more than `crowdLimit` tokens.
    var crowdedStringCount: Int { crowded.count }

    /// Adds a token's deletion strings, of up to `deletions` characters.
    /// - Complexity: O(L^deletions) strings hashed.
    mutating func add(_ token: UnsafeBufferPointer<UInt8>, id: UInt32, deletions: Int) {
        guard token.count <= Self.maximumLength else { return }
        Self.forEachDeletion(of: token, upTo: deletions) { variant in
            let hash = SlotHashTable.hash(UnsafeRawBufferPointer(variant))
            if mayBeCrowded(hash), let index = crowded.index(forKey: hash) {
                // A token repeats a string only while adding its own deletions (repeated letters).
                if crowded.values[index].last != id { crowded.values[index].append(id) }
                return
            }
            guard table.insert(hash: hash, slot: id) > Self.crowdLimit else { return }
            var ids: [UInt32] = []
            table.forEach(hash: hash) { id in
                ids.append(id)
                return true
            }
            for id in ids { table.remove(hash: hash, slot: id) }
            crowded[hash] = ids
            crowdedBits[Int(hash >> 6) & (crowdedBits.count - 1)] |= 1 << UInt64(hash & 63)
        }
    }

    /// Calls `body` once with each token id whose deletions meet the query's, up to `deletions`
    /// of the query (candidates: the caller checks the distance). Ids may repeat.
    ///
    /// The strings' hashes are computed first and their buckets prefetched, then looked up: a
    /// token of 8 letters makes 37 strings with two deletions, each a cache miss in a table of
    /// millions of entries, which then overlap instead of following one another.
    func forEachCandidate(_ query: UnsafeBufferPointer<UInt8>, deletions: Int, _ body: (UInt32) -> Void) {
        guard query.count <= Self.maximumLength else { return }
        let strings = Self.deletionCount(ofLength: query.count, upTo: deletions)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(strings, 1)) { hashes in
            var count = 0
            Self.forEachDeletion(of: query, upTo: deletions) { variant in
                guard count < strings else { return }  // never: `strings` counts them all
                let hash = SlotHashTable.hash(UnsafeRawBufferPointer(variant))
                table.prefetch(hash: hash)
                hashes[count] = hash
                count += 1
            }
            for hash in hashes[0..<count] {
                table.forEach(hash: hash) { id in
                    body(id)
                    return true
                }
                if mayBeCrowded(hash), let ids = crowded[hash] {
                    for id in ids { body(id) }
                }
            }
        }
    }

    /// Whether `crowded` may hold `hash` (`crowdedBits`).
    @inline(__always)
    private func mayBeCrowded(_ hash: UInt32) -> Bool {
        crowdedBits[Int(hash >> 6) & (crowdedBits.count - 1)] & 1 << UInt64(hash & 63) != 0
    }

    /// How many strings `forEachDeletion` passes for a string of `length` characters: itself,
    /// `length` with one deletion, and each pair of positions with two.
    static func deletionCount(ofLength length: Int, upTo deletions: Int) -> Int {
        1 + (deletions >= 1 ? length : 0) + (deletions >= 2 ? length * max(length - 1, 0) / 2 : 0)
    }

    /// Calls `body` with the string itself and every string left by deleting 1 to `upTo`
    /// characters (repeats possible when letters repeat).
    static func forEachDeletion(of text: UnsafeBufferPointer<UInt8>, upTo deletions: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { scratch in
            body(text)
            guard deletions >= 1, text.count >= 1 else { return }
            for first in 0..<text.count {
                var length = 0
                for index in 0..<text.count where index != first {
                    scratch[length] = text[index]
                    length += 1
                }
                body(UnsafeBufferPointer(rebasing: scratch[0..<length]))
                guard deletions >= 2, text.count >= 2 else { continue }
                // Second deletions after the first keep each pair once.
                for second in (first + 1)..<text.count {
                    var pairLength = 0
                    for index in 0..<text.count where index != first && index != second {
                        scratch[pairLength] = text[index]
                        pairLength += 1
                    }
                    body(UnsafeBufferPointer(rebasing: scratch[0..<pairLength]))
                }
            }
        }
    }

    /// Makes the table own its storage (see `ContactDirectory.independentCopy`).
    mutating func makeStorageUnique() {
        table.makeStorageUnique()
        crowded.reserveCapacity(crowded.count)
    }

    /// Bytes held.
    var approximateBytes: Int {
        table.approximateBytes + crowdedBits.count * 8 + crowded.reduce(crowded.capacity * 16) { $0 + 32 + $1.value.capacity * 4 }
    }

    /// The optimal string alignment distance (Damerau–Levenshtein with adjacent
    /// transpositions) between two byte strings, or `limit + 1` as soon as it must exceed `limit`.
    /// - Complexity: O(|a| · |b|).
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return min(b.count, limit + 1) }
        if b.isEmpty { return min(a.count, limit + 1) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * width) { rows in
            // Three rolling rows: two back (for transpositions), one back, current.
            var twoBack = 0, oneBack = width, current = 2 * width
            for column in 0..<width { rows[oneBack + column] = Int32(column) }
            for row in 1...a.count {
                rows[current] = Int32(row)
                var rowMinimum = Int32(row)
                for column in 1..<width {
                    let cost: Int32 = a[row - 1] == b[column - 1] ? 0 : 1
                    var value = min(rows[oneBack + column] + 1, rows[current + column - 1] + 1, rows[oneBack + column - 1] + cost)
                    if row > 1, column > 1, a[row - 1] == b[column - 2], a[row - 2] == b[column - 1] {
                        value = min(value, rows[twoBack + column - 2] + 1)
                    }
                    rows[current + column] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > Int32(limit) { return limit + 1 }
                (twoBack, oneBack, current) = (oneBack, current, twoBack)
            }
            return min(Int(rows[oneBack + width - 1]), limit + 1)
        }
    }
}
