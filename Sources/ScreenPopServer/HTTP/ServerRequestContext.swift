import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The context of one request to the sidecar: Hummingbird's core storage, the connection it came
/// on (for the per-connection rate limit), and, on a WebSocket upgrade, what the ticket granted.
public struct ServerRequestContext: RequestContext, WebSocketRequestContext {
    /// Hummingbird's storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// The WebSocket handler, set when the request upgrades.
    public let webSocket: WebSocketHandlerReference<ServerRequestContext>
    /// The connection's channel.
    public let channel: any Channel
    /// The grant of the ticket redeemed for a WebSocket upgrade.
    var grant: TicketStore.Grant?
    /// The page's origin, checked, on a WebSocket upgrade.
    var pageOrigin: String?

    /// Creates the context for a request on a connection.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.channel = source.channel
    }

    /// Request bodies are read by each route with its own limit; this is the ceiling for decoding.
    public var maxUploadSize: Int { 256 * 1024 }
}
