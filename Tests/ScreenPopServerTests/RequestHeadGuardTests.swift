import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// A new connection has `requestHeadTimeout` to send its first request head; past it the server
/// answers 408 and closes the connection.
@Suite("Request head deadline")
struct RequestHeadGuardTests {
    /// A sidecar whose connections have `headTimeout` for their first head.
    static func application(headTimeout: Duration) throws -> some ApplicationProtocol {
        try TestSidecar.make { $0.requestHeadTimeout = headTimeout }.makeApplication()
    }

    @Test(
        "a connection that sends nothing, or half a head, gets 408 and is closed",
        arguments: ["", "GET /healthz HTTP/1.1\r\nHost: x\r\n", "GET /healthz HT"])
    func incompleteHeadTimesOut(sent: String) async throws {
        try await Self.application(headTimeout: .milliseconds(300)).test(.live) { client in
            let port = try #require(client.port)
            let reply = try await RawConnection.withConnection(port: port) { connection in
                if !sent.isEmpty { try await connection.send(sent) }
                return try await connection.waitUntilClosed(within: .seconds(10))
            }
            #expect(reply.closed, "still open after 10 s")
            #expect(reply.text.hasPrefix("HTTP/1.1 408 "), "\(reply.text)")
            #expect(reply.text.lowercased().contains("connection: close"))
            #expect(reply.text.contains(#""code":"request-timeout""#))
        }
    }

    @Test("a complete head in time is served, and the deadline no longer applies to the connection")
    func completeHeadIsServed() async throws {
        try await Self.application(headTimeout: .milliseconds(300)).test(.live) { client in
            let port = try #require(client.port)
            let reply = try await RawConnection.withConnection(port: port) { connection in
                try await connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                let first = try await connection.waitForReply(within: .seconds(10))
                #expect(first.text.hasPrefix("HTTP/1.1 200 "), "\(first.text)")
                // Three times the head deadline, well within the idle timeout (60 s).
                try await Task.sleep(for: .milliseconds(900))
                return connection.reply
            }
            #expect(!reply.closed)
            #expect(!reply.text.contains("408"))
        }
    }

    @Test("a connection the guard answers is let go without an error in the log")
    func answeredQuietly() async throws {
        let recorder = LogRecorder()
        let sidecar = try TestSidecar.make { $0.requestHeadTimeout = .milliseconds(300) }
        // What is logged while the server runs; stopping it by cancelling logs errors of its own.
        let logged = try await TestSidecar.withRunningServer(sidecar, logger: recorder.logger(label: "screenpop-server")) { port in
            for sent in ["", "GET /healthz HT", "FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n"] {
                let reply = try await RawConnection.withConnection(port: port) { connection in
                    if !sent.isEmpty { try await connection.send(sent) }
                    return try await connection.waitUntilClosed(within: .seconds(10))
                }
                #expect(reply.closed)
            }
            // Hummingbird lets a connection go just after it closes.
            try await Task.sleep(for: .milliseconds(300))
            return recorder.logged
        }
        let errors = logged.filter { $0.level >= .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }
}
