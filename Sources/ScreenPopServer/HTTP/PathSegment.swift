/// One segment of a request's path, percent-decoded (RFC 3986, section 2.1).
///
/// Why: the router hands route parameters over as they were written in the URL, and a client
/// that builds `/v1/contacts/{id}` with `encodeURIComponent` or `urllib.parse.quote` writes the
/// id "ACME 001" as `ACME%20001` and "Müller-7" as `M%C3%BCller-7`. Read raw, such an id names
/// no record, and a `PUT` creates a second one whose id is the escape. The segment is decoded
/// after the router split the path, so `%2F` is a `/` inside the id, not a separator.
///
/// `+` is kept as it is: it means a space only in a form-encoded query, never in a path.
enum PathSegment {
    /// Decodes a route parameter.
    /// - Parameters:
    ///   - raw: the segment as the URL wrote it.
    ///   - field: the parameter's name, for the error ("id", "agent").
    /// - Returns: the text, with each `%XX` replaced by its byte, read as UTF-8.
    /// - Throws: `APIError` 400 `invalid-path-encoding` naming the field, when a `%` is not
    ///   followed by two hex digits, or when the decoded bytes are not UTF-8.
    /// - Complexity: O(n) in the segment's bytes.
    static func decode(_ raw: String, field: String) throws(APIError) -> String {
        let utf8 = raw.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return raw }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                index = utf8.index(after: index)
                continue
            }
            let high = utf8.index(after: index)
            let low = high == utf8.endIndex ? high : utf8.index(after: high)
            guard low != utf8.endIndex, let value = hexValue(utf8[high]).flatMap({ h in hexValue(utf8[low]).map { h << 4 | $0 } }) else {
                let offset = utf8.distance(from: utf8.startIndex, to: index)
                throw invalid(field, "\(field) has a \"%\" at byte \(offset) that is not followed by two hex digits (write a % as %25)")
            }
            bytes.append(value)
            index = utf8.index(after: low)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw invalid(field, "\(field) is not UTF-8 once its %-escapes are decoded")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid-path-encoding", message: message, field: field)
    }
}
