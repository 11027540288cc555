#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ContactRecord {
    /// What a list shows of a record, read from its bytes without rebuilding the `Contact`.
    /// - Parameters:
    ///   - bytes: the record.
    ///   - phonePosition: the phone that matched, or nil for the first one.
    ///   - emailPosition: the email that matched, or nil for the first one.
    /// - Returns: the summary; it equals what `Contact.name`, `ContactPhone.displayText` and the
    ///   email's `displayText` give on the decoded contact (`MatchSummaryTests` checks this).
    /// - Complexity: O(size of the record); a few strings (the id, the name, the phone and email).
    static func summary(
        _ bytes: UnsafeRawBufferPointer, phonePosition: Int?, emailPosition: Int?, score: Double, reason: MatchReason
    ) -> MatchSummary {
        var reader = ContactRecordReader(bytes)
        let header = reader.header()
        let entity = header.entityCode == 0xFF
            ? ContactEntity(rawValue: String(recordBytes: header.customEntity!))
            : standardEntities[Int(header.entityCode)]
        let id = String(recordBytes: header.id)
        var phone: String? = nil
        let phoneCount = reader.count()
        let wantedPhone = min(phonePosition ?? 0, max(phoneCount - 1, 0))
        for position in 0..<phoneCount {
            let stored = reader.phone()
            if position == wantedPhone { phone = displayText(stored) }
        }
        var email: String? = nil
        let emailCount = reader.count()
        if emailCount > 0 {
            let wantedEmail = min(emailPosition ?? 0, emailCount - 1)
            for position in 0...wantedEmail {
                let stored = reader.email()
                if position == wantedEmail { email = String(recordBytes: ContactRecordReader.writtenAddress(stored.raw)) }
            }
        }
        return MatchSummary(
            id: id, name: name(header, id: id), phone: phone, email: email, entity: entity, score: score, reason: reason,
            createdAt: header.createdAt.map(Date.init(timeIntervalSinceReferenceDate:)),
            updatedAt: header.updatedAt.map(Date.init(timeIntervalSinceReferenceDate:)))
    }

    /// A fingerprint of a record's bytes (`ContactDirectory.revision(id:)`,
    /// `ContactSnapshot.revision`): equal records give equal values, within one process.
    static func revision(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// `Contact.name` from a header: the display name, else first and last name joined by a
    /// space, else the company, else the id.
    private static func name(_ header: ContactRecordReader.Header, id: String) -> String {
        func present(_ field: UnsafeRawBufferPointer?) -> UnsafeRawBufferPointer? {
            guard let field, !field.isEmpty else { return nil }
            return field
        }
        if let display = present(header.displayName) { return String(recordBytes: display) }
        switch (present(header.firstName), present(header.lastName)) {
        case (let first?, let last?):
            return String(unsafeUninitializedCapacity: first.count + 1 + last.count) { out in
                for (index, byte) in first.enumerated() { out[index] = byte }
                out[first.count] = UInt8(ascii: " ")
                for (index, byte) in last.enumerated() { out[first.count + 1 + index] = byte }
                return first.count + 1 + last.count
            }
        case (let first?, nil): return String(recordBytes: first)
        case (nil, let last?): return String(recordBytes: last)
        case (nil, nil):
            if let company = present(header.company) { return String(recordBytes: company) }
            return id
        }
    }

    /// `ContactPhone.displayText` of a stored phone: E.164 (with `;ext=` and the extension), or
    /// the raw text when it did not parse.
    private static func displayText(_ stored: ContactRecordReader.Phone) -> String {
        guard stored.isNormalized else { return String(recordBytes: stored.raw) }
        let e164 = stored.e164Digits.map { e164Text(e164Digits: $0) }
            ?? stored.e164Text.map(String.init(recordBytes:)) ?? ""
        guard let ext = stored.extension else { return e164 }
        return e164 + ";ext=" + String(recordBytes: ext)
    }
}
