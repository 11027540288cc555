import Foundation
import Testing

@testable import ScreenPop

/// Golden JSON, both ways, for every command the host sends to the softphone (issue 7).
@Suite struct HostCommandGoldenTests {
    static let r1 = RequestID("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c")!
    static let r2 = RequestID("2f1e4d3c-5b6a-4789-8a0b-1c2d3e4f5a6b")!
    static let r3 = RequestID("0d9c8b7a-6f5e-4d3c-9b2a-19f8e7d6c5b4")!
    static let r4 = RequestID("7c6b5a49-3827-4615-8f4e-3d2c1b0a9f8e")!

    static func cases() throws -> [(String, HostMessage)] {
        [
            ("zcc-accept-engagement", .acceptEngagement(try AcceptEngagement(engagementId: "E1", channelType: .voice, requestId: r1))),
            ("zcc-reject-engagement", .rejectEngagement(try RejectEngagement(engagementId: "C1", channelType: .chat, requestId: r1))),
            ("zcc-terminate-engagement", .terminateEngagement(try TerminateEngagement(engagementId: "V1", channelType: .video, requestId: r1))),
            (
                "zcc-set-engagement-disposition",
                .setEngagementDisposition(
                    try SetEngagementDisposition(
                        engagementId: "S1", channelType: .sms, dispositionId: "D-42", requestId: r1))
            ),
            (
                "zcc-close-engagement-wrapup",
                .closeEngagementWrapup(
                    try CloseEngagementWrapup(
                        engagementId: "E1", channelType: .voice, note: "Customer will call back tomorrow.", requestId: r1))
            ),
            ("zcc-engagement-status-request", .engagementStatusRequest(try EngagementStatusRequest(engagementId: "E1", channelType: .voice, requestId: r2))),
            ("zcc-engagement-status-request.no-channel", .engagementStatusRequest(try EngagementStatusRequest(engagementId: "E1", requestId: r2))),
            ("zcc-agent-status-get-request", .agentStatusGetRequest(AgentStatusGetRequest())),
            ("zcc-agent-status-set-request", .agentStatusSetRequest(try AgentStatusSetRequest(id: "2"))),
            ("zcc-set-mute", .setMute(try SetMute(engagementId: "E1", mute: true, requestId: r1))),
            ("zcc-set-hold", .setHold(try SetHold(engagementId: "E1", hold: false, requestId: r1))),
            ("zcc-send-dtmf", .sendDTMF(try SendDTMF(engagementId: "E1", digit: .pound, requestId: r1))),
            ("zcc-set-recording", .setRecording(try SetRecording(engagementId: "E1", action: .pause, requestId: r1))),
            (
                "zcc-transfer-engagement",
                .transferEngagement(
                    try TransferEngagement(
                        engagementId: "E1", transferType: .direct, destination: "+16505550199", requestId: r1))
            ),
            ("zcc-add-call", .addCall(try AddCall(engagementId: "E1", destination: "+16505550199", requestId: r1))),
            (
                "zcc-cancel-consult",
                .cancelConsult(
                    try CancelConsult(
                        engagementId: "E1", consultParticipantId: "P-7", reason: "Supervisor unavailable", requestId: r1))
            ),
            ("zcc-complete-transfer", .completeTransfer(try CompleteTransfer(engagementId: "E1", consultParticipantId: "P-7", requestId: r1))),
            ("zcc-merge-consult", .mergeConsult(try MergeConsult(engagementId: "E1", consultParticipantId: "P-7", requestId: r1))),
            (
                "zcc-upgrade-to-video",
                .upgradeToVideo(
                    try UpgradeToVideo(
                        engagementId: "E1", method: .email, destination: "mary@example.com", requestId: r1))
            ),
            (
                "zcc-get-disposition-codes",
                .getDispositionCodes(
                    try GetDispositionCodes(
                        engagementId: "E1", queueId: "Q1", channelType: .voice, requestId: r3))
            ),
            (
                "zcc-send-chat-message",
                .sendChatMessage(
                    try SendChatMessage(
                        engagementId: "C1", textBody: "Hello, how can I help?", conversationId: "CONV-1", communicationId: "COMM-1",
                        participantId: "PART-1", requestId: r4))
            ),
            ("zcc-get-variables", .getVariables(try GetVariables(engagementId: "GrHVH9d9fdlfjlfs8fHrg"))),
        ]
    }

    static let names = [
        "zcc-accept-engagement", "zcc-reject-engagement", "zcc-terminate-engagement", "zcc-set-engagement-disposition",
        "zcc-close-engagement-wrapup", "zcc-engagement-status-request", "zcc-engagement-status-request.no-channel",
        "zcc-agent-status-get-request", "zcc-agent-status-set-request", "zcc-set-mute", "zcc-set-hold", "zcc-send-dtmf",
        "zcc-set-recording", "zcc-transfer-engagement", "zcc-add-call", "zcc-cancel-consult", "zcc-complete-transfer",
        "zcc-merge-consult", "zcc-upgrade-to-video", "zcc-get-disposition-codes", "zcc-send-chat-message", "zcc-get-variables",
    ]

    static func expected(_ name: String) throws -> HostMessage {
        try #require(try cases().first { $0.0 == name }?.1, "no case for \(name)")
    }

    @Test func everyCommandOfTheDocumentHasAGoldenCase() throws {
        #expect(try Self.cases().map(\.0) == Self.names)
        let commands = Set(try Self.cases().map { $0.1.type }).union(["onclicktoact"])
        #expect(commands == Set(HostMessage.commandTypes.keys))
    }

    @Test(arguments: names)
    func decodesGolden(name: String) throws {
        let message = try HostMessage.decode(json: try Golden.bytes(name))
        #expect(message == (try Self.expected(name)))
        #expect(message.type == name.split(separator: ".").first.map(String.init))
    }

    @Test(arguments: names)
    func encodesGoldenWithCodable(name: String) throws {
        #expect(try Golden.value(try Golden.encode(try Self.expected(name))) == (try Golden.value(try Golden.bytes(name))))
    }

    /// The engine's writer gives the same JSON, with `type` first.
    @Test(arguments: names)
    func engineWriterMatchesGolden(name: String) throws {
        let written = ScreenPopEngine.encode(try Self.expected(name))
        #expect(try Golden.value(written) == (try Golden.value(try Golden.bytes(name))))
        #expect(written.starts(with: Array("{\"type\":".utf8)))
    }

    /// Each golden command is valid for `screenpop validate`, as a host message.
    @Test(arguments: names)
    func goldenCommandsValidate(name: String) throws {
        let verdict = MessageValidation(json: try Golden.bytes(name))
        #expect(verdict.ok)
        #expect(verdict.known)
        #expect(verdict.direction == .fromHost)
    }

    @Test func theCommandCarriesItsRequestID() throws {
        #expect(try Self.expected("zcc-set-mute").requestId == Self.r1)
        #expect(try Self.expected("zcc-get-variables").requestId == nil)
        #expect(try Self.expected("zcc-agent-status-get-request").requestId == nil)
    }

    @Test func aRequestIDIsWrittenInLowerCaseAndReadInAnyCase() throws {
        let upper =
            #"{"type":"zcc-set-mute","data":{"engagementId":"E1","channelType":"voice","requestId":"9B7F2C1A-3E4D-4F8A-9B2C-5D6E7F8A9B0C","mute":true}}"#
        let message = try HostMessage.decode(json: Array(upper.utf8))
        #expect(message == (try Self.expected("zcc-set-mute")))
        #expect(try Golden.value(ScreenPopEngine.encode(message))["data"]?["requestId"] == .string("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c"))
    }

    @Test func aBuilderGivenNoRequestIDMakesAFreshUUID() throws {
        let first = try SetHold(engagementId: "E1", hold: true)
        let second = try SetHold(engagementId: "E1", hold: true)
        #expect(first.requestId != second.requestId)
        #expect(RequestID(first.requestId.description) == first.requestId)
        #expect(first.requestId.description == first.requestId.description.lowercased())
    }
}
