#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ContactRecord {
    /// The most bytes `appendSummary` writes for a record of `recordBytes` bytes: its texts are
    /// slices of the record (the id at most twice, as id and as name), or (the phone) at most
    /// 20 digits, "+" and ";ext=", plus the five counts, a space in the name, and a standard
    /// entity's name.
    static func packedSummaryBound(recordBytes: Int) -> Int {
        2 * recordBytes + 64
    }

    /// Writes the record's summary texts into `texts` (what `summary(_:…)` reads, copied from
    /// the record's bytes: no `String` made) and returns its ranking.
    /// - Parameters:
    ///   - phonePosition: the phone to show (the first when nil or out of range).
    ///   - emailPosition: the email to show (the first when nil or out of range).
    static func appendSummary(
        _ bytes: UnsafeRawBufferPointer, phonePosition: Int?, emailPosition: Int?, score: Double, reason: MatchReason,
        to texts: inout PackedText.Writer
    ) -> PackedSummaries.Ranking {
        var reader = ContactRecordReader(bytes)
        let header = reader.header()
        texts.append(header.id)
        appendName(header, to: &texts)
        let phoneCount = reader.count()
        if phoneCount == 0 {
            texts.append(nil)
        } else {
            let wantedPhone = min(phonePosition ?? 0, phoneCount - 1)
            for _ in 0..<wantedPhone { reader.skipPhone() }
            appendDisplayText(reader.phoneDisplay(), to: &texts)
            for _ in (wantedPhone + 1)..<phoneCount { reader.skipPhone() }
        }
        let emailCount = reader.count()
        if emailCount == 0 {
            texts.append(nil)
        } else {
            let wantedEmail = min(emailPosition ?? 0, emailCount - 1)
            for _ in 0..<wantedEmail { _ = reader.emailRaw() }
            texts.append(reader.emailDisplay())
        }
        if header.entityCode == 0xFF {
            texts.append(header.customEntity)
        } else {
            standardEntityNames[Int(header.entityCode)].withUnsafeBytes { texts.append($0) }
        }
        return PackedSummaries.Ranking(
            score: score, reason: reason, createdAt: header.createdAt.map(Date.init(timeIntervalSinceReferenceDate:)),
            updatedAt: header.updatedAt.map(Date.init(timeIntervalSinceReferenceDate:)))
    }

    /// The raw values of `standardEntities` as bytes, made once (not a `String` per record).
    private static let standardEntityNames: [[UInt8]] = standardEntities.map { Array($0.rawValue.utf8) }

    /// `name(_:id:)` as packed text: the display name, else first and last name joined by a
    /// space, else either, else the company, else the id.
    private static func appendName(_ header: ContactRecordReader.Header, to texts: inout PackedText.Writer) {
        func present(_ field: UnsafeRawBufferPointer?) -> UnsafeRawBufferPointer? {
            guard let field, !field.isEmpty else { return nil }
            return field
        }
        if let display = present(header.displayName) { return texts.append(display) }
        switch (present(header.firstName), present(header.lastName)) {
        case (let first?, let last?):
            texts.appendLength(UInt32(truncatingIfNeeded: first.count + 1 + last.count))
            texts.appendBytes(first)
            texts.appendByte(UInt8(ascii: " "))
            texts.appendBytes(last)
        case (let first?, nil): texts.append(first)
        case (nil, let last?): texts.append(last)
        case (nil, nil): texts.append(present(header.company) ?? header.id)
        }
    }

    /// `displayText(_:)` as packed text: E.164 (with `;ext=` and the extension), or the raw
    /// text when it did not parse.
    private static func appendDisplayText(_ stored: ContactRecordReader.PhoneDisplay, to texts: inout PackedText.Writer) {
        guard stored.isNormalized else { return texts.append(stored.raw) }
        let start = texts.beginText()
        if let digits = stored.e164Digits {
            texts.appendByte(UInt8(ascii: "+"))
            appendDecimal(digits, to: &texts)
        } else if let e164 = stored.e164Text {
            texts.appendBytes(e164)
        }
        if let ext = stored.extension {
            for byte in ";ext=".utf8 { texts.appendByte(byte) }
            texts.appendBytes(ext)
        }
        texts.endText(start)
    }

    /// The decimal digits of `value` (at least one; at most 20), two at a time.
    private static func appendDecimal(_ value: UInt64, to texts: inout PackedText.Writer) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of stack
        withUnsafeMutableBytes(of: &digits) { storage in
            var start = 24
            var rest = value
            while rest >= 100 {
                let pair = Int(rest % 100)
                rest /= 100
                start -= 2
                storage[start] = UInt8(48 + pair / 10)
                storage[start + 1] = UInt8(48 + pair % 10)
            }
            if rest >= 10 {
                start -= 2
                storage[start] = UInt8(48 + rest / 10)
                storage[start + 1] = UInt8(48 + rest % 10)
            } else {
                start -= 1
                storage[start] = UInt8(48 + rest)
            }
            texts.appendBytes(UnsafeRawBufferPointer(rebasing: storage[start...]))
        }
    }
}
