import Hummingbird

/// The bearer token on every API call (`/v1/…` but the WebSocket, which takes a ticket, and
/// `/metrics`), compared in constant time. A missing or wrong token gets 401 `unauthorized`.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let secret: [UInt8]
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let protected = (path.hasPrefix("/v1/") && path != "/v1/ws") || path == "/metrics"
        if protected, !Self.authorized(request.headers[.authorization], secret: secret) {
            metrics.rejectedRequest(reason: "unauthorized")
            throw APIError.unauthorized
        }
        return try await next(request, context)
    }

    /// Whether the `Authorization` header carries the token ("Bearer" in any case, one space).
    static func authorized(_ header: String?, secret: [UInt8]) -> Bool {
        guard let header else { return false }
        let bytes = Array(header.utf8)
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return false }
        return ConstantTime.equal(bytes[scheme.count...], secret)
    }
}
