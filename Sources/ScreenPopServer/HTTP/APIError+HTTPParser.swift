import Hummingbird
import NIOHTTP1

extension APIError {
    /// The answer to a request that the HTTP parser rejects: 431 for a head too large,
    /// 501 for a method it does not know, 400 for anything else (a malformed or conflicting
    /// `Content-Length`, `Transfer-Encoding` with `Content-Length`, a bad chunk size, a request
    /// line without a version, bytes that are not HTTP). Always with `Connection: close`: the
    /// rest of the connection can no longer be read as requests.
    static func malformedHTTP(_ error: HTTPParserError) -> APIError {
        let close: HTTPFields = [.connection: "close"]
        switch error {
        case .headerOverflow:
            return APIError(
                .requestHeaderFieldsTooLarge, code: "head-too-large",
                message: "the request head is too large (at most 80 KiB and 1,000 fields)", headers: close)
        case .invalidMethod:
            return APIError(.notImplemented, code: "method-not-implemented", message: "the request method is not one the server knows", headers: close)
        case .unknown, .invalidInternalState, .paused, .strictModeAssertion:
            // The parser's words for these name its internals, not the request.
            return APIError(.badRequest, code: "malformed-http", message: "the request is not valid HTTP/1.1", headers: close)
        default:
            return APIError(.badRequest, code: "malformed-http", message: "the request is not valid HTTP/1.1: \(error.debugDescription)", headers: close)
        }
    }
}
