import Hummingbird

/// The origin allow-list for requests made by browser pages (CORS), never a wildcard.
///
/// A request without an `Origin` header (a host backend, curl) passes untouched. A request from a
/// page whose origin is on the list gets `Access-Control-Allow-Origin: <that origin>` and
/// `Vary: Origin`; a preflight (`OPTIONS`) from it gets the allowed methods and headers. Any other
/// origin gets 403 `origin-not-allowed`, preflight or not.
struct OriginMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let allowed: Set<String>
    let metrics: ServerMetrics

    init(allowed: Set<PageOrigin>, metrics: ServerMetrics) {
        self.allowed = Set(allowed.map(\.text))
        self.metrics = metrics
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        guard allowed.contains(origin) else {
            metrics.rejectedRequest(reason: "origin-not-allowed")
            var response = try APIError.originNotAllowed(origin).response(from: request, context: context)
            response.headers[.vary] = "Origin"
            return response
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .noContent)
            addHeaders(&response, origin: origin)
            response.headers[.accessControlAllowMethods] = "GET, POST, PUT, DELETE, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
            response.headers[.accessControlMaxAge] = "600"
            return response
        }
        var response = try await next(request, context)
        addHeaders(&response, origin: origin)
        return response
    }

    private func addHeaders(_ response: inout Response, origin: String) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }
}
