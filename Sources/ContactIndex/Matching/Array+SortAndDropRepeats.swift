extension Array where Element: Comparable {
    /// Sorts the elements ascending and keeps one of each run of equal ones. Works on the
    /// buffer's memory; up to 32 elements (a contact's phone windows, a few prefix lists) by
    /// insertion sort, which costs less there than the standard library's sort.
    /// - Complexity: O(n log n).
    mutating func sortAndDropRepeats() {
        let unique = withUnsafeMutableBufferPointer { values -> Int in
            guard values.count > 1 else { return values.count }
            if values.count <= 32 {
                for index in 1..<values.count {
                    let value = values[index]
                    var hole = index
                    while hole > 0, values[hole - 1] > value {
                        values[hole] = values[hole - 1]
                        hole -= 1
                    }
                    values[hole] = value
                }
            } else {
                values.sort()
            }
            var unique = 1
            for index in 1..<values.count where values[unique - 1] != values[index] {
                values[unique] = values[index]
                unique += 1
            }
            return unique
        }
        removeLast(count - unique)
    }
}
