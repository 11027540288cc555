import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing

@testable import ScreenPopServer

/// A kept-alive HTTP connection is closed after `idleTimeout` without a request; an open
/// WebSocket is not.
@Suite("Idle timeout")
struct IdleTimeoutTests {
    @Test("a kept-alive connection idle past the configured timeout is closed")
    func idleConnectionIsClosed() async throws {
        let app = try TestSidecar.make { $0.idleTimeout = .milliseconds(300) }.makeApplication()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reply = try await RawConnection.withConnection(port: port) { connection in
                try await connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                return try await connection.waitUntilClosed(within: .seconds(10))
            }
            #expect(reply.text.hasPrefix("HTTP/1.1 200 "), "\(reply.text)")
            #expect(reply.closed, "still open after 10 s")
        }
    }

    @Test("an open WebSocket outlives the HTTP idle timeout")
    func webSocketIsNotCut() async throws {
        let app = try TestSidecar.make { $0.idleTimeout = .milliseconds(200) }.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await WebSocketTests.ticket(client)
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                let hello = try await iterator.next()
                guard case .text(let helloText) = hello else {
                    Issue.record("no hello: \(String(describing: hello))")
                    return
                }
                #expect(try jsonObject(helloText)["kind"] as? String == "hello")
                try await Task.sleep(for: .milliseconds(800))
                try await outbound.write(.text(String(buffer: TestSidecar.incomingPhone("+16505551234"))))
                let answer = try await iterator.next()
                guard case .text(let answerText) = answer else {
                    Issue.record("no outcome: \(String(describing: answer))")
                    return
                }
                #expect(try jsonObject(answerText)["kind"] as? String == "outcome")
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }
}
