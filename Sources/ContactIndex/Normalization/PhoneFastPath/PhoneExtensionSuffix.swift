/// The extension written at the end of a number, in the forms CRM exports hold ("… ext. 359",
/// "… x106", "… #482", "…, Ext: 12"), split off as libphonenumber's parser splits it, so that
/// the phone fast path reads the number before it (`PhoneFastPath`).
///
/// libphonenumber strips an extension that matches its extension pattern at the end of the text
/// (`MaybeStripExtension`): separators (space, tab, comma), a label, an optional ":" or ".",
/// more separators (space, tab, comma, "-"), then the digits, and an optional "#". An explicit
/// label ("ext", "extn", "extension") takes up to 20 digits, an ambiguous one ("x", "#") up to
/// 9. The match that starts leftmost wins; here the number before the label holds only digits
/// and the fast path's punctuation, so no other of libphonenumber's extension forms can start
/// earlier.
///
/// Anything else is declined (nil), and the caller asks libphonenumber: other labels ("anexo",
/// "доб", "int", full-width letters), commas or a second label after the label, an extension
/// without a label ("555-1234 503#", ",,503"), more digits than the label allows, and a number
/// part that ends in "/" or "\" (where libphonenumber reads "/ x…" as a second number).
/// `PhoneFastPathDifferential` writes numbers with these extensions, and the tests compare
/// every answer with libphonenumber's.
enum PhoneExtensionSuffix {
    /// The most digits after an explicit label ("ext") and after an ambiguous one ("x", "#").
    static let explicitDigitLimit = 20
    static let ambiguousDigitLimit = 9

    /// The number before the extension and the extension's digits, as ranges of `bytes` (ASCII),
    /// or nil when the text does not end in an extension of the forms above.
    /// - Complexity: O(n) in the bytes.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (number: Range<Int>, digits: Range<Int>)? {
        var end = bytes.count
        // An optional "#" after the digits.
        if end > 0, bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        var start = end
        while start > 0, isDigit(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        let digits = start..<end
        // After the label: an optional ":" or ".", then spaces, tabs or "-" (no comma here).
        var position = start
        while position > 0, bytes[position - 1] == 32 || bytes[position - 1] == 9 || bytes[position - 1] == UInt8(ascii: "-") { position -= 1 }
        if position > 0, bytes[position - 1] == UInt8(ascii: ":") || bytes[position - 1] == UInt8(ascii: ".") { position -= 1 }
        guard let (labelStart, limit) = label(endingAt: position, in: bytes), digits.count <= limit else { return nil }
        // Before the label: spaces, tabs or commas.
        var numberEnd = labelStart
        while numberEnd > 0, bytes[numberEnd - 1] == 32 || bytes[numberEnd - 1] == 9 || bytes[numberEnd - 1] == UInt8(ascii: ",") { numberEnd -= 1 }
        guard numberEnd > 0 else { return nil }
        // "…/ x12": libphonenumber cuts a second number there, before the extension is read.
        var last = numberEnd - 1
        while last > 0, bytes[last] == 32 { last -= 1 }
        guard bytes[last] != UInt8(ascii: "/"), bytes[last] != UInt8(ascii: "\\") else { return nil }
        return (0..<numberEnd, digits)
    }

    /// The label that ends at `end` and where it starts, with the digit limit it allows; nil
    /// when there is none of the labels handled here.
    private static func label(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, limit: Int)? {
        guard end > 0 else { return nil }
        for word in explicitLabels where end >= word.count {
            let start = end - word.count
            // The whole word: a letter before it would make another label ("next 12").
            guard zip(bytes[start..<end], word).allSatisfy({ lowercased($0) == $1 }), start == 0 || !isLetter(bytes[start - 1]) else { continue }
            return (start, explicitDigitLimit)
        }
        let character = lowercased(bytes[end - 1])
        guard character == UInt8(ascii: "x") || character == UInt8(ascii: "#") else { return nil }
        guard end == 1 || !isLetter(bytes[end - 2]) else { return nil }
        return (end - 1, ambiguousDigitLimit)
    }

    /// The explicit labels, longest first.
    private static let explicitLabels: [[UInt8]] = ["extension", "extn", "ext"].map { Array($0.utf8) }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte >= 0x80 }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
