extension Substring {
    /// The substring without leading and trailing whitespace (including no-break spaces).
    /// - Complexity: O(n) in the whitespace trimmed.
    func trimmingWhitespace() -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}
