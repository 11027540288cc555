/// Normalizes the common written forms of phone numbers without calling libphonenumber, with
/// libphonenumber's own metadata compiled into automata, and gives the same answer it would:
/// the same E.164, national number, validity, type and region.
///
/// It follows libphonenumber's parse step by step (extract the number, strip a `+` or the region's
/// IDD prefix and read the country code, or take the default region's code, possibly written
/// without `+`; strip the national prefix when the metadata's rules allow it; check lengths), and
/// its validation (the region among those sharing the code, then the number type by the order of
/// the type patterns). Each pattern of the metadata is a `DigitAutomaton`, built once.
///
/// An extension at the end in the forms exports hold ("ext. 359", "x106", "#482") is split off
/// as libphonenumber splits it (`PhoneExtensionSuffix`), and the number before it read as a
/// number without one.
///
/// It declines (returns nil, and the caller asks libphonenumber) whenever it cannot be sure:
/// letters (vanity numbers, other extension forms), characters other than digits, spaces and `-./()`, `+`
/// anywhere but the start, fewer than 3 digits, a pattern that does not compile, and any input
/// libphonenumber would reject with an error. National prefixes with a transform rule (AR, BR
/// with carrier codes, the NANP islands) or that can end at two places are matched as
/// libphonenumber's engine matches them (`NationalPrefixRule`).
/// `PhoneFastPathDifferentialTests` and `make phone-differential` check it against libphonenumber.
struct PhoneFastPath: Sendable {
    private let territories: [LazyTerritory]
    private let territoryByRegion: [String: Int]
    /// Territory indices by country calling code, the main region first.
    private let territoriesByCode: [[Int]]
    /// The national (trunk) prefix of each calling code's regions, by code, when they all have
    /// the same non-empty one (see `nationalPrefix(countryCode:)`).
    private let nationalPrefixByCode: [String?]

    /// The fast path over the metadata libphonenumber ships; each territory is compiled the
    /// first time a number needs it.
    static let shared = PhoneFastPath(metadata: LibPhoneNumber.territories())

    init(metadata: [PhoneTerritoryMetadata]) {
        territories = metadata.map(LazyTerritory.init)
        var byRegion: [String: Int] = [:]
        var byCode = [[Int]](repeating: [], count: 1000)
        for (index, territory) in metadata.enumerated() where territory.countryCode > 0 && territory.countryCode < 1000 {
            if territory.id != "001" { byRegion[territory.id] = index }
            if territory.isMainCountryForCode { byCode[territory.countryCode].insert(index, at: 0) } else { byCode[territory.countryCode].append(index) }
        }
        territoryByRegion = byRegion
        territoriesByCode = byCode
        nationalPrefixByCode = byCode.map { indices in
            let prefixes = Set(indices.map { metadata[$0].nationalPrefix })
            guard prefixes.count == 1, let prefix = prefixes.first, !prefix.isEmpty else { return nil }
            return prefix
        }
    }

    /// The national (trunk) prefix the numbers of a calling code are dialled with at home, from
    /// libphonenumber's metadata: "0" for 44 and 49, "8" for 7, "06" for 36, "1" for the NANP's 1;
    /// nil when the code's regions have none (39, Italy) or, across the regions sharing the code,
    /// not one (none in 8.12.57's metadata). What a number written nationally in another
    /// region's row starts with ("07911 123457" for +44 7911 123457).
    /// - Complexity: O(1).
    func nationalPrefix(countryCode: Int) -> String? {
        guard countryCode > 0, countryCode < nationalPrefixByCode.count else { return nil }
        return nationalPrefixByCode[countryCode]
    }

    /// Territories whose patterns all compiled, and all territories.
    var compiledCount: (usable: Int, total: Int) { (territories.count(where: { $0.compiled.isUsable }), territories.count) }

    /// The number as libphonenumber would parse it (with validity, type and region when
    /// `withDetails`), or nil when the fast path cannot decide.
    /// - Complexity: O(n) in the text, a few automaton passes over at most 17 digits.
    func normalize(_ text: String, region: String?, withDetails: Bool) -> NormalizedPhone? {
        var text = text
        return text.withUTF8 { normalize(bytes: $0, region: region, withDetails: withDetails)?.normalizedPhone }
    }

    /// The number in UTF-8 bytes as libphonenumber would parse it, as digits (no strings), or nil
    /// when the fast path cannot decide.
    /// - Complexity: O(n) in the bytes, a few automaton passes over at most 17 digits.
    func normalize(bytes: UnsafeBufferPointer<UInt8>, region: String?, withDetails: Bool) -> FastNumber? {
        guard bytes.count <= 64 else { return nil }
        if let number = normalize(numberBytes: bytes, region: region, withDetails: withDetails) { return number }
        guard let (number, digits) = PhoneExtensionSuffix.split(bytes),
              var parsed = normalize(numberBytes: UnsafeBufferPointer(rebasing: bytes[number]), region: region, withDetails: withDetails)
        else { return nil }
        parsed.extension = String(decoding: UnsafeBufferPointer(rebasing: bytes[digits]), as: UTF8.self)
        return parsed
    }

    /// `normalize(bytes:region:withDetails:)` for text without an extension.
    private func normalize(numberBytes bytes: UnsafeBufferPointer<UInt8>, region: String?, withDetails: Bool) -> FastNumber? {
        // The digits, then room for two rewritten national numbers (`NationalPrefixRule`).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 + 2 * Self.rewriteCapacity) { buffer -> FastNumber? in
            var count = 0
            var hasPlus = false
            for byte in bytes {
                switch byte {
                case 48...57:
                    buffer[count] = byte &- 48
                    count += 1
                case UInt8(ascii: "+"):
                    guard count == 0, !hasPlus else { return nil }
                    hasPlus = true
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"):
                    continue
                default:
                    return nil
                }
            }
            guard count >= 3 else { return nil }
            let digits = UnsafeBufferPointer(rebasing: buffer[0..<count])
            let rewrites = (
                UnsafeMutableBufferPointer(rebasing: buffer[64..<(64 + Self.rewriteCapacity)]),
                UnsafeMutableBufferPointer(rebasing: buffer[(64 + Self.rewriteCapacity)...]))
            return parse(digits, hasPlus: hasPlus, region: region, withDetails: withDetails, rewrites: rewrites)
        }
    }

    /// The most digits a national number rewritten by a transform rule may have here.
    private static let rewriteCapacity = 96

    private func parse(
        _ digits: UnsafeBufferPointer<UInt8>, hasPlus: Bool, region: String?, withDetails: Bool,
        rewrites: (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>)
    ) -> FastNumber? {
        var countryCode = 0
        var candidate = digits
        var metadataIndex: Int
        if hasPlus {
            guard let (code, rest) = extractCountryCode(digits) else { return nil }
            countryCode = code
            candidate = rest
            metadataIndex = territoriesByCode[code][0]
        } else {
            guard let region, let regionIndex = territoryByRegion[region] else { return nil }
            let home = territories[regionIndex].compiled
            guard home.isUsable else { return nil }
            var stripped = false
            if home.internationalPrefix >= 0 {
                var ends = (0, 0, count: 0)
                home.matchEnds(home.internationalPrefix, digits, into: &ends)
                if ends.count > 1 { return nil }
                if ends.count == 1, !(ends.0 < digits.count && digits[ends.0] == 0) {
                    stripped = true
                    let rest = UnsafeBufferPointer(rebasing: digits[ends.0...])
                    guard let (code, afterCode) = extractCountryCode(rest) else { return nil }
                    countryCode = code
                    candidate = afterCode
                }
            }
            if stripped {
                metadataIndex = territoriesByCode[countryCode][0]
            } else {
                countryCode = home.countryCode
                metadataIndex = regionIndex
                let codeDigits = Self.digitCount(countryCode)
                if digits.count > codeDigits, Self.value(UnsafeBufferPointer(rebasing: digits[0..<codeDigits])) == countryCode {
                    let afterCode = UnsafeBufferPointer(rebasing: digits[codeDigits...])
                    guard let withoutPrefix = stripNationalPrefix(afterCode, territory: home, output: rewrites.0) else { return nil }
                    if (!home.matchesGeneralPattern(digits) && home.matchesGeneralPattern(withoutPrefix)) || home.testLength(digits.count) == .tooLong {
                        candidate = withoutPrefix
                        metadataIndex = territoriesByCode[countryCode][0]
                    }
                }
            }
        }
        guard candidate.count >= 2 else { return nil }
        let metadata = territories[metadataIndex].compiled
        guard metadata.isUsable else { return nil }
        guard let stripped = stripNationalPrefix(candidate, territory: metadata, output: rewrites.1) else { return nil }
        switch metadata.testLength(stripped.count) {
        case .tooShort, .possibleLocalOnly, .invalidLength: break
        case .possible, .tooLong: candidate = stripped
        }
        guard candidate.count >= 2, candidate.count <= 17, candidate.contains(where: { $0 != 0 }) else { return nil }
        var details: NormalizedPhone.Details? = nil
        if withDetails {
            guard let computed = self.details(countryCode: countryCode, nationalNumber: candidate) else { return nil }
            details = computed
        }
        var national: UInt64 = 0
        for digit in candidate { national = national * 10 + UInt64(digit) }
        return FastNumber(countryCode: countryCode, nationalDigits: national, nationalDigitCount: candidate.count, details: details)
    }

    /// Validity, type and region of a number libphonenumber parsed (country code and national
    /// significant number, with its Italian leading zeros), as its `IsValidNumber`,
    /// `GetNumberType` and `GetRegionCodeForNumber` give them: those depend only on these two.
    /// Nil when the national number is not 1 to 17 ASCII digits or a territory involved did not
    /// compile (ask libphonenumber then).
    /// - Complexity: a few automaton passes over at most 17 digits.
    func details(countryCode: Int, nationalNumber: String) -> NormalizedPhone.Details? {
        guard countryCode > 0, countryCode < territoriesByCode.count else { return nil }
        var text = nationalNumber
        return text.withUTF8 { bytes -> NormalizedPhone.Details? in
            guard !bytes.isEmpty, bytes.count <= 17, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { digits in
                for (index, byte) in bytes.enumerated() { digits[index] = byte &- 48 }
                return details(countryCode: countryCode, nationalNumber: UnsafeBufferPointer(digits))
            }
        }
    }

    /// Validity, type and region, as libphonenumber's `IsValidNumber`, `GetNumberType` and
    /// `GetRegionCodeForNumber`; nil when a territory involved did not compile.
    private func details(countryCode: Int, nationalNumber: UnsafeBufferPointer<UInt8>) -> NormalizedPhone.Details? {
        let candidates = territoriesByCode[countryCode]
        guard !candidates.isEmpty else { return nil }
        var found: Int? = nil
        if candidates.count == 1 {
            found = candidates[0]
        } else {
            for index in candidates {
                let territory = territories[index].compiled
                guard territory.isUsable else { return nil }
                if territory.leadingDigits >= 0 {
                    if territory.matchesPrefix(territory.leadingDigits, nationalNumber) { found = index; break }
                } else if territory.numberType(nationalNumber) != .unknown {
                    found = index
                    break
                }
            }
        }
        guard let found else { return .init(isValid: false, type: .unknown, region: nil) }
        let territory = territories[found].compiled
        guard territory.isUsable else { return nil }
        let type = territory.numberType(nationalNumber)
        return .init(isValid: type != .unknown, type: type, region: territory.id)
    }

    /// libphonenumber's `ExtractCountryCode`: the first 1–3 digits that are an assigned code.
    private func extractCountryCode(_ digits: UnsafeBufferPointer<UInt8>) -> (Int, UnsafeBufferPointer<UInt8>)? {
        guard digits.count > 2, digits[0] != 0 else { return nil }
        var code = 0
        for length in 1...3 where length <= digits.count {
            code = code * 10 + Int(digits[length - 1])
            if !territoriesByCode[code].isEmpty { return (code, UnsafeBufferPointer(rebasing: digits[length...])) }
        }
        return nil
    }

    /// libphonenumber's `MaybeStripNationalPrefixAndCarrierCode`: the number without its
    /// national prefix (a suffix of `number`, or written to `output` when a transform rule
    /// rewrote it), `number` itself when nothing is stripped, or nil when only libphonenumber
    /// can tell.
    private func stripNationalPrefix(
        _ number: UnsafeBufferPointer<UInt8>, territory: CompiledTerritory, output: UnsafeMutableBufferPointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8>? {
        guard !number.isEmpty, territory.nationalPrefixForParsing >= 0 else { return number }
        var ends = (0, 0, count: 0)
        territory.matchEnds(territory.nationalPrefixForParsing, number, into: &ends)
        if ends.count == 0 { return number }
        // Only the empty prefix matches (AR's optional prefix before "+54 9 11 …"): nothing is
        // captured, so libphonenumber applies no transform and strips nothing.
        if ends.count == 1, ends.0 == 0 { return number }
        if territory.hasTransformRule || ends.count > 1 {
            // The match libphonenumber's engine takes, and the transform from its groups.
            guard let rule = territory.nationalPrefixRule else { return nil }
            let fitsGeneral = { (digits: UnsafeBufferPointer<UInt8>) in territory.matchesGeneralPattern(digits) }
            guard let count = rule.apply(to: number, output: output, fitsGeneral: fitsGeneral) else { return number }
            guard count >= 0 else { return nil }
            return UnsafeBufferPointer(rebasing: output[0..<count])
        }
        let end = ends.0
        if territory.matchesGeneralPattern(number), !territory.matchesGeneralPattern(UnsafeBufferPointer(rebasing: number[end...])) {
            return number
        }
        return UnsafeBufferPointer(rebasing: number[end...])
    }

    private static func digitCount(_ value: Int) -> Int { value >= 100 ? 3 : value >= 10 ? 2 : 1 }

    private static func value(_ digits: UnsafeBufferPointer<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1) }
    }
}
