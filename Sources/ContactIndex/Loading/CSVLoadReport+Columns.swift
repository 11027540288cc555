extension CSVLoadReport {
    /// What each column was read as, for a person: "First Name → firstName, FirstName →
    /// firstName (after an earlier firstName column: used when that is empty, else kept as an
    /// attribute)". Says which columns only back up an earlier one (`fallbackColumns`), since
    /// their values do not fill the field when the earlier one is filled.
    /// - Complexity: O(c) in the columns.
    public func columnList() -> String {
        let fallbacks = Set(fallbackColumns)
        return columns.enumerated().map { index, entry in
            var text = "\(entry.header) → \(entry.column)"
            if fallbacks.contains(index) {
                text += entry.column == .region
                    ? " (after an earlier region column: used when the earlier ones name no known country, else kept as an attribute)"
                    : " (after an earlier \(entry.column) column: used when that is empty, else kept as an attribute)"
            }
            return text
        }.joined(separator: ", ")
    }
}
