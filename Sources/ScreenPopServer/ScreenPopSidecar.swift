import ContactIndex
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ScreenPop
import Synchronization

/// The host bridge's sidecar: an HTTP and WebSocket server over a `ScreenPopEngine` and a
/// `LiveDirectory`.
///
/// ```swift
/// let directory = LiveDirectory(loadedDirectory)
/// let sidecar = ScreenPopSidecar(
///     configuration: ServerConfiguration(token: token, allowedOrigins: [try PageOrigin("https://crm.example.com")]),
///     directory: directory)
/// try await sidecar.makeApplication().runService()
/// ```
///
/// Routes (all under a bearer token but `/healthz` and the WebSocket, which takes a ticket):
///
/// | Route | What |
/// |---|---|
/// | `POST /v1/messages[?agent=…]` | one softphone message in, `{reply, actions}` out |
/// | `GET /v1/ws?ticket=…` | a page's WebSocket (see `BridgeFrame`) |
/// | `POST /v1/tickets` | a single-use ticket for a page's WebSocket |
/// | `POST /v1/agents/{agent}/commands` | push a command (`onclicktoact`…) to an agent's pages |
/// | `GET /v1/agents` | the agents connected |
/// | `GET/PUT/DELETE /v1/contacts/{id}` | one record |
/// | `POST /v1/contacts/import?mode=replace\|merge[&allowEmpty=true]` | a CSV upload (replace when no mode); NDJSON progress and report, or a 4xx when it fails early |
/// | `GET /v1/search?q=…&limit=…` | ranked records for free text |
/// | `GET /healthz` | liveness, no token |
/// | `GET /metrics` | Prometheus text |
///
/// Each agent has its own engagements (`AgentEngines`): a page's messages are read against the
/// engagements of the agent its ticket names, and `POST /v1/messages?agent=…` against that
/// agent's. So one agent's selection or note never lands on another agent's engagement, and a
/// call transferred to another agent under the same `engagementId` is popped for them too.
/// Messages with no agent share `engine`.
public final class ScreenPopSidecar: Sendable {
    /// The configuration.
    public let configuration: ServerConfiguration
    /// The contacts, changed by the contact routes while the engine reads them.
    public let directory: LiveDirectory
    /// The engine of messages that name no agent (`POST /v1/messages` without `agent`, a page
    /// whose ticket names none); each agent has its own (`engines`).
    public let engine: ScreenPopEngine
    /// The metrics.
    public let metrics: ServerMetrics
    let engines: AgentEngines
    let tickets: TicketStore
    let limiter: ConnectionRateLimiter
    let hub: AgentHub
    let clock: ServerClock
    let secret: [UInt8]
    let importRunning = Atomic<Bool>(false)
    let refusals = UpgradeRefusals()

    /// Creates a sidecar.
    /// - Parameters:
    ///   - configuration: where to listen, the token, the origins, the limits.
    ///   - directory: the live directory to serve and change.
    ///   - engineConfiguration: the engine's configuration; its message limit is set from
    ///     `configuration.maximumMessageBytes`.
    ///   - metrics: where metrics go (a fresh registry by default).
    ///   - clock: the clock of tickets and rate limits.
    public init(
        configuration: ServerConfiguration,
        directory: LiveDirectory,
        engineConfiguration: ScreenPopConfiguration = .init(),
        metrics: ServerMetrics = ServerMetrics(),
        clock: ServerClock = .system
    ) {
        self.configuration = configuration
        self.directory = directory
        var engineConfiguration = engineConfiguration
        engineConfiguration.maximumMessageBytes = configuration.maximumMessageBytes
        self.engines = AgentEngines(directory: directory, configuration: engineConfiguration, capacity: configuration.maximumAgents)
        self.engine = engines.shared
        self.metrics = metrics
        self.clock = clock
        self.secret = Array(configuration.token.utf8)
        self.tickets = TicketStore(lifetime: configuration.ticketLifetime, capacity: configuration.maximumOutstandingTickets, clock: clock)
        self.limiter = ConnectionRateLimiter(rate: configuration.rateLimitPerSecond, burst: configuration.rateLimitBurst, clock: clock)
        self.hub = AgentHub(capacity: configuration.maximumQueuedCommands)
    }

    /// The Hummingbird application: HTTP/1.1 with the WebSocket upgrade on `/v1/ws`.
    ///
    /// A new connection has `requestHeadTimeout` to send its first request head
    /// (`GuardedHTTPChannel`), a kept-alive one `idleTimeout` between requests; an open WebSocket
    /// is pinged every 30 s and closed when the page stops answering. At most
    /// `maximumConnections` connections are open at once (fewer if the open-file limit is low);
    /// further ones wait in the listen backlog.
    /// - Parameters:
    ///   - logger: the server's logger.
    ///   - onServerRunning: called with the bound port once the server listens.
    public func makeApplication(
        logger: Logger = Logger(label: "screenpop-server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let webSocketResponder = makeWebSocketRouter().buildResponder()
        let channelConfiguration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(additionalChannelHandlers: [UpgradeRefusalHandler(refusals: self.refusals)], idleTimeout: TimeAmount(configuration.idleTimeout)),
            ws: .init(maxFrameSize: configuration.maximumWebSocketMessageBytes, autoPing: .enabled(timePeriod: .seconds(30))))
        let requestHeadTimeout = TimeAmount(configuration.requestHeadTimeout)
        let connectionCap = OpenFileLimit.connectionCap(configured: configuration.maximumConnections, limit: OpenFileLimit.current)
        if connectionCap < configuration.maximumConnections {
            logger.warning(
                "at most \(connectionCap) connections, not \(configuration.maximumConnections): the open-file limit (ulimit -n) is too low",
                metadata: ["limit": "\(OpenFileLimit.current ?? 0)"])
        }
        return Application(
            router: makeRouter(),
            server: HTTPServerBuilder { responder in
                GuardedHTTPChannel(
                    base: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: channelConfiguration),
                    requestHeadTimeout: requestHeadTimeout)
            },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(connectionCap, logger: logger)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// The HTTP routes, behind the middlewares (metrics, origin, JSON errors, rate limit, token).
    func makeRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: OriginMiddleware(allowed: configuration.allowedOrigins, metrics: metrics))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: RateLimitMiddleware(limiter: limiter, metrics: metrics))
        router.add(middleware: BearerTokenMiddleware(secret: secret, metrics: metrics))
        addHealthRoutes(to: router)
        addMessageRoutes(to: router)
        addTicketRoutes(to: router)
        addAgentRoutes(to: router)
        addContactRoutes(to: router)
        addSearchRoutes(to: router)
        addWebSocketFallbackRoute(to: router)
        return router
    }
}
