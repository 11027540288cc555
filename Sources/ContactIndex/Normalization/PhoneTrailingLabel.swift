/// A label written after a phone number in the same cell: "650 555 5555 (mobile)",
/// "+44 20 7946 0958 [Büro]".
///
/// The label is a trailing group in parentheses or square brackets that holds only letters
/// (of any script) and spaces, after a number that has at least one digit. It is cut off
/// before parsing, since libphonenumber would read its letters as vanity digits ("mobile" →
/// 662453). Vanity numbers ("1-800-FLOWERS") have no brackets, and extensions ("x12",
/// "ext. 123") have digits, so neither is touched.
enum PhoneTrailingLabel {
    /// The number without its trailing label, and the label (trimmed), as ranges of `bytes`;
    /// nil when the text ends in no such label.
    /// - Complexity: O(n) in the bytes.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (number: Range<Int>, label: Range<Int>)? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > 0 else { return nil }
        let opening: UInt8
        switch bytes[end - 1] {
        case UInt8(ascii: ")"): opening = UInt8(ascii: "(")
        case UInt8(ascii: "]"): opening = UInt8(ascii: "[")
        default: return nil
        }
        guard let open = bytes[..<(end - 1)].lastIndex(of: opening) else { return nil }
        // The label: letters and spaces only, at least one letter.
        var labelStart = open + 1
        var labelEnd = end - 1
        while labelStart < labelEnd, bytes[labelStart] == 0x20 { labelStart += 1 }
        while labelEnd > labelStart, bytes[labelEnd - 1] == 0x20 { labelEnd -= 1 }
        guard labelStart < labelEnd else { return nil }
        let label = String(utf8Bytes: UnsafeBufferPointer(rebasing: bytes[labelStart..<labelEnd]))
        guard label.unicodeScalars.allSatisfy({ $0 == " " || $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }) else {
            return nil
        }
        // The number before it must have a digit.
        var numberEnd = open
        while numberEnd > 0, bytes[numberEnd - 1] == 0x20 || bytes[numberEnd - 1] == 0x09 { numberEnd -= 1 }
        guard bytes[..<numberEnd].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return (0..<numberEnd, labelStart..<labelEnd)
    }

    /// The text without its trailing label (the text itself when it has none).
    static func strippingLabel(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let (number, _) = split(bytes) else { return text }
            return String(utf8Bytes: UnsafeBufferPointer(rebasing: bytes[number]))
        }
    }

    /// The trailing label of the text, or nil.
    static func label(of text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            split(bytes).map { String(utf8Bytes: UnsafeBufferPointer(rebasing: bytes[$0.label])) }
        }
    }
}
