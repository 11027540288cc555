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

    /// How many characters a query token of `length` characters must have deleted to meet, in a
    /// symmetric-deletion index (`TokenDeletionIndex`), every token within its budget: the most
    /// deletions `k` for which some token is both within `k` edits of the query under their
    /// budget (`budget(forLength:)` of the longer) and stores the deletions that leave the same
    /// string (`j` of its own budget, its length `length − k + j`).
    ///
    /// A pair within `d` edits meets with at most `d` deletions on each side, and with fewer on
    /// the token's side only when fewer on the query's: so no match needs more. With the
    /// defaults, a token of 6 or 7 letters needs 1, not the 2 of the longest token it could meet
    /// (8 letters, at most 7 + 1), since 2 edits need 8 letters on one side and 2 deletions from
    /// 7 leave 5, which no token of 8 stores.
    func queryDeletions(forLength length: Int) -> Int {
        var deletions = budget(forLength: length + maxEdits)
        while deletions > 0 {
            let meets = (0...maxEdits).contains { tokenDeletions in
                let tokenLength = length - deletions + tokenDeletions
                return tokenLength >= 1 && tokenDeletions <= budget(forLength: tokenLength)
                    && deletions <= budget(forLength: max(length, tokenLength))
            }
            if meets { return deletions }
            deletions -= 1
        }
        return 0
    }
}
