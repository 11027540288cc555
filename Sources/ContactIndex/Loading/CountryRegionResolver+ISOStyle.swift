extension CountryRegionResolver {
    /// The spellings that an ISO 3166-1 name in ISO's current style stands for, to look up when
    /// the name itself is not in the table: ISO writes the article and the form of state in
    /// brackets after the name ("Philippines (the)", "Korea (the Republic of)", "Virgin Islands
    /// (British)") and sometimes after a comma ("Tanzania, the United Republic of").
    ///
    /// "X (the)" reads as "X"; "X (the Y)" and "X (Y)" read as "Y X" ("Republic of Korea",
    /// "British Virgin Islands") and "X, Y" ("Korea, Republic of", the older ISO style the
    /// aliases hold); "X, the Y" reads as "X, Y". Each reading is then looked up as any name is,
    /// so that no reading makes a region the table does not already name. Empty when the text
    /// has neither form.
    /// - Complexity: O(n) in the text.
    static func isoStyleReadings(of text: Substring) -> [String] {
        var readings: [String] = []
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let name = text[..<open].trimmingWhitespace()
            var inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace()
            if inside.lowercased().hasPrefix("the ") || inside.lowercased() == "the" { inside = inside.dropFirst(3).trimmingWhitespace() }
            guard !name.isEmpty, !inside.contains("("), !inside.contains(")") else { return [] }
            if inside.isEmpty {
                readings.append(String(name))
            } else {
                readings.append("\(inside) \(name)")
                readings.append("\(name), \(inside)")
            }
        }
        let words = text.split(separator: " ")
        if let comma = words.indices.dropLast().first(where: { words[$0].hasSuffix(",") && words[$0 + 1].lowercased() == "the" }) {
            var kept = words
            kept.remove(at: comma + 1)
            readings.append(kept.joined(separator: " "))
        }
        return readings
    }
}
