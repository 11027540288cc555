import CPhoneNumber

/// Swift face of the libphonenumber shim. The only file that imports `CPhoneNumber`.
enum LibPhoneNumber {
    /// Parses text with libphonenumber (`ParseAndKeepRawInput`), optionally with validity, type
    /// and region (about 25 µs more).
    ///
    /// A number whose national significant number is only zeros ("000-000-0000", "+44 0000") is
    /// `PhoneParseFailure.noSignificantDigits`: libphonenumber parses it to a national number of
    /// 0, and its E.164 formatting then gives the raw input back ("000-000-0000"), which is no
    /// key: every such placeholder, of any country, once got the same one, and so did an
    /// over-long caller id.
    static func parse(_ text: String, defaultRegion: String?, withDetails: Bool) -> Result<NormalizedPhone, PhoneParseFailure> {
        var number = CPN_Number()
        let length = Int32(text.utf8.count)
        let status = text.withCString { chars in
            CPN_parse(chars, length, defaultRegion ?? "ZZ", withDetails ? 1 : 0, &number)
        }
        guard status == Int32(CPN_OK) else { return .failure(PhoneParseFailure(status: status)) }
        let e164 = withUnsafeBytes(of: &number.e164) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let national = withUnsafeBytes(of: &number.nationalNumber) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        guard national.utf8.contains(where: { $0 != UInt8(ascii: "0") }) else { return .failure(.noSignificantDigits) }
        let ext = withUnsafeBytes(of: &number.extension) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let region = withUnsafeBytes(of: &number.region) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let details: NormalizedPhone.Details? = number.hasDetails == 1
            ? .init(isValid: number.isValid == 1, type: PhoneNumberType(libphonenumberValue: number.numberType), region: region == "ZZ" ? nil : region)
            : nil
        return .success(NormalizedPhone(
            e164: e164,
            countryCode: Int(number.countryCode),
            nationalNumber: national,
            extension: ext.isEmpty ? nil : ext,
            details: details))
    }

    static func countryCode(forRegion region: String) -> Int {
        Int(CPN_country_code_for_region(region))
    }

    static func mainRegion(forCountryCode code: Int) -> String? {
        var out: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &out) { CPN_region_for_country_code(Int32(code), $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let region = withUnsafeBytes(of: &out) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        return region == "ZZ" ? nil : region
    }

    static func isSupported(region: String) -> Bool {
        CPN_is_supported_region(region) == 1
    }

    static func exampleNumber(region: String, type: PhoneNumberType) -> String? {
        var out = [CChar](repeating: 0, count: 24)
        guard CPN_example_number(region, type.libphonenumberValue, &out) == Int32(CPN_OK) else { return nil }
        return String(cBuffer: out)
    }

    static func format(e164: String, national: Bool) -> String? {
        var out = [CChar](repeating: 0, count: 64)
        guard CPN_format(e164, national ? 1 : 0, &out, 64) > 0 else { return nil }
        return String(cBuffer: out)
    }
}

extension PhoneParseFailure {
    init(status: Int32) {
        switch status {
        case Int32(CPN_INVALID_COUNTRY_CODE): self = .invalidCountryCode
        case Int32(CPN_NOT_A_NUMBER): self = .notANumber
        case Int32(CPN_TOO_SHORT_AFTER_IDD): self = .tooShortAfterIDD
        case Int32(CPN_TOO_SHORT_NSN): self = .tooShort
        case Int32(CPN_TOO_LONG_NSN): self = .tooLong
        default: self = .libraryFailure
        }
    }
}

extension PhoneNumberType {
    init(libphonenumberValue value: Int32) {
        switch value {
        case Int32(CPN_TYPE_FIXED_LINE): self = .fixedLine
        case Int32(CPN_TYPE_MOBILE): self = .mobile
        case Int32(CPN_TYPE_FIXED_LINE_OR_MOBILE): self = .fixedLineOrMobile
        case Int32(CPN_TYPE_TOLL_FREE): self = .tollFree
        case Int32(CPN_TYPE_PREMIUM_RATE): self = .premiumRate
        case Int32(CPN_TYPE_SHARED_COST): self = .sharedCost
        case Int32(CPN_TYPE_VOIP): self = .voip
        case Int32(CPN_TYPE_PERSONAL_NUMBER): self = .personalNumber
        case Int32(CPN_TYPE_PAGER): self = .pager
        case Int32(CPN_TYPE_UAN): self = .uan
        case Int32(CPN_TYPE_VOICEMAIL): self = .voicemail
        default: self = .unknown
        }
    }

    var libphonenumberValue: Int32 {
        switch self {
        case .fixedLine: Int32(CPN_TYPE_FIXED_LINE)
        case .mobile: Int32(CPN_TYPE_MOBILE)
        case .fixedLineOrMobile: Int32(CPN_TYPE_FIXED_LINE_OR_MOBILE)
        case .tollFree: Int32(CPN_TYPE_TOLL_FREE)
        case .premiumRate: Int32(CPN_TYPE_PREMIUM_RATE)
        case .sharedCost: Int32(CPN_TYPE_SHARED_COST)
        case .voip: Int32(CPN_TYPE_VOIP)
        case .personalNumber: Int32(CPN_TYPE_PERSONAL_NUMBER)
        case .pager: Int32(CPN_TYPE_PAGER)
        case .uan: Int32(CPN_TYPE_UAN)
        case .voicemail: Int32(CPN_TYPE_VOICEMAIL)
        case .unknown: Int32(CPN_TYPE_UNKNOWN)
        }
    }
}
