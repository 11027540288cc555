/// What a phone look-up reads from the caller id a softphone or a SIP trunk sends, besides a
/// plain number (libphonenumber reads `tel:` URIs itself).
///
/// - A SIP URI ("sip:+442079460018@pbx.example.com;user=phone", also `sips:`) carries the
///   number as its user part: that part is the number looked up.
/// - Many trunks send E.164 without its plus ("442079460018"). Read under the default region,
///   such digits are a national number that no contact has; read with a plus, they are the
///   caller's number. `withPlusAdded` gives that second reading, which a look-up tries only
///   when the first found nothing.
/// - A caller id dialled with an international prefix that is not the default region's
///   ("0044 20 7946 0018" under US, whose prefix is 011; "011 44 …" under GB, whose prefix is 00)
///   reads as no number of the default region. `withInternationalPrefixReplaced` gives the
///   reading with a plus in place of the prefix, tried in the same place.
/// - A number typed as dialled in another country ("020 7946 0018") starts with zeros that are
///   no digits of its E.164 form: `withoutLeadingZeros` gives the digits a fragment search looks
///   for once nothing matches with them.
enum PhoneQueryText {
    /// The user part of a SIP or SIPS URI, or nil when `text` is not one.
    /// - Complexity: O(n).
    static func sipUserPart(of text: String) -> Substring? {
        // Most look-ups are numbers: they leave at their first character, with nothing made.
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              first | 0x20 == UInt8(ascii: "s")
        else { return nil }
        let trimmed = Substring(text).trimmingWhitespace()
        var rest: Substring?
        for scheme in ["sip:", "sips:"] where trimmed.utf8.count > scheme.utf8.count {
            let head = trimmed.prefix(scheme.count)
            if head.lowercased() == scheme { rest = trimmed.dropFirst(scheme.count) }
        }
        guard let rest else { return nil }
        let user = rest.prefix { $0 != "@" && $0 != ";" }
        return user.isEmpty ? nil : user
    }

    /// The number a `tel:` or SIP URI written as one word of a search box carries: the
    /// `tel:` URI's number with its extension kept as ";ext=" (its other parameters, such as
    /// "phone-context", dropped), or the SIP URI's user part (`sipUserPart`); "" for a scheme
    /// with nothing after it; nil when the word is no such URI. The incoming-phone path reads
    /// these already (libphonenumber reads `tel:` itself); a search box read the scheme's
    /// letters as a name, and a SIP URI's "@" as an address.
    /// - Complexity: O(n).
    static func uriNumber(of word: Substring) -> Substring? {
        // A byte search: every word of every query comes here, and `firstIndex(of:)` on the
        // characters walked them grapheme by grapheme (a fifth of a microsecond a word).
        guard let colon = word.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = word[..<colon].lowercased()
        let rest = word[word.index(after: colon)...]
        switch scheme {
        case "tel":
            let parameters = rest.split(separator: ";", omittingEmptySubsequences: false)
            guard let number = parameters.first else { return "" }
            let ext = parameters.dropFirst().first { $0.lowercased().hasPrefix("ext=") }
            guard let ext else { return number }
            return Substring(number + ";ext=" + ext.dropFirst(4))
        case "sip", "sips":
            return rest.isEmpty ? "" : sipUserPart(of: String(word)) ?? ""
        default:
            return nil
        }
    }

    /// The shortest and longest numbers read with a plus added: E.164 numbers have 8 to 15
    /// digits with their calling code (`PhoneNormalizer.fastE164`); shorter runs are local
    /// numbers, far more likely than a foreign number without its plus.
    static let digitsWithPlusAdded = 8...15

    /// "+" and the digits of `text`, when it is digits alone (spaces, dots, dashes and
    /// brackets between them allowed) that do not start with 0 (a trunk or international
    /// prefix, which libphonenumber reads), in `digitsWithPlusAdded`; else nil.
    /// - Complexity: O(n).
    static func withPlusAdded(_ text: String) -> String? {
        digits(of: text).flatMap(plusAdded)
    }

    /// The digits of `text` when it is digits alone (punctuation as above), at least one; else nil.
    static func digits(of text: some StringProtocol) -> Substring? {
        var digits = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case " ", ".", "-", "(", ")", "\t": continue
            default: return nil
            }
        }
        return digits.isEmpty ? nil : Substring(digits)
    }

    /// "+" and `digits` when they are `digitsWithPlusAdded` many and do not start with 0.
    private static func plusAdded(_ digits: Substring) -> String? {
        guard digitsWithPlusAdded.contains(digits.utf8.count), digits.utf8.first != UInt8(ascii: "0") else { return nil }
        return "+" + digits
    }

    /// The international prefixes read in any region: 00, the ITU-T recommendation that most
    /// countries dial, and 011, the North American one. libphonenumber reads the default
    /// region's own prefix; these are for a caller id dialled from elsewhere.
    static let internationalPrefixes = ["00", "011"]

    /// "+" and the digits of `text` after its international prefix (`internationalPrefixes`),
    /// when `text` is digits alone (spaces, dots, dashes and brackets between them allowed) that
    /// start with one and go on with 8 to 15 digits that do not start with 0; else nil.
    /// - Complexity: O(n).
    static func withInternationalPrefixReplaced(_ text: String) -> String? {
        guard let digits = digits(of: text) else { return nil }
        for prefix in internationalPrefixes where digits.hasPrefix(prefix) {
            if let international = plusAdded(digits.dropFirst(prefix.count)) { return international }
        }
        return nil
    }

    /// `digits` without the zeros they start with (a trunk prefix, "0", or an international one,
    /// "00"), when they start with one and at least `PhoneFragmentIndex.minimumDigits` remain.
    static func withoutLeadingZeros(_ digits: [UInt8]) -> [UInt8]? {
        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        guard significant.count < digits.count, significant.count >= PhoneFragmentIndex.minimumDigits else { return nil }
        return Array(significant)
    }
}
