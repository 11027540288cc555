/// Why a phone number could not be parsed.
public enum PhoneParseFailure: String, Error, Sendable, Hashable, Codable {
    /// The text is empty or only whitespace and punctuation.
    case empty
    /// The text does not look like a phone number at all.
    case notANumber = "not_a_number"
    /// No valid country code: the number has no + or IDD prefix, and no region was given, or
    /// the code after the + is not assigned.
    case invalidCountryCode = "invalid_country_code"
    /// Too few digits after an international (IDD) prefix.
    case tooShortAfterIDD = "too_short_after_idd"
    /// Too few digits for a national number.
    case tooShort = "too_short"
    /// Too many digits for any number.
    case tooLong = "too_long"
    /// The text is longer than the normalizer accepts (a pasted paragraph, not a number).
    case inputTooLong = "input_too_long"
    /// libphonenumber failed inside (an exception caught by the shim).
    case libraryFailure = "library_failure"
    /// The number has no digit but zeros after its country code ("000-000-0000", "+44 0000"):
    /// a placeholder CRMs fill in, not a line. libphonenumber parses it, to a national number of
    /// 0 that it cannot write in E.164 (it gives the text back instead), so it would have no key
    /// of its own: such numbers, whatever their country, once shared one.
    case noSignificantDigits = "no_significant_digits"

    /// A sentence for a load report.
    public var explanation: String {
        switch self {
        case .empty: "the phone field is empty"
        case .notANumber: "the text is not a phone number"
        case .invalidCountryCode: "no valid country code (no + or IDD prefix, and no region to assume)"
        case .tooShortAfterIDD: "too few digits after the international prefix"
        case .tooShort: "too few digits for a phone number"
        case .tooLong: "too many digits for a phone number"
        case .inputTooLong: "the text is too long to be a phone number"
        case .libraryFailure: "libphonenumber failed on this input"
        case .noSignificantDigits: "only zeros after the country code (a placeholder, not a line)"
        }
    }
}
