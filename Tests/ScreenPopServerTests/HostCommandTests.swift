import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// `POST /v1/agents/{agent}/commands` refuses a command that breaks a rule as `screenpop
/// command` does: naming the field, in the API's error shape, without decoder internals.
@Suite("Host commands")
struct HostCommandTests {
    static let requestId = "9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c"

    @Test(
        "a command that breaks a rule is 422 invalid-command naming the field",
        arguments: [
            (#"{"type":"zcc-send-dtmf","data":{"engagementId":"E","channelType":"voice","requestId":"\#(requestId)","digit":"55"}}"#, "data.digit"),
            (#"{"type":"zcc-set-mute","data":{"engagementId":"E","channelType":"voice","requestId":"\#(requestId)","mute":"true"}}"#, "data.mute"),
            (#"{"type":"zcc-accept-engagement","data":{"engagementId":"E","channelType":"Voice","requestId":"\#(requestId)"}}"#, "data.channelType"),
            (#"{"type":"zcc-accept-engagement","data":{"engagementId":"E","channelType":"voice","requestId":"abc"}}"#, "data.requestId"),
            (
                #"{"type":"zcc-transfer-engagement","data":{"engagementId":"E","channelType":"voice","requestId":"\#(requestId)","destination":"1"}}"#,
                "data.transferType"
            ),
            (#"{"type":"zcc-set-mute"}"#, "data"),
            (#"{"data":{}}"#, "type"),
        ])
    func ruleBreakNamesTheField(command: String, field: String) async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/agents/agent-7/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: command))
            #expect(response.status == .unprocessableContent)
            #expect(try errorCode(response) == "invalid-command")
            let error = try #require(try jsonObject(response.body)["error"] as? [String: Any])
            #expect(error["field"] as? String == field)
            let message = try #require(error["message"] as? String)
            let internals = ["DecodingError", "CodingKeys", "Debug description"]
            #expect(!internals.contains { message.contains($0) }, "leaks internals: \(message)")
        }
    }

    @Test("a body that is not a JSON object is 400 malformed")
    func notAnObject() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            for body in ["[]", "not json", "null"] {
                let response = try await client.execute(
                    uri: "/v1/agents/agent-7/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
                #expect(try errorCode(response) == "malformed")
                let message = try #require((try jsonObject(response.body)["error"] as? [String: Any])?["message"] as? String)
                #expect(!message.contains("DecodingError") && !message.contains("Dictionary<"), "leaks internals: \(message)")
            }
        }
    }
}
