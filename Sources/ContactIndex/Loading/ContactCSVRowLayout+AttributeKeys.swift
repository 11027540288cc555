extension ContactCSVRowLayout {
    /// Each column's key for a cell kept as an attribute, distinct across the columns: its
    /// attribute name or header, then " (2)", " (3)"… for a later column of the same name, and
    /// "column N" for an empty header (as for a row's surplus fields). `Contact.attributes` holds
    /// one value a key, so two columns "notes", or two without a header, wrote one key and all but
    /// the last value were lost without a word.
    /// - Complexity: O(h) in the headers; once per load.
    static func attributeKeys(columns: [ContactCSVColumn], headers: [String]) -> [String] {
        var taken = Set<String>()
        return columns.indices.map { index in
            var base = headers[index]
            if case .attribute(let name) = columns[index] { base = name }
            if Substring(base).trimmingWhitespace().isEmpty { base = "column \(index + 1)" }
            var key = base
            var copy = 2
            while !taken.insert(key).inserted {
                key = "\(base) (\(copy))"
                copy += 1
            }
            return key
        }
    }
}
