import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// A request the HTTP parser rejects is answered (431, 501 or 400, `Connection: close`, the
/// API's JSON error), and the connection is closed.
@Suite("Malformed requests")
struct MalformedRequestTests {
    /// A request, and the status it gets.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let status: Int
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ status: Int) {
            self.init(name, Array(text.utf8), status)
        }

        init(_ name: String, _ bytes: [UInt8], _ status: Int) {
            self.name = name
            self.bytes = bytes
            self.status = status
        }
    }

    static let cases: [Case] = [
        Case("a 120 KB header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 120_000))\r\n\r\n", 431),
        Case("a 120 KB request line", "GET /v1/search?q=\(String(repeating: "a", count: 120_000)) HTTP/1.1\r\nHost: x\r\n\r\n", 431),
        Case("10,000 headers", "GET /healthz HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: b\r\n", count: 10_000) + "\r\n", 431),
        Case("two Content-Lengths", "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 34\r\nContent-Length: 5\r\n\r\nhello", 400),
        Case("a negative Content-Length", "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        Case(
            "Content-Length with Transfer-Encoding",
            "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
        Case("an unknown method", "FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        Case("HTTP/0.9", "GET /healthz\r\n\r\n", 400),
        Case("a TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0x6a, 0x01, 0x00, 0x00, 0x66, 0x03, 0x03] + [UInt8](repeating: 0x2a, count: 99), 501),
    ]

    @Test("a request the parser rejects is answered with Connection: close, then closed", arguments: cases)
    func rejectedAndClosed(request: Case) async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reply = try await RawConnection.withConnection(port: port) { connection in
                try await connection.send(bytes: request.bytes)
                return try await connection.waitUntilClosed(within: .seconds(10))
            }
            #expect(reply.closed, "still open after 10 s")
            #expect(reply.text.hasPrefix("HTTP/1.1 \(request.status) "), "\(reply.text.prefix(300))")
            #expect(reply.text.lowercased().contains("connection: close"))
            let body = try #require(reply.text.range(of: "\r\n\r\n").map { String(reply.text[$0.upperBound...]) })
            let error = try #require(try jsonObject(body)["error"] as? [String: Any])
            #expect(error["code"] as? String != nil)
            let message = try #require(error["message"] as? String)
            #expect(!message.contains("parser"), "names the parser's internals: \(message)")
        }
    }

    @Test("a chunk size that overflows is the client's error: 400, not 500")
    func chunkSizeOverflow() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reply = try await RawConnection.withConnection(port: port) { connection in
                try await connection.send(
                    "POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(TestSidecar.token)\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")
                return try await connection.waitUntilClosed(within: .seconds(10))
            }
            #expect(reply.text.hasPrefix("HTTP/1.1 400 "), "\(reply.text.prefix(300))")
            #expect(reply.text.lowercased().contains("connection: close"))
            #expect(reply.text.contains(#""code":"malformed-http""#))
            #expect(reply.closed, "still open after 10 s")
        }
    }
}
