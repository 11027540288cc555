import Hummingbird
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Why WebSocket upgrades were refused, by connection, until the refusal is written.
///
/// Hummingbird answers a refused upgrade with a bare `400` and closes the connection. The gate
/// records the real reason here, and `UpgradeRefusalHandler` (one per connection, in the HTTP
/// pipeline) turns that bare 400 into the reason's status and JSON error, so that a refused
/// upgrade is answered like every other API error (403 `origin-not-allowed`, 401
/// `invalid-ticket`…).
final class UpgradeRefusals: Sendable {
    private let refusals = Mutex<[ObjectIdentifier: APIError]>([:])

    /// Records why the upgrade on `channel` is refused.
    func record(_ error: APIError, channel: any Channel) {
        let id = ObjectIdentifier(channel)
        refusals.withLock { $0[id] = error }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.refusals.withLock { $0.removeValue(forKey: id) }
        }
    }

    /// Takes the refusal recorded for `channel`.
    func take(channel: any Channel) -> APIError? {
        refusals.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}

/// Rewrites the bare `400` of a refused WebSocket upgrade into the recorded JSON error; passes
/// every other response through untouched.
final class UpgradeRefusalHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let refusals: UpgradeRefusals
    private var pendingBody: ByteBuffer?

    init(refusals: UpgradeRefusals) {
        self.refusals = refusals
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status == .badRequest && head.headerFields[.contentLength] == "0":
            guard let error = refusals.take(channel: context.channel) else {
                context.write(data, promise: promise)
                return
            }
            let body = ByteBuffer(bytes: error.body)
            var fields = error.headers
            fields[.contentType] = "application/json; charset=utf-8"
            fields[.contentLength] = String(body.readableBytes)
            fields[.connection] = "close"
            fields[.cacheControl] = "no-store"
            pendingBody = body
            context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: fields))), promise: promise)
        case .end(let trailers) where pendingBody != nil:
            let body = pendingBody.take()!
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}
