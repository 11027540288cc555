import Foundation
import Testing

@testable import ScreenPop

/// Golden JSON, both ways, for the softphone's answers to host requests (issue 7).
@Suite struct SoftphoneAnswerGoldenTests {
    static let cases: [(String, SoftphoneMessage)] = [
        (
            "zcc-engagement-status-response",
            .engagementStatusResponse(
                EngagementStatusResponse(
                    requestId: "2f1e4d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
                    active: [
                        .init(
                            engagementId: "E1", channel: "voice", engagementDirection: .inbound, state: "active", queueId: "Q1", queueName: "Support",
                            customerNumber: "+16505551234", customerName: "Mary Smith", from: "+16505551234", to: "+18005550100")
                    ],
                    wrapup: [
                        .init(
                            engagementId: "C1", channel: "chat", engagementDirection: .inbound, state: "wrapup", queueId: "Q2", queueName: "Chat",
                            customerName: "Hans", customerEmail: "hans@müller.de")
                    ]))
        ),
        (
            "zcc-get-disposition-codes-response",
            .dispositionCodesResponse(
                DispositionCodesResponse(
                    requestId: "0d9c8b7a-6f5e-4d3c-9b2a-19f8e7d6c5b4",
                    codes: [
                        DispositionCode(
                            id: "D-1", name: "Resolved", description: "The issue was resolved", dispositionType: "success",
                            subDispositionList: [DispositionCode(id: "D-1a", name: "First call"), DispositionCode(id: "D-1b", name: "Follow-up")]),
                        DispositionCode(id: "D-2", name: "Callback", dispositionType: "follow-up"),
                    ]))
        ),
        (
            "zcc-send-chat-message-response",
            .sendChatMessageResponse(
                SendChatMessageResponse(
                    requestId: "7c6b5a49-3827-4615-8f4e-3d2c1b0a9f8e", status: true, timestamp: .number(1_718_000_700_000)))
        ),
        (
            "zcc-send-chat-message-response.failure",
            .sendChatMessageResponse(
                SendChatMessageResponse(
                    requestId: "7c6b5a49-3827-4615-8f4e-3d2c1b0a9f8e", status: false, errorCode: "CHAT_CLOSED", errorMessage: "The chat has ended"))
        ),
        (
            "zcc-get-variables-response",
            .variablesResponse(
                VariablesResponse(
                    engagementId: "GrHVH9d9fdlfjlfs8fHrg",
                    variables: [
                        .init(
                            globalVariableId: "GV-1", globalVariableName: "account_tier", globalVariableDisplayName: "Account tier",
                            globalVariableType: "Global_Variable", dataType: "string", value: .string("gold"), screen: "Engagement"),
                        .init(
                            globalVariableId: "GV-2", globalVariableName: "open_cases", globalVariableDisplayName: "Open cases",
                            globalVariableType: "Global_Variable", dataType: "number", value: .number(3), screen: "Engagement"),
                    ]))
        ),
    ]

    @Test(arguments: cases)
    func decodesGolden(name: String, expected: SoftphoneMessage) throws {
        let message = try ScreenPopEngine.decode(json: try Golden.bytes(name))
        #expect(message == expected)
        #expect(message.type == name.split(separator: ".").first.map(String.init))
    }

    @Test(arguments: cases)
    func encodesGolden(name: String, message: SoftphoneMessage) throws {
        #expect(try Golden.value(try Golden.encode(message)) == (try Golden.value(try Golden.bytes(name))))
    }

    @Test(arguments: cases)
    func goldenAnswersValidate(name: String, message: SoftphoneMessage) throws {
        let verdict = MessageValidation(json: try Golden.bytes(name))
        #expect(verdict.ok)
        #expect(verdict.direction == .fromSoftphone)
        #expect(verdict.type == message.type)
    }

    /// Every `type` the document names (its list of events, and the sections after it).
    static let documentTypes: Set<String> = [
        "zcc-init-config-request", "zcc-init-config-response", "zcc-resize", "zcc-contact-search-event", "zcc-contact-search-response",
        "zcc-call-ringing", "zcc-incomingPhone-request", "zcc-incomingPhone-response", "zcc-screen-pop", "zcc-call-connected",
        "zcc-call-ended", "zcc-end-post-engagement", "zcc-phone-call-log", "zcc-call-recording", "onclicktoact",
        "zcc-incomingEmail-request", "zcc-incomingEmail-response", "zcc-chat-ringing", "zcc-chat-started", "zcc-chat-ended",
        "zcc-video-ringing", "zcc-video-started", "zcc-video-ended", "zcc-add-note", "zcc-sms-ringing", "zcc-sms-started",
        "zcc-sms-ended", "zcc-outbound-call-started", "zcc-inbound-not-connected", "zcc-outbound-not-connected",
        "zcc-reject-engagement", "zcc-accept-engagement", "zcc-terminate-engagement", "zcc-set-engagement-disposition",
        "zcc-close-engagement-wrapup", "zcc-engagement-status-request", "zcc-engagement-status-response", "zcc-engagement-log-url",
        "zcc-set-mute", "zcc-set-hold", "zcc-send-dtmf", "zcc-set-recording", "zcc-transfer-engagement", "zcc-add-call",
        "zcc-cancel-consult", "zcc-complete-transfer", "zcc-merge-consult", "zcc-upgrade-to-video", "zcc-get-disposition-codes",
        "zcc-get-disposition-codes-response", "zcc-agent-status-notification", "zcc-agent-status-get-request",
        "zcc-agent-status-set-request", "zcc-error", "zcc-send-chat-message", "zcc-send-chat-message-response", "zcc-get-variables",
        "zcc-get-variables-response",
    ]

    /// No type the document names decodes as `.unknown`.
    @Test func everyTypeOfTheDocumentIsKnown() throws {
        let known = HostMessage.knownTypes.union(SoftphoneMessage.knownTypes)
        #expect(Self.documentTypes.subtracting(known).isEmpty, "unknown here: \(Self.documentTypes.subtracting(known).sorted())")
        #expect(known.subtracting(Self.documentTypes).isEmpty, "not in the document: \(known.subtracting(Self.documentTypes).sorted())")
    }

    /// The list above is the document's, where the document is at hand (next to the checkout).
    @Test func theListIsTheDocuments() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/seed/smart-embed-api.txt")
        guard let document = try? String(contentsOf: path, encoding: .utf8) else { return }  // not in every checkout
        var named: Set<String> = ["onclicktoact"]
        for chunk in document.components(separatedBy: "zcc-").dropFirst() {
            var name = String(chunk.prefix { $0.isLetter || $0 == "-" })
            while name.hasSuffix("-") { name.removeLast() }
            if !name.isEmpty { named.insert("zcc-" + name) }
        }
        #expect(named == Self.documentTypes, "differs: \(named.symmetricDifference(Self.documentTypes).sorted())")
    }

    @Test func dispositionCodesMayNestListsAndUseNumbers() throws {
        let json =
            #"{"type":"zcc-get-disposition-codes-response","data":{"requestId":"r","codes":[[{"id":1,"name":"A"}],{"id":"2","subDispositionList":[{"id":3}]}]}}"#
        guard case .dispositionCodesResponse(let response) = try ScreenPopEngine.decode(json: Array(json.utf8)) else {
            Issue.record("expected the disposition codes")
            return
        }
        #expect(response.codes.map(\.id) == ["1", "2"])
        #expect(response.allCodes.map(\.id) == ["1", "2", "3"])
    }

    @Test func answersMayLeaveTheirListsOut() throws {
        let json = #"{"type":"zcc-engagement-status-response","data":{"requestId":"x","active":null}}"#
        #expect(try ScreenPopEngine.decode(json: Array(json.utf8)) == .engagementStatusResponse(EngagementStatusResponse(requestId: "x")))
        let variables = #"{"type":"zcc-get-variables-response","data":{"engagementId":"E1"}}"#
        #expect(try ScreenPopEngine.decode(json: Array(variables.utf8)) == .variablesResponse(VariablesResponse(engagementId: "E1", variables: [])))
    }

    @Test func aChatResponseNeedsItsStatus() throws {
        let json = #"{"type":"zcc-send-chat-message-response","data":{"requestId":"x"}}"#
        let error = try #require(throws: ScreenPopError.self) { try ScreenPopEngine.decode(json: Array(json.utf8)) }
        #expect(error.code == .invalidInput)
        #expect(error.field == "data.status")
    }
}
