import ArgumentParser
import ContactIndex
import Foundation
import Logging
import ScreenPop
import ScreenPopServer

/// `screenpop-server`: the host bridge's sidecar over a contacts CSV.
@main
struct ScreenPopServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenpop-server",
        abstract: "Serve the screen-pop engine over HTTP and WebSocket to a host backend and its agents' pages.",
        discussion: """
            Every API call needs the bearer token (--token or SCREENPOP_TOKEN, at least 16 characters). \
            Pages open /v1/ws with a single-use ticket that the host backend gets from POST /v1/tickets, \
            and only from the origins given with --allow-origin (or SCREENPOP_ALLOW_ORIGINS, separated \
            by spaces or commas). The server listens on loopback unless --host says otherwise.
            """)

    @Option(name: .long, help: "The contacts CSV (canonical, Salesforce, HubSpot, Google or Outlook headers).")
    var contacts: String

    @Option(name: .long, help: "The region of numbers written without a country code (ISO 3166, e.g. US).")
    var region: String = "US"

    @Option(name: .long, help: "The address to bind. Anything but loopback exposes the API to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to bind (0 picks a free one and prints it).")
    var port: Int = 8080

    @Option(name: .long, help: "The bearer token (prefer SCREENPOP_TOKEN: a flag shows in the process list).")
    var token: String?

    @Option(name: .customLong("allow-origin"), help: "A page origin allowed to open the WebSocket and call the API from a browser (repeatable; never a wildcard).")
    var allowOrigins: [String] = []

    @Option(name: .long, help: "When the softphone should pop: RINGING or CONNECTED.")
    var screenPopEvent: String = "RINGING"

    @Option(name: .long, help: "The most records in a reply.")
    var limit: Int = 10

    @Option(name: .customLong("max-message-bytes"), help: "The largest softphone message accepted.")
    var maximumMessageBytes: Int = 64 * 1024

    @Option(name: .customLong("rate-limit"), help: "Requests or messages per second allowed on one connection, sustained.")
    var rateLimit: Double = 100

    @Option(name: .customLong("rate-burst"), help: "Requests or messages one connection may send in a burst.")
    var rateBurst: Double = 200

    @Option(name: .customLong("ticket-seconds"), help: "How long a WebSocket ticket stays valid.")
    var ticketSeconds: Int = 30

    @Option(name: .customLong("head-timeout-seconds"), help: "How long a new connection has to send a complete request head before it gets 408 and is closed.")
    var headTimeoutSeconds: Int = 30

    @Option(name: .customLong("idle-timeout-seconds"), help: "How long a kept-alive HTTP connection may wait for its next request (not a WebSocket).")
    var idleTimeoutSeconds: Int = 60

    @Option(name: .customLong("max-connections"), help: "The most connections open at once (lowered to the open-file limit less 256); more wait until one closes.")
    var maximumConnections: Int = 10_000

    func validate() throws {
        guard let token = resolvedToken else { throw ValidationError("a token is required: --token or SCREENPOP_TOKEN") }
        guard token.count >= 16 else { throw ValidationError("the token must have at least 16 characters") }
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
        guard ScreenPopEvent(rawValue: screenPopEvent.uppercased()) != nil else { throw ValidationError("--screen-pop-event is RINGING or CONNECTED") }
        guard limit > 0, maximumMessageBytes >= 1024, rateLimit > 0, rateBurst >= 1, ticketSeconds > 0 else {
            throw ValidationError("--limit, --rate-limit and --ticket-seconds must be positive, --rate-burst at least 1, --max-message-bytes at least 1024")
        }
        guard headTimeoutSeconds > 0, idleTimeoutSeconds > 0, maximumConnections > 0 else {
            throw ValidationError("--head-timeout-seconds, --idle-timeout-seconds and --max-connections must be positive")
        }
        _ = try origins()
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return handler
        }
        let logger = Logger(label: "screenpop-server")
        let configuration = ServerConfiguration(
            host: host, port: port, token: resolvedToken ?? "", allowedOrigins: try origins(),
            maximumMessageBytes: maximumMessageBytes, rateLimitPerSecond: rateLimit, rateLimitBurst: rateBurst,
            ticketLifetime: .seconds(ticketSeconds), requestHeadTimeout: .seconds(headTimeoutSeconds), idleTimeout: .seconds(idleTimeoutSeconds),
            maximumConnections: maximumConnections)
        if !configuration.bindsLoopbackOnly {
            logger.warning("listening on \(host), beyond loopback: put TLS in front of it (a reverse proxy) and keep the token secret")
        }
        if configuration.allowedOrigins.isEmpty {
            logger.warning("no --allow-origin: no page can open the WebSocket")
        }

        let started = ContinuousClock.now
        let loader = ContactCSVLoader(.init(configuration: DirectoryConfiguration(defaultRegion: region)))
        let (directory, report) = try loader.load(path: contacts)
        logger.info("loaded \(directory.count) contacts from \(contacts) in \(ContinuousClock.now - started)")
        FileHandle.standardError.write(Data((report.summary(maximumProblems: 10) + "\n").utf8))

        let sidecar = ScreenPopSidecar(
            configuration: configuration,
            directory: LiveDirectory(directory),
            engineConfiguration: ScreenPopConfiguration(
                screenPopEvent: ScreenPopEvent(rawValue: screenPopEvent.uppercased()) ?? .ringing, region: region, resultLimit: limit))
        let app = sidecar.makeApplication(logger: logger) { port in
            // One line on stdout, for scripts that start the server on port 0.
            FileHandle.standardOutput.write(Data("screenpop-server listening on http://\(configuration.host):\(port)\n".utf8))
        }
        try await app.runService()
    }

    private var resolvedToken: String? {
        token ?? ProcessInfo.processInfo.environment["SCREENPOP_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func origins() throws -> Set<PageOrigin> {
        var texts = allowOrigins
        if texts.isEmpty, let environment = ProcessInfo.processInfo.environment["SCREENPOP_ALLOW_ORIGINS"] {
            texts = environment.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        }
        do {
            return Set(try texts.map { text throws(PageOrigin.ParseError) in try PageOrigin(text) })
        } catch {
            throw ValidationError("--allow-origin: \(error)")
        }
    }
}
