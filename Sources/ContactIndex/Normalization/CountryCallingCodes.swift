/// The set of assigned country calling codes, read once from libphonenumber's metadata.
///
/// Calling codes are prefix-free (no code is the start of another), so the code of an E.164
/// number is the one of its first one, two or three digits that is in the set. This is what lets a
/// query that is already E.164 reach the index without a libphonenumber parse.
struct CountryCallingCodes: Sendable {
    private var assigned: [Bool]

    /// The codes libphonenumber knows, built on first use.
    static let shared = CountryCallingCodes()

    private init() {
        var assigned = [Bool](repeating: false, count: 1000)
        // Non-geographic codes (800, 870, 882…) map to the metadata's region "001", so they count.
        for code in 1..<1000 where LibPhoneNumber.mainRegion(forCountryCode: code) != nil {
            assigned[code] = true
        }
        self.assigned = assigned
    }

    /// Whether `code` is an assigned calling code.
    func contains(_ code: Int) -> Bool { code > 0 && code < 1000 && assigned[code] }

    /// The length (1–3) of the calling code at the start of `digits`, or nil when none matches.
    func codeLength(in digits: UnsafeBufferPointer<UInt8>) -> Int? {
        var code = 0
        for length in 1...3 where length <= digits.count {
            code = code * 10 + Int(digits[length - 1] &- 48)
            if contains(code) { return length }
        }
        return nil
    }
}
