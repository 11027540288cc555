import ContactIndex

/// A deterministic generator of a multi-locale contact directory: the same seed and count give
/// the same contacts on every machine.
///
/// Names come from `NameCatalog` (14 locales). English records take a nickname as their given
/// name now and then ("Bob Smith"), English, German and French ones a double-barrelled family
/// name ("Smith-Jones"), Dutch and Spanish ones carry particles ("van der Berg", "de la Cruz").
/// Chinese and Japanese records have a display name in native order ("王小明", "山田 太郎").
/// Ids are `C` and 8 digits; one record in ten is a lead.
///
/// Phones, emails and other fields are left to other files of this module.
public struct DirectoryGenerator: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The locales names are drawn from.
    public let catalog: NameCatalog

    /// Creates a generator.
    public init(seed: UInt64) {
        self.seed = seed
        self.catalog = .shared
    }

    /// The generated people, with the names they were made from.
    /// - Complexity: O(count).
    public func people(count: Int) -> [GeneratedPerson] {
        var random = SeededGenerator(seed: seed)
        let nicknames = NicknameTable.shared
        // English counts three times: the nickname and typo classes draw from it most.
        let weights = catalog.locales.map { $0.locale == "en" ? 3 : 1 }
        let totalWeight = weights.reduce(0, +)
        var people: [GeneratedPerson] = []
        people.reserveCapacity(count)
        for index in 0..<count {
            var pick = Int.random(in: 0..<totalWeight, using: &random)
            var localeIndex = 0
            while pick >= weights[localeIndex] { pick -= weights[localeIndex]; localeIndex += 1 }
            let names = catalog.locales[localeIndex]
            var given = names.given.randomElement(using: &random)!
            var family = names.family.randomElement(using: &random)!
            if names.locale == "en", Int.random(in: 0..<100, using: &random) < 15,
               let nickname = nicknames.related(to: given.typed.lowercased()).filter({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }).randomElement(using: &random) {
                let capitalized = nickname.prefix(1).uppercased() + nickname.dropFirst()
                given = NameEntry(native: capitalized, typed: capitalized)
            }
            if ["en", "de", "fr"].contains(names.locale), Int.random(in: 0..<100, using: &random) < 5 {
                let second = names.family.randomElement(using: &random)!
                if second != family, !family.native.contains("-"), !second.native.contains("-") {
                    family = NameEntry(native: family.native + "-" + second.native, typed: family.typed + "-" + second.typed)
                }
            }
            let displayName: String? = switch names.locale {
            case "zh": family.native + given.native
            case "ja": family.native + " " + given.native
            default: nil
            }
            let entity: ContactEntity = Int.random(in: 0..<10, using: &random) == 0 ? .lead : .contact
            let contact = Contact(
                id: Self.id(index), firstName: given.native, lastName: family.native,
                displayName: displayName, entity: entity, region: Self.region(names.locale)
            )
            people.append(GeneratedPerson(contact: contact, locale: names.locale, given: given, family: family))
        }
        return people
    }

    /// The generated contacts.
    /// - Complexity: O(count).
    public func contacts(count: Int) -> [Contact] {
        people(count: count).map(\.contact)
    }

    /// The id of the record at `index` ("C00000042").
    public static func id(_ index: Int) -> String {
        let digits = String(index)
        return "C" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func region(_ locale: String) -> String {
        switch locale {
        case "en": "US"
        case "de": "DE"
        case "nl": "NL"
        case "fr": "FR"
        case "es": "ES"
        case "pl": "PL"
        case "tr": "TR"
        case "vi": "VN"
        case "ru": "RU"
        case "el": "GR"
        case "zh": "CN"
        case "ja": "JP"
        case "hi": "IN"
        case "ar": "AE"
        default: "US"
        }
    }
}
