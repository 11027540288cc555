#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A message from the host to the softphone: `{type, data}`.
///
/// The replies answer the softphone's requests (`zcc-init-config-response`, the look-up and
/// search responses); the commands (`onclicktoact` and every `SoftphoneCommand`) drive it.
/// Decoding checks each command by the document's rules and fails with `ScreenPopError`
/// (`invalid-input` and the field) for a known type whose `data` is wrong.
public enum HostMessage: Sendable, Hashable {
    /// `zcc-init-config-response`.
    case initConfigResponse(InitConfigResponse)
    /// `zcc-contact-search-response`.
    case contactSearchResponse(ContactSearchResponse)
    /// `zcc-incomingPhone-response`.
    case incomingPhoneResponse(IncomingLookupResponse)
    /// `zcc-incomingEmail-response`.
    case incomingEmailResponse(IncomingLookupResponse)
    /// `onclicktoact`: dial (click to call).
    case clickToAct(ClickToAct)
    /// `zcc-accept-engagement`.
    case acceptEngagement(AcceptEngagement)
    /// `zcc-reject-engagement`.
    case rejectEngagement(RejectEngagement)
    /// `zcc-terminate-engagement`.
    case terminateEngagement(TerminateEngagement)
    /// `zcc-set-engagement-disposition`.
    case setEngagementDisposition(SetEngagementDisposition)
    /// `zcc-close-engagement-wrapup`.
    case closeEngagementWrapup(CloseEngagementWrapup)
    /// `zcc-engagement-status-request`.
    case engagementStatusRequest(EngagementStatusRequest)
    /// `zcc-agent-status-get-request`.
    case agentStatusGetRequest(AgentStatusGetRequest)
    /// `zcc-agent-status-set-request`.
    case agentStatusSetRequest(AgentStatusSetRequest)
    /// `zcc-set-mute`.
    case setMute(SetMute)
    /// `zcc-set-hold`.
    case setHold(SetHold)
    /// `zcc-send-dtmf`.
    case sendDTMF(SendDTMF)
    /// `zcc-set-recording`.
    case setRecording(SetRecording)
    /// `zcc-transfer-engagement`.
    case transferEngagement(TransferEngagement)
    /// `zcc-add-call`.
    case addCall(AddCall)
    /// `zcc-cancel-consult`.
    case cancelConsult(CancelConsult)
    /// `zcc-complete-transfer`.
    case completeTransfer(CompleteTransfer)
    /// `zcc-merge-consult`.
    case mergeConsult(MergeConsult)
    /// `zcc-upgrade-to-video`.
    case upgradeToVideo(UpgradeToVideo)
    /// `zcc-get-disposition-codes`.
    case getDispositionCodes(GetDispositionCodes)
    /// `zcc-send-chat-message`.
    case sendChatMessage(SendChatMessage)
    /// `zcc-get-variables`.
    case getVariables(GetVariables)
    /// A type we do not know, with the whole message exactly as received (`RawJSON`).
    case unknown(type: String, raw: RawJSON)

    /// The message's `type` text.
    public var type: String {
        switch self {
        case .initConfigResponse: "zcc-init-config-response"
        case .contactSearchResponse: "zcc-contact-search-response"
        case .incomingPhoneResponse: "zcc-incomingPhone-response"
        case .incomingEmailResponse: "zcc-incomingEmail-response"
        case .unknown(let type, _): type
        default: command.map { Swift.type(of: $0).type } ?? ""
        }
    }

    /// The command the message carries; nil for the replies and `.unknown`.
    public var command: (any SoftphoneCommand)? {
        switch self {
        case .initConfigResponse, .contactSearchResponse, .incomingPhoneResponse, .incomingEmailResponse, .unknown: nil
        case .clickToAct(let c): c
        case .acceptEngagement(let c): c
        case .rejectEngagement(let c): c
        case .terminateEngagement(let c): c
        case .setEngagementDisposition(let c): c
        case .closeEngagementWrapup(let c): c
        case .engagementStatusRequest(let c): c
        case .agentStatusGetRequest(let c): c
        case .agentStatusSetRequest(let c): c
        case .setMute(let c): c
        case .setHold(let c): c
        case .sendDTMF(let c): c
        case .setRecording(let c): c
        case .transferEngagement(let c): c
        case .addCall(let c): c
        case .cancelConsult(let c): c
        case .completeTransfer(let c): c
        case .mergeConsult(let c): c
        case .upgradeToVideo(let c): c
        case .getDispositionCodes(let c): c
        case .sendChatMessage(let c): c
        case .getVariables(let c): c
        }
    }

    /// The command's `requestId`, for the commands that carry one.
    public var requestId: RequestID? {
        switch self {
        case .acceptEngagement(let c): c.requestId
        case .rejectEngagement(let c): c.requestId
        case .terminateEngagement(let c): c.requestId
        case .setEngagementDisposition(let c): c.requestId
        case .closeEngagementWrapup(let c): c.requestId
        case .engagementStatusRequest(let c): c.requestId
        case .setMute(let c): c.requestId
        case .setHold(let c): c.requestId
        case .sendDTMF(let c): c.requestId
        case .setRecording(let c): c.requestId
        case .transferEngagement(let c): c.requestId
        case .addCall(let c): c.requestId
        case .cancelConsult(let c): c.requestId
        case .completeTransfer(let c): c.requestId
        case .mergeConsult(let c): c.requestId
        case .upgradeToVideo(let c): c.requestId
        case .getDispositionCodes(let c): c.requestId
        case .sendChatMessage(let c): c.requestId
        default: nil
        }
    }

    /// The replies' types.
    public static let replyTypes: Set<String> = [
        "zcc-init-config-response", "zcc-contact-search-response", "zcc-incomingPhone-response", "zcc-incomingEmail-response",
    ]

    /// The commands, by `type`.
    public static let commandTypes: [String: any SoftphoneCommand.Type] = {
        let all: [any SoftphoneCommand.Type] = [
            ClickToAct.self, AcceptEngagement.self, RejectEngagement.self, TerminateEngagement.self, SetEngagementDisposition.self,
            CloseEngagementWrapup.self, EngagementStatusRequest.self, AgentStatusGetRequest.self, AgentStatusSetRequest.self, SetMute.self,
            SetHold.self, SendDTMF.self, SetRecording.self, TransferEngagement.self, AddCall.self, CancelConsult.self, CompleteTransfer.self,
            MergeConsult.self, UpgradeToVideo.self, GetDispositionCodes.self, SendChatMessage.self, GetVariables.self,
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.type, $0) })
    }()

    /// Every `type` the host sends that decodes to a case other than `.unknown`.
    public static var knownTypes: Set<String> { replyTypes.union(commandTypes.keys) }

    /// Decodes a host message from JSON bytes. A type we do not know becomes `.unknown` with
    /// these bytes, as they are.
    /// - Throws: `ScreenPopError`: `malformed` when the bytes are not a JSON object with a
    ///   string `type`; `invalid-input` naming the field when a known message is wrong.
    public static func decode(json: [UInt8]) throws(ScreenPopError) -> HostMessage {
        if TrailingCommaCheck.hasTrailingComma(in: json) { throw TrailingCommaCheck.error }
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[.rawJSON] = RawJSON(bytes: json)
            return try decoder.decode(HostMessage.self, from: Data(json))
        } catch {
            throw ScreenPopError.from(error, messageType: ScreenPopEngine.peekType(json))
        }
    }
}

extension HostMessage: Codable {
    private enum CodingKeys: String, CodingKey { case type, data }

    /// Decodes `{type, data}`; unknown types become `.unknown`.
    ///
    /// A known type whose `data` is missing or breaks a rule throws `ScreenPopError`
    /// (`invalid-input`, the field, the type), not a `DecodingError`; a missing or non-string
    /// `type` throws a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func data<T: Decodable>(_: T.Type) throws -> T {
            guard container.contains(.data), (try? container.decodeNil(forKey: .data)) == false else {
                throw ScreenPopError(code: .invalidInput, field: "data", messageType: type, message: "data is required")
            }
            do {
                return try container.decode(T.self, forKey: .data)
            } catch {
                throw ScreenPopError.from(error, messageType: type)
            }
        }
        switch type {
        case "zcc-init-config-response":
            self = .initConfigResponse(
                try container.contains(.data) && !container.decodeNil(forKey: .data) ? data(InitConfigResponse.self) : .init(phone: nil))
        case "zcc-contact-search-response": self = .contactSearchResponse(try data(ContactSearchResponse.self))
        case "zcc-incomingPhone-response": self = .incomingPhoneResponse(try data(IncomingLookupResponse.self))
        case "zcc-incomingEmail-response": self = .incomingEmailResponse(try data(IncomingLookupResponse.self))
        case ClickToAct.type: self = .clickToAct(try data(ClickToAct.self))
        case AcceptEngagement.type: self = .acceptEngagement(try data(AcceptEngagement.self))
        case RejectEngagement.type: self = .rejectEngagement(try data(RejectEngagement.self))
        case TerminateEngagement.type: self = .terminateEngagement(try data(TerminateEngagement.self))
        case SetEngagementDisposition.type: self = .setEngagementDisposition(try data(SetEngagementDisposition.self))
        case CloseEngagementWrapup.type: self = .closeEngagementWrapup(try data(CloseEngagementWrapup.self))
        case EngagementStatusRequest.type: self = .engagementStatusRequest(try data(EngagementStatusRequest.self))
        case AgentStatusGetRequest.type: self = .agentStatusGetRequest(AgentStatusGetRequest())
        case AgentStatusSetRequest.type: self = .agentStatusSetRequest(try data(AgentStatusSetRequest.self))
        case SetMute.type: self = .setMute(try data(SetMute.self))
        case SetHold.type: self = .setHold(try data(SetHold.self))
        case SendDTMF.type: self = .sendDTMF(try data(SendDTMF.self))
        case SetRecording.type: self = .setRecording(try data(SetRecording.self))
        case TransferEngagement.type: self = .transferEngagement(try data(TransferEngagement.self))
        case AddCall.type: self = .addCall(try data(AddCall.self))
        case CancelConsult.type: self = .cancelConsult(try data(CancelConsult.self))
        case CompleteTransfer.type: self = .completeTransfer(try data(CompleteTransfer.self))
        case MergeConsult.type: self = .mergeConsult(try data(MergeConsult.self))
        case UpgradeToVideo.type: self = .upgradeToVideo(try data(UpgradeToVideo.self))
        case GetDispositionCodes.type: self = .getDispositionCodes(try data(GetDispositionCodes.self))
        case SendChatMessage.type: self = .sendChatMessage(try data(SendChatMessage.self))
        case GetVariables.type: self = .getVariables(try data(GetVariables.self))
        default: self = .unknown(type: type, raw: try RawJSON.reading(decoder))
        }
    }

    /// Encodes `{type, data}` (`type` first); `.unknown` encodes its raw JSON, and
    /// `zcc-agent-status-get-request` has no `data`.
    public func encode(to encoder: any Encoder) throws {
        if case .unknown(_, let raw) = self {
            try raw.encode(to: encoder)  // its value: an Encoder cannot take raw text
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .initConfigResponse(let m): try container.encode(m, forKey: .data)
        case .contactSearchResponse(let m): try container.encode(m, forKey: .data)
        case .incomingPhoneResponse(let m), .incomingEmailResponse(let m): try container.encode(m, forKey: .data)
        case .agentStatusGetRequest, .unknown: break
        default:
            if let command { try container.encode(command, forKey: .data) }
        }
    }
}
