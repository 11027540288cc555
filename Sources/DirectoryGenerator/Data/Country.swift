/// A country as a CRM's country column holds it, read from `Resources/countries.tsv`.
public struct Country: Sendable {
    /// ISO 3166 alpha-2 ("DE").
    public var region: String
    /// ISO 3166 alpha-3 ("DEU").
    public var alpha3: String
    /// English names ("Germany").
    public var names: [String]
    /// The international call prefix dialled there ("00", "011").
    public var internationalPrefix: String

    /// Every country of the data, by region.
    public static let all: [String: Country] = {
        var out: [String: Country] = [:]
        for row in ResourceText.rows("countries.tsv") where row.count >= 4 {
            out[row[0]] = Country(region: row[0], alpha3: row[1], names: row[2].split(separator: ",").map(String.init), internationalPrefix: row[3])
        }
        return out
    }()

    /// The country column as people fill it in: the ISO code, the alpha-3 code or a name.
    func columnText(_ random: inout SeededRandom) -> String {
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.45 { return region }
        if roll < 0.55 { return alpha3 }
        // The first name is the usual one; the others ("Russian Federation") are rarer.
        let name = names.count > 1 && random.chance(0.2) ? random.pick(names.dropFirst().map { $0 }) : names[0]
        if roll < 0.60 { return name.uppercased() }
        return name
    }
}
