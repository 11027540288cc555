import Foundation

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
    /// - Complexity: O(n) in the segment's bytes; a segment without "%" is returned as it is.
    static func decode(_ raw: String, field: String) throws(APIError) -> String {
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        // Foundation's decoding: nil for a "%" without two hex digits after it, or for bytes
        // that are not UTF-8 once decoded.
        guard let text = raw.removingPercentEncoding else {
            throw invalid(field, "\(field) has a \"%\" not followed by two hex digits, or is not UTF-8 once decoded (write a % as %25)")
        }
        return text
    }

    private static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid-path-encoding", message: message, field: field)
    }
}
