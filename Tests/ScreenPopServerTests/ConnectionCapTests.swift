import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// At most `maximumConnections` connections are open at once, below the open-file limit; more
/// wait in the listen backlog until one closes.
@Suite("Connection cap")
struct ConnectionCapTests {
    static let keepAlive = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    static let closing = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"

    @Test("a connection past the cap is served only once another closes")
    func connectionPastTheCapWaits() async throws {
        let sidecar = try TestSidecar.make { $0.maximumConnections = 1 }
        let reply = try await TestSidecar.withRunningServer(sidecar) { port in
            let (waiting, continuation) = AsyncStream.makeStream(of: RawConnection.self)
            let late = try await RawConnection.withConnection(port: port) { held in
                try await held.send(Self.keepAlive)
                #expect(try await held.waitForReply(within: .seconds(10)).text.hasPrefix("HTTP/1.1 200 "))
                // The one slot is taken: the next connection is not served…
                let second = Task {
                    try await RawConnection.withConnection(port: port) { connection in
                        try await connection.send(Self.closing)
                        continuation.yield(connection)
                        return try await connection.waitUntilClosed(within: .seconds(20))
                    }
                }
                var iterator = waiting.makeAsyncIterator()
                let connection = try #require(await iterator.next())
                let early = try await connection.waitForReply(within: .milliseconds(500))
                #expect(early.text.isEmpty, "served past the cap: \(early.text)")
                // …until `held` closes.
                return second
            }
            return try await late.value
        }
        #expect(reply.text.hasPrefix("HTTP/1.1 200 "), "\(reply.text)")
    }

    @Test(
        "the cap stays below the open-file limit",
        arguments: [(10_000, 20_000, 10_000), (10_000, 1_024, 768), (10_000, nil, 10_000), (10, 100, 1), (0, nil, 1)] as [(Int, Int?, Int)])
    func capBelowFileLimit(configured: Int, limit: Int?, cap: Int) {
        #expect(OpenFileLimit.connectionCap(configured: configured, limit: limit) == cap)
    }
}
