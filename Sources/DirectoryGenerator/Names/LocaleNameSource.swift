/// Draws realistic names of one locale: the lists by popularity (a few very common names, a
/// long tail), and composed names (`NameComposition`) for the rest of the tail.
struct LocaleNameSource: Sendable {
    let locale: String
    let lists: NameLists
    let composition: NameComposition
    private let givenMale: WeightedTable<String>
    private let givenFemale: WeightedTable<String>
    private let middle: WeightedTable<String>
    private let family: WeightedTable<String>

    init(locale: String) {
        self.locale = locale
        lists = NameLists.load(locale: locale)
        composition = NameComposition.load(locale: locale, lists: lists)
        givenMale = WeightedTable(lists.givenMale)
        givenFemale = WeightedTable(lists.givenFemale.isEmpty ? lists.givenMale : lists.givenFemale)
        middle = WeightedTable(lists.middle)
        family = WeightedTable(lists.family)
    }

    /// Every list name (given and family), for vocabulary reports.
    var listSizes: (given: Int, family: Int) {
        (Set(lists.givenMale.map(\.0) + lists.givenFemale.map(\.0)).count, Set(lists.family.map(\.0)).count)
    }

    /// A person's name.
    func draw(female: Bool, _ random: inout SeededRandom) -> PersonName {
        PersonName(given: given(female: female, &random), family: familyName(female: female, &random), locale: locale, isFemale: female)
    }

    /// A given name.
    func given(female: Bool, _ random: inout SeededRandom) -> String {
        let table = female ? givenFemale : givenMale
        var roll = Double.random(in: 0..<1, using: &random)
        for (rule, share) in composition.given {
            guard roll < share else { roll -= share; continue }
            switch rule {
            case .givenCompound(let separator, let male, let femaleFirsts):
                let firsts = female ? femaleFirsts : male
                guard !firsts.isEmpty else { break }
                let first = random.pick(firsts)
                let second = table.draw(&random)
                if second != first, !second.contains(" "), !second.contains("-") { return first + separator + second }
            case .givenMiddle(let separator):
                guard !middle.isEmpty else { break }
                return middle.draw(&random) + separator + table.draw(&random)
            case .givenPieces(let male, let femalePieces):
                let pieces = female ? femalePieces : male
                guard pieces.count > 1 else { break }
                return random.pick(pieces) + random.pick(pieces)
            default: break
            }
            break
        }
        return table.draw(&random)
    }

    /// A family name, feminine where the locale makes it so.
    func familyName(female: Bool, _ random: inout SeededRandom) -> String {
        let name = masculineFamily(&random)
        return female ? composition.feminine(name) : name
    }

    private func masculineFamily(_ random: inout SeededRandom) -> String {
        var roll = Double.random(in: 0..<1, using: &random)
        for (rule, share) in composition.family {
            guard roll < share else { roll -= share; continue }
            switch rule {
            case .stem(let stems, let suffixes), .givenSuffix(let stems, let suffixes):
                guard !stems.isEmpty, !suffixes.isEmpty else { break }
                return random.pick(stems) + random.pick(suffixes)
            case .double(let separator):
                let first = family.draw(&random)
                let second = family.draw(&random)
                if first != second, !first.contains(" "), !second.contains(" ") { return first + separator + second }
            case .particle(let particles):
                guard !particles.isEmpty else { break }
                let particle = random.pick(particles)
                let base = family.drawUniform(&random)
                guard !base.contains(" ") else { break }
                return particle + (particle.hasSuffix("'") || particle.hasSuffix("-") ? "" : " ") + base
            case .prefixGiven(let prefixes):
                guard !prefixes.isEmpty else { break }
                let given = givenMale.drawUniform(&random)
                guard !given.contains(" ") else { break }
                return random.pick(prefixes) + given
            case .compound(let first, let second):
                guard !first.isEmpty, !second.isEmpty else { break }
                let head = random.pick(first)
                var tail = random.pick(second)
                // "Stein" + "stein": pick again once rather than write a doubled word.
                if head.lowercased().hasSuffix(tail) { tail = random.pick(second) }
                return head + tail
            default: break
            }
            break
        }
        return family.draw(&random)
    }
}
