import Foundation  // String.folding for the accents of Greek stems

/// How the long tail of a locale's names is made from its lists, read from
/// `Resources/composition/<locale>.tsv`. Real directories of a million people hold well over
/// 100,000 distinct family names; name lists hold a few hundred per locale. The rest is made the
/// way such names are made:
///
/// - `family.stem`: a family name of the list loses a typical ending (`strip=`) and takes another
///   (`m=`): "Kowal|ski" → "Kowal|czyk", "Παπαδ|όπουλος" → "Παπαδ|άκης", "Ross|i" → "Ross|elli".
/// - `family.given`: a patronymic, a given name and a suffix: "Peter" + "son", "Иван" + "ов".
/// - `family.double`: two family names, as Spanish and Portuguese people carry them ("García
///   López") or hyphenated ("Müller-Schmidt").
/// - `family.particle`: "van der", "de la", "von" before a family name.
/// - `family.prefix-given`: "Mc", "O'", "Fitz", Arabic "ال" or "بن " before a given name.
/// - `family.compound`: two words of the locale ("Kara" + "taş", "Lichten" + "berg").
/// - `given.compound`: "Jean-" or "María " before a given name.
/// - `given.middle`: a middle name before the given name (Vietnamese "Văn Nam").
/// - `given.chars` / `given.syllables`: a two-character Chinese or two-syllable Korean given
///   name made from the characters or syllables of the list.
/// - `feminine`: endings that change for women ("Иванов" → "Иванова", "Kowalski" → "Kowalska").
///
/// Each rule has a share: the probability that a drawn name is made by it (the rest comes from
/// the list by popularity). Composed names draw their parts uniformly, which gives the long tail.
struct NameComposition: Sendable {
    enum Rule: Sendable {
        case stem(stems: [String], suffixes: [String])
        case givenSuffix(stems: [String], suffixes: [String])
        case double(separator: String)
        case particle([String])
        case prefixGiven([String])
        case compound(first: [String], second: [String])
        case givenCompound(separator: String, male: [String], female: [String])
        case givenMiddle(separator: String)
        case givenPieces(male: [String], female: [String])
    }

    /// Family-name rules with their shares.
    var family: [(Rule, Double)] = []
    /// Given-name rules with their shares.
    var given: [(Rule, Double)] = []
    /// Feminine endings, longest first.
    var feminine: [(String, String)] = []

    /// Reads a locale's rules; `lists` supplies the stems.
    static func load(locale: String, lists: NameLists) -> NameComposition {
        var composition = NameComposition()
        guard ResourceText.exists("composition/\(locale).tsv") else { return composition }
        for row in ResourceText.rows("composition/\(locale).tsv") where row.count >= 2 {
            let share = Double(row[1]) ?? 0
            var options: [String: [String]] = [:]
            for field in row.dropFirst(2) {
                guard let equals = field.firstIndex(of: "=") else { continue }
                let values = field[field.index(after: equals)...].split(separator: ",").map(String.init)
                options[String(field[..<equals])] = values
            }
            let separator = options["sep"]?.first ?? (row.contains("sep= ") ? " " : "")
            switch row[0] {
            case "family.stem":
                let strip = (options["strip"] ?? []).sorted { $0.count > $1.count }
                let unaccent = options["unaccent"]?.first == "1"
                var stems = Set<String>()
                for (name, _) in lists.family {
                    guard let ending = strip.first(where: { name.hasSuffix($0) }) else { continue }
                    var stem = String(name.dropLast(ending.count))
                    if unaccent { stem = stem.folding(options: .diacriticInsensitive, locale: nil) }
                    if stem.count >= 3, !stem.contains(" ") { stems.insert(stem) }
                }
                if !stems.isEmpty { composition.family.append((.stem(stems: stems.sorted(), suffixes: options["m"] ?? []), share)) }
            case "family.given":
                let strip = (options["strip"] ?? []).sorted { $0.count > $1.count }
                var stems = Set<String>()
                for (name, _) in lists.givenMale where !name.contains(" ") && !name.contains("-") {
                    let ending = strip.first(where: { name.hasSuffix($0) }) ?? ""
                    let stem = String(name.dropLast(ending.count))
                    if stem.count >= 3 { stems.insert(stem) }
                }
                composition.family.append((.givenSuffix(stems: stems.sorted(), suffixes: options["m"] ?? []), share))
            case "family.double": composition.family.append((.double(separator: separator), share))
            case "family.particle": composition.family.append((.particle(options["list"] ?? []), share))
            case "family.prefix-given": composition.family.append((.prefixGiven(options["list"] ?? []), share))
            case "family.compound":
                composition.family.append((.compound(first: options["first"] ?? [], second: options["second"] ?? []), share))
            case "given.compound":
                composition.given.append((.givenCompound(separator: separator, male: options["m"] ?? [], female: options["f"] ?? []), share))
            case "given.middle": composition.given.append((.givenMiddle(separator: separator), share))
            case "given.chars", "given.syllables":
                func pieces(_ names: [(String, Double)]) -> [String] {
                    Array(Set(names.flatMap { $0.0.map(String.init) }.filter { $0 != " " })).sorted()
                }
                composition.given.append((.givenPieces(male: pieces(lists.givenMale), female: pieces(lists.givenFemale)), share))
            case "feminine":
                composition.feminine = (options["pairs"] ?? []).compactMap { pair in
                    let parts = pair.split(separator: ">").map(String.init)
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }.sorted { $0.0.count > $1.0.count }
            default: continue
            }
        }
        return composition
    }

    /// The feminine form of a family name (each part of a double name).
    func feminine(_ name: String) -> String {
        guard !feminine.isEmpty else { return name }
        let separator: Character? = name.contains("-") ? "-" : (name.contains(" ") ? " " : nil)
        guard let separator else { return feminineWord(name) }
        return name.split(separator: separator).map { feminineWord(String($0)) }.joined(separator: String(separator))
    }

    private func feminineWord(_ word: String) -> String {
        for (masculine, female) in feminine where word.hasSuffix(masculine) && word.count > masculine.count + 1 {
            return String(word.dropLast(masculine.count)) + female
        }
        return word
    }
}
