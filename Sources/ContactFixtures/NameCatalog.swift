import Foundation  // Bundle.module: resources need Foundation's Bundle

/// One name of a locale's list: as a CRM stores it, and as an agent types it on a US keyboard
/// (the accent-free form for Latin scripts, a common romanization for other scripts).
public struct NameEntry: Sendable, Hashable {
    /// The name as stored ("Müller", "Иванов", "王").
    public var native: String
    /// The name as typed in ASCII ("Muller", "Ivanov", "Wang").
    public var typed: String
}

/// The given and family names of one locale, read from `Resources/names/<locale>.tsv`.
public struct LocaleNames: Sendable {
    /// The locale code ("de", "ru", "zh").
    public var locale: String
    /// Given names.
    public var given: [NameEntry]
    /// Family names.
    public var family: [NameEntry]

    /// Whether names are written in Latin script (so the typed form is the name without accents).
    public var isLatinScript: Bool { NameCatalog.latinLocales.contains(locale) }
    /// Whether the family name comes first when the name is written out ("王小明", "山田 太郎").
    public var familyFirst: Bool { ["zh", "ja", "vi"].contains(locale) }
    /// Whether a romanized query should find these names through ICU's Any-Latin folding
    /// (false for Japanese kanji, which ICU reads as Mandarin).
    public var romanizationFolds: Bool { !isLatinScript && locale != "ja" }
}

/// The name lists shipped with the fixtures: 14 locales across Latin (with diacritics),
/// Cyrillic, Greek, Han, Japanese kanji, Devanagari and Arabic scripts.
public struct NameCatalog: Sendable {
    /// The Latin-script locales.
    static let latinLocales: Set<String> = ["en", "de", "nl", "fr", "es", "pl", "tr", "vi"]
    /// Every locale, in a fixed order.
    public static let localeCodes = ["en", "de", "nl", "fr", "es", "pl", "tr", "vi", "ru", "el", "zh", "ja", "hi", "ar"]

    /// The locales, in `localeCodes` order.
    public let locales: [LocaleNames]

    /// The shared catalog, read once from the bundle.
    public static let shared = NameCatalog()

    private init() {
        locales = Self.localeCodes.map { code in
            guard let url = Bundle.module.url(forResource: code, withExtension: "tsv", subdirectory: "names")
                ?? Bundle.module.url(forResource: code, withExtension: "tsv"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { fatalError("ContactFixtures: the resource names/\(code).tsv is missing from the bundle") }
            return Self.parse(locale: code, text: text)
        }
    }

    /// Parses "kind<TAB>native<TAB>typed" lines; "#" starts a comment line.
    static func parse(locale: String, text: String) -> LocaleNames {
        var names = LocaleNames(locale: locale, given: [], family: [])
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            let entry = NameEntry(native: fields[1], typed: fields[2])
            if fields[0] == "given" { names.given.append(entry) } else if fields[0] == "family" { names.family.append(entry) }
        }
        return names
    }
}
