import ContactIndex

/// Makes labeled name queries over a generated directory, deterministically from a seed.
///
/// Labels come from the names the records were generated from, never from the matcher: a query
/// expects every record whose typed given and family names (lower-cased) equal the target's, or,
/// for prefixes and initials, every record whose names start that way.
public struct NameQueryGenerator: Sendable {
    private let people: [GeneratedPerson]
    private let seed: UInt64
    private let idsByNameKey: [String: Set<String>]
    private let peopleByFamily: [String: [Int]]
    private let vocabulary: Set<String>

    /// Creates a generator over these people (from `DirectoryGenerator.people(count:)`).
    public init(people: [GeneratedPerson], seed: UInt64) {
        self.people = people
        self.seed = seed
        var idsByNameKey: [String: Set<String>] = [:]
        var peopleByFamily: [String: [Int]] = [:]
        var vocabulary: Set<String> = []
        for (index, person) in people.enumerated() {
            idsByNameKey[person.nameKey, default: []].insert(person.contact.id)
            peopleByFamily[person.family.typed.lowercased(), default: []].append(index)
            for part in (person.given.typed + " " + person.family.typed).lowercased().split(whereSeparator: { !$0.isLetter }) {
                vocabulary.insert(String(part))
            }
        }
        for locale in NameCatalog.shared.locales {
            for entry in locale.given + locale.family {
                for part in entry.typed.lowercased().split(whereSeparator: { !$0.isLetter }) { vocabulary.insert(String(part)) }
            }
        }
        self.idsByNameKey = idsByNameKey
        self.peopleByFamily = peopleByFamily
        self.vocabulary = vocabulary
    }

    /// `count` queries of one class (fewer only when the directory has no record that fits).
    /// - Complexity: O(count) expected, plus O(n) for the classes that filter records.
    public func queries(_ queryClass: NameQueryClass, count: Int) -> [LabeledQuery] {
        var random = SeededGenerator(seed: seed &+ UInt64(NameQueryClass.allCases.firstIndex(of: queryClass)!) &* 0x1000_0001)
        let latin = people.indices.filter { NameCatalog.latinLocales.contains(people[$0].locale) }
        var out: [LabeledQuery] = []
        var attempts = 0
        while out.count < count, attempts < count * 50, !people.isEmpty {
            attempts += 1
            if let query = make(queryClass, latin: latin, random: &random) { out.append(query) }
        }
        return out
    }

    private func expected(_ person: GeneratedPerson) -> Set<String> { idsByNameKey[person.nameKey] ?? [] }

    private func make(_ queryClass: NameQueryClass, latin: [Int], random: inout SeededGenerator) -> LabeledQuery? {
        func pick(_ from: [Int]) -> GeneratedPerson? { from.randomElement(using: &random).map { people[$0] } }
        switch queryClass {
        case .exact:
            let person = people.randomElement(using: &random)!
            return LabeledQuery(text: person.given.native + " " + person.family.native, queryClass: .exact, expectedIDs: expected(person))
        case .folded:
            guard let person = pick(latin) else { return nil }
            var text = person.given.typed + " " + person.family.typed
            switch Int.random(in: 0..<3, using: &random) {
            case 0: text = text.lowercased()
            case 1: text = text.uppercased()
            default: break
            }
            return LabeledQuery(text: text, queryClass: .folded, expectedIDs: expected(person))
        case .swapped:
            let person = people.randomElement(using: &random)!
            let separator = Bool.random(using: &random) ? ", " : " "
            return LabeledQuery(text: person.family.native + separator + person.given.native, queryClass: .swapped, expectedIDs: expected(person))
        case .typo1, .typo2:
            guard let person = pick(latin) else { return nil }
            let given = person.given.typed.lowercased()
            let family = person.family.typed.lowercased()
            var tokens = [given, family]
            if queryClass == .typo1 {
                let candidates = tokens.indices.filter { tokens[$0].count >= 4 && tokens[$0].allSatisfy(\.isLetter) }
                guard let which = candidates.randomElement(using: &random) else { return nil }
                tokens[which] = Self.edit(tokens[which], random: &random)
            } else {
                let candidates = tokens.indices.filter { tokens[$0].allSatisfy(\.isLetter) }
                if let long = candidates.filter({ tokens[$0].count >= 8 }).randomElement(using: &random) {
                    tokens[long] = Self.edit(Self.edit(tokens[long], random: &random), random: &random)
                } else if candidates.count == 2, tokens.allSatisfy({ $0.count >= 4 }) {
                    tokens = tokens.map { Self.edit($0, random: &random) }
                } else {
                    return nil
                }
            }
            guard tokens != [given, family] else { return nil }
            return LabeledQuery(text: tokens.joined(separator: " "), queryClass: queryClass, expectedIDs: expected(person))
        case .prefix:
            guard let person = pick(latin) else { return nil }
            let given = person.given.typed.lowercased()
            let family = person.family.typed.lowercased()
            guard given.count >= 3, family.count >= 3 else { return nil }
            let givenPrefix = String(given.prefix(Int.random(in: 2...min(4, given.count - 1), using: &random)))
            let familyPrefix = String(family.prefix(Int.random(in: 3...min(5, family.count), using: &random)))
            let ids = Set(people.filter { $0.given.typed.lowercased().hasPrefix(givenPrefix) && $0.family.typed.lowercased().hasPrefix(familyPrefix) }.map(\.contact.id))
            return LabeledQuery(text: givenPrefix + " " + familyPrefix, queryClass: .prefix, expectedIDs: ids)
        case .initials:
            guard let person = pick(latin) else { return nil }
            let initial = String(person.given.typed.prefix(1)).uppercased()
            let family = person.family.typed.lowercased()
            let ids = Set((peopleByFamily[family] ?? []).map { people[$0] }.filter { $0.given.typed.uppercased().hasPrefix(initial) }.map(\.contact.id))
            let text = initial + (Bool.random(using: &random) ? ". " : " ") + person.family.typed
            return LabeledQuery(text: text, queryClass: .initials, expectedIDs: ids)
        case .nickname:
            guard let person = pick(people.indices.filter { people[$0].locale == "en" }) else { return nil }
            let given = person.given.typed.lowercased()
            let family = person.family.typed.lowercased()
            guard let other = NicknameTable.shared.related(to: given).filter({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }).randomElement(using: &random) else { return nil }
            var ids = expected(person)
            ids.formUnion(idsByNameKey[other + "|" + family] ?? [])
            let text = other.prefix(1).uppercased() + other.dropFirst() + " " + person.family.typed
            return LabeledQuery(text: text, queryClass: .nickname, expectedIDs: ids)
        case .transliterated:
            guard let person = pick(people.indices.filter { people[$0].locale != "ja" && !NameCatalog.latinLocales.contains(people[$0].locale) }) else { return nil }
            return LabeledQuery(text: person.given.typed + " " + person.family.typed, queryClass: .transliterated, expectedIDs: expected(person))
        case .unknown:
            let family = pseudoName(random: &random)
            guard !vocabulary.contains(family.lowercased()) else { return nil }
            let given: String
            if Bool.random(using: &random), let known = pick(latin) { given = known.given.typed } else { given = pseudoName(random: &random) }
            return LabeledQuery(text: given + " " + family, queryClass: .unknown, expectedIDs: [])
        }
    }

    /// A made-up name of three or four syllables ("Zorvellak").
    private func pseudoName(random: inout SeededGenerator) -> String {
        let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr", "kr", "st", "th", "zh", "qu"]
        let vowels = ["a", "e", "i", "o", "u", "ae", "ou", "y"]
        let codas = ["", "", "n", "r", "l", "k", "x", "ss"]
        var name = ""
        for _ in 0..<Int.random(in: 3...4, using: &random) {
            name += onsets.randomElement(using: &random)! + vowels.randomElement(using: &random)! + codas.randomElement(using: &random)!
        }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The word with one random typing error: a substitution, insertion, deletion or
    /// transposition of adjacent letters (never the word itself).
    static func edit(_ word: String, random: inout SeededGenerator) -> String {
        var letters = Array(word)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<20 {
            var candidate = letters
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                let at = Int.random(in: 0..<candidate.count, using: &random)
                candidate[at] = alphabet.randomElement(using: &random)!
            case 1:
                candidate.insert(alphabet.randomElement(using: &random)!, at: Int.random(in: 0...candidate.count, using: &random))
            case 2:
                guard candidate.count > 1 else { continue }
                candidate.remove(at: Int.random(in: 0..<candidate.count, using: &random))
            default:
                guard candidate.count > 1 else { continue }
                let at = Int.random(in: 0..<(candidate.count - 1), using: &random)
                candidate.swapAt(at, at + 1)
            }
            if candidate != letters { letters = candidate; break }
        }
        return String(letters)
    }
}
