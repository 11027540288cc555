import Synchronization

/// A company: its name as the CRM holds it, and its web domain.
public struct Company: Sendable, Hashable {
    /// The name ("Müller Logistik GmbH", "山田商事株式会社").
    public var name: String
    /// The domain of its email addresses ("mueller-logistik.de", "müller-logistik.de").
    public var domain: String
}

/// Makes companies from `Resources/companies.tsv`: words by language, legal forms by region.
/// A company is a function of its number and region, so every contact drawn to company 17 in
/// Germany works for the same company.
struct CompanyFactory: Sendable {
    private struct Key: Hashable {
        var number: Int
        var region: String
        var locale: String
    }

    /// Companies made so far (a company is made once, then shared by its contacts).
    private final class Made: Sendable {
        let companies = Mutex<[Key: Company]>([:])
    }

    private let made = Made()
    private var words: [String: [String]] = [:]
    private var legal: [String: [String]] = [:]
    private var idnEndings: [String: String] = [:]

    init() {
        for row in ResourceText.rows("companies.tsv") where row.count >= 3 {
            let values = row[2].split(separator: ",").map { String($0).trimmingSpaces }
            if row[0] == "word" { words[row[1]] = values } else if row[0] == "legal" { legal[row[1]] = values }
        }
        for row in ResourceText.rows("emails.tsv") where row.count >= 2 && row[0] == "idn" {
            for part in row[1].split(separator: ",") {
                let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
                if pieces.count == 2 { idnEndings[pieces[0]] = pieces[1] }
            }
        }
    }

    /// The company with this number in this region; `names` gives family names of the locale.
    func company(number: Int, region: String, locale: String, names: LocaleNameSource, romanizer: Romanizer) -> Company {
        let key = Key(number: number, region: region, locale: locale)
        if let known = made.companies.withLock({ $0[key] }) { return known }
        let company = make(number: number, region: region, locale: locale, names: names, romanizer: romanizer)
        made.companies.withLock { $0[key] = company }
        return company
    }

    private func make(number: Int, region: String, locale: String, names: LocaleNameSource, romanizer: Romanizer) -> Company {
        var random = SeededRandom(seed: 0xC0FFEE, stream: UInt64(region.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }), index: UInt64(number))
        let legalForm = random.pick(legal[region] ?? legal["US"]!)
        let language = ["de", "fr", "es", "it", "nl", "pl", "tr", "ru", "zh", "ja", "ko", "ar"].first { $0 == String(locale.prefix(2)) }
            ?? (["mx": "es", "tw": "zh", "uk": "ru"][locale] ?? "en")
        let kinds = words["\(language).kind"] ?? words["en.kind"]!
        let family = names.familyName(female: false, &random)
        let core: String
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.35: core = random.pick(words["en"]!) + " " + random.pick(words["en.kind"]!)
        case ..<0.75:
            if ["zh", "ja", "ko"].contains(language) { core = family + random.pick(kinds) } else { core = family + " " + random.pick(kinds) }
        case ..<0.88: core = family + " & " + names.familyName(female: false, &random)
        default: core = family + (language == "en" ? " & Sons" : " " + random.pick(kinds))
        }
        let name: String
        switch language {
        case "ru" where legalForm.allSatisfy({ $0.unicodeScalars.first!.value >= 0x400 }): name = legalForm + " «" + core + "»"
        case "ja" where random.chance(0.5): name = legalForm + core
        case "zh", "ja", "ko": name = core + (core.unicodeScalars.last.map { $0.value < 0x80 } == true ? " " : "") + legalForm
        default: name = core + " " + legalForm
        }
        return Company(name: name, domain: domain(core: core, region: region, romanizer: romanizer, &random))
    }

    private func domain(core: String, region: String, romanizer: Romanizer, _ random: inout SeededRandom) -> String {
        let words = core.split(whereSeparator: { $0 == " " || $0 == "&" })
        let tld = region == "US" ? ".com" : (region == "GB" ? ".co.uk" : "." + region.lowercased())
        let hasNonASCII = core.unicodeScalars.contains { $0.value > 0x7F }
        if hasNonASCII, let ending = idnEndings[region], random.chance(0.4) {
            // An internationalized domain name, as German, Russian or Chinese companies register them.
            let label = words.map { $0.lowercased() }.joined(separator: "-")
            return label + (Romanizer.isNonLatin(core) ? ending : tld)
        }
        let latin = words.map { romanizer.romanize(String($0)) ?? String($0) }
        let slug = latin.map(ASCIIFolding.fold).filter { !$0.isEmpty }.joined(separator: random.chance(0.5) ? "-" : "")
        return (slug.isEmpty ? "company" : slug) + tld
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
