/// The given and family names of one locale, with their popularity, read from
/// `Resources/names/<locale>.tsv` (gathered from Faker's lists, see NOTICE.md) and, for Arabic,
/// `Resources/romanization/arabic.tsv`.
struct NameLists: Sendable {
    var givenMale: [(String, Double)] = []
    var givenFemale: [(String, Double)] = []
    var middle: [(String, Double)] = []
    var family: [(String, Double)] = []
    var familyFemale: [(String, Double)] = []
    /// Romanizations paired with names by the source ("佐藤" → "Sato").
    var typed: [String: String] = [:]

    /// Reads the lists of a locale.
    static func load(locale: String) -> NameLists {
        var lists = NameLists()
        var rows = ResourceText.rows("names/\(locale).tsv")
        if locale == "ar" { rows += ResourceText.rows("romanization/arabic.tsv") }
        for row in rows where row.count >= 3 {
            let name = row[1]
            // Tribal and clan names ("بنو أسد") are not what a CRM holds as a family name.
            if locale == "ar", row[0].hasPrefix("family"), name.hasPrefix("بنو") || name.hasPrefix("بني") || name.hasPrefix("أولاد") { continue }
            let weight = Double(row[2]) ?? 0
            if row.count >= 4, !row[3].isEmpty { lists.typed[name] = row[3] }
            switch row[0] {
            case "given.m": lists.givenMale.append((name, weight))
            case "given.f": lists.givenFemale.append((name, weight))
            case "given.u":
                lists.givenMale.append((name, weight))
                lists.givenFemale.append((name, weight))
            case "middle": lists.middle.append((name, weight))
            case "family", "family.m": lists.family.append((name, weight))
            case "family.f": lists.familyFemale.append((name, weight))
            default: continue
            }
        }
        lists.givenMale = normalized(lists.givenMale)
        lists.givenFemale = normalized(lists.givenFemale)
        lists.family = normalized(lists.family)
        lists.familyFemale = normalized(lists.familyFemale)
        lists.middle = normalized(lists.middle)
        return lists
    }

    /// Weights scaled to sum to 1 per list, so that lists from two sources (Faker's frequencies
    /// and hand-written weights) mix by share, not by their units.
    private static func normalized(_ pairs: [(String, Double)]) -> [(String, Double)] {
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return pairs }
        return pairs.map { ($0.0, $0.1 / total) }
    }
}
