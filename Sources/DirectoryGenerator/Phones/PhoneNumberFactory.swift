import ContactIndex

/// Makes phone numbers that libphonenumber calls valid, for any region it has metadata for, and
/// writes them the many ways CRMs hold them.
///
/// Numbers start from libphonenumber's example number of the region and type (fixed line,
/// mobile): the leading digits that decide the number's range are kept, the rest drawn at
/// random, and the result is kept only when libphonenumber says it is a valid number of that
/// region (`PhoneNormalizer`, whose fast path answers this in about a microsecond). How many
/// leading digits to keep is found once per region: the fewest that keep at least one in five
/// drawn numbers valid.
public struct PhoneNumberFactory: Sendable {
    /// The kind of line.
    public enum Line: Sendable { case fixed, mobile }

    struct Template: Sendable {
        var countryCode: String
        var national: [UInt8]
        var keep: Int
    }

    private let templates: [String: [Line: Template]]
    private let checker = PhoneNormalizer(defaultRegion: nil)

    /// Prepares the regions.
    public init(regions: some Sequence<String>) {
        var templates: [String: [Line: Template]] = [:]
        let checker = PhoneNormalizer(defaultRegion: nil)
        for region in Set(regions).sorted() {
            for (line, type) in [(Line.fixed, PhoneNumberType.fixedLine), (.mobile, .mobile)] {
                guard let example = PhoneNormalizer.exampleNumber(region: region, type: type)
                        ?? PhoneNormalizer.exampleNumber(region: region, type: .fixedLineOrMobile),
                      let code = PhoneNormalizer.countryCode(forRegion: region)
                else { continue }
                let codeText = String(code)
                let national = Array(example.utf8.dropFirst(1 + codeText.utf8.count))
                var template = Template(countryCode: codeText, national: national, keep: national.count)
                var random = SeededRandom(seed: 0x5EED, stream: UInt64(region.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }), index: line == .fixed ? 1 : 2)
                for keep in 1..<max(national.count - 2, 2) {
                    template.keep = keep
                    var valid = 0
                    for _ in 0..<40 where Self.isValid(Self.draw(template, &random), region: region, checker: checker) { valid += 1 }
                    if valid >= 8 { break }
                }
                templates[region, default: [:]][line] = template
            }
        }
        self.templates = templates
    }

    /// A valid number of the region in E.164, or nil when libphonenumber has no example for it.
    public func number(region: String, line: Line, _ random: inout SeededRandom) -> String? {
        guard let byLine = templates[region], let template = byLine[line] ?? byLine.values.first else { return nil }
        for _ in 0..<40 {
            let candidate = Self.draw(template, &random)
            if Self.isValid(candidate, region: region, checker: checker) { return candidate }
        }
        return "+" + template.countryCode + String(decoding: template.national, as: UTF8.self)
    }

    private static func draw(_ template: Template, _ random: inout SeededRandom) -> String {
        var digits = template.national
        for index in template.keep..<digits.count { digits[index] = UInt8(48 + Int.random(in: 0...9, using: &random)) }
        return "+" + template.countryCode + String(decoding: digits, as: UTF8.self)
    }

    private static func isValid(_ e164: String, region: String, checker: PhoneNormalizer) -> Bool {
        guard case .success(let parsed) = checker.normalize(e164, region: nil, withDetails: true), let details = parsed.details else { return false }
        return details.isValid && parsed.e164 == e164 && (details.region == nil || details.region == region)
    }
}
