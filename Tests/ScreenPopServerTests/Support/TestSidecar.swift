import ContactIndex
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ScreenPop
import Testing

@testable import ScreenPopServer

/// A sidecar over a small directory, and helpers to call it.
enum TestSidecar {
    static let token = "test-token-0123456789abcdef"
    static let pageOrigin = "http://localhost:9999"
    static let softphonePhone = "+16505551234"

    /// Three records share (650) 555-1234 (two contacts and a lead); Mary has her own mobile;
    /// Hans is in Germany.
    static func contacts() -> [Contact] {
        [
            Contact(
                id: "0035g00000AbCdE", firstName: "John", lastName: "Smith", phones: [ContactPhone("(650) 555-1234", label: "phone")],
                emails: [ContactEmail("john.smith@example.com")], company: "Acme Corp", region: "US"),
            Contact(
                id: "0035g00000AbCdF", firstName: "Mary", lastName: "Smith",
                phones: [ContactPhone("(650) 555-1234", label: "phone"), ContactPhone("+1 650 555 0142", label: "mobile")],
                emails: [ContactEmail("mary.smith@example.com")], company: "Acme Corp", region: "US"),
            Contact(
                id: "00Q5g00000LeAd1", firstName: "John", lastName: "Smith", phones: [ContactPhone("+1 650-555-1234")],
                emails: [ContactEmail("jsmith@acme.example")], entity: .lead, company: "Acme Corp", region: "US"),
            Contact(
                id: "51000000037", firstName: "Hans", lastName: "Müller", phones: [ContactPhone("030 1234567")],
                emails: [ContactEmail("hans@müller.de")], region: "DE"),
        ]
    }

    /// The `Origin` that the WebSocket test client sends (a browser sends an http(s) origin).
    static let testClientOrigin = "ws://localhost"

    /// A sidecar; `configure` adjusts the configuration (limits, rate).
    /// - Parameter allowTestClient: whether the WebSocket test client's origin is allowed.
    static func make(
        allowTestClient: Bool = true,
        clock: ServerClock = .system,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws -> ScreenPopSidecar {
        var origins: Set<PageOrigin> = [try PageOrigin(pageOrigin)]
        if allowTestClient { origins.insert(PageOrigin(verbatim: testClientOrigin)) }
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, allowedOrigins: origins)
        configuration.rateLimitPerSecond = 10_000
        configuration.rateLimitBurst = 10_000
        configure(&configuration)
        let directory = LiveDirectory(ContactDirectory(contacts(), configuration: DirectoryConfiguration(defaultRegion: "US")))
        return ScreenPopSidecar(configuration: configuration, directory: directory, engineConfiguration: ScreenPopConfiguration(region: "US"), clock: clock)
    }

    /// Runs `sidecar`'s application on a free port for `body`. Not `app.test(.live)` when the
    /// test needs the connection cap, or no other client: HummingbirdTesting rebuilds the
    /// configuration with `with(address:)`, which drops `availableConnectionsDelegate`, and opens
    /// a connection of its own.
    static func withRunningServer<Result: Sendable>(
        _ sidecar: ScreenPopSidecar, logger: Logger = Logger(label: "screenpop-server"), _ body: (Int) async throws -> Result
    ) async throws -> Result {
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = sidecar.makeApplication(logger: logger) { port in listening.yield(port) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            return try await body(port)
        }
    }

    static var authorized: HTTPFields { [.authorization: "Bearer \(token)"] }

    static func incomingPhone(_ number: String, engagement: String = "ENG-1") -> ByteBuffer {
        ByteBuffer(string: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(number)","engagementId":"\#(engagement)","channel":"voice"}}"#)
    }
}

/// The JSON object of a body.
func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    return try #require(object as? [String: Any], "not a JSON object: \(String(buffer: buffer))")
}

/// The JSON object of a text.
func jsonObject(_ text: String) throws -> [String: Any] {
    try jsonObject(ByteBuffer(string: text))
}

/// The `error.code` of an API error body, checking that the body is the API's error shape and
/// says nothing else (no stack trace, no type names).
func errorCode(_ response: TestResponse) throws -> String {
    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
    let object = try jsonObject(response.body)
    #expect(object.keys.sorted() == ["error"])
    let error = try #require(object["error"] as? [String: Any])
    #expect(Set(error.keys).isSubset(of: ["code", "message", "field"]))
    let message = try #require(error["message"] as? String)
    #expect(!message.contains("Swift.") && !message.contains(".swift") && !message.contains("0x"), "leaks internals: \(message)")
    return try #require(error["code"] as? String)
}

/// The ids in an incomingPhone/incomingEmail reply's `data`, in order.
func replyIDs(_ object: [String: Any]) throws -> [String] {
    let reply = try #require(object["reply"] as? [String: Any])
    let data = try #require(reply["data"] as? [[String: Any]])
    return data.compactMap { $0["id"] as? String }
}
