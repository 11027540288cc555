/// A differential check of `PhoneFastPath` against libphonenumber: numbers generated from a seed
/// across regions, types and written forms go through both, and every answer of the fast path
/// must equal libphonenumber's (E.164, national number, extension, validity, type, region).
package struct PhoneFastPathDifferential: Sendable {
    /// The regions numbers are drawn from (the phone table of the tests and more).
    package static let regions = ["US", "CA", "GB", "DE", "FR", "IT", "AR", "MX", "BR", "IN", "JP", "AU", "RU", "CN", "ES",
                                  "NL", "CH", "BE", "SE", "PL", "IE", "PT", "AT", "NZ", "ZA", "SG", "HK", "KR", "TR", "IL"]

    /// The outcome of a run.
    package struct Outcome: Sendable {
        /// Numbers tried.
        package var total = 0
        /// Numbers the fast path answered (the rest went to libphonenumber).
        package var decided = 0
        /// Answers that differ from libphonenumber: (text, region, fast path, libphonenumber).
        package var mismatches: [(text: String, region: String, fast: String, library: String)] = []
        /// Decided numbers per form.
        package var decidedByForm: [String: (decided: Int, total: Int)] = [:]
        /// Numbers the fast path declined that libphonenumber parsed: their validity, type and
        /// region were also computed from the fast path's metadata (`PhoneNormalizer.libraryParse`).
        package var declinedChecked = 0
    }

    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    let fastPath: PhoneFastPath

    package init() {
        fastPath = .shared
    }

    /// The regions whose national prefix has a transform rule (AR, BR, JP, the NANP islands,
    /// the Crown Dependencies, …), where the fast path matches the prefix as libphonenumber's
    /// engine does (`NationalPrefixRule`).
    package static var transformRuleRegions: [String] {
        LibPhoneNumber.territories().filter { !$0.nationalPrefixTransformRule.isEmpty && $0.id != "001" }.map(\.id).sorted()
    }

    /// Runs `count` numbers from `seed`, drawn from `regions`.
    package func run(count: Int, seed: UInt64, regions: [String] = Self.regions) -> Outcome {
        var random = Generator(state: seed)
        var outcome = Outcome()
        let types: [PhoneNumberType] = [.fixedLine, .mobile, .tollFree, .premiumRate, .sharedCost, .voip, .personalNumber, .uan, .fixedLine, .mobile]
        var examples: [String: [String]] = [:]
        for region in regions {
            examples[region] = types.compactMap { PhoneNormalizer.exampleNumber(region: region, type: $0) }
        }
        let forms = ["e164", "international", "national", "idd", "nationalDigits", "local", "withoutPlus", "punctuated", "random", "extension"]
        for _ in 0..<count {
            let region = regions[random.below(regions.count)]
            guard let pool = examples[region], !pool.isEmpty else { continue }
            var e164 = Array(pool[random.below(pool.count)].utf8)
            // Randomize some trailing digits, sometimes change the length (invalid numbers).
            let changed = random.below(7)
            for offset in 0..<min(changed, e164.count - 3) { e164[e164.count - 1 - offset] = UInt8(48 + random.below(10)) }
            switch random.below(10) {
            case 0: e164.append(UInt8(48 + random.below(10)))
            case 1: e164.removeLast()
            default: break
            }
            let number = String(decoding: e164, as: UTF8.self)
            let form = forms[random.below(forms.count)]
            let parseRegion = random.below(5) == 0 ? regions[random.below(regions.count)] : region
            guard let text = write(number, form: form, region: region, random: &random) else { continue }
            outcome.total += 1
            var tally = outcome.decidedByForm[form] ?? (0, 0)
            tally.total += 1
            defer { outcome.decidedByForm[form] = tally }
            let library = LibPhoneNumber.parse(text, defaultRegion: parseRegion, withDetails: true)
            guard let fast = fastPath.normalize(text, region: parseRegion, withDetails: true) else {
                // Declined: libphonenumber parses, the compiled metadata gives the details.
                let hybrid = PhoneNormalizer.libraryParse(text, region: parseRegion, withDetails: true)
                if case .success = library { outcome.declinedChecked += 1 }
                if hybrid != library { outcome.mismatches.append((text, parseRegion, "libphonenumber parse + fast details \(hybrid)", "\(library)")) }
                continue
            }
            outcome.decided += 1
            tally.decided += 1
            guard case .success(let expected) = library, expected == fast else {
                outcome.mismatches.append((text, parseRegion, "\(fast)", "\(library)"))
                continue
            }
        }
        return outcome
    }

    /// Writes an E.164 number in one of the forms people and CRMs use.
    private func write(_ e164: String, form: String, region: String, random: inout Generator) -> String? {
        let digits = String(e164.dropFirst())
        guard let code = PhoneNormalizer.countryCode(forRegion: region) else { return nil }
        let national = String(digits.dropFirst(String(code).count))
        switch form {
        case "e164": return e164
        case "international": return PhoneNormalizer.format(e164: e164) ?? e164
        case "national": return PhoneNormalizer.format(e164: e164, national: true) ?? national
        case "idd":
            let prefixes = ["00", "011", "010", "810", "0011", "00 "]
            return prefixes[random.below(prefixes.count)] + " " + (PhoneNormalizer.format(e164: e164)?.dropFirst() ?? Substring(digits))
        case "nationalDigits": return national
        case "local":
            // Without its first one to four digits, as a number is written for local calls
            // ("555 0123" for "+1 473 555 0123" on Grenada, where the rule adds "473").
            return String(national.dropFirst(1 + random.below(4)))
        case "withoutPlus": return "\(code) \(national)"
        case "extension":
            // A national or international form with an extension: the labels and shapes
            // exports hold (`PhoneExtensionSuffix`), and some the fast path leaves to
            // libphonenumber (too many digits, other labels, no label, "/ x").
            let base = PhoneNormalizer.format(e164: e164, national: random.below(2) == 0) ?? e164
            let digits = String((0..<(1 + random.below(random.below(8) == 0 ? 22 : 6))).map { _ in Character(String(random.below(10))) })
            let shapes = [
                " ext. ", " Ext ", " EXT:", " ext ", " extn ", " extension ", ", ext. ", " x", " X ", "x", " x. ", " #", "#", " ext.-",
                ",,", ";ext=", " anexo ", " / x", " next ", " ", " - ", "\t x",
            ]
            let shape = shapes[random.below(shapes.count)]
            return base + shape + digits + (random.below(6) == 0 ? "#" : "")
        case "punctuated":
            let base = PhoneNormalizer.format(e164: e164, national: random.below(2) == 0) ?? e164
            let separators = [" ", "-", ".", "/", "  ", " - "]
            let separator = separators[random.below(separators.count)]
            var text = base.split(separator: " ").joined(separator: separator)
            if random.below(3) == 0, let space = base.firstIndex(of: " ") {
                text = "(" + base[..<space] + ") " + base[base.index(after: space)...]
            }
            return text
        default:
            // Random digit strings of plausible lengths, with or without "+".
            let length = 3 + random.below(14)
            let body = String((0..<length).map { _ in Character(String(random.below(10))) })
            return random.below(2) == 0 ? "+" + body : body
        }
    }
}

extension PhoneFastPathDifferential {
    /// Mean cost per number of the fast path and of libphonenumber (with details) over the
    /// same generated texts, in nanoseconds (a benchmark helper, not a test).
    package func costPerNumber(count: Int, seed: UInt64) -> (numbers: Int, fastDecided: Int, fastNanoseconds: Int, libraryNanoseconds: Int) {
        var random = Generator(state: seed)
        var inputs: [(String, String)] = []
        for _ in 0..<count {
            let region = Self.regions[random.below(Self.regions.count)]
            guard let e164 = PhoneNormalizer.exampleNumber(region: region, type: random.below(2) == 0 ? .mobile : .fixedLine) else { continue }
            var bytes = Array(e164.utf8)
            for offset in 0..<4 { bytes[bytes.count - 1 - offset] = UInt8(48 + random.below(10)) }
            let text = String(decoding: bytes, as: UTF8.self)
            let written = random.below(2) == 0 ? (PhoneNormalizer.format(e164: text, national: true) ?? text) : (PhoneNormalizer.format(e164: text) ?? text)
            inputs.append((written, region))
        }
        var decided = 0
        let fastStart = ContinuousClock.now
        for (text, region) in inputs where fastPath.normalize(text, region: region, withDetails: true) != nil { decided += 1 }
        let fast = ContinuousClock.now - fastStart
        let libraryStart = ContinuousClock.now
        var parsed = 0
        for (text, region) in inputs { if case .success = LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true) { parsed += 1 } }
        let library = ContinuousClock.now - libraryStart
        func nanoseconds(_ duration: Duration) -> Int {
            Int(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000) / max(inputs.count, 1)
        }
        return (inputs.count, decided, nanoseconds(fast), nanoseconds(library) + parsed * 0)
    }
}
