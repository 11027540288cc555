/// English given names and their nicknames, both ways, from `Resources/nicknames.csv` (the
/// `nicknames` dataset, Apache-2.0, the same data ContactIndex ships; see NOTICE.md).
struct NicknamePairs: Sendable {
    private let related: [String: [String]]

    init() {
        var related: [String: Set<String>] = [:]
        for line in ResourceText.text("nicknames.csv").split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1] == "has_nickname" else { continue }
            let name = fields[0].lowercased()
            let nickname = fields[2].lowercased()
            guard name != nickname else { continue }
            related[name, default: []].insert(nickname)
            related[nickname, default: []].insert(name)
        }
        self.related = related.mapValues { $0.sorted() }
    }

    /// The nicknames of a name, or the names a nickname is short for (lower case).
    func related(to name: String) -> [String] { related[name.lowercased()] ?? [] }
}
