import ContactIndex

/// The one place where the engine asks the directory. Free-text search and the confident-match
/// threshold of the `names` work will replace `search` here when they land.
enum DirectoryQueries {
    /// Records with this number, ranked (identity matches only).
    static func phone(_ directory: ContactDirectory, _ number: String, region: String?, limit: Int) -> [Match] {
        directory.lookup(phone: number, region: region, limit: limit)
    }

    /// Records with this address, ranked (identity matches only).
    static func email(_ directory: ContactDirectory, _ address: String, limit: Int) -> [Match] {
        directory.lookup(email: address, limit: limit)
    }

    /// Records for a free-text query: an id, a number, an address, or a name (whole, else prefix).
    static func search(_ directory: ContactDirectory, _ query: String, region: String?, limit: Int) -> [Match] {
        let text = query.trimmingSpaces
        guard !text.isEmpty else { return [] }
        var matches: [Match] = []
        if let byID = directory.lookup(id: text) { matches.append(byID) }
        if text.contains("@") {
            matches += directory.lookup(email: text, limit: limit)
        } else if text.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 3 {
            matches += directory.lookup(phone: text, region: region, limit: limit)
        }
        if matches.isEmpty || !matches.contains(where: { $0.reason != .id }) {
            matches += directory.lookup(name: text, limit: limit)
            matches += directory.lookup(namePrefix: text, limit: limit)
        }
        return directory.configuration.ranking.rank(matches, limit: limit)
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
