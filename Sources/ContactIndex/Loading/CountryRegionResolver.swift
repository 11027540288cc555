/// Reads the country column of an export into the ISO 3166 alpha-2 region of the row's phone
/// numbers: "GB", "gbr", "United Kingdom", "Royaume-Uni" and "Deutschland" all work.
///
/// Names come from ICU's locale data (the region's name in English, French, German, Spanish,
/// Italian, Portuguese and Dutch, and in its own main language), compared blind to case, accents
/// and punctuation, never from a hand-typed table. Besides ICU's codes, only "UK" is added: ISO
/// reserves it for the United Kingdom and CRM users type it all the time.
struct CountryRegionResolver: Sendable {
    private let regionByKey: [String: String]

    /// The resolver, built once (about a few milliseconds of ICU calls).
    static let shared = CountryRegionResolver()

    private init() {
        var table: [String: String] = [:]
        let locales = ["en", "fr", "de", "es", "it", "pt", "nl"]
        for (alpha2, alpha3) in ICURegionNames.regionCodes() {
            guard LibPhoneNumber.isSupported(region: alpha2) else { continue }
            table[Self.key(alpha2)] = alpha2
            if !alpha3.isEmpty { table[Self.key(alpha3)] = alpha2 }
            for locale in locales {
                if let name = ICURegionNames.displayName(alpha2: alpha2, locale: locale) {
                    let key = Self.key(name)
                    if !key.isEmpty, table[key] == nil { table[key] = alpha2 }
                }
            }
        }
        table["uk"] = "GB"
        regionByKey = table
    }

    /// The region for a cell, or nil when the text names no region libphonenumber supports.
    /// - Complexity: O(n) in the text, one hash look-up.
    func region(for text: String) -> String? {
        let trimmed = Substring(text).trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return regionByKey[Self.key(trimmed)]
    }

    /// Lower-case ASCII letters and digits after ICU's folding to Latin ("Côte d’Ivoire" →
    /// "cotedivoire").
    static func key(_ text: some StringProtocol) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let folded = ascii ? String(text) : NameNormalizer.shared.fold(String(text))
        var out = [UInt8]()
        out.reserveCapacity(folded.utf8.count)
        for byte in folded.utf8 {
            if (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) { out.append(byte) }
            else if byte >= 65 && byte <= 90 { out.append(byte + 32) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
