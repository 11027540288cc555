import Foundation
import Hummingbird
import ScreenPop

/// An error the API answers with: an HTTP status and `{"error":{"code","message"[,"field"]}}`.
///
/// Every failure reaches the client in this shape; nothing else (no stack trace, no internal
/// type name) is ever written. Codes are short stable words a client can switch on.
public struct APIError: Error, Sendable, Hashable, HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable code ("unauthorized", "origin-not-allowed", "message-too-large"…).
    public var code: String
    /// What is wrong, for people.
    public var message: String
    /// The field concerned, when one is.
    public var field: String?
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    /// "401 unauthorized: …".
    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON body.
    public var body: [UInt8] {
        var object: [String: String] = ["code": code, "message": message]
        if let field { object["field"] = field }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(["error": object]))) ?? Array(#"{"error":{"code":"internal","message":"internal error"}}"#.utf8)
    }

    /// The response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIError {
    /// 401: no bearer token, or the wrong one.
    static let unauthorized = APIError(
        .unauthorized, code: "unauthorized", message: "a valid bearer token is required (Authorization: Bearer …)",
        headers: [.wwwAuthenticate: #"Bearer realm="screenpop""#])

    /// 403: a browser page whose origin is not on the allow-list.
    static func originNotAllowed(_ origin: String) -> APIError {
        APIError(.forbidden, code: "origin-not-allowed", message: "the origin \(origin.debugDescription) is not on the allow-list")
    }

    /// 403: a WebSocket upgrade without an Origin header.
    static let originMissing = APIError(.forbidden, code: "origin-required", message: "a WebSocket upgrade must come from a page (Origin header)")

    /// 401: a WebSocket ticket that is missing, unknown, used or expired.
    static func badTicket(_ reason: String) -> APIError {
        APIError(.unauthorized, code: "invalid-ticket", message: reason)
    }

    /// 429: the connection sends faster than its rate limit.
    static func rateLimited(retryAfter: Duration) -> APIError {
        let seconds = max(1, Int((Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18).rounded(.up)))
        return APIError(
            .tooManyRequests, code: "rate-limited", message: "this connection sends faster than its limit; retry in \(seconds) s",
            headers: [.retryAfter: String(seconds)])
    }

    /// 413: a body larger than the limit.
    static func tooLarge(limit: Int, what: String) -> APIError {
        APIError(.contentTooLarge, code: what == "message" ? "message-too-large" : "body-too-large", message: "the \(what) is larger than \(limit) bytes")
    }

    /// 404: no such route.
    static func notFound(_ method: HTTPRequest.Method, _ path: String) -> APIError {
        APIError(.notFound, code: "not-found", message: "no route for \(method.rawValue) \(path)")
    }

    /// 503: too many tickets outstanding.
    static func tooManyTickets(_ capacity: Int) -> APIError {
        APIError(.serviceUnavailable, code: "too-many-tickets", message: "\(capacity) tickets are outstanding; try again shortly")
    }

    /// 400: a malformed request body.
    static func malformed(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code: "malformed", message: message, field: field)
    }

    /// The status and error for an engine failure on `POST /v1/messages`.
    static func engine(_ error: ScreenPopError) -> APIError {
        let status: HTTPResponse.Status = switch error.code {
        case .malformed: .badRequest
        case .messageTooLarge: .contentTooLarge
        default: .unprocessableContent
        }
        return APIError(status, code: error.code.rawValue, message: error.message, field: error.field)
    }

    /// 500 without details (the details go to the log).
    static let internalError = APIError(.internalServerError, code: "internal", message: "the server could not complete the request")
}
