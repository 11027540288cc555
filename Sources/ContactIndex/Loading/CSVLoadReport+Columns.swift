extension CSVLoadReport {
    /// What each column was read as, for a person: "First Name → firstName, FirstName →
    /// firstName (after an earlier firstName column: used when that is empty, else kept as an
    /// attribute)". Says which columns only back up an earlier one (`fallbackColumns`), since
    /// their values do not fill the field when the earlier one is filled.
    /// Headers are shown with control characters escaped and cut after
    /// `maximumHeaderCharacters`, so that a file of binary bytes never fills a terminal.
    /// - Complexity: O(c) in the columns.
    public func columnList() -> String {
        let fallbacks = Set(fallbackColumns)
        return columns.enumerated().map { index, entry in
            var text = "\(Self.displayed(entry.header)) → \(entry.column)"
            if fallbacks.contains(index) {
                text += entry.column == .region
                    ? " (after an earlier region column: used when the earlier ones name no known country, else kept as an attribute)"
                    : " (after an earlier \(entry.column) column: used when that is empty, else kept as an attribute)"
            }
            return text
        }.joined(separator: ", ")
    }

    /// The most characters of a header the column list shows.
    static let maximumHeaderCharacters = 60

    /// A header for a terminal: control characters as `\u{…}` escapes, cut after
    /// `maximumHeaderCharacters` with an ellipsis.
    static func displayed(_ header: String) -> String {
        var out = ""
        var count = 0
        for scalar in header.unicodeScalars {
            if count == maximumHeaderCharacters { return out + "…" }
            if scalar.properties.generalCategory == .control {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
