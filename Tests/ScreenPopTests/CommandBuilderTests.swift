import Foundation
import Testing

@testable import ScreenPop

/// Host commands built in Swift, and from named fields as `screenpop command` builds them: the
/// same rules, the same typed errors, and what a builder fills in.
@Suite struct CommandBuilderTests {
    /// The error `body` throws, nil when it throws none (any other error is recorded as an issue).
    static func refusal(_ body: () throws -> Void) -> ScreenPopError? {
        do {
            try body()
            return nil
        } catch let error as ScreenPopError {
            return error
        } catch {
            Issue.record("not a ScreenPopError: \(error)")
            return nil
        }
    }

    @Test func swiftBuildersCheckTheRules() throws {
        let cases: [(String, String, ScreenPopError?)] = [
            ("zcc-accept-engagement", "data.engagementId", Self.refusal { _ = try AcceptEngagement(engagementId: "", channelType: .voice) }),
            ("zcc-send-dtmf", "data.digit", Self.refusal { _ = try SendDTMF(engagementId: "E1", digit: "12") }),
            ("zcc-send-dtmf", "data.engagementId", Self.refusal { _ = try SendDTMF(engagementId: "  ", digit: .star) }),
            (
                "zcc-close-engagement-wrapup", "data.note",
                Self.refusal {
                    _ = try CloseEngagementWrapup(engagementId: "E1", channelType: .chat, note: String(repeating: "é", count: 2001))
                }
            ),
            (
                "zcc-transfer-engagement", "data.destination",
                Self.refusal { _ = try TransferEngagement(engagementId: "E1", transferType: .warm, destination: "") }
            ),
            ("zcc-add-call", "data.destination", Self.refusal { _ = try AddCall(engagementId: "E1", destination: " ") }),
            ("zcc-upgrade-to-video", "data.destination", Self.refusal { _ = try UpgradeToVideo(engagementId: "E1", method: .sms, destination: "") }),
            ("zcc-get-disposition-codes", "data.engagementId", Self.refusal { _ = try GetDispositionCodes() }),
            ("zcc-send-chat-message", "data.messagePayload.textBody", Self.refusal { _ = try SendChatMessage(engagementId: "C1", textBody: "") }),
            ("zcc-get-variables", "data.engagementId", Self.refusal { _ = try GetVariables(engagementId: "") }),
            ("zcc-agent-status-set-request", "data.id", Self.refusal { _ = try AgentStatusSetRequest(id: "") }),
            ("onclicktoact", "data.phone", Self.refusal { _ = try ClickToAct(dialing: "no number") }),
            (
                "zcc-set-mute", "data.requestId",
                Self.refusal { _ = try SetMute(engagementId: "E1", mute: true, requestId: try RequestID(validating: "x", messageType: "zcc-set-mute")) }
            ),
        ]
        for (type, field, error) in cases {
            let error = try #require(error, "\(type) accepted")
            #expect(error.code == .invalidInput)
            #expect(error.field == field)
            #expect(error.messageType == type)
        }
    }

    @Test func swiftBuildersTakeWhatTheRulesAllow() throws {
        #expect(try SendDTMF(engagementId: "E1", digit: "*").digit == .star)
        #expect(try AddCall(engagementId: "E1", destination: "+16505550199").transferType == .warm)
        #expect(try CloseEngagementWrapup(engagementId: "E1", channelType: .voice, note: String(repeating: "a", count: 2000)).note?.count == 2000)
        #expect(try GetDispositionCodes(queueId: "Q1").queueId == "Q1")
        #expect(try ClickToAct(dialing: "+1 (650) 555-1234", name: "Mary").phone == "+1 (650) 555-1234")
        #expect(try SetMute(engagementId: "E1", mute: false).channelType == .voice)
        #expect(try SendChatMessage(engagementId: "C1", textBody: "Hi").channelType == .chat)
        #expect(SetRecording.fixedChannel == .voice)
        #expect(SendChatMessage.fixedChannel == .chat)
        #expect(AcceptEngagement.fixedChannel == nil)
    }

    @Test func namedFieldsBuildTheCommand() throws {
        let message = try HostMessage.command(named: "send-dtmf", fields: ["engagementId": "E1", "digit": "5"])
        guard case .sendDTMF(let command) = message else {
            Issue.record("expected zcc-send-dtmf, got \(message)")
            return
        }
        #expect(command.engagementId == "E1")
        #expect(command.digit == .five)
        // The same with the full type and a given requestId.
        let given = try HostMessage.command(
            named: "zcc-send-dtmf", fields: ["engagementId": "E1", "digit": "5", "requestId": "9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c"])
        #expect(given.requestId == RequestID("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c"))
        #expect(try Golden.value(ScreenPopEngine.encode(given))["data"]?["channelType"] == .string("voice"))
    }

    @Test func namedFieldsFillInWhatTheDocumentAllows() throws {
        let chat = try HostMessage.command(named: "send-chat-message", fields: ["engagementId": "C1", "messagePayload.textBody": "Hello"])
        let json = try Golden.value(ScreenPopEngine.encode(chat))
        #expect(json["data"]?["channelType"] == .string("chat"))
        #expect(json["data"]?["messagePayload"]?["textBody"] == .string("Hello"))
        #expect(RequestID(json["data"]?["requestId"]?.stringValue ?? "") != nil)
        let mute = try HostMessage.command(named: "set-mute", fields: ["engagementId": "E1", "mute": "FALSE"])
        #expect(mute == .setMute(try SetMute(engagementId: "E1", mute: false, requestId: try #require(mute.requestId))))
        let status = try HostMessage.command(named: "engagement-status-request", fields: [:])
        #expect(try Golden.value(ScreenPopEngine.encode(status))["data"]?["channelType"] == nil)
        #expect(try HostMessage.command(named: "agent-status-get-request", fields: [:]) == .agentStatusGetRequest(AgentStatusGetRequest()))
        #expect(ScreenPopEngine.encode(.agentStatusGetRequest(AgentStatusGetRequest())) == Array(#"{"type":"zcc-agent-status-get-request"}"#.utf8))
    }

    @Test(arguments: [
        ("nope", [String: String](), "type"),
        ("zcc-init-config-response", [:], "type"),
        ("send-dtmf", ["engagementId": "E1", "digit": "5", "mute": "true"], "data.mute"),
        ("send-dtmf", ["engagementId": "E1", "digit": "x"], "data.digit"),
        ("set-hold", ["engagementId": "E1", "hold": "yes"], "data.hold"),
        ("set-hold", ["engagementId": "E1", "hold": "true", "channelType": "chat"], "data.channelType"),
        ("transfer-engagement", ["engagementId": "E1", "destination": "+1650"], "data.transferType"),
        ("agent-status-get-request", ["id": "1"], "data.id"),
        ("onclicktoact", ["name": "Mary"], "data.phone"),
    ])
    func namedFieldsAreRefusedWithTheField(name: String, fields: [String: String], field: String) throws {
        let error = try #require(throws: ScreenPopError.self) { try HostMessage.command(named: name, fields: fields) }
        #expect(error.code == .invalidInput)
        #expect(error.field == field)
    }
}
