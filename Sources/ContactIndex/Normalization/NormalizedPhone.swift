/// A phone number in canonical form: E.164 plus what libphonenumber tells about it.
public struct NormalizedPhone: Sendable, Hashable, Codable {
    /// What only a full libphonenumber check tells (validity, type, region).
    public struct Details: Sendable, Hashable, Codable {
        /// Whether the metadata calls the number valid. An invalid number is still indexed:
        /// metadata ages and CRM data is what it is.
        public var isValid: Bool
        /// The line type.
        public var type: PhoneNumberType
        /// The region the number belongs to (ISO 3166 alpha-2), when the metadata knows it.
        public var region: String?

        /// Creates details.
        public init(isValid: Bool, type: PhoneNumberType, region: String?) {
            self.isValid = isValid
            self.type = type
            self.region = region
        }
    }

    /// The E.164 form: "+" and up to 15 digits ("+442079460958").
    public var e164: String
    /// The country calling code (44).
    public var countryCode: Int
    /// The national significant number, with Italian leading zeros ("2079460958").
    public var nationalNumber: String
    /// The extension, when the text had one ("12" for "650.555.1234 x12").
    public var `extension`: String?
    /// Validity, type and region; nil when they were not computed.
    public var details: Details?

    /// Creates a normalized number.
    public init(e164: String, countryCode: Int, nationalNumber: String, extension: String? = nil, details: Details? = nil) {
        self.e164 = e164
        self.countryCode = countryCode
        self.nationalNumber = nationalNumber
        self.extension = `extension`
        self.details = details
    }

    /// The E.164 digits as one integer key (at most 15 digits fit in 50 bits), or 0 when the
    /// form has no key: more than 19 digits (a caller id longer than any number, which must
    /// match nothing), or not "+" and digits. 0 is no number's key (a calling code is never 0),
    /// and a look-up with it matches nothing.
    /// Read from the text's contiguous bytes: a `String.UTF8View` walked as a sequence costs
    /// several times as much, and every phone look-up computes both keys.
    public var e164Key: UInt64 {
        var text = e164
        return text.withUTF8 { PhoneKey.e164Key(text: $0) } ?? 0
    }

    /// The national significant number as a key that keeps leading zeros.
    public var nationalKey: UInt64 {
        var text = nationalNumber
        return text.withUTF8 { PhoneKey.digitsKeepingZeros($0) } ?? 0
    }
}

/// Integer keys for phone numbers: digit strings packed in a UInt64.
enum PhoneKey {
    /// The national significant number's digits: the E.164 digits after the country code's
    /// (nil when the digits do not start with the country code).
    static func nationalNumber(e164Digits: UInt64, countryCode: Int) -> [UInt8]? {
        var digits: [UInt8] = []
        var rest = e164Digits
        repeat {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        } while rest > 0
        digits.reverse()
        var code: [UInt8] = []
        var restCode = countryCode
        repeat {
            code.append(UInt8(48 + restCode % 10))
            restCode /= 10
        } while restCode > 0
        code.reverse()
        guard digits.count > code.count, digits.starts(with: code) else { return nil }
        return Array(digits[code.count...])
    }

    /// `digitsKeepingZeros` of the national number inside `e164Digits` (see `nationalNumber`),
    /// computed without building the digits.
    static func nationalKey(e164Digits: UInt64, countryCode: Int) -> UInt64? {
        var total = 0
        var rest = e164Digits
        while rest > 0 { total += 1; rest /= 10 }
        var codeDigits = 0
        var restCode = countryCode
        while restCode > 0 { codeDigits += 1; restCode /= 10 }
        let nationalDigits = total - codeDigits
        guard nationalDigits > 0, nationalDigits <= 17 else { return nil }
        var power: UInt64 = 1
        for _ in 0..<nationalDigits { power *= 10 }
        guard e164Digits / power == UInt64(countryCode) else { return nil }
        return power + e164Digits % power
    }

    /// The key of a stored E.164 text: "+" and 1 to 19 digits; nil for anything else (a record
    /// written before placeholders were refused may hold the raw text libphonenumber gave for
    /// them, "000-000-0000").
    static func e164Key(text: some Collection<UInt8>) -> UInt64? {
        guard text.first == UInt8(ascii: "+") else { return nil }
        return digits(text.dropFirst())
    }

    /// The value of a string of 1 to 19 ASCII digits (all fit in 64 bits); nil for anything
    /// else. Nineteen, not fifteen: libphonenumber parses up to 17 national digits after a
    /// calling code, and an over-long number needs a key of its own, not a shared "no key".
    @inline(__always)
    static func digits(_ bytes: some Sequence<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var count = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57, count < 19 else { return nil }
            value = value &* 10 &+ UInt64(byte &- 48)
            count += 1
        }
        return count == 0 ? nil : value
    }

    /// The `digitsKeepingZeros` key of `prefix` (ASCII digits) followed by the digits that
    /// `key` (itself such a key) holds: the key of a national number written with a trunk
    /// prefix ("0" and "7911123457" → the key of "07911123457"). Nil when `prefix` is not
    /// digits or the two hold more than 17.
    /// - Complexity: O(digits).
    static func prefixing(_ prefix: String, to key: UInt64) -> UInt64? {
        guard let prefixKey = digitsKeepingZeros(prefix.utf8), key >= 10 else { return nil }
        var power: UInt64 = 1
        var count = 0
        while power <= key / 10 { power *= 10; count += 1 }
        var prefixCount = 0
        var rest = prefixKey
        while rest >= 10 { rest /= 10; prefixCount += 1 }
        guard count + prefixCount <= 17 else { return nil }
        return prefixKey * power + (key - power)
    }

    /// A key for a digit string where leading zeros count ("0612" ≠ "612"): a leading 1 is
    /// prepended before packing.
    @inline(__always)
    static func digitsKeepingZeros(_ bytes: some Sequence<UInt8>) -> UInt64? {
        var value: UInt64 = 1
        var count = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57, count < 17 else { return nil }
            value = value &* 10 &+ UInt64(byte &- 48)
            count += 1
        }
        return count == 0 ? nil : value
    }
}
