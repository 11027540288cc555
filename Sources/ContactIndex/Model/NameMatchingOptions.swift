/// How many typing errors a name token may carry and still match: none up to
/// `oneEditFromLength - 1` characters, one up to `twoEditsFromLength - 1`, two from there
/// (defaults: 0 edits up to 3 characters, 1 up to 7, 2 from 8). Edits are Damerau–Levenshtein:
/// insertions, deletions, substitutions and transpositions of adjacent letters.
public struct NameMatchingOptions: Sendable, Hashable {
    /// The shortest token that may carry one edit.
    public var oneEditFromLength: Int
    /// The shortest token that may carry two edits.
    public var twoEditsFromLength: Int
    /// The most edits any token may carry (0 turns fuzzy matching off; at most 3).
    public var maxEdits: Int

    /// Creates options.
    public init(oneEditFromLength: Int = 4, twoEditsFromLength: Int = 8, maxEdits: Int = 2) {
        self.oneEditFromLength = oneEditFromLength
        self.twoEditsFromLength = twoEditsFromLength
        self.maxEdits = min(max(maxEdits, 0), 3)
    }

    /// The edit budget of a query token of `length` characters.
    public func budget(forLength length: Int) -> Int {
        let edits = length >= twoEditsFromLength ? 2 : (length >= oneEditFromLength ? 1 : 0)
        return min(edits, maxEdits)
    }
}
