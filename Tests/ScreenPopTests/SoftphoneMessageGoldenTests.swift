import Foundation
import Testing
@testable import ScreenPop

/// Golden JSON, both ways, for every message the softphone sends (issue 5's set).
@Suite struct SoftphoneMessageGoldenTests {
    static let cases: [(String, SoftphoneMessage)] = [
        ("zcc-init-config-request", .initConfigRequest),
        ("zcc-resize", .resize(Resize(widthInPixels: 840, heightInPixels: 700))),
        ("zcc-contact-search-event", .contactSearch(ContactSearchEvent(query: "Mary Smith"))),
        ("zcc-call-ringing", .callRinging(CallRinging(
            engagementId: "E1", from: "+16505551234", to: "+18005550100", queueName: "Support", createTs: .number(1_718_000_000_000),
            channel: .number(1_718_000_000_000), isConference: false, isTransfer: false))),
        ("zcc-incomingPhone-request", .incomingPhoneRequest(IncomingPhoneRequest(incomingPhoneNumber: "+16505551234", engagementId: "E1", channel: .voice))),
        ("zcc-screen-pop", .screenPop(ScreenPopSelection(id: "0035g00000AbCdF"))),
        ("zcc-call-connected", .callConnected(CallConnected(
            engagementId: "E1", acceptTs: .number(1_718_000_005_000), direction: .inbound, from: "+16505551234", to: "+18005550100",
            queueId: "Q1", queueName: "Support"))),
        ("zcc-call-ended", .engagementEnded(.voice, EngagementEnded(engagementId: "E1", completeTs: .number(1_718_000_125_000)))),
        ("zcc-end-post-engagement", .endPostEngagement(EndPostEngagement(name: "Resolved", engagementId: "E1"))),
        ("zcc-phone-call-log", .phoneCallLog(PhoneCallLog(
            objectRecord: .init(
                callType: .inbound, from: "+16505551234", to: "+18005550100", callDuration: .number(120), callStartTime: .number(1_718_000_005_000),
                callEndTime: .number(1_718_000_125_000), callQueue: "Support", agentExtension: "1001", agentName: "Alex Agent",
                wrapUpTimeDuration: .number(15), notes: ["<p>Customer asked about <b>billing</b>.</p>"], dispositionCode: "Resolved",
                dispositionId: "D1", type: "phone"),
            engagementId: "E1", relateTo: .object([("id", .string("CASE-1"))]), smartNotes: ["<ul><li>Billing question</li></ul>"],
            channelUpgradeInfo: nil,
            user: ContactItem(id: "0035g00000AbCdF", name: "Mary Smith", phone: "+16505551234", email: "Mary.Smith+crm@GoogleMail.com", entity: "contact")))),
        ("zcc-call-recording", .callRecording(CallRecording(engagementId: "E1", recordingUrl: "https://zoom.us/recording/E1"))),
        ("zcc-incomingEmail-request", .incomingEmailRequest(IncomingEmailRequest(email: "hans@müller.de", engagementId: "C1", channel: .chat))),
        ("zcc-chat-ringing", .engagementRinging(.chat, EngagementRinging(
            engagementId: "C1", queueId: "Q2", queueName: "Chat", customerName: "Hans", customerEmail: "hans@müller.de"))),
        ("zcc-chat-started", .engagementStarted(.chat, EngagementStarted(engagementId: "C1", createTs: .text("2026-11-25T06:00:00Z")))),
        ("zcc-chat-ended", .engagementEnded(.chat, EngagementEnded(engagementId: "C1", completeTs: .text("2026-11-25T06:05:00Z")))),
        ("zcc-video-ringing", .engagementRinging(.video, EngagementRinging(engagementId: "V1", queueId: "Q3", queueName: "Video"))),
        ("zcc-video-started", .engagementStarted(.video, EngagementStarted(engagementId: "V1", createTs: .number(1_718_000_200_000)))),
        ("zcc-video-ended", .engagementEnded(.video, EngagementEnded(engagementId: "V1", completeTs: .number(1_718_000_300_000)))),
        ("zcc-add-note", .addNote(AddNote(comment: "<p>Call back <i>tomorrow</i></p>"))),
        ("zcc-sms-ringing", .engagementRinging(.sms, EngagementRinging(
            engagementId: "S1", queueId: "Q4", queueName: "SMS", customerName: "Mary", customerEmail: "mary@example.com",
            incomingPhoneNumber: "+16505550142"))),
        ("zcc-sms-started", .engagementStarted(.sms, EngagementStarted(engagementId: "S1", createTs: .number(1_718_000_400_000)))),
        ("zcc-sms-ended", .engagementEnded(.sms, EngagementEnded(engagementId: "S1", completeTs: .number(1_718_000_500_000)))),
        ("zcc-outbound-call-started", .outboundCallStarted(OutboundCallStarted(
            engagementId: "O1", from: "+18005550100", to: "+16505550142", queueName: "Outbound", startTs: .number(1_718_000_600_000)))),
        ("zcc-inbound-not-connected", .inboundNotConnected(EngagementNotConnected(engagementId: "E2", reasonCode: "MISSED", message: "The agent did not answer"))),
        ("zcc-outbound-not-connected", .outboundNotConnected(EngagementNotConnected(engagementId: "O2", reasonCode: "404", message: "Unserviced number"))),
        ("zcc-engagement-log-url", .engagementLogURL(EngagementLogURL(engagementId: "E1", recordingUrl: "https://zoom.us/engagement/E1"))),
        ("zcc-agent-status-notification", .agentStatusNotification(AgentStatusNotification(statusCode: "2", status: "Not Ready", parentStatusCode: "2", subReason: "Lunch"))),
        ("zcc-error", .error(SoftphoneError(code: "invalid-input", message: "engagementId is required"))),
    ]

    @Test(arguments: cases)
    func decodesGolden(name: String, expected: SoftphoneMessage) throws {
        let message = try ScreenPopEngine.decode(json: try Golden.bytes(name))
        #expect(message == expected)
        #expect(message.type == name)
    }

    @Test(arguments: cases)
    func encodesGolden(name: String, message: SoftphoneMessage) throws {
        let encoded = try Golden.value(try Golden.encode(message))
        var golden = try Golden.value(try Golden.bytes(name))
        // A null member is the same as an absent one for us (channelUpgradeInfo: null).
        if case .object(let pairs) = golden, case .object(let data)? = golden["data"] {
            golden = .object(pairs.map { $0.key == "data" ? ($0.key, .object(data.filter { $0.value != .null })) : $0 })
        }
        #expect(encoded == golden)
    }
}
