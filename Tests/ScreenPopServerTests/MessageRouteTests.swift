import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// `POST /v1/messages` answers like `screenpop replay`: the reply and the host actions.
@Suite("Messages")
struct MessageRouteTests {
    func post(_ client: some TestClientProtocol, _ json: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: json))
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try jsonObject(response.body)
    }

    @Test("a session: ranked records, the agent's choice, the call log")
    func session() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let config = try await post(client, #"{"type":"zcc-init-config-request"}"#)
            #expect(((config["reply"] as? [String: Any])?["data"] as? [String: Any]).flatMap { $0["phone"] as? [String: Any] }?["screenPopEvent"] as? String == "RINGING")

            let lookup = try await post(client, String(buffer: TestSidecar.incomingPhone("+16505551234", engagement: "ENG-1001")))
            #expect(try replyIDs(lookup) == ["0035g00000AbCdE", "0035g00000AbCdF", "00Q5g00000LeAd1"])
            let choose = try #require((lookup["actions"] as? [[String: Any]])?.first)
            #expect(choose["action"] as? String == "chooseAmong")
            #expect(choose["engagementId"] as? String == "ENG-1001")

            let selection = try await post(client, #"{"type":"zcc-screen-pop","data":{"id":"0035g00000AbCdF"}}"#)
            #expect(selection["reply"] is NSNull)
            let pop = try #require((selection["actions"] as? [[String: Any]])?.first)
            #expect(pop["action"] as? String == "pop")
            #expect((pop["contact"] as? [String: Any])?["name"] as? String == "Mary Smith")

            let log = try await post(
                client,
                #"{"type":"zcc-phone-call-log","data":{"engagementId":"ENG-1001","objectRecord":{"callType":"inbound","callDuration":65,"notes":["<p>Hello &amp; bye</p>"]}}}"#)
            let entry = try #require((log["actions"] as? [[String: Any]])?.first)
            #expect(entry["action"] as? String == "logEngagement")
            #expect((entry["record"] as? [String: Any])?["id"] as? String == "0035g00000AbCdF")
            #expect(entry["notesPlainText"] as? [String] == ["Hello & bye"])

            let email = try await post(client, #"{"type":"zcc-incomingEmail-request","data":{"email":"HANS@xn--mller-kva.de","engagementId":"ENG-3001","channel":"chat"}}"#)
            #expect(try replyIDs(email) == ["51000000037"])

            let nobody = try await post(client, String(buffer: TestSidecar.incomingPhone("+12025550199", engagement: "ENG-9")))
            #expect(try replyIDs(nobody) == [])
            #expect((nobody["actions"] as? [[String: Any]])?.first?["action"] as? String == "offerNewRecord")

            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: TestSidecar.authorized)
            let text = String(buffer: metrics.body)
            #expect(text.contains(#"screenpop_messages_total{type="zcc-incomingPhone-request",transport="http"} 2"#))
            #expect(text.contains(#"screenpop_message_duration_seconds_count{transport="http"} 6"#))
            #expect(text.contains("screenpop_engagements 3"))
        }
    }

    @Test("an unknown message type is answered with nothing, and its type is not a metric label")
    func unknownType() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            let answer = try await post(client, #"{"type":"zcc-brand-new-event","data":{}}"#)
            #expect(answer["reply"] is NSNull)
            #expect((answer["actions"] as? [Any])?.isEmpty == true)
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: TestSidecar.authorized)
            #expect(String(buffer: metrics.body).contains(#"screenpop_messages_total{type="other",transport="http"} 1"#))
        }
    }
}
