/// Turns the phone numbers people and CRMs write into E.164, with libphonenumber.
///
/// Messy formats ("(650) 555-1234", "650.555.1234 x12", "00 44 20 7946 0958", "011 44 …",
/// "+1 650 …", national numbers with trunk prefixes, vanity letters) are parsed with the
/// contact's region, or the normalizer's default region when the contact has none. A trailing
/// label in brackets ("650 555 5555 (mobile)", `PhoneTrailingLabel`) is not part of the number.
///
/// Stored numbers first try `PhoneFastPath` (libphonenumber's metadata compiled into automata,
/// ≈ 0.6 µs with validity and type, the same answers), and go to libphonenumber when it declines.
///
/// Two paths, because a libphonenumber parse costs about 15 µs here:
/// - `normalizeQuery(_:)` takes text that is already E.164 ("+" and 8 to 15 digits, what a
///   softphone sends) straight to its key, with the calling code split off by the table of
///   assigned codes; anything else goes through libphonenumber.
/// - `normalize(_:region:withDetails:)` takes the fast path compiled from libphonenumber's
///   metadata (`PhoneFastPath`) and asks libphonenumber only when it cannot decide; with
///   `withDetails` it also gets validity, type and region, as a directory does for stored
///   numbers.
public struct PhoneNormalizer: Sendable {
    /// The region assumed for numbers written without a country code (ISO 3166 alpha-2).
    public var defaultRegion: String?

    /// Text longer than this is rejected without parsing (`PhoneParseFailure.inputTooLong`).
    public static let maximumInputLength = 128

    /// Creates a normalizer.
    /// - Parameter defaultRegion: the region for national numbers; nil requires "+" or an IDD prefix.
    public init(defaultRegion: String? = "US") {
        self.defaultRegion = defaultRegion.map { $0.uppercased() }
    }

    /// Normalizes a stored or typed number with libphonenumber.
    /// - Parameters:
    ///   - text: the number as written.
    ///   - region: the region of the contact; nil uses `defaultRegion`.
    ///   - withDetails: also compute validity, type and region.
    /// - Returns: the normalized number, or why it could not be parsed.
    /// - Complexity: one libphonenumber parse (≈ 15 µs), plus ≈ 25 µs with details.
    public func normalize(_ text: String, region: String? = nil, withDetails: Bool = true) -> Result<NormalizedPhone, PhoneParseFailure> {
        guard text.utf8.count <= Self.maximumInputLength else { return .failure(.inputTooLong) }
        let text = PhoneTrailingLabel.strippingLabel(text)
        guard text.utf8.contains(where: { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }) else {
            return .failure(.empty)
        }
        let region = (region ?? defaultRegion)?.uppercased()
        if let fast = PhoneFastPath.shared.normalize(text, region: region, withDetails: withDetails) { return .success(fast) }
        return Self.libraryParse(text, region: region, withDetails: withDetails)
    }

    /// How a stored number was normalized: by the fast path (digits, no strings), by
    /// libphonenumber, or not at all.
    enum Outcome {
        case fast(FastNumber)
        case library(NormalizedPhone)
        case failure(PhoneParseFailure)
    }

    /// Normalizes a stored number given as UTF-8 bytes: the fast path first, libphonenumber when
    /// it cannot decide. `region` must be upper-case (nil uses `defaultRegion`).
    /// - Complexity: O(n) on the fast path; one libphonenumber parse otherwise.
    func normalize(bytes: UnsafeBufferPointer<UInt8>, region: String?, withDetails: Bool) -> Outcome {
        guard bytes.count <= Self.maximumInputLength else { return .failure(.inputTooLong) }
        if let (number, _) = PhoneTrailingLabel.split(bytes) {
            return normalize(bytes: UnsafeBufferPointer(rebasing: bytes[number]), region: region, withDetails: withDetails)
        }
        guard bytes.contains(where: { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }) else {
            return .failure(.empty)
        }
        let region = region ?? defaultRegion
        if let fast = PhoneFastPath.shared.normalize(bytes: bytes, region: region, withDetails: withDetails) { return .fast(fast) }
        switch Self.libraryParse(String(utf8Bytes: bytes), region: region, withDetails: withDetails) {
        case .success(let number): return .library(number)
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Normalizes like `normalize(_:region:withDetails:)`, and tells whether the fast path
    /// answered (for load reports).
    func normalize(_ text: String, region: String?, withDetails: Bool, usedFastPath: inout Bool) -> Result<NormalizedPhone, PhoneParseFailure> {
        guard text.utf8.count <= Self.maximumInputLength else { return .failure(.inputTooLong) }
        let text = PhoneTrailingLabel.strippingLabel(text)
        let region = (region ?? defaultRegion)?.uppercased()
        if let fast = PhoneFastPath.shared.normalize(text, region: region, withDetails: withDetails) {
            usedFastPath = true
            return .success(fast)
        }
        usedFastPath = false
        guard text.utf8.contains(where: { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }) else {
            return .failure(.empty)
        }
        return Self.libraryParse(text, region: region, withDetails: withDetails)
    }

    /// What the fast path could not decide: libphonenumber parses the text, and validity, type and
    /// region come from the fast path's compiled metadata (`PhoneFastPath.details`), which gives
    /// libphonenumber's answers for a parsed number at a fraction of the cost (its
    /// `IsValidNumber`, `GetNumberType` and `GetRegionCodeForNumber` each run the metadata's
    /// regular expressions again); libphonenumber's own when the metadata cannot tell.
    /// - Complexity: one libphonenumber parse, rarely two.
    static func libraryParse(_ text: String, region: String?, withDetails: Bool) -> Result<NormalizedPhone, PhoneParseFailure> {
        let parsed = LibPhoneNumber.parse(text, defaultRegion: region, withDetails: false)
        guard withDetails, case .success(var number) = parsed else { return parsed }
        guard let details = PhoneFastPath.shared.details(countryCode: number.countryCode, nationalNumber: number.nationalNumber) else {
            return LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true)
        }
        number.details = details
        return .success(number)
    }

    /// Normalizes a look-up query: E.164 text takes the fast path, anything else libphonenumber.
    /// - Complexity: O(n) without libphonenumber for E.164 input; otherwise one parse.
    public func normalizeQuery(_ text: String, region: String? = nil) -> Result<NormalizedPhone, PhoneParseFailure> {
        if let fast = Self.fastE164(text) { return .success(fast) }
        return normalize(text, region: region, withDetails: false)
    }

    /// How libphonenumber reads a query that `normalizeQuery` took as plain E.164 digits: the
    /// phone fast path when it can decide, else libphonenumber. Nil when the text is not such a
    /// query, or does not parse.
    /// - Complexity: O(n) on the fast path; one libphonenumber parse otherwise.
    func reading(ofE164Query text: String, region: String?) -> NormalizedPhone? {
        guard Self.fastE164Text(text) != nil else { return nil }
        let region = (region ?? defaultRegion)?.uppercased()
        var copy = text
        if let fast = copy.withUTF8({ PhoneFastPath.shared.normalize(bytes: $0, region: region, withDetails: false) }) {
            return fast.normalizedPhone
        }
        guard case .success(let parsed) = LibPhoneNumber.parse(text, defaultRegion: region, withDetails: false) else { return nil }
        return parsed
    }

    /// The E.164 fast path: "+" followed by 8 to 15 digits and nothing else (surrounding spaces
    /// allowed), with an assigned calling code. Returns nil when the text is not of that shape.
    /// - Complexity: O(n), no allocation besides the national number's string.
    public static func fastE164(_ text: String) -> NormalizedPhone? {
        var copy = text
        return copy.withUTF8 { all -> NormalizedPhone? in
            guard let (start, end, codeLength) = fastE164Shape(all) else { return nil }
            let digits = UnsafeBufferPointer(rebasing: all[(start + 1)..<end])
            var code = 0
            for index in 0..<codeLength { code = code * 10 + Int(digits[index] - 48) }
            let national = String(decoding: UnsafeBufferPointer(rebasing: digits[codeLength...]), as: UTF8.self)
            // The text itself when nothing surrounds the number: no second string to make.
            let e164 = start == 0 && end == all.count ? text : String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
            return NormalizedPhone(
                e164: e164,
                countryCode: code,
                nationalNumber: national)
        }
    }

    /// `fastE164(text)?.e164` without building the rest: the text itself when it has no
    /// surrounding spaces (no new string), else its trimmed copy; nil when it is not of that
    /// shape.
    /// - Complexity: O(n).
    public static func fastE164Text(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { all -> String? in
            guard let (start, end, _) = fastE164Shape(all) else { return nil }
            if start == 0, end == all.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
        }
    }

    /// Where the E.164 number is in `all` ("+" at `start`, digits up to `end`) and the length
    /// of its calling code; nil when the text is not "+" and 8 to 15 digits (spaces around
    /// allowed) with an assigned calling code.
    private static func fastE164Shape(_ all: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, codeLength: Int)? {
        var start = 0
        var end = all.count
        while start < end, all[start] == 32 { start += 1 }
        while end > start, all[end - 1] == 32 { end -= 1 }
        guard end - start >= 9, end - start <= 16, all[start] == 43 else { return nil }  // "+"
        let digits = UnsafeBufferPointer(rebasing: all[(start + 1)..<end])
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        guard let codeLength = CountryCallingCodes.shared.codeLength(in: digits) else { return nil }
        return (start, end, codeLength)
    }

    /// The calling code of a region ("GB" → 44), or nil for an unknown region.
    public static func countryCode(forRegion region: String) -> Int? {
        let code = LibPhoneNumber.countryCode(forRegion: region.uppercased())
        return code == 0 ? nil : code
    }

    /// The region libphonenumber assigns to a calling code (its metadata's main country for the
    /// code: "US" for 1, "GB" for 44; "001" for non-geographic codes such as 800); nil for a code
    /// no region has.
    public static func mainRegion(forCountryCode code: Int) -> String? {
        LibPhoneNumber.mainRegion(forCountryCode: code)
    }

    /// Whether libphonenumber has metadata for a region code ("GB": yes; "XX": no).
    public static func isSupported(region: String) -> Bool {
        LibPhoneNumber.isSupported(region: region.uppercased())
    }

    /// The metadata's example number for a region and type, in E.164; nil when there is none.
    public static func exampleNumber(region: String, type: PhoneNumberType) -> String? {
        LibPhoneNumber.exampleNumber(region: region.uppercased(), type: type)
    }

    /// A number formatted for people, internationally ("+44 20 7946 0958") or nationally.
    public static func format(e164: String, national: Bool = false) -> String? {
        LibPhoneNumber.format(e164: e164, national: national)
    }
}
