#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ContactRecord {
    /// Appends the record's summary to `packed`: what `summary(_:…)` reads, with the texts
    /// copied from the record's bytes (no `String` made).
    /// - Parameters:
    ///   - phonePosition: the phone to show (the first when nil or out of range).
    ///   - emailPosition: the email to show (the first when nil or out of range).
    static func appendSummary(
        _ bytes: UnsafeRawBufferPointer, phonePosition: Int?, emailPosition: Int?, score: Double, reason: MatchReason,
        to packed: inout PackedSummaries
    ) {
        var reader = ContactRecordReader(bytes)
        let header = reader.header()
        let ranking = PackedSummaries.Ranking(
            score: score, reason: reason, createdAt: header.createdAt.map(Date.init(timeIntervalSinceReferenceDate:)),
            updatedAt: header.updatedAt.map(Date.init(timeIntervalSinceReferenceDate:)))
        packed.append(ranking) { texts in
            PackedText.append(header.id, to: &texts)
            appendName(header, to: &texts)
            let phoneCount = reader.count()
            let wantedPhone = min(phonePosition ?? 0, max(phoneCount - 1, 0))
            var phoneWritten = false
            for position in 0..<phoneCount {
                let stored = reader.phone()
                if position == wantedPhone {
                    appendDisplayText(stored, to: &texts)
                    phoneWritten = true
                }
            }
            if !phoneWritten { PackedText.append(nil as UnsafeRawBufferPointer?, to: &texts) }
            let emailCount = reader.count()
            if emailCount > 0 {
                let wantedEmail = min(emailPosition ?? 0, emailCount - 1)
                for position in 0...wantedEmail {
                    let stored = reader.email()
                    if position == wantedEmail { PackedText.append(stored.raw, to: &texts) }
                }
            } else {
                PackedText.append(nil as UnsafeRawBufferPointer?, to: &texts)
            }
            if header.entityCode == 0xFF {
                PackedText.append(header.customEntity, to: &texts)
            } else {
                PackedText.append(standardEntities[Int(header.entityCode)].rawValue, to: &texts)
            }
        }
    }

    /// `name(_:id:)` as packed text: the display name, else first and last name joined by a
    /// space, else either, else the company, else the id.
    private static func appendName(_ header: ContactRecordReader.Header, to texts: inout [UInt8]) {
        func present(_ field: UnsafeRawBufferPointer?) -> UnsafeRawBufferPointer? {
            guard let field, !field.isEmpty else { return nil }
            return field
        }
        if let display = present(header.displayName) { return PackedText.append(display, to: &texts) }
        switch (present(header.firstName), present(header.lastName)) {
        case (let first?, let last?):
            PackedText.appendLength(UInt32(truncatingIfNeeded: first.count + 1 + last.count), to: &texts)
            texts.append(contentsOf: first)
            texts.append(UInt8(ascii: " "))
            texts.append(contentsOf: last)
        case (let first?, nil): PackedText.append(first, to: &texts)
        case (nil, let last?): PackedText.append(last, to: &texts)
        case (nil, nil): PackedText.append(present(header.company) ?? header.id, to: &texts)
        }
    }

    /// `displayText(_:)` as packed text: E.164 (with `;ext=` and the extension), or the raw
    /// text when it did not parse.
    private static func appendDisplayText(_ stored: ContactRecordReader.Phone, to texts: inout [UInt8]) {
        guard stored.isNormalized else { return PackedText.append(stored.raw, to: &texts) }
        let lengthAt = texts.count
        PackedText.appendLength(0, to: &texts)
        if let digits = stored.e164Digits {
            texts.append(UInt8(ascii: "+"))
            appendDecimal(digits, to: &texts)
        } else if let e164 = stored.e164Text {
            texts.append(contentsOf: e164)
        }
        if let ext = stored.extension {
            texts.append(contentsOf: ";ext=".utf8)
            texts.append(contentsOf: ext)
        }
        let length = UInt32(truncatingIfNeeded: texts.count - lengthAt - 4).littleEndian
        withUnsafeBytes(of: length) { for (index, byte) in $0.enumerated() { texts[lengthAt + index] = byte } }
    }

    /// The decimal digits of `value` (at least one).
    private static func appendDecimal(_ value: UInt64, to texts: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of stack
        withUnsafeMutableBytes(of: &digits) { storage in
            var count = 0
            var rest = value
            repeat {
                storage[23 - count] = UInt8(48 + rest % 10)
                count += 1
                rest /= 10
            } while rest > 0 && count < 24
            texts.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[(24 - count)...]))
        }
    }
}
