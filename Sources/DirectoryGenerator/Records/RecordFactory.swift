import Foundation  // decomposedStringWithCanonicalMapping
import ContactIndex

/// Makes the records of a directory, unit by unit. A unit is one person (a contact or a lead),
/// a household (two to four people sharing a home number and a family name), a duplicate (the
/// same person as a contact and as a lead, with slightly different data), or a company's
/// account record. Unit `n` depends only on the seed and `n`, so units can be made on any
/// thread in any order.
public struct RecordFactory: Sendable {
    /// The seed of the directory.
    public let seed: UInt64
    /// How many contacts the directory will hold (sizes the company pool).
    public let contactCount: Int
    let locales: [String: LocaleNameSource]
    let localeTable: WeightedTable<String>
    let regionTables: [String: WeightedTable<String>]
    let romanizedShare: [String: Double]
    let phones: PhoneNumberFactory
    let phoneWriter = PhoneTextWriter()
    let emails = EmailFactory()
    let companies = CompanyFactory()
    let romanizer = Romanizer.shared
    let allRegions: [String]

    /// Prepares the name lists, phone templates and companies.
    public init(seed: UInt64, contactCount: Int) {
        self.seed = seed
        self.contactCount = contactCount
        var locales: [String: LocaleNameSource] = [:]
        var shares: [(String, Double)] = []
        var regionTables: [String: WeightedTable<String>] = [:]
        var romanizedShare: [String: Double] = [:]
        var regions = Set<String>()
        for row in ResourceText.rows("locales.tsv") where row.count >= 4 {
            let code = row[0]
            locales[code] = LocaleNameSource(locale: code)
            shares.append((code, Double(row[1]) ?? 0))
            let weighted = ResourceText.weightedList(row[2])
            regions.formUnion(weighted.map(\.0))
            regionTables[code] = WeightedTable(weighted)
            romanizedShare[code] = Double(row[3]) ?? 0
        }
        self.locales = locales
        localeTable = WeightedTable(shares)
        self.regionTables = regionTables
        self.romanizedShare = romanizedShare
        allRegions = regions.sorted()
        phones = PhoneNumberFactory(regions: regions)
    }

    /// The name locales, for reports.
    public var localeCodes: [String] { locales.keys.sorted() }

    /// The sizes of the shipped name lists: distinct given and family names over all locales.
    public var listVocabulary: (given: Int, family: Int) {
        locales.values.reduce((0, 0)) { ($0.0 + $1.listSizes.given, $0.1 + $1.listSizes.family) }
    }

    /// The records of unit `index`.
    public func unit(_ index: Int, tally: inout PhoneTextWriter.Tally) -> [DirectoryRecord] {
        var random = SeededRandom(seed: seed, stream: 1, index: UInt64(index))
        let locale = localeTable.draw(&random)
        let region = regionTables[locale]!.draw(&random)
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.02 { return [account(locale: locale, region: region, tally: &tally, &random)] }
        if roll < 0.10 { return household(locale: locale, region: region, tally: &tally, &random) }
        let person = self.person(locale: locale, region: region, entity: random.chance(0.15) ? .lead : .contact, household: nil, tally: &tally, &random)
        if roll < 0.16 { return [person, duplicate(of: person, tally: &tally, &random)] }
        return [person]
    }

    private func person(
        locale: String, region: String, entity: DirectoryRecord.Entity, household: (family: String, phone: String)?,
        female: Bool? = nil, tally: inout PhoneTextWriter.Tally, _ random: inout SeededRandom
    ) -> DirectoryRecord {
        let source = locales[locale]!
        let isFemale = female ?? random.chance(0.5)
        var given = source.given(female: isFemale, &random)
        var family = household.map { isFemale ? source.composition.feminine($0.family) : $0.family } ?? source.familyName(female: isFemale, &random)
        let latinGiven = romanizer.romanize(given) ?? given
        let latinFamily = romanizer.romanize(family, isFamilyName: true) ?? family
        if Romanizer.isNonLatin(given + family), random.chance(romanizedShare[locale] ?? 0) {
            given = latinGiven
            family = latinFamily
        }
        let country = Country.all[region]
        var record = DirectoryRecord(
            entity: entity, firstName: given, lastName: family, emails: [], company: nil,
            country: country?.columnText(&random) ?? region, region: region)
        var company: Company? = nil
        if household == nil, random.chance(0.7) {
            let pool = max(contactCount / 8, 50)
            let number = Int(Double(pool) * pow2(Double.random(in: 0..<1, using: &random)))
            company = companies.company(number: number, region: region, locale: locale, names: source, romanizer: romanizer)
            record.company = company?.name
        }
        if let household {
            record.phone = household.phone
            record.phoneIsHome = true
        } else if random.chance(0.75) {
            let foreign = random.chance(0.06)
            let numberRegion = foreign ? random.pick(allRegions) : region
            if let e164 = phones.number(region: numberRegion, line: random.chance(0.6) ? .fixed : .mobile, &random) {
                record.phone = phoneWriter.text(e164: e164, contactRegion: region, allowExtension: company != nil, tally: &tally, &random)
            }
        }
        if random.chance(household == nil ? 0.65 : 0.5) || (record.phone == nil), let e164 = phones.number(region: region, line: .mobile, &random) {
            record.mobile = phoneWriter.text(e164: e164, contactRegion: region, allowExtension: false, tally: &tally, &random)
        }
        if random.chance(0.12), let e164 = phones.number(region: region, line: .fixed, &random) {
            record.otherPhone = phoneWriter.text(e164: e164, contactRegion: region, allowExtension: true, tally: &tally, &random)
        }
        if random.chance(0.88) {
            record.emails.append(emails.address(latinGiven: latinGiven, latinFamily: latinFamily, region: region, company: company, &random))
            if random.chance(0.2) {
                record.emails.append(emails.address(latinGiven: latinGiven, latinFamily: latinFamily, region: region, company: nil, &random))
            }
        }
        return record
    }

    /// Two to four people with one family name and one home number.
    private func household(locale: String, region: String, tally: inout PhoneTextWriter.Tally, _ random: inout SeededRandom) -> [DirectoryRecord] {
        let family = locales[locale]!.familyName(female: false, &random)
        guard let e164 = phones.number(region: region, line: .fixed, &random) ?? phones.number(region: region, line: .mobile, &random) else { return [] }
        let size = Int.random(in: 2...4, using: &random)
        return (0..<size).map { member in
            // Each member's copy of the number is written the way whoever typed it wrote it.
            let text = phoneWriter.text(e164: e164, contactRegion: region, allowExtension: false, tally: &tally, &random)
            return person(
                locale: locale, region: region, entity: random.chance(0.1) ? .lead : .contact, household: (family, text),
                female: member == 1 ? true : (member == 0 ? false : nil), tally: &tally, &random)
        }
    }

    /// The same person again as a lead, typed in by someone else.
    private func duplicate(of original: DirectoryRecord, tally: inout PhoneTextWriter.Tally, _ random: inout SeededRandom) -> DirectoryRecord {
        var copy = original
        copy.entity = original.entity == .lead ? .contact : .lead
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.2: copy.firstName = copy.firstName.lowercased(); copy.lastName = copy.lastName.lowercased()
        case ..<0.35: copy.lastName = copy.lastName.uppercased()
        case ..<0.55:
            copy.firstName = ASCIIFoldingName.strip(copy.firstName)
            copy.lastName = ASCIIFoldingName.strip(copy.lastName)
        case ..<0.65:
            if let first = copy.firstName.first { copy.firstName = String(first) + "." }
        default: break
        }
        if random.chance(0.3) { copy.company = nil }
        if !copy.emails.isEmpty {
            switch Double.random(in: 0..<1, using: &random) {
            case ..<0.4: copy.emails = [EmailFactory.mixedCase(copy.emails[0], &random)]
            case ..<0.55: copy.emails = []
            default: copy.emails = [copy.emails[0]]
            }
        }
        if random.chance(0.3) { copy.mobile = nil }
        copy.otherPhone = nil
        copy.country = Country.all[copy.region]?.columnText(&random) ?? copy.region
        return copy
    }

    /// A company's own record: its name, main number and general address.
    private func account(locale: String, region: String, tally: inout PhoneTextWriter.Tally, _ random: inout SeededRandom) -> DirectoryRecord {
        let pool = max(contactCount / 8, 50)
        let company = companies.company(number: Int.random(in: 0..<pool, using: &random), region: region, locale: locale, names: locales[locale]!, romanizer: romanizer)
        var record = DirectoryRecord(
            entity: .account, firstName: "", lastName: "", emails: [random.pick(["info", "contact", "sales", "office"]) + "@" + company.domain],
            company: company.name, country: Country.all[region]?.columnText(&random) ?? region, region: region)
        if let e164 = phones.number(region: region, line: .fixed, &random) {
            record.phone = phoneWriter.text(e164: e164, contactRegion: region, allowExtension: false, tally: &tally, &random)
        }
        return record
    }
}

/// x², which skews company numbers toward small ones: a few large companies, many small ones.
@inline(__always) func pow2(_ x: Double) -> Double { x * x }

/// Names without their accents, as someone on a US keyboard types them ("Müller" → "Muller").
enum ASCIIFoldingName {
    static func strip(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0.value > 0x7F }), !Romanizer.isNonLatin(name) else {
            return Romanizer.isNonLatin(name) ? (Romanizer.shared.romanize(name) ?? name) : name
        }
        let special: [Character: String] = ["ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "đ": "d", "Đ": "D", "œ": "oe"]
        let replaced = name.map { special[$0] ?? String($0) }.joined()
        return String(replaced.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }.map(Character.init))
    }
}
