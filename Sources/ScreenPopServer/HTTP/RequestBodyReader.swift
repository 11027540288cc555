import Hummingbird
import NIOCore

extension Request {
    /// The whole body, refused with 413 when `Content-Length` or the bytes read exceed `limit`.
    /// - Parameters:
    ///   - limit: the most bytes accepted.
    ///   - what: what the body is ("message", "contact"), for the error.
    func collectBody(limit: Int, what: String) async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limit: limit, what: what)
        }
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit, what: what)
        }
    }
}
