/// The Damerau–Levenshtein distance itself (insertions, deletions, substitutions and
/// transpositions of adjacent letters, where letters may also be put between or taken from
/// between two letters swapped), the measure of typing errors in a name token
/// (`PatternDistance.typingDistance`).
///
/// Why not the optimal string alignment distance alone (`TokenDeletionIndex.distance`), which
/// the bit-parallel `PatternDistance` computes: it edits no letter twice, so a swap with a
/// letter dropped or added between its two letters costs three. "Chlaotte" is "Charlotte" with
/// its "r" dropped and "a", "l" swapped, two typing errors, yet three alignment edits, so it was
/// beyond the two a name of eight letters may carry and found no Charlotte. Only that shape
/// makes the two differ within two edits (`isSwapAcrossOneLetter`); the dynamic programme below
/// decides the larger budgets a host may configure.
enum DamerauLevenshtein {
    /// The distance between two byte strings (Lowrance and Wagner's programme, over a byte
    /// alphabet), or `limit + 1` when it exceeds `limit`.
    /// - Complexity: O(|a| · |b|) time and space, plus 256 entries.
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
        // Rows and columns start one before the strings: row and column 0 hold a value larger
        // than any distance, so a transposition never reaches past the strings' starts.
        let width = b.count + 2
        let beyond = Int32(a.count + b.count)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: (a.count + 2) * width + 256) { cells in
            // The last row of `a` (1-based) where each byte was seen; 0 for none.
            let lastRow = UnsafeMutableBufferPointer(rebasing: cells[((a.count + 2) * width)...])
            lastRow.initialize(repeating: 0)
            cells[0] = beyond
            for row in 0...a.count {
                cells[(row + 1) * width] = beyond
                cells[(row + 1) * width + 1] = Int32(row)
            }
            for column in 0...b.count {
                cells[column + 1] = beyond
                cells[width + column + 1] = Int32(column)
            }
            for row in 1...a.count {
                // The last column of this row's scan where `b` held `a[row - 1]`.
                var lastMatchColumn = 0
                for column in 1...b.count {
                    let swapRow = Int(lastRow[Int(b[column - 1])])
                    let swapColumn = lastMatchColumn
                    let cost: Int32
                    if a[row - 1] == b[column - 1] {
                        cost = 0
                        lastMatchColumn = column
                    } else {
                        cost = 1
                    }
                    let substitution = cells[row * width + column] + cost
                    let insertion = cells[(row + 1) * width + column] + 1
                    let deletion = cells[row * width + column + 1] + 1
                    // The letters between the two swapped are deleted (from `a`) or inserted.
                    let swap = cells[swapRow * width + swapColumn] + Int32(row - swapRow - 1) + 1 + Int32(column - swapColumn - 1)
                    cells[(row + 1) * width + column + 1] = min(substitution, insertion, deletion, swap)
                }
                lastRow[Int(a[row - 1])] = Int32(row)
            }
            return min(Int(cells[(a.count + 1) * width + b.count + 1]), limit + 1)
        }
    }

    /// Whether `a` and `b` are the same but for two adjacent letters swapped with one letter put
    /// between them ("la" and "arl": "chlaotte" and "charlotte"), in either direction: two
    /// Damerau–Levenshtein edits, three of optimal string alignment. The only shape in which the
    /// two distances differ when one of them is at most two.
    /// - Complexity: O(n).
    static func isSwapAcrossOneLetter(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1, short.count >= 2 else { return false }
        var prefix = 0
        while prefix < short.count, short[prefix] == long[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < short.count - prefix, short[short.count - 1 - suffix] == long[long.count - 1 - suffix] { suffix += 1 }
        // What differs: two letters of the shorter, three of the longer (the pair swapped, a
        // letter between).
        guard short.count - prefix - suffix == 2 else { return false }
        let first = short[prefix]
        let second = short[prefix + 1]
        return first != second && long[prefix] == second && long[prefix + 2] == first
    }
}
