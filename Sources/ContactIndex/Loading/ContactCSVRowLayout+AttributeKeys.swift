extension ContactCSVRowLayout {
    /// Each column's key for a cell kept as an attribute, distinct across the columns: its
    /// attribute name or header, then " (2)", " (3)"… for a later column of the same name, and
    /// "column N" for an empty header (as for a row's surplus fields). `Contact.attributes` holds
    /// one value a key, so two columns "notes", or two without a header, wrote one key and all but
    /// the last value were lost without a word.
    ///
    /// Each name remembers the next copy number to try: a key once taken stays taken, so the
    /// numbers below it need no second look. Before, the k-th "notes" tried " (2)" up to " (k)"
    /// again, and a header of 100,000 "notes" columns took minutes.
    /// - Complexity: O(h) in the headers (amortized); once per load.
    static func attributeKeys(columns: [ContactCSVColumn], headers: [String]) -> [String] {
        var taken = Set<String>()
        var nextCopy: [String: Int] = [:]
        return columns.indices.map { index in
            var base = headers[index]
            if case .attribute(let name) = columns[index] { base = name }
            if Substring(base).trimmingWhitespace().isEmpty { base = "column \(index + 1)" }
            if taken.insert(base).inserted { return base }
            var copy = nextCopy[base, default: 2]
            var key = "\(base) (\(copy))"
            while !taken.insert(key).inserted {
                copy += 1
                key = "\(base) (\(copy))"
            }
            nextCopy[base] = copy + 1
            return key
        }
    }
}
