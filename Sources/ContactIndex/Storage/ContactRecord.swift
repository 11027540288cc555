#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The compact byte form of a stored `Contact`: what a directory keeps instead of the Swift value.
///
/// A `Contact` with its normalized phones and emails is a tree of a dozen heap objects (strings,
/// arrays, a dictionary), about 2.5 KB a record once indexed. The directory keeps one flat byte
/// record instead (about the size of the CSV row it came from), reads the few fields look-ups
/// need straight from the bytes (`ContactRecordReader`), and rebuilds the `Contact` value only
/// for the matches it returns (`ContactRecord.decode`).
///
/// Layout (`varint` is unsigned LEB128; a string is a varint byte count and its UTF-8 bytes):
/// ```
/// record     id:string  entity  fields:u8  [first] [last] [display] [company] [region]
///            [createdAt:f64] [updatedAt:f64]  phones  emails  attributes
/// entity     u8 code (0 contact, 1 lead, 2 user, 3 account) | 0xFF string
/// fields     bits 0–6: first, last, display, company, region, createdAt, updatedAt present
/// phones     varint count, then per phone:
///            flags:u8 [label] raw [number] [extension] [details] [problem:u8]
///            flags bits: 0 label, 1 normalized, 2 compact number, 3 extension, 4 details,
///            5 details region, 6 problem
///            number, compact: E.164 digits:varint, country code:varint (the national number is
///            the digits after the country code; E.164 is "+" and the digits)
///            number, otherwise: e164:string countryCode:varint national:string
///            details: u8 (bit 7 valid, bits 0–3 the type) [region:string]
/// emails     varint count, then per email:
///            flags:u8 [label] raw [address] [canonical] [problem:string (JSON)]
///            flags bits: 0 label, 1 normalized, 2 compact address, 3 Unicode domain differs,
///            4 canonical, 5 problem
///            address, compact: localPart asciiDomain [unicodeDomain] (address = local@ascii)
///            address, otherwise: address localPart asciiDomain unicodeDomain
/// attributes varint count, then key value pairs in key order
/// ```
/// The id comes first, so readers reach it without parsing the rest.
enum ContactRecord {
    static let standardEntities: [ContactEntity] = [.contact, .lead, .user, .account]
    static let phoneTypes = PhoneNumberType.allCases
    static let phoneFailures: [PhoneParseFailure] = [
        .empty, .notANumber, .invalidCountryCode, .tooShortAfterIDD, .tooShort, .tooLong, .inputTooLong, .libraryFailure,
        .noSignificantDigits,
    ]

    /// Appends the record of `contact` to `out` (through a `RecordDraft`, the one writer of the
    /// layout).
    /// - Complexity: O(size of the contact).
    static func encode(_ contact: Contact, into out: inout [UInt8]) {
        var draft = RecordDraft()
        draft.load(contact)
        draft.encode(into: &out)
    }

    /// The E.164 digits as one integer when "+", the country code and the national number spell
    /// the E.164 form exactly (always, for what libphonenumber and the fast path produce).
    static func compactDigits(of number: NormalizedPhone) -> UInt64? {
        guard number.countryCode > 0 else { return nil }
        var e164 = number.e164
        var national = number.nationalNumber
        return e164.withUTF8 { e164Bytes -> UInt64? in
            national.withUTF8 { nationalBytes -> UInt64? in
                // "+", the country code's digits, then exactly the national number's digits.
                guard e164Bytes.count >= 2, e164Bytes.count <= 19, e164Bytes[0] == UInt8(ascii: "+") else { return nil }
                var codeDigits = 0
                var code = number.countryCode
                while code > 0 { codeDigits += 1; code /= 10 }
                guard e164Bytes.count == 1 + codeDigits + nationalBytes.count else { return nil }
                var value: UInt64 = 0
                for (index, byte) in e164Bytes.dropFirst().enumerated() {
                    guard byte >= 48, byte <= 57 else { return nil }
                    if index >= codeDigits, nationalBytes[index - codeDigits] != byte { return nil }
                    value = value * 10 + UInt64(byte - 48)
                }
                return value / pow10(nationalBytes.count) == UInt64(number.countryCode) ? value : nil
            }
        }
    }

    private static func pow10(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

}

/// Appends the primitives of the record layout to a byte array.
struct ContactRecordWriter {
    var out: [UInt8]

    mutating func byte(_ value: UInt8) { out.append(value) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            varint(UInt64(bytes.count))
            out.append(contentsOf: bytes)
        }
    }

    mutating func bytes(_ value: [UInt8]) {
        varint(UInt64(value.count))
        out.append(contentsOf: value)
    }

    mutating func bytes(_ value: UnsafeBufferPointer<UInt8>) {
        varint(UInt64(value.count))
        out.append(contentsOf: value)
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            out.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }
}
