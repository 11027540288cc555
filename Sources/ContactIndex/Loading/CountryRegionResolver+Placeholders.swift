extension CountryRegionResolver {
    /// What a country cell says once read: a region, no country at all ("N/A", "-", "unknown":
    /// the default region applies, as for an empty cell), or a name the resolver does not know.
    enum Reading: Sendable, Hashable {
        /// The ISO 3166 alpha-2 region.
        case region(String)
        /// A placeholder that says the row has no country; not a problem.
        case noCountry
        /// No region the resolver knows (`CSVLoadProblem.Kind.unknownRegion`).
        case unknown
    }

    /// The placeholders people and CRMs write in a country cell for "none", lower-case and without
    /// spaces. Compared before the punctuation-blind look-up, which read "N/A" as "NA", Namibia.
    static let placeholders: Set<String> = [
        "n/a", "n.a.", "n.a", "n/a.", "#n/a", "n\\a", "n-a", "n_a", "-", "--", "---", "—", "–", ".", "?", "??", "???", "none",
        "unknown", "unk", "tbd", "tba", "null", "nil", "nan", "notapplicable", "notavailable", "notspecified", "unspecified",
    ]

    /// Whether `text` (trimmed) is a placeholder for "no country": one of `placeholders`, or the
    /// letters "NA" with punctuation around or between them ("N.A", "N/A."), which only "NA"
    /// written plainly reads as Namibia.
    /// - Complexity: O(n) in the text.
    static func isPlaceholder(_ text: Substring) -> Bool {
        // Placeholders are short and ASCII: longer or other text skips the folding.
        guard text.utf8.count <= 16, text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let compact = String(decoding: text.utf8.lazy.filter { $0 != UInt8(ascii: " ") }.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        if placeholders.contains(compact) { return true }
        return compact != "na" && key(compact) == "na"
    }
}
