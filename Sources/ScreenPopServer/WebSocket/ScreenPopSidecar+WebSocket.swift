import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ScreenPop

extension ScreenPopSidecar {
    /// The router that decides WebSocket upgrades: `/v1/ws` with an allowed `Origin` and a valid
    /// ticket. A refused upgrade is not upgraded, and the main router's `GET /v1/ws` answers it
    /// with the JSON error (`addWebSocketFallbackRoute`).
    func makeWebSocketRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: WebSocketGateMiddleware(sidecar: self))
        router.ws("/v1/ws") { [self] inbound, outbound, context in
            await serve(inbound: inbound, outbound: outbound, context: context)
        }
        return router
    }

    /// `GET /v1/ws` reached without an upgrade: the reason as JSON (403 origin, 401 ticket), or
    /// 426 when the request is fine but is not a WebSocket upgrade. The ticket is not used up.
    func addWebSocketFallbackRoute(to router: Router<ServerRequestContext>) {
        router.get("/v1/ws") { [self] request, _ -> Response in
            do throws(APIError) {
                _ = try checkPage(request, redeem: false)
            } catch {
                metrics.rejectedRequest(reason: error.code)
                throw error
            }
            throw APIError(.upgradeRequired, code: "upgrade-required", message: "open this path as a WebSocket", headers: [.upgrade: "websocket"])
        }
    }

    /// Checks a page's upgrade request: an allowed origin, then a ticket.
    /// - Parameter redeem: use the ticket up (the real upgrade) or only look at it.
    /// - Returns: the origin and what the ticket grants.
    func checkPage(_ request: Request, redeem: Bool) throws(APIError) -> (origin: String, grant: TicketStore.Grant) {
        guard let origin = request.headers[.origin] else { throw APIError.originMissing }
        guard configuration.allowedOrigins.contains(where: { $0.text == origin }) else { throw APIError.originNotAllowed(origin) }
        guard let ticket = request.uri.queryParameters.get("ticket"), !ticket.isEmpty else {
            throw APIError.badTicket("a ticket is required (/v1/ws?ticket=…, from POST /v1/tickets)")
        }
        switch redeem ? tickets.redeem(String(ticket)) : tickets.check(String(ticket)) {
        case .valid(let grant): return (origin, grant)
        case .expired: throw APIError.badTicket("the ticket has expired; ask the host backend for a new one")
        case .unknown: throw APIError.badTicket("the ticket is unknown or already used")
        }
    }

    /// One page's WebSocket: softphone messages in, the engine's answers out, commands pushed by
    /// the backend in between, each through the connection's outbox.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, context: WebSocketRouterContext<ServerRequestContext>) async {
        let request = context.requestContext
        let (connection, frames) = hub.open(agent: request.grant?.agent, origin: request.pageOrigin)
        let logger = context.logger
        logger.info("page connected", metadata: ["agent": "\(connection.agent ?? "-")", "origin": "\(connection.origin ?? "-")"])
        connection.outbox.yield(
            BridgeFrame.hello(agent: connection.agent, screenPopEvent: engine.configuration.screenPopEvent, maximumMessageBytes: configuration.maximumMessageBytes))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    do {
                        try await outbound.write(.text(String(decoding: frame, as: UTF8.self)))
                    } catch {
                        break
                    }
                }
            }
            await receive(inbound, connection: connection, logger: logger)
            hub.close(connection)
            await group.waitForAll()
        }
        logger.info("page disconnected", metadata: ["agent": "\(connection.agent ?? "-")"])
    }

    /// Reads the page's messages until it closes, answering each in the outbox.
    private func receive(_ inbound: WebSocketInboundStream, connection: AgentHub.Connection, logger: Logger) async {
        var bucket = TokenBucket(rate: configuration.rateLimitPerSecond, burst: configuration.rateLimitBurst, now: clock.now())
        do {
            for try await message in inbound.messages(maxSize: configuration.maximumWebSocketMessageBytes) {
                let reply: [UInt8]
                switch message {
                case .binary:
                    metrics.rejectedMessage(reason: "binary", transport: "ws")
                    reply = BridgeFrame.error(code: "malformed", message: "send softphone messages as text frames of JSON")
                case .text(let text):
                    if let wait = bucket.take(now: clock.now()) {
                        metrics.rejectedMessage(reason: "rate-limited", transport: "ws")
                        let milliseconds = wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000
                        reply = BridgeFrame.error(code: "rate-limited", message: "too many messages on this connection; the message was dropped, retry in \(milliseconds) ms")
                    } else {
                        let outcome = handle(Array(text.utf8), transport: "ws", agent: connection.agent)
                        if let error = outcome.error {
                            reply = BridgeFrame.error(code: error.code.rawValue, message: error.message, field: error.field, type: error.messageType)
                        } else {
                            reply = BridgeFrame.outcome(outcome)
                        }
                    }
                }
                if case .dropped = connection.outbox.yield(reply) {
                    logger.warning("page is not reading; frame dropped", metadata: ["agent": "\(connection.agent ?? "-")"])
                }
            }
        } catch {
            metrics.rejectedMessage(reason: "connection-error", transport: "ws")
            logger.info("page connection ended with an error", metadata: ["error": "\(error)"])
        }
    }
}

/// Lets a WebSocket upgrade through only from an allowed page origin with a valid ticket, which
/// it uses up; it puts the origin and the ticket's grant in the context for the handler.
struct WebSocketGateMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let sidecar: ScreenPopSidecar

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin: String
        let grant: TicketStore.Grant
        do throws(APIError) {
            guard request.uri.path == "/v1/ws" else { throw APIError.notFound(request.method, request.uri.path) }
            (origin, grant) = try sidecar.checkPage(request, redeem: true)
        } catch {
            sidecar.metrics.rejectedRequest(reason: error.code)
            sidecar.refusals.record(error, channel: context.channel)
            throw error
        }
        var context = context
        context.grant = grant
        context.pageOrigin = origin
        return try await next(request, context)
    }
}
