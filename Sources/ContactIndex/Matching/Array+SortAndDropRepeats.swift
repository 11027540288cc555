extension Array where Element: Comparable {
    /// Sorts the elements ascending and keeps one of each run of equal ones.
    /// - Complexity: O(n log n).
    mutating func sortAndDropRepeats() {
        sort()
        var unique = 0
        for index in indices where unique == 0 || self[unique - 1] != self[index] {
            self[unique] = self[index]
            unique += 1
        }
        removeLast(count - unique)
    }
}
