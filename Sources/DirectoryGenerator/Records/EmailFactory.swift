/// Makes the email addresses people give: from their names (romanized when the name is in
/// another script), at personal providers of their country or their company's domain, with
/// mixed case and `+tags` as people type them. Domains and weights: `Resources/emails.tsv`.
struct EmailFactory: Sendable {
    private let personal: [String: WeightedTable<String>]
    private let everywhere: WeightedTable<String>

    init() {
        var personal: [String: WeightedTable<String>] = [:]
        var global: [(String, Double)] = []
        for row in ResourceText.rows("emails.tsv") where row.count >= 2 && row[0] != "idn" {
            let pairs = ResourceText.weightedList(row[1])
            if row[0] == "*" { global = pairs } else { personal[row[0]] = WeightedTable(pairs + global) }
        }
        self.personal = personal
        everywhere = WeightedTable(global)
    }

    /// An address for a person; `latinGiven` and `latinFamily` are the name in Latin letters.
    func address(latinGiven: String, latinFamily: String, region: String, company: Company?, _ random: inout SeededRandom) -> String {
        let given = ASCIIFolding.fold(latinGiven.split(separator: " ").first.map(String.init) ?? latinGiven)
        let family = ASCIIFolding.fold(latinFamily.replacingSpaces)
        let useCompany = company != nil && random.chance(0.45)
        var local: String
        let g = given.isEmpty ? "info" : given
        let f = family.isEmpty ? "contact" : family
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.35: local = g + "." + f
        case ..<0.50: local = String(g.prefix(1)) + f
        case ..<0.60: local = g + f
        case ..<0.68: local = g + "_" + f
        case ..<0.76: local = f + "." + g
        case ..<0.84: local = g + "." + String(f.prefix(1))
        default: local = g
        }
        if !useCompany, random.chance(0.65) {
            local += String(random.chance(0.5) ? Int.random(in: 1950...2008, using: &random) : Int.random(in: 1...999, using: &random))
        }
        if random.chance(0.05) { local += "+" + random.pick(["crm", "news", "work", "shop", "sales", "2024"]) }
        let domain = useCompany ? company!.domain : (personal[region] ?? everywhere).draw(&random)
        var address = local + "@" + domain
        if random.chance(0.15) { address = Self.mixedCase(address, &random) }
        return address
    }

    /// "john.smith@example.com" → "John.Smith@Example.com" or "JOHN.SMITH@EXAMPLE.COM".
    static func mixedCase(_ address: String, _ random: inout SeededRandom) -> String {
        // ASCII letters only (an upper-cased Greek final sigma would name another domain).
        if random.chance(0.15) { return String(decoding: address.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self) }
        var out = ""
        var startOfWord = true
        for character in address {
            out += startOfWord && character.isASCII ? character.uppercased() : String(character)
            startOfWord = character == "." || character == "@" || character == "_"
        }
        return out
    }
}

extension String {
    /// The text without spaces, hyphens and apostrophes ("van der Berg" → "vanderBerg").
    var replacingSpaces: String { String(filter { $0 != " " && $0 != "-" && $0 != "'" }) }
}
