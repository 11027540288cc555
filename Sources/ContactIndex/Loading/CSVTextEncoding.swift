#if canImport(Glibc)
import Glibc
#endif

/// The character encoding of a CSV file's bytes.
///
/// UTF-8 is checked: a field that is not valid UTF-8 is reported (row and column) and read with
/// U+FFFD in place of the bad bytes. Windows-1252 and ISO-8859-1 (Latin-1) are single-byte
/// encodings that every byte sequence is valid in; pick one when the exporting tool wrote it (old
/// Excel and Outlook exports on Windows).
public enum CSVTextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 (a leading byte-order mark is skipped).
    case utf8 = "utf-8"
    /// Windows code page 1252 (Western European).
    case windows1252 = "windows-1252"
    /// ISO-8859-1: every byte is the code point of the same value.
    case latin1 = "iso-8859-1"
}

/// Turns the bytes of one field into a `String` in a `CSVTextEncoding`.
enum CSVTextDecoder {
    /// Decodes `bytes`. For UTF-8, `invalidOffset` receives the offset of the first byte that is
    /// not valid UTF-8 (and the result has U+FFFD in its place); it is left alone otherwise.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, encoding: CSVTextEncoding, invalidOffset: inout Int?) -> String {
        switch encoding {
        case .utf8:
            // The string initializer repairs invalid sequences: when the bytes come out changed,
            // the input was not valid UTF-8.
            let text = String(utf8Bytes: bytes)
            if !bytes.contains(where: { $0 >= 0x80 }) { return text }
            var copy = text
            let unchanged = copy.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            if !unchanged { invalidOffset = firstInvalidUTF8Offset(bytes) }
            return text
        case .latin1, .windows1252:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(utf8Bytes: bytes) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                let value: UInt32 = encoding == .windows1252 && byte >= 0x80 && byte <= 0x9F
                    ? UInt32(windows1252High[Int(byte - 0x80)]) : UInt32(byte)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (the WHATWG encoding index); the five
    /// unassigned bytes map to the C1 control of the same value, as WHATWG specifies.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
