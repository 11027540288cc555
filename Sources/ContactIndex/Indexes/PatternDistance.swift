/// The optimal string alignment distance (`TokenDeletionIndex.distance`) from one query token
/// to many vocabulary tokens, computed a column at a time with one machine word for the whole
/// column: Myers' bit-vector algorithm with Hyyrö's extension for adjacent transpositions; and
/// from it the Damerau–Levenshtein distance of typing errors (`typingDistance`).
///
/// Why: a typing-error search checks every candidate the deletion index offers (dozens to
/// hundreds a query token) and every token of the same consonant skeleton. The dynamic
/// programme fills |query| · |token| cells for each; this takes a few word operations per byte
/// of the token, after one table of the query's byte positions built per query token. Tokens
/// of more than 64 bytes fall back to the dynamic programme. A differential test holds the two
/// equal.
struct PatternDistance {
    /// The query token.
    let pattern: [UInt8]
    /// For each byte value, the positions where the pattern holds it (bit i: `pattern[i]`).
    private let positions: [UInt64]

    /// Prepares distances from `pattern`.
    init(_ pattern: [UInt8]) {
        self.pattern = pattern
        var positions = [UInt64](filledWith: 0, count: pattern.count <= 64 ? 256 : 0)
        if pattern.count <= 64 {
            for (offset, byte) in pattern.enumerated() { positions[Int(byte)] |= 1 << UInt64(offset) }
        }
        self.positions = positions
    }

    /// The distance from the pattern to `text`, or `limit + 1` when it exceeds `limit`.
    func distance(to text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let length = pattern.count
        if abs(length - text.count) > limit { return limit + 1 }
        guard length <= 64 else {
            return pattern.withUnsafeBufferPointer { TokenDeletionIndex.distance($0, text, limit: limit) }
        }
        if length == 0 { return min(text.count, limit + 1) }
        let last: UInt64 = 1 << UInt64(length - 1)
        // Column state: VP/VN are the vertical +1/−1 differences down the column; the score is
        // the column's last cell (the distance from the whole pattern to the text so far).
        var plus: UInt64 = length == 64 ? ~0 : (1 << UInt64(length)) - 1
        var minus: UInt64 = 0
        var previousDiagonal: UInt64 = 0
        var previousMatches: UInt64 = 0
        var score = length
        positions.withUnsafeBufferPointer { table in
            for byte in text {
                let matches = table[Int(byte)]
                // A transposition: this byte matches where the previous one was wanted next, and
                // the previous byte matched one position further on, without a zero-cost step.
                let transposed = ((~previousDiagonal & matches) << 1) & previousMatches
                let diagonal = (((matches & plus) &+ plus) ^ plus) | matches | minus | transposed
                var horizontalPlus = minus | ~(diagonal | plus)
                var horizontalMinus = diagonal & plus
                if horizontalPlus & last != 0 { score &+= 1 } else if horizontalMinus & last != 0 { score &-= 1 }
                horizontalPlus = horizontalPlus << 1 | 1
                horizontalMinus = horizontalMinus << 1
                plus = horizontalMinus | ~(diagonal | horizontalPlus)
                minus = horizontalPlus & diagonal
                previousDiagonal = diagonal
                previousMatches = matches
            }
        }
        return score > limit ? limit + 1 : score
    }

    /// The Damerau–Levenshtein distance from the pattern to `text` (`DamerauLevenshtein`), or
    /// `limit + 1` when it exceeds `limit`: the measure of typing errors.
    ///
    /// The alignment distance above first. Within one edit the two are equal; within two they
    /// differ only for a swap across one letter, checked in one pass when the alignment
    /// distance is beyond two (`DamerauLevenshtein.isSwapAcrossOneLetter`); a larger limit (a
    /// host's budget of three edits) takes the dynamic programme when the alignment distance is
    /// three or more, and no more than twice the limit (an edit of the one distance costs at most
    /// two of the other: a swap across k letters, 1 + k, costs at most 2 + k in alignment).
    func typingDistance(to text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if limit <= 2 {
            let aligned = distance(to: text, limit: limit)
            // The shape changes the length by one letter.
            guard limit == 2, aligned > 2, abs(pattern.count - text.count) == 1 else { return aligned }
            return pattern.withUnsafeBufferPointer { DamerauLevenshtein.isSwapAcrossOneLetter($0, text) } ? 2 : 3
        }
        let aligned = distance(to: text, limit: 2 * limit)
        if aligned <= 2 || aligned > 2 * limit { return min(aligned, limit + 1) }
        return pattern.withUnsafeBufferPointer { DamerauLevenshtein.distance($0, text, limit: limit) }
    }
}
