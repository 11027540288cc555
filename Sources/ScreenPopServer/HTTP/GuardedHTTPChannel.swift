import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// A connection's channel (`Base`, HTTP/1.1 with the WebSocket upgrade) with a
/// `RequestHeadGuard` right after its HTTP decoder, from the moment the connection is accepted.
///
/// Hummingbird's own per-connection handlers (`additionalChannelHandlers`, the idle timeout)
/// join the pipeline only after the first request head, so the guard is added here instead.
struct GuardedHTTPChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    /// The channel guarded.
    let base: Base
    /// How long a new connection has to send its first complete request head.
    let requestHeadTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(RequestHeadGuard(timeout: requestHeadTimeout), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
