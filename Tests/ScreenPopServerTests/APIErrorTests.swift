import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// Each refusal gets its status and a JSON error, and the server keeps answering good requests
/// on the same connection afterwards.
@Suite("API errors")
struct APIErrorTests {
    /// A good request that must still succeed after each refusal.
    static func expectStillServing(_ client: some TestClientProtocol) async throws {
        let response = try await client.execute(
            uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: TestSidecar.incomingPhone("+16505550142"))
        #expect(response.status == .ok)
        #expect(try replyIDs(jsonObject(response.body)) == ["0035g00000AbCdF"])
    }

    @Test("no token and a wrong token: 401 unauthorized")
    func badToken() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.live) { client in
            let missing = try await client.execute(uri: "/v1/messages", method: .post, body: TestSidecar.incomingPhone("+16505551234"))
            #expect(missing.status == .unauthorized)
            #expect(try errorCode(missing) == "unauthorized")
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)

            for header in ["Bearer wrong-token-0123456789abcd", "Bearer \(TestSidecar.token)x", "Bearer \(TestSidecar.token.dropLast())", "Basic \(TestSidecar.token)", "Bearer"] {
                let wrong = try await client.execute(
                    uri: "/v1/search?q=smith", method: .get, headers: [.authorization: header])
                #expect(wrong.status == .unauthorized, "\(header)")
                #expect(try errorCode(wrong) == "unauthorized")
            }
            try await Self.expectStillServing(client)
        }
    }

    @Test("a page origin not on the allow-list: 403 origin-not-allowed, on the API and on the WebSocket")
    func badOrigin() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            var headers = TestSidecar.authorized
            headers[.origin] = "https://evil.example"
            let api = try await client.execute(uri: "/v1/search?q=smith", method: .get, headers: headers)
            #expect(api.status == .forbidden)
            #expect(try errorCode(api) == "origin-not-allowed")
            #expect(api.headers[.accessControlAllowOrigin] == nil)

            let preflight = try await client.execute(
                uri: "/v1/search", method: .options, headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"])
            #expect(preflight.status == .forbidden)

            // The allowed origin is echoed, never a wildcard.
            headers[.origin] = TestSidecar.pageOrigin
            let allowed = try await client.execute(uri: "/v1/search?q=smith", method: .get, headers: headers)
            #expect(allowed.status == .ok)
            #expect(allowed.headers[.accessControlAllowOrigin] == TestSidecar.pageOrigin)

            // The WebSocket path says why without upgrading, and leaves the ticket unused.
            let ticket = try sidecar.tickets.mint(agent: "agent-1").ticket
            let socket = try await client.execute(uri: "/v1/ws?ticket=\(ticket)", method: .get, headers: [.origin: "https://evil.example"])
            #expect(socket.status == .forbidden)
            #expect(try errorCode(socket) == "origin-not-allowed")
            #expect(sidecar.tickets.check(ticket) != .unknown)
            try await Self.expectStillServing(client)
        }
    }

    @Test("a message over the limit: 413 message-too-large, by Content-Length or by the bytes read")
    func oversizeMessage() async throws {
        let app = try TestSidecar.make { $0.maximumMessageBytes = 2048 }.makeApplication()
        try await app.test(.live) { client in
            let padding = String(repeating: "x", count: 4000)
            let body = ByteBuffer(string: #"{"type":"zcc-add-note","data":{"comment":"\#(padding)"}}"#)
            let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: body)
            #expect(response.status == .contentTooLarge)
            #expect(try errorCode(response) == "message-too-large")
            try await Self.expectStillServing(client)
        }
        // Through the router (no Content-Length): the body is read up to the limit.
        try await TestSidecar.make { $0.maximumMessageBytes = 2048 }.makeApplication().test(.router) { client in
            let body = ByteBuffer(string: #"{"type":"zcc-add-note","data":{"comment":"\#(String(repeating: "y", count: 4000))"}}"#)
            let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: body)
            #expect(response.status == .contentTooLarge)
            #expect(try errorCode(response) == "message-too-large")
        }
    }

    @Test("malformed JSON: 400 malformed; a wrong field: 422 invalid-input naming it")
    func malformedJSON() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.live) { client in
            for text in [#"{"type":"#, "not json", "[1,2,3]", ""] {
                let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: text))
                #expect(response.status == .badRequest, "\(text)")
                #expect(try errorCode(response) == "malformed")
            }
            let invalid = try await client.execute(
                uri: "/v1/messages", method: .post, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"type":"zcc-call-ended","data":{"completeTs":1}}"#))
            #expect(invalid.status == .unprocessableContent)
            #expect(try errorCode(invalid) == "invalid-input")
            let error = try #require(try jsonObject(invalid.body)["error"] as? [String: Any])
            #expect(error["field"] as? String == "data.engagementId")
            try await Self.expectStillServing(client)
        }
    }

    @Test("an unknown route or method: 404 not-found")
    func unknownRoute() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.live) { client in
            for (uri, method) in [("/v1/nope", HTTPRequest.Method.get), ("/v1/messages", .get), ("/v1/messages", .patch), ("/", .get)] {
                let response = try await client.execute(uri: uri, method: method, headers: TestSidecar.authorized)
                #expect(response.status == .notFound, "\(method) \(uri)")
                #expect(try errorCode(response) == "not-found")
            }
            try await Self.expectStillServing(client)
        }
    }

    @Test("over the per-connection rate: 429 rate-limited with Retry-After, then served again")
    func rateLimit() async throws {
        let clock = ManualServerClock()
        let app = try TestSidecar.make(clock: clock.clock) {
            $0.rateLimitPerSecond = 2
            $0.rateLimitBurst = 3
        }.makeApplication()
        try await app.test(.live) { client in
            for _ in 0..<3 {
                let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: TestSidecar.incomingPhone("+16505551234"))
                #expect(response.status == .ok)
            }
            let limited = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: TestSidecar.incomingPhone("+16505551234"))
            #expect(limited.status == .tooManyRequests)
            #expect(try errorCode(limited) == "rate-limited")
            #expect(limited.headers[.retryAfter] == "1")
            // Health checks are not API calls and are not limited.
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            clock.advance(by: .milliseconds(500))
            try await Self.expectStillServing(client)
            let again = try await client.execute(uri: "/v1/search?q=smith", method: .get, headers: TestSidecar.authorized)
            #expect(again.status == .tooManyRequests)
        }
    }

    @Test("the metrics count refusals by reason")
    func refusalsAreCounted() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            _ = try await client.execute(uri: "/v1/messages", method: .post, body: TestSidecar.incomingPhone("+16505551234"))
            _ = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: "{"))
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: TestSidecar.authorized)
            #expect(metrics.status == .ok)
            let text = String(buffer: metrics.body)
            #expect(text.contains(#"screenpop_rejected_requests_total{reason="unauthorized"} 1"#))
            #expect(text.contains(#"screenpop_rejected_messages_total{reason="malformed",transport="http"} 1"#))
            #expect(text.contains("screenpop_directory_contacts 4"))
            #expect(text.contains(#"screenpop_http_requests_total{route="/v1/messages",method="POST",status="401"} 1"#))
        }
    }
}
