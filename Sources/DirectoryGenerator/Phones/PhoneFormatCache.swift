import ContactIndex
import Synchronization

/// libphonenumber's national and international formats, learned once per number shape and
/// replayed: a format call costs tens of microseconds (ICU regular expressions), and a directory
/// of a million rows formats millions of numbers.
///
/// A shape is the calling code, the first four national digits and the length. The first number
/// of a shape is formatted by libphonenumber; when the formatted text ends with the national
/// digits in order ("030 1234 5678" for 3012345678, "+44 20 7946 0958"), the text becomes a
/// template whose last digits are placeholders, and later numbers of the shape are written into
/// it. Shapes whose format moves digits around get no template and are always formatted by
/// libphonenumber. Every text is read back by `PhoneTextWriter` anyway.
final class PhoneFormatCache: Sendable {
    private struct Key: Hashable {
        var shape: String
        var national: Bool
    }

    /// A formatted text with the positions of the national digits (UTF-8 offsets).
    private struct Template {
        var bytes: [UInt8]
        var slots: [Int]
    }

    private let templates = Mutex<[Key: Template?]>([:])

    /// The formatted number, like `PhoneNormalizer.format(e164:national:)`.
    func format(e164: String, countryCodeLength: Int, national: Bool) -> String? {
        let digits = Array(e164.utf8.dropFirst())
        let nationalDigits = digits.dropFirst(countryCodeLength)
        guard nationalDigits.count >= 4 else { return PhoneNormalizer.format(e164: e164, national: national) }
        let key = Key(shape: String(decoding: digits.prefix(countryCodeLength + 4), as: UTF8.self) + "/\(digits.count)", national: national)
        if let known = templates.withLock({ $0[key] }) {
            guard let template = known else { return PhoneNormalizer.format(e164: e164, national: national) }
            var bytes = template.bytes
            for (slot, digit) in zip(template.slots, nationalDigits) { bytes[slot] = digit }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let formatted = PhoneNormalizer.format(e164: e164, national: national) else { return nil }
        let bytes = Array(formatted.utf8)
        let positions = bytes.indices.filter { bytes[$0] >= 48 && bytes[$0] <= 57 }
        var template: Template? = nil
        if positions.count >= nationalDigits.count {
            let slots = Array(positions.suffix(nationalDigits.count))
            if slots.map({ bytes[$0] }) == Array(nationalDigits) { template = Template(bytes: bytes, slots: slots) }
        }
        templates.withLock { $0[key] = .some(template) }
        return formatted
    }
}
