import CICU

/// ISO 3166 region codes and their names, from ICU's locale data.
enum ICURegionNames {
    /// Every region ICU knows: alpha-2 and alpha-3 codes.
    static func regionCodes() -> [(alpha2: String, alpha3: String)] {
        var codes: [(String, String)] = []
        var index: Int32 = 0
        while true {
            var two: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
            var three: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
            let status = withUnsafeMutableBytes(of: &two) { twoBytes in
                withUnsafeMutableBytes(of: &three) { threeBytes in
                    CICU_region_code(index, twoBytes.baseAddress!.assumingMemoryBound(to: CChar.self), threeBytes.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
            }
            guard status == Int32(CICU_OK) else { break }
            let alpha2 = withUnsafeBytes(of: &two) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            let alpha3 = withUnsafeBytes(of: &three) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            codes.append((alpha2, alpha3))
            index += 1
        }
        return codes
    }

    /// The name of a region in a locale ("DE" in "fr": "Allemagne"), or nil when ICU has none.
    static func displayName(alpha2: String, locale: String) -> String? {
        let (status, bytes) = withGrowingBuffer(initialCapacity: 64) { out, capacity, length in
            CICU_region_display_name(alpha2, locale, out, capacity, &length)
        }
        guard status == Int32(CICU_OK), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
