/// Finds a comma before a closing brace or bracket (`{"type":"a",}`), which JSON forbids.
///
/// Foundation's `JSONDecoder` on Linux accepts such a comma; a browser's `JSON.parse` (and so
/// the page that would read the same message) throws. The engine refuses it as `malformed`,
/// whichever path reads the message (the decoders call this first; the flat scanner gives up on
/// it).
enum TrailingCommaCheck {
    /// Whether `json` has a comma followed, past white space, by `}` or `]`, outside strings.
    /// - Complexity: O(n) in the bytes.
    static func hasTrailingComma(in json: [UInt8]) -> Bool {
        json.withUnsafeBufferPointer { bytes in
            var inString = false
            var escaped = false
            var afterComma = false
            for byte in bytes {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    afterComma = false
                case UInt8(ascii: ","):
                    afterComma = true
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if afterComma { return true }
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                default:
                    afterComma = false
                }
            }
            return false
        }
    }

    /// The error for such a message.
    static var error: ScreenPopError {
        ScreenPopError(code: .malformed, message: "not valid JSON: a comma before a closing } or ]")
    }
}
