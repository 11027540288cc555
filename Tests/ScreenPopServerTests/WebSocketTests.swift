import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing

@testable import ScreenPopServer

/// The page's WebSocket: tickets, origins, messages in and answers out, commands pushed by the
/// backend, and refusals that keep the connection open.
@Suite("WebSocket")
struct WebSocketTests {
    /// Mints a ticket through the API, as the host backend does.
    static func ticket(_ client: some TestClientProtocol, agent: String = "agent-1") async throws -> String {
        let response = try await client.execute(
            uri: "/v1/tickets", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: #"{"agent":"\#(agent)"}"#))
        #expect(response.status == .created)
        return try #require(try jsonObject(response.body)["ticket"] as? String)
    }

    /// The test client sends `Origin: ws://localhost` itself, which the test sidecar allows.
    static var pageHeaders: WebSocketClientConfiguration { WebSocketClientConfiguration() }

    /// A sidecar that allows the test client's origin.
    static func make(
        clock: ServerClock = .system, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws -> (ScreenPopSidecar, origin: String) {
        (try TestSidecar.make(clock: clock, configure: configure), TestSidecar.testClientOrigin)
    }

    @Test("a ticketed page gets hello, then an outcome per message, in order")
    func messagesOverWebSocket() async throws {
        let app = try Self.make().0.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await Self.ticket(client)
            let received = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                guard case .text(let hello) = try await iterator.next() else { Issue.record("no hello"); return }
                let helloObject = try jsonObject(hello)
                #expect(helloObject["kind"] as? String == "hello")
                #expect(helloObject["agent"] as? String == "agent-1")
                #expect(helloObject["screenPopEvent"] as? String == "RINGING")

                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505551234", engagement: "ENG-1001"))))
                guard case .text(let first) = try await iterator.next() else { Issue.record("no outcome"); return }
                let outcome = try jsonObject(first)
                #expect(outcome["kind"] as? String == "outcome")
                #expect(outcome["type"] as? String == "zcc-incomingPhone-request")
                #expect(try replyIDs(outcome) == ["0035g00000AbCdE", "0035g00000AbCdF", "00Q5g00000LeAd1"])
                let actions = try #require(outcome["actions"] as? [[String: Any]])
                #expect(actions.first?["action"] as? String == "chooseAmong")

                try await outbound.write(.text(#"{"type":"zcc-screen-pop","data":{"id":"0035g00000AbCdF"}}"#))
                guard case .text(let second) = try await iterator.next() else { Issue.record("no outcome"); return }
                let pop = try #require(try jsonObject(second)["actions"] as? [[String: Any]]).first
                #expect(pop?["action"] as? String == "pop")
                #expect(pop?["reason"] as? String == "agent-selection")
                #expect((pop?["contact"] as? [String: Any])?["id"] as? String == "0035g00000AbCdF")
                try await outbound.close(.normalClosure, reason: nil)
            }
            #expect(received?.closeCode == .normalClosure)
        }
    }

    @Test("a ticket works once, and not after it expires")
    func ticketsAreSingleUseAndShortLived() async throws {
        let clock = ManualServerClock()
        let (sidecar, origin) = try Self.make(clock: clock.clock)
        try await sidecar.makeApplication().test(.live) { client in
            let ticket = try await Self.ticket(client)
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { _, outbound, _ in
                try await outbound.close(.normalClosure, reason: nil)
            }
            await #expect(throws: (any Error).self) {
                _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { _, _, _ in }
            }
            let reused = try await client.execute(uri: "/v1/ws?ticket=\(ticket)", method: .get, headers: [.origin: origin])
            #expect(reused.status == .unauthorized)
            #expect(try errorCode(reused) == "invalid-ticket")

            let late = try await Self.ticket(client)
            clock.advance(by: .seconds(31))
            let expired = try await client.execute(uri: "/v1/ws?ticket=\(late)", method: .get, headers: [.origin: origin])
            #expect(expired.status == .unauthorized)
            #expect(try errorCode(expired) == "invalid-ticket")
            await #expect(throws: (any Error).self) {
                _ = try await client.ws("/v1/ws?ticket=\(late)", configuration: Self.pageHeaders) { _, _, _ in }
            }

            let missing = try await client.execute(uri: "/v1/ws", method: .get, headers: [.origin: origin])
            #expect(missing.status == .unauthorized)
            let fresh = try await Self.ticket(client)
            let notUpgrade = try await client.execute(uri: "/v1/ws?ticket=\(fresh)", method: .get, headers: [.origin: origin])
            #expect(notUpgrade.status == .upgradeRequired)
            #expect(try errorCode(notUpgrade) == "upgrade-required")
        }
    }

    @Test("an upgrade from an origin not on the list is refused, and the ticket is left unused")
    func upgradeOriginChecked() async throws {
        let evil = try TestSidecar.make(allowTestClient: false)
        try await evil.makeApplication().test(.live) { client in
            let ticket = try await Self.ticket(client)
            await #expect(throws: (any Error).self) {
                _ = try await client.ws("/v1/ws?ticket=\(ticket)") { _, _, _ in }
            }
            #expect(evil.tickets.check(ticket) != .unknown)
        }
        // A page origin that is allowed, plus another Origin header: the header is then a list,
        // which matches no origin.
        let (allowed, _) = try Self.make()
        try await allowed.makeApplication().test(.live) { client in
            let ticket = try await Self.ticket(client)
            await #expect(throws: (any Error).self) {
                _ = try await client.ws(
                    "/v1/ws?ticket=\(ticket)", configuration: WebSocketClientConfiguration(additionalHeaders: [.origin: "https://evil.example"])
                ) { _, _, _ in }
            }
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: TestSidecar.authorized)
            #expect(String(buffer: metrics.body).contains(#"screenpop_rejected_requests_total{reason="origin-not-allowed"} 1"#))
            // The origin is checked before the ticket, so the ticket is still good.
            #expect(allowed.tickets.check(ticket) != .unknown)
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { _, outbound, _ in
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    @Test("the backend pushes a command to the agent's page; an unknown agent is 404")
    func commandsReachThePage() async throws {
        let app = try Self.make().0.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await Self.ticket(client, agent: "agent-7")
            let command = #"{"type":"onclicktoact","data":{"phone":"+16505551234","name":"Mary Smith","id":"0035g00000AbCdF"}}"#
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await iterator.next()  // hello: the page is registered
                let pushed = try await client.execute(
                    uri: "/v1/agents/agent-7/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: command))
                #expect(pushed.status == .accepted)
                #expect(try jsonObject(pushed.body)["delivered"] as? Int == 1)
                guard case .text(let text) = try await iterator.next() else { Issue.record("no command"); return }
                let frame = try jsonObject(text)
                #expect(frame["kind"] as? String == "command")
                let sent = try #require(frame["command"] as? [String: Any])
                #expect(sent["type"] as? String == "onclicktoact")
                #expect((sent["data"] as? [String: Any])?["phone"] as? String == "+16505551234")
                try await outbound.close(.normalClosure, reason: nil)
            }
            let nobody = try await client.execute(
                uri: "/v1/agents/agent-8/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: command))
            #expect(nobody.status == .notFound)
            #expect(try errorCode(nobody) == "agent-not-connected")
            let reply = try await client.execute(
                uri: "/v1/agents/agent-7/commands", method: .post, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"type":"zcc-incomingPhone-response","data":[]}"#))
            #expect(reply.status == .unprocessableContent)
            #expect(try errorCode(reply) == "invalid-command")
            let noNumber = try await client.execute(
                uri: "/v1/agents/agent-7/commands", method: .post, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"type":"onclicktoact","data":{"name":"x"}}"#))
            #expect(noNumber.status == .unprocessableContent)
        }
    }

    @Test("an oversize, malformed or rate-limited message gets an error frame and the page stays connected")
    func refusalsKeepTheConnection() async throws {
        let clock = ManualServerClock()
        let app = try Self.make(clock: clock.clock) {
            $0.maximumMessageBytes = 2048
            $0.rateLimitPerSecond = 1
            $0.rateLimitBurst = 4
        }.0.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await Self.ticket(client)
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: Self.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await iterator.next()  // hello
                func next() async throws -> [String: Any] {
                    guard case .text(let text) = try await iterator.next() else { throw CancellationError() }
                    return try jsonObject(text)
                }
                func errorCode(_ frame: [String: Any]) -> String? {
                    frame["kind"] as? String == "error" ? (frame["error"] as? [String: Any])?["code"] as? String : nil
                }
                try await outbound.write(.text(#"{"type":"zcc-add-note","data":{"comment":"\#(String(repeating: "z", count: 3000))"}}"#))
                #expect(errorCode(try await next()) == "message-too-large")
                try await outbound.write(.text("{not json"))
                #expect(errorCode(try await next()) == "malformed")
                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505550142"))))
                #expect(try replyIDs(try await next()) == ["0035g00000AbCdF"])
                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505550142"))))
                #expect(try replyIDs(try await next()) == ["0035g00000AbCdF"])
                // The burst of 4 is spent: the fifth is refused.
                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505550142"))))
                #expect(errorCode(try await next()) == "rate-limited")
                clock.advance(by: .seconds(1))
                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505550142"))))
                #expect(try replyIDs(try await next()) == ["0035g00000AbCdF"])
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    @Test("a message beyond the transport limit closes the connection with 1009, and the server serves on")
    func transportLimit() async throws {
        let app = try Self.make {
            $0.maximumMessageBytes = 2048
            $0.maximumWebSocketMessageBytes = 4096
        }.0.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await Self.ticket(client)
            let close = try await client.ws(
                "/v1/ws?ticket=\(ticket)", configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 20)
            ) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await iterator.next()  // hello
                try await outbound.write(.text(String(repeating: "a", count: 10_000)))
                while try await iterator.next() != nil {}
            }
            #expect(close?.closeCode == .messageTooLarge)
            try await APIErrorTests.expectStillServing(client)
        }
    }
}
