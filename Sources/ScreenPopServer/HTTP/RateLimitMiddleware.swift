import Hummingbird

/// The per-connection rate limit on the API (`/v1/…`): a token bucket per connection; over the
/// limit, 429 `rate-limited` with `Retry-After`, and the connection stays open.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let limiter: ConnectionRateLimiter
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/v1/"), let wait = limiter.take(channel: context.channel) {
            metrics.rejectedRequest(reason: "rate-limited")
            if request.uri.path == "/v1/messages" { metrics.rejectedMessage(reason: "rate-limited", transport: "http") }
            throw APIError.rateLimited(retryAfter: wait)
        }
        return try await next(request, context)
    }
}
