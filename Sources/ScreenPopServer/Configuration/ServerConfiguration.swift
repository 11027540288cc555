import Foundation

/// How the sidecar listens, who may call it, and its limits. Every default is the safe one:
/// loopback only, no page origin allowed, small messages, a modest rate per connection.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String
    /// The port to bind (0 picks a free one).
    public var port: Int
    /// The bearer token every API call must present (`Authorization: Bearer …`).
    public var token: String
    /// The page origins allowed to open the WebSocket and to call the API from a browser.
    public var allowedOrigins: Set<PageOrigin>
    /// The largest softphone message accepted, in bytes (HTTP body or WebSocket message).
    public var maximumMessageBytes: Int
    /// The largest WebSocket message the transport reads before closing the connection with
    /// 1009 (message too big); messages between `maximumMessageBytes` and this get a JSON error
    /// and the connection stays open.
    public var maximumWebSocketMessageBytes: Int
    /// The largest contact record (`PUT /v1/contacts/{id}`) accepted, in bytes.
    public var maximumContactBytes: Int
    /// The largest CSV upload accepted, in bytes.
    public var maximumImportBytes: Int
    /// Requests (HTTP) or messages (WebSocket) allowed per second on one connection, sustained.
    public var rateLimitPerSecond: Double
    /// How many requests or messages one connection may send in a burst above the sustained rate.
    public var rateLimitBurst: Double
    /// How long a WebSocket ticket stays valid, in seconds.
    public var ticketLifetime: Duration
    /// The most tickets outstanding at once.
    public var maximumOutstandingTickets: Int
    /// The most commands queued for one WebSocket connection before new ones are refused.
    public var maximumQueuedCommands: Int
    /// The most agents whose engagements are kept (each agent has its own); a new agent past
    /// it makes the server forget the agent heard from least recently.
    public var maximumAgents: Int
    /// How long a new connection has to send its first complete request head; past it the
    /// server answers 408 and closes the connection (a client that sends nothing, or half a head).
    public var requestHeadTimeout: Duration
    /// How long a kept-alive HTTP connection may stay idle (no request read, no response
    /// written) before the server closes it; a later request's head must arrive within it.
    /// An open WebSocket is not cut by it: its auto-ping closes it when the page stops answering.
    public var idleTimeout: Duration
    /// The most connections open at once; past it, new connections wait in the listen backlog
    /// until one closes. The server lowers it to leave `OpenFileLimit.reserved` descriptors of
    /// the process's open-file limit (`ulimit -n`) free, so that connections never exhaust it.
    public var maximumConnections: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - host: the address to bind (default `127.0.0.1`, loopback only).
    ///   - port: the port (default 8080).
    ///   - token: the bearer token (required; at least 16 characters is wise).
    ///   - allowedOrigins: the page origins allowed (default none).
    ///   - maximumMessageBytes: default 64 KiB.
    ///   - maximumWebSocketMessageBytes: default 1 MiB.
    ///   - maximumContactBytes: default 256 KiB.
    ///   - maximumImportBytes: default 2 GiB.
    ///   - rateLimitPerSecond: default 100 per second per connection.
    ///   - rateLimitBurst: default 200.
    ///   - ticketLifetime: default 30 seconds.
    ///   - maximumOutstandingTickets: default 10,000.
    ///   - maximumQueuedCommands: default 256.
    ///   - maximumAgents: default 10,000.
    ///   - requestHeadTimeout: default 30 seconds.
    ///   - idleTimeout: default 60 seconds.
    ///   - maximumConnections: default 10,000 (lowered to the open-file limit less 256).
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        token: String,
        allowedOrigins: Set<PageOrigin> = [],
        maximumMessageBytes: Int = 64 * 1024,
        maximumWebSocketMessageBytes: Int = 1 << 20,
        maximumContactBytes: Int = 256 * 1024,
        maximumImportBytes: Int = 2 << 30,
        rateLimitPerSecond: Double = 100,
        rateLimitBurst: Double = 200,
        ticketLifetime: Duration = .seconds(30),
        maximumOutstandingTickets: Int = 10_000,
        maximumQueuedCommands: Int = 256,
        maximumAgents: Int = 10_000,
        requestHeadTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        maximumConnections: Int = 10_000
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.allowedOrigins = allowedOrigins
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumWebSocketMessageBytes = max(maximumWebSocketMessageBytes, maximumMessageBytes)
        self.maximumContactBytes = maximumContactBytes
        self.maximumImportBytes = maximumImportBytes
        self.rateLimitPerSecond = rateLimitPerSecond
        self.rateLimitBurst = max(rateLimitBurst, 1)
        self.ticketLifetime = ticketLifetime
        self.maximumOutstandingTickets = maximumOutstandingTickets
        self.maximumQueuedCommands = maximumQueuedCommands
        self.maximumAgents = maximumAgents
        self.requestHeadTimeout = requestHeadTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = max(maximumConnections, 1)
    }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1 or localhost).
    public var bindsLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
