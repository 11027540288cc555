/// A number as the phone fast path parses it: the country code and the national significant
/// number as digits, without strings (what bulk loading writes straight into a record).
struct FastNumber: Sendable, Hashable {
    /// The country calling code.
    var countryCode: Int
    /// The national significant number's digits as an integer (leading zeros are counted by
    /// `nationalDigitCount`).
    var nationalDigits: UInt64
    /// How many digits the national significant number has (at most 17).
    var nationalDigitCount: Int
    /// Validity, type and region, when asked for.
    var details: NormalizedPhone.Details?
    /// The extension's digits, when the text ended in one (`PhoneExtensionSuffix`).
    var `extension`: String? = nil

    /// The E.164 digits as one integer, when they fit in 19 digits (always for real numbers:
    /// E.164 allows 15).
    var e164Digits: UInt64? {
        var scale: UInt64 = 1
        for _ in 0..<nationalDigitCount { scale *= 10 }
        let (high, overflow) = UInt64(countryCode).multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let (sum, carry) = high.addingReportingOverflow(nationalDigits)
        return carry ? nil : sum
    }

    /// The national significant number's digits as text.
    var nationalNumber: String {
        String(unsafeUninitializedCapacity: nationalDigitCount) { out in
            var rest = nationalDigits
            for position in stride(from: nationalDigitCount - 1, through: 0, by: -1) {
                out[position] = UInt8(48 + rest % 10)
                rest /= 10
            }
            return nationalDigitCount
        }
    }

    /// The same number as a `NormalizedPhone`.
    var normalizedPhone: NormalizedPhone {
        let national = nationalNumber
        return NormalizedPhone(
            e164: "+" + String(countryCode) + national, countryCode: countryCode, nationalNumber: national, extension: `extension`, details: details)
    }
}
