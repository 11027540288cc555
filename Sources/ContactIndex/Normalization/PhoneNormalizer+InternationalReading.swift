extension PhoneNormalizer {
    /// A stored number's international reading, for a number that libphonenumber reads as an
    /// invalid national number of its region: written after another region's international
    /// prefix ("00 44 20 7946 0958" or "011 1 650 555 1235" where the region dials 011 or 00),
    /// or in E.164 without its plus ("447911123456"), also with an extension after it ("0044 20
    /// 7946 0958 ext. 12"). libphonenumber knows only the region's
    /// own prefix, and reads the rest as national digits ("+100442079460958" under US): a
    /// number no call ever comes from, while the caller's E.164 number found nothing.
    ///
    /// The readings are the ones a caller id gets (`PhoneQueryText.withInternationalPrefixReplaced`,
    /// then `withPlusAdded`), each parsed like any stored number. One is taken only when the
    /// metadata calls it valid: an invalid national number stays as it was, flagged.
    /// - Parameters:
    ///   - bytes: the stored text (a trailing label is allowed).
    ///   - region: the region the text was read in (upper-case), for the parse.
    /// - Returns: the valid international reading, with details; nil when there is none.
    /// - Complexity: O(n), then the fast path or one libphonenumber parse.
    func internationalReading(of bytes: UnsafeBufferPointer<UInt8>, region: String?) -> Outcome? {
        let number = PhoneTrailingLabel.split(bytes).map { UnsafeBufferPointer(rebasing: bytes[$0.number]) } ?? bytes
        let text = String(utf8Bytes: number)
        // An extension after the number ("0044 20 7946 0958 ext. 12") stays with the reading.
        let split = PhoneQueryText.splittingExtension(text)
        let digits = split.map { String($0.number) } ?? text
        guard let reading = PhoneQueryText.withInternationalPrefixReplaced(digits) ?? PhoneQueryText.withPlusAdded(digits) else {
            return nil
        }
        var international = split.map { reading + " ext. " + $0.digits } ?? reading
        let outcome = international.withUTF8 { normalize(bytes: $0, region: region, withDetails: true) }
        switch outcome {
        case .fast(let parsed) where parsed.details?.isValid == true: return outcome
        case .library(let parsed) where parsed.details?.isValid == true: return outcome
        default: return nil
        }
    }
}
