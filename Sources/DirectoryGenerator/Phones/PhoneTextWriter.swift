import ContactIndex

/// Writes a number the way people and CRMs store it: national with the trunk prefix
/// ("030 1234567", "(650) 555-1234"), international ("+49 30 1234567", "+44 (0)20 …"),
/// E.164, with the international call prefix of the contact's country ("00 49 …", "011 44 …"),
/// other punctuation ("650.555.1234", "030/1234567"), and extensions ("x12", "ext. 7").
///
/// Texts are read back with libphonenumber under the contact's region (every hand-made variant,
/// a quarter of the texts libphonenumber formatted itself); a text that does not give the same
/// number back is replaced by the international format (and counted), so the stored data stays
/// faithful to the number drawn.
public struct PhoneTextWriter: Sendable {
    /// Texts that did not read back and were replaced, and texts checked, for the report.
    public struct Tally: Sendable {
        /// Texts checked.
        public var checked = 0
        /// Texts replaced by the international format.
        public var replaced = 0
        /// A few replaced texts, for the report.
        public var samples: [String] = []
        /// Creates an empty tally.
        public init() {}
    }

    private let formats = PhoneFormatCache()

    /// Creates a writer.
    public init() {}

    /// A messy text for `e164`, stored for a contact of `contactRegion`.
    public func text(e164: String, contactRegion: String, allowExtension: Bool, tally: inout Tally, _ random: inout SeededRandom) -> String {
        guard let parsed = PhoneNormalizer.fastE164(e164) else { return e164 }
        let codeLength = String(parsed.countryCode).utf8.count
        let international = formats.format(e164: e164, countryCodeLength: codeLength, national: false) ?? e164
        let domestic = PhoneNormalizer.countryCode(forRegion: contactRegion) == parsed.countryCode
        var text: String
        // Texts taken as libphonenumber formats them are read back one time in four (the
        // format templates of `PhoneFormatCache` are checked that way); E.164 always parses;
        // every other text is read back.
        var check = true
        let roll = Double.random(in: 0..<1, using: &random)
        if domestic {
            let national = formats.format(e164: e164, countryCodeLength: codeLength, national: true) ?? international
            switch roll {
            case ..<0.30: text = national; check = random.chance(0.25)
            case ..<0.45: text = repunctuated(national, &random)
            case ..<0.60: text = international; check = random.chance(0.25)
            case ..<0.72: text = e164; check = false
            case ..<0.80: text = withInternationalPrefix(international, region: contactRegion, &random)
            case ..<0.86: text = withTrunkInBrackets(international, national: national, nationalDigits: parsed.nationalNumber.utf8.count)
            default: text = repunctuated(international, &random)
            }
        } else {
            switch roll {
            case ..<0.40: text = international; check = random.chance(0.25)
            case ..<0.65: text = e164; check = false
            case ..<0.85: text = withInternationalPrefix(international, region: contactRegion, &random)
            default: text = repunctuated(international, &random)
            }
        }
        if allowExtension, random.chance(0.06) {
            let digits = String(Int.random(in: 1...999, using: &random))
            text += random.pick([" x", " x", " ext. ", " ext ", " Ext. ", " #"]) + digits
            check = true
        }
        guard check else { return text }
        tally.checked += 1
        if readsBack(text, as: e164, region: contactRegion) { return text }
        tally.replaced += 1
        if tally.samples.count < 40 { tally.samples.append("\(text) [\(contactRegion)] for \(e164)") }
        return international
    }

    private func readsBack(_ text: String, as e164: String, region: String) -> Bool {
        guard case .success(let parsed) = PhoneNormalizer(defaultRegion: region).normalize(text, withDetails: false) else { return false }
        return parsed.e164 == e164
    }

    /// Other separators: dots, dashes, slashes, none.
    private func repunctuated(_ text: String, _ random: inout SeededRandom) -> String {
        let separator = random.pick([".", "-", "", "/", "  "])
        var out = ""
        var previousWasSpace = false
        for character in text {
            if character == " " || character == "-" {
                if !previousWasSpace { out += separator }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if character == "(" || character == ")" { continue }
            out.append(character)
        }
        return out
    }

    /// "+49 30 1234567" → "00 49 30 1234567" (or "0049 …") with the contact country's prefix.
    private func withInternationalPrefix(_ international: String, region: String, _ random: inout SeededRandom) -> String {
        let prefix = Country.all[region]?.internationalPrefix ?? "00"
        return prefix + (random.chance(0.7) ? " " : "") + international.dropFirst()
    }

    /// "+44 20 7946 0958" with the national "020…" → "+44 (0)20 7946 0958", as Europeans write it.
    private func withTrunkInBrackets(_ international: String, national: String, nationalDigits: Int) -> String {
        // Only where the "0" is a trunk prefix, not the number's own first digit (Italy).
        guard national.hasPrefix("0"), national.utf8.count(where: { $0 >= 48 && $0 <= 57 }) == nationalDigits + 1,
              let space = international.firstIndex(of: " ")
        else { return international }
        return international[..<space] + " (0)" + international[international.index(after: space)...]
    }
}
