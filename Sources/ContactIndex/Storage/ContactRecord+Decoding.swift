#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ContactRecord {
    /// The `Contact` a record holds, equal to the one encoded.
    /// - Complexity: O(size of the record); one allocation per string field.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Contact {
        var reader = ContactRecordReader(bytes)
        let header = reader.header()
        func text(_ slice: UnsafeRawBufferPointer?) -> String? { slice.map(String.init(recordBytes:)) }
        let entity = header.entityCode == 0xFF
            ? ContactEntity(rawValue: String(recordBytes: header.customEntity!))
            : standardEntities[Int(header.entityCode)]
        var contact = Contact(
            id: String(recordBytes: header.id), firstName: text(header.firstName), lastName: text(header.lastName),
            displayName: text(header.displayName), entity: entity, company: text(header.company), region: text(header.region),
            createdAt: header.createdAt.map(Date.init(timeIntervalSinceReferenceDate:)),
            updatedAt: header.updatedAt.map(Date.init(timeIntervalSinceReferenceDate:)))
        let phoneCount = reader.count()
        contact.phones.reserveCapacity(phoneCount)
        for _ in 0..<phoneCount { contact.phones.append(phone(reader.phone())) }
        let emailCount = reader.count()
        contact.emails.reserveCapacity(emailCount)
        for _ in 0..<emailCount { contact.emails.append(email(reader.email())) }
        let attributeCount = reader.count()
        for _ in 0..<attributeCount {
            let (key, value) = reader.attribute()
            contact.attributes[String(recordBytes: key)] = String(recordBytes: value)
        }
        return contact
    }

    private static func phone(_ stored: ContactRecordReader.Phone) -> ContactPhone {
        var normalized: NormalizedPhone? = nil
        if stored.isNormalized {
            let e164: String
            let national: String
            if let digits = stored.e164Digits {
                (e164, national) = Self.texts(e164Digits: digits, countryCode: stored.countryCode)
            } else {
                e164 = stored.e164Text.map(String.init(recordBytes:)) ?? ""
                national = stored.nationalText.map(String.init(recordBytes:)) ?? ""
            }
            let details = stored.details.map { byte in
                NormalizedPhone.Details(
                    isValid: byte & 0x80 != 0, type: phoneTypes[min(Int(byte & 0x0F), phoneTypes.count - 1)],
                    region: stored.detailsRegion.map(String.init(recordBytes:)))
            }
            normalized = NormalizedPhone(
                e164: e164, countryCode: stored.countryCode, nationalNumber: national,
                extension: stored.extension.map(String.init(recordBytes:)), details: details)
        }
        let failures = phoneFailures
        let problem = stored.problem.map { failures[min(Int($0), failures.count - 1)] }
        return ContactPhone(
            String(recordBytes: stored.raw), label: stored.label.map(String.init(recordBytes:)), normalized: normalized, problem: problem)
    }

    private static func email(_ stored: ContactRecordReader.Email) -> ContactEmail {
        var normalized: NormalizedEmail? = nil
        if stored.isNormalized, let localPart = stored.localPart, let ascii = stored.asciiDomain {
            let local = String(recordBytes: localPart)
            let asciiDomain = String(recordBytes: ascii)
            normalized = NormalizedEmail(
                address: stored.address.map(String.init(recordBytes:)) ?? Self.joinedAddress(localPart, ascii),
                localPart: local, asciiDomain: asciiDomain,
                unicodeDomain: stored.unicodeDomain.map(String.init(recordBytes:)) ?? asciiDomain,
                canonicalAddress: stored.canonical.map(String.init(recordBytes:)))
        }
        let problem = stored.problem.flatMap { try? JSONDecoder().decode(EmailNormalizationError.self, from: Data($0)) }
        return ContactEmail(
            String(recordBytes: stored.raw), label: stored.label.map(String.init(recordBytes:)), normalized: normalized, problem: problem)
    }

    /// The E.164 text ("+" and the digits) and the national number's text (the digits after the
    /// country code's) of compact E.164 digits, each written in one allocation.
    static func texts(e164Digits: UInt64, countryCode: Int) -> (e164: String, national: String) {
        withDecimalDigits(of: e164Digits) { text in
            var codeDigits = 0
            var code = countryCode
            while code > 0 { codeDigits += 1; code /= 10 }
            let nationalCount = max(0, text.count - codeDigits)
            let national = String(unsafeUninitializedCapacity: nationalCount) { out in
                for index in 0..<nationalCount { out[index] = text[codeDigits + index] }
                return nationalCount
            }
            return (plusAndDigits(text), national)
        }
    }

    /// The E.164 text alone of compact E.164 digits, in one allocation: what a look-up's summary
    /// shows (`summary`), which had written the national number's text too, for nothing.
    static func e164Text(e164Digits: UInt64) -> String {
        withDecimalDigits(of: e164Digits) { plusAndDigits($0) }
    }

    /// Calls `body` with the decimal digits of `value`, written on the stack (at most 23).
    private static func withDecimalDigits<R>(of value: UInt64, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of stack
        return withUnsafeMutableBytes(of: &digits) { storage in
            var count = 0
            var rest = value
            repeat {
                storage[23 - count] = UInt8(48 + rest % 10)
                count += 1
                rest /= 10
            } while rest > 0 && count < 23
            return body(UnsafeRawBufferPointer(rebasing: storage[(24 - count)...]))
        }
    }

    /// "+" and `digits`, in one allocation.
    private static func plusAndDigits(_ digits: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: digits.count + 1) { out in
            out[0] = UInt8(ascii: "+")
            for index in 0..<digits.count { out[index + 1] = digits[index] }
            return digits.count + 1
        }
    }

    /// "local@domain" in one allocation.
    static func joinedAddress(_ local: UnsafeRawBufferPointer, _ domain: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: local.count + 1 + domain.count) { out in
            for (index, byte) in local.enumerated() { out[index] = byte }
            out[local.count] = UInt8(ascii: "@")
            for (index, byte) in domain.enumerated() { out[local.count + 1 + index] = byte }
            return local.count + 1 + domain.count
        }
    }
}
