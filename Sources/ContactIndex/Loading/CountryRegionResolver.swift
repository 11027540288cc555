/// Reads the country column of an export into the ISO 3166 alpha-2 region of the row's phone
/// numbers: "GB", "gbr", "United Kingdom", "Royaume-Uni", "Deutschland", "Korea, Republic of" and
/// "St Kitts & Nevis" all work.
///
/// Where the names come from, in order of preference:
/// 1. ICU: every region's alpha-2 and alpha-3 code, and its name in English, French, German,
///    Spanish, Italian, Portuguese and Dutch (CLDR's display names).
/// 2. `aliases`: a short table, only for the spellings CRM exports use that CLDR does not have:
///    the ISO 3166-1 short names that differ from CLDR's ("Russian Federation", "Iran, Islamic
///    Republic of", "Virgin Islands, British"), a few official or former names ("United States of
///    America", "Czech Republic", "Swaziland") and everyday ones ("UK", "England", "UAE"). An alias
///    never replaces a name ICU gives.
///
/// Names are compared blind to case, accents, punctuation and spacing (`key`), with "&" read as
/// "and", "Saint"/"Sainte" as "St"/"Ste" (CLDR writes "St. Lucia" and "Antigua & Barbuda", ISO
/// "Saint Lucia" and "Antigua and Barbuda") and a leading "The" dropped ("The Netherlands").
/// A name in ISO's current style, with the article or the form of state in brackets
/// ("Korea (the Republic of)"), is read as the names it stands for (`isoStyleReadings`), which
/// the table then resolves: no alias is needed for it.
/// Only regions libphonenumber supports are resolved, since the region is used to read phones.
/// A placeholder ("N/A", "-", "unknown": `isPlaceholder`) names no country, before that
/// punctuation-blind look-up can read "N/A" as "NA", Namibia.
///
/// `package`: the sidecar's `PUT /v1/contacts/{id}` reads a record's `region` as a CSV row's
/// country cell is read, so that the two ways in agree.
package struct CountryRegionResolver: Sendable {
    private let regionByKey: [String: String]

    /// The resolver, built once (about a few milliseconds of ICU calls).
    package static let shared = CountryRegionResolver()

    /// Spellings CLDR lacks, by region (see the type's comment). ISO 3166-1 short names are
    /// written as ISO writes them.
    static let aliases: [(name: String, region: String)] = [
        // ISO 3166-1 short names that CLDR spells differently.
        ("Bolivia, Plurinational State of", "BO"), ("Congo, The Democratic Republic of the", "CD"),
        ("Falkland Islands (Malvinas)", "FK"), ("Holy See (Vatican City State)", "VA"), ("Iran, Islamic Republic of", "IR"),
        ("Korea, Democratic People's Republic of", "KP"), ("Korea, Republic of", "KR"), ("Lao People's Democratic Republic", "LA"),
        ("Micronesia, Federated States of", "FM"), ("Moldova, Republic of", "MD"), ("Palestine, State of", "PS"),
        ("Pitcairn", "PN"), ("Russian Federation", "RU"), ("Saint Helena, Ascension and Tristan da Cunha", "SH"),
        ("Saint Martin (French part)", "MF"), ("Saint Vincent and the Grenadines", "VC"), ("Sint Maarten (Dutch part)", "SX"),
        ("Syrian Arab Republic", "SY"),
        ("Taiwan, Province of China", "TW"), ("Tanzania, United Republic of", "TZ"), ("Venezuela, Bolivarian Republic of", "VE"),
        ("Virgin Islands, British", "VG"), ("Virgin Islands, U.S.", "VI"), ("Viet Nam", "VN"),
        // ISO 3166-1 full names that neither CLDR nor the bracketed reading gives
        // (`isoStyleReadings`: "Netherlands (Kingdom of the)" reads "Kingdom of the Netherlands").
        ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("Kingdom of the Netherlands", "NL"),
        // Official and former names, and CLDR's alternative short forms, as CRMs hold them.
        ("United States of America", "US"), ("Republic of Korea", "KR"), ("Democratic People's Republic of Korea", "KP"),
        ("Democratic Republic of the Congo", "CD"), ("Congo (DRC)", "CD"), ("DR Congo", "CD"),
        ("Republic of the Congo", "CG"), ("Congo (Republic)", "CG"), ("Czech Republic", "CZ"), ("Turkey", "TR"), ("Türkiye", "TR"),
        ("Swaziland", "SZ"), ("Macedonia", "MK"), ("Burma", "MM"), ("Ivory Coast", "CI"), ("Cape Verde", "CV"),
        ("East Timor", "TL"), ("Holland", "NL"), ("Hong Kong", "HK"), ("Macao", "MO"), ("Macau", "MO"), ("Vatican", "VA"),
        ("Palestine", "PS"), ("State of Palestine", "PS"), ("Republic of Moldova", "MD"), ("United Republic of Tanzania", "TZ"),
        ("Lao PDR", "LA"), ("Laos", "LA"),
        // Everyday names.
        ("UK", "GB"), ("Great Britain", "GB"), ("Britain", "GB"), ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"),
        ("Northern Ireland", "GB"), ("U.S.", "US"), ("UAE", "AE"),
    ]

    private init() {
        var table: [String: String] = [:]
        let locales = ["en", "fr", "de", "es", "it", "pt", "nl"]
        var supported = Set<String>()
        for (alpha2, alpha3) in ICURegionNames.regionCodes() {
            guard LibPhoneNumber.isSupported(region: alpha2) else { continue }
            supported.insert(alpha2)
            table[Self.key(alpha2)] = alpha2
            if !alpha3.isEmpty { table[Self.key(alpha3)] = alpha2 }
            for locale in locales {
                if let name = ICURegionNames.displayName(alpha2: alpha2, locale: locale) {
                    let key = Self.key(name)
                    if !key.isEmpty, table[key] == nil { table[key] = alpha2 }
                }
            }
        }
        for (name, region) in Self.aliases where supported.contains(region) {
            let key = Self.key(name)
            if table[key] == nil { table[key] = region }
        }
        regionByKey = table
    }

    /// The region for a cell, or nil when the text names no region libphonenumber supports (or
    /// says there is none).
    /// - Complexity: O(n) in the text, one hash look-up.
    package func region(for text: String) -> String? {
        if case .region(let region) = reading(for: text) { return region }
        return nil
    }

    /// What a cell says: a region, no country (empty, or a placeholder such as "N/A"), or a
    /// name the resolver does not know.
    /// - Complexity: O(n) in the text, one hash look-up.
    func reading(for text: String) -> Reading {
        let trimmed = Substring(text).trimmingWhitespace()
        guard !trimmed.isEmpty, !Self.isPlaceholder(trimmed) else { return .noCountry }
        if let region = regionByKey[Self.key(trimmed)] { return .region(region) }
        for reading in Self.isoStyleReadings(of: trimmed) {
            if let region = regionByKey[Self.key(reading)] { return .region(region) }
        }
        return .unknown
    }

    /// The words of the name after ICU's folding to Latin, lower-case ASCII letters and digits
    /// only, run together: "&" reads "and", "saint"/"sainte" read "st"/"ste", and a leading "the"
    /// is dropped ("Côte d’Ivoire" → "cotedivoire", "St. Kitts & Nevis" → "stkittsandnevis").
    static func key(_ text: some StringProtocol) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let folded = ascii ? String(text) : NameNormalizer.shared.fold(String(text))
        var out = [UInt8]()
        out.reserveCapacity(folded.utf8.count)
        var word = [UInt8]()
        var words = 0
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            switch word {
            case Array("saint".utf8): out += Array("st".utf8)
            case Array("sainte".utf8): out += Array("ste".utf8)
            case Array("the".utf8) where words == 1: break
            default: out += word
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in folded.utf8 {
            if (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) {
                word.append(byte)
            } else if byte >= 65 && byte <= 90 {
                word.append(byte + 32)
            } else {
                endWord()
                if byte == UInt8(ascii: "&") {
                    words += 1
                    out += Array("and".utf8)
                }
            }
        }
        endWord()
        return String(decoding: out, as: UTF8.self)
    }
}
