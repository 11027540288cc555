import CPhoneNumber

/// One territory of the metadata libphonenumber ships, as plain Swift values.
struct PhoneTerritoryMetadata: Sendable {
    /// One number description: a national-number pattern and the lengths it allows.
    struct Description: Sendable {
        var pattern: String
        var possibleLengths: [Int]
        var localOnlyLengths: [Int]
    }

    var id: String
    var countryCode: Int
    var isMainCountryForCode: Bool
    var sameMobileAndFixedLinePattern: Bool
    var internationalPrefix: String
    var preferredInternationalPrefix: String
    var nationalPrefix: String
    var nationalPrefixForParsing: String
    var nationalPrefixTransformRule: String
    var leadingDigits: String
    /// By `CPN_DESC_*` index (general, fixed line, mobile, toll free, premium rate, shared cost,
    /// personal number, VoIP, pager, UAN, voicemail); nil where the territory has none.
    var descriptions: [Description?]
}

extension LibPhoneNumber {
    /// Every territory of the shipped metadata, in its order (about 250).
    static func territories() -> [PhoneTerritoryMetadata] {
        let count = CPN_metadata_territory_count()
        return (0..<count).map { index in
            func text(_ field: Int32) -> String {
                let length = CPN_metadata_text(index, field, nil, 0)
                guard length > 0 else { return "" }
                var buffer = [CChar](repeating: 0, count: Int(length) + 1)
                _ = CPN_metadata_text(index, field, &buffer, length + 1)
                return String(cBuffer: buffer)
            }
            func description(_ kind: Int32) -> PhoneTerritoryMetadata.Description? {
                var lengths = [Int32](repeating: 0, count: 32)
                var local = [Int32](repeating: 0, count: 32)
                var lengthCount: Int32 = 0
                var localCount: Int32 = 0
                let needed = CPN_metadata_desc(index, kind, nil, 0, &lengths, &lengthCount, &local, &localCount)
                guard needed >= 0 else { return nil }
                var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
                _ = CPN_metadata_desc(index, kind, &buffer, needed + 1, &lengths, &lengthCount, &local, &localCount)
                return .init(
                    pattern: String(cBuffer: buffer),
                    possibleLengths: lengths.prefix(Int(lengthCount)).map(Int.init),
                    localOnlyLengths: local.prefix(Int(localCount)).map(Int.init))
            }
            return PhoneTerritoryMetadata(
                id: text(Int32(CPN_META_ID)),
                countryCode: Int(CPN_metadata_int(index, Int32(CPN_META_COUNTRY_CODE))),
                isMainCountryForCode: CPN_metadata_int(index, Int32(CPN_META_MAIN_COUNTRY_FOR_CODE)) == 1,
                sameMobileAndFixedLinePattern: CPN_metadata_int(index, Int32(CPN_META_SAME_MOBILE_AND_FIXED_LINE_PATTERN)) == 1,
                internationalPrefix: text(Int32(CPN_META_INTERNATIONAL_PREFIX)),
                preferredInternationalPrefix: text(Int32(CPN_META_PREFERRED_INTERNATIONAL_PREFIX)),
                nationalPrefix: text(Int32(CPN_META_NATIONAL_PREFIX)),
                nationalPrefixForParsing: text(Int32(CPN_META_NATIONAL_PREFIX_FOR_PARSING)),
                nationalPrefixTransformRule: text(Int32(CPN_META_NATIONAL_PREFIX_TRANSFORM_RULE)),
                leadingDigits: text(Int32(CPN_META_LEADING_DIGITS)),
                descriptions: (0..<11).map { description(Int32($0)) })
        }
    }
}
