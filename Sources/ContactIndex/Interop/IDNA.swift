import CICU

/// UTS #46 IDNA conversion of domain names through ICU (nontransitional processing, STD3 rules,
/// the Bidi and ContextJ checks). ICU's UTS #46 object is immutable and thread-safe.
public enum IDNA {
    /// The ASCII (punycode) form of a domain: "müller.de" → "xn--mller-kva.de".
    /// - Throws: `ICUError.idna` with ICU's error bits when the domain is not valid.
    public static func toASCII(_ domain: String) throws(ICUError) -> String {
        try convert(domain, toASCII: true)
    }

    /// The Unicode form of a domain: "xn--mller-kva.de" → "müller.de".
    /// - Throws: `ICUError.idna` with ICU's error bits when the domain is not valid.
    public static func toUnicode(_ domain: String) throws(ICUError) -> String {
        try convert(domain, toASCII: false)
    }

    private static func convert(_ domain: String, toASCII: Bool) throws(ICUError) -> String {
        var errors: UInt32 = 0
        let (status, bytes) = domain.withUTF8Bytes { input, count in
            withGrowingBuffer(initialCapacity: Int(count) * 2 + 16) { out, capacity, length in
                toASCII
                    ? CICU_idna_to_ascii(input, count, out, capacity, &length, &errors)
                    : CICU_idna_to_unicode(input, count, out, capacity, &length, &errors)
            }
        }
        if status == Int32(CICU_IDNA_ERROR) { throw .idna(input: domain, errors: errors) }
        guard status == Int32(CICU_OK) else { throw icuError(status: status, input: domain) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The version of the system ICU ("72.1").
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        CICU_version(&buffer, 32)
        return String(cBuffer: buffer)
    }
}
