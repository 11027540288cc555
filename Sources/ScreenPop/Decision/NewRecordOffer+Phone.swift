import ContactIndex

/// What a new-record offer prefills for a number no record has, and why.
///
/// The offer must not claim more than libphonenumber knows:
/// - **`phone`**: the E.164 form only when libphonenumber parses the number *and* calls it
///   valid. Otherwise the text as received: an E.164 made up from an invalid number
///   (`"020 7946 0018"` read with region US is `+102079460018`) looks dialable and is not.
/// - **`numberIsValid`**: libphonenumber's verdict when the text parses; nil when it does not.
/// - **`numberType`**: libphonenumber's line type when the text parses.
/// - **`region`**: the region the number belongs to; when the metadata gives none (an invalid
///   number under a calling code several regions share) and the text carried its calling code
///   (a `+`, or a code other than the default region's), the region libphonenumber assigns to
///   that code (`GB` for 44, `US` for 1). A national number that is invalid in the default
///   region gets none: the default region is a guess, not a fact about the caller. A
///   non-geographic number (`+800`, metadata region `001`) has no region.
extension NewRecordOffer {
    /// The offer for `phone` as received, read with `defaultRegion`.
    /// - Parameters:
    ///   - engagementId: the engagement.
    ///   - channel: its channel.
    ///   - phone: the number as the softphone sent it.
    ///   - parsed: libphonenumber's reading of it, with details; nil when it does not parse.
    ///   - defaultRegion: the region national numbers were read with.
    init(engagementId: String, channel: EngagementChannel, phone: String, parsed: NormalizedPhone?, defaultRegion: String?) {
        self.init(engagementId: engagementId, channel: channel, phone: phone)
        guard let parsed else { return }
        let details = parsed.details
        numberIsValid = details?.isValid
        numberType = details?.type
        if details?.isValid == true { self.phone = parsed.e164 }
        var region = details?.region
        if region == nil, Self.carriesCallingCode(phone, parsed: parsed, defaultRegion: defaultRegion) {
            region = PhoneNormalizer.mainRegion(forCountryCode: parsed.countryCode)
        }
        self.region = region == Self.nonGeographicRegion ? nil : region
    }

    /// The metadata's region for non-geographic codes (800, 808, 870, 878, 881, 882, 883, 888, 979).
    static let nonGeographicRegion = "001"

    /// Whether the text itself gave the calling code, rather than the default region.
    private static func carriesCallingCode(_ text: String, parsed: NormalizedPhone, defaultRegion: String?) -> Bool {
        if text.utf8.contains(UInt8(ascii: "+")) { return true }
        guard let defaultRegion, let code = PhoneNormalizer.countryCode(forRegion: defaultRegion) else { return true }
        return code != parsed.countryCode
    }
}
