import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing

@testable import ScreenPopServer

/// A command the softphone answers, pushed by the backend: its answer is matched (not an
/// `unmatchedAnswer`), and with `wait` the backend gets it back.
@Suite("Command answers")
struct CommandAnswerTests {
    static let requestID = "3f2a9c1e-7b4d-4e8a-9f10-2c5d6e7f8a9b"
    static let statusRequest = #"{"type":"zcc-engagement-status-request","data":{"requestId":"\#(requestID)"}}"#

    @Test("with wait, the softphone's answer to a status request comes back to the backend; the page sees no unmatched answer")
    func theBackendGetsTheAnswer() async throws {
        let app = try WebSocketTests.make().0.makeApplication()
        try await app.test(.live) { client in
            let ticket = try await WebSocketTests.ticket(client, agent: "agent-9")
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await iterator.next()  // hello
                // The waiting call on a connection of its own (the test client sends one request at
                // a time).
                let port = try #require(client.port)
                let pushed = Task { try await Self.post("http://127.0.0.1:\(port)/v1/agents/agent-9/commands?wait=10", body: Self.statusRequest) }
                guard case .text(let commandText) = try await iterator.next() else { Issue.record("no command"); return }
                let command = try #require(try jsonObject(commandText)["command"] as? [String: Any])
                #expect(command["type"] as? String == "zcc-engagement-status-request")
                // A second request with the same id while the first waits is refused.
                let repeated = try await client.execute(
                    uri: "/v1/agents/agent-9/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: Self.statusRequest))
                #expect(repeated.status == .unprocessableContent)
                #expect(try jsonObject(repeated.body)["error"].flatMap { $0 as? [String: Any] }?["field"] as? String == "data.requestId")
                // The softphone answers through the page.
                let answer = #"{"type":"zcc-engagement-status-response","data":{"requestId":"\#(Self.requestID)","active":[{"engagementId":"E-77","channel":"voice","state":"active"}],"wrapup":[]}}"#
                try await outbound.write(.text(answer))
                guard case .text(let outcomeText) = try await iterator.next() else { Issue.record("no outcome"); return }
                let actions = try #require(try jsonObject(outcomeText)["actions"] as? [[String: Any]])
                #expect(!actions.contains { $0["action"] as? String == "unmatchedAnswer" }, "\(actions)")
                let (status, responseBody) = try await pushed.value
                #expect(status == 200)
                let body = try jsonObject(responseBody)
                #expect(body["delivered"] as? Int == 1)
                let returned = try #require(body["answer"] as? [String: Any])
                #expect(returned["type"] as? String == "zcc-engagement-status-response")
                let data = try #require(returned["data"] as? [String: Any])
                #expect(data["requestId"] as? String == Self.requestID)
                #expect((data["active"] as? [[String: Any]])?.first?["engagementId"] as? String == "E-77")
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    /// POSTs `body` with the test token, on a connection of its own.
    static func post(_ url: String, body: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("Bearer \(TestSidecar.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("no answer in time is 504 timeout; wait on a command nobody answers, or out of range, is 400; a command to nobody frees its requestId")
    func waitsEndAndAreChecked() async throws {
        let app = try WebSocketTests.make().0.makeApplication()
        try await app.test(.live) { client in
            let nobody = try await client.execute(
                uri: "/v1/agents/agent-5/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: Self.statusRequest))
            #expect(nobody.status == .notFound)
            let ticket = try await WebSocketTests.ticket(client, agent: "agent-5")
            _ = try await client.ws("/v1/ws?ticket=\(ticket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await iterator.next()  // hello
                // The same requestId again: the one sent to nobody was withdrawn.
                let silent = try await client.execute(
                    uri: "/v1/agents/agent-5/commands?wait=1", method: .post, headers: TestSidecar.authorized,
                    body: ByteBuffer(string: Self.statusRequest))
                #expect(silent.status == .gatewayTimeout)
                #expect(try errorCode(silent) == "timeout")
                let dial = #"{"type":"onclicktoact","data":{"phone":"+16505551234"}}"#
                let noAnswer = try await client.execute(
                    uri: "/v1/agents/agent-5/commands?wait=5", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: dial))
                #expect(noAnswer.status == .badRequest)
                #expect(try errorCode(noAnswer) == "invalid-parameter")
                for wait in ["0", "61", "x"] {
                    let bad = try await client.execute(
                        uri: "/v1/agents/agent-5/commands?wait=\(wait)", method: .post, headers: TestSidecar.authorized,
                        body: ByteBuffer(string: Self.statusRequest))
                    #expect(bad.status == .badRequest, "wait=\(wait)")
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }
}
