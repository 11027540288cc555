/// A message from the softphone to the host: `{type, data}` decoded by its `type`.
///
/// Every type the Smart Embed document sends is a case. A type we do not know decodes to
/// `.unknown` with the raw JSON as received, never to an error; a known type with a missing or
/// mistyped field is an error naming the field.
public enum SoftphoneMessage: Sendable, Hashable {
    /// `zcc-init-config-request`.
    case initConfigRequest
    /// `zcc-resize`.
    case resize(Resize)
    /// `zcc-contact-search-event`.
    case contactSearch(ContactSearchEvent)
    /// `zcc-incomingPhone-request` (voice, sms).
    case incomingPhoneRequest(IncomingPhoneRequest)
    /// `zcc-incomingEmail-request` (chat, video).
    case incomingEmailRequest(IncomingEmailRequest)
    /// `zcc-screen-pop`: the agent picked a record.
    case screenPop(ScreenPopSelection)
    /// `zcc-call-ringing`.
    case callRinging(CallRinging)
    /// `zcc-call-connected`.
    case callConnected(CallConnected)
    /// `zcc-outbound-call-started`.
    case outboundCallStarted(OutboundCallStarted)
    /// `zcc-chat-ringing`, `zcc-sms-ringing`, `zcc-video-ringing`.
    case engagementRinging(EngagementChannel, EngagementRinging)
    /// `zcc-chat-started`, `zcc-sms-started`, `zcc-video-started`.
    case engagementStarted(EngagementChannel, EngagementStarted)
    /// `zcc-call-ended` (voice), `zcc-chat-ended`, `zcc-sms-ended`, `zcc-video-ended`.
    case engagementEnded(EngagementChannel, EngagementEnded)
    /// `zcc-inbound-not-connected`.
    case inboundNotConnected(EngagementNotConnected)
    /// `zcc-outbound-not-connected`.
    case outboundNotConnected(EngagementNotConnected)
    /// `zcc-phone-call-log`.
    case phoneCallLog(PhoneCallLog)
    /// `zcc-call-recording`.
    case callRecording(CallRecording)
    /// `zcc-engagement-log-url` (also sent as `zcc-close-engagement-wrapup` with a `recordingUrl`).
    case engagementLogURL(EngagementLogURL)
    /// `zcc-add-note`.
    case addNote(AddNote)
    /// `zcc-end-post-engagement` (deprecated).
    case endPostEngagement(EndPostEngagement)
    /// `zcc-agent-status-notification`.
    case agentStatusNotification(AgentStatusNotification)
    /// `zcc-error`.
    case error(SoftphoneError)
    /// `zcc-engagement-status-response`: the answer to `zcc-engagement-status-request`.
    case engagementStatusResponse(EngagementStatusResponse)
    /// `zcc-get-disposition-codes-response`: the answer to `zcc-get-disposition-codes`.
    case dispositionCodesResponse(DispositionCodesResponse)
    /// `zcc-send-chat-message-response`: the answer to `zcc-send-chat-message`.
    case sendChatMessageResponse(SendChatMessageResponse)
    /// `zcc-get-variables-response`: the answer to `zcc-get-variables`.
    case variablesResponse(VariablesResponse)
    /// A type we do not know, with the whole message exactly as received (`RawJSON`).
    case unknown(type: String, raw: RawJSON)

    /// The message's `type` text.
    public var type: String {
        switch self {
        case .initConfigRequest: "zcc-init-config-request"
        case .resize: "zcc-resize"
        case .contactSearch: "zcc-contact-search-event"
        case .incomingPhoneRequest: "zcc-incomingPhone-request"
        case .incomingEmailRequest: "zcc-incomingEmail-request"
        case .screenPop: "zcc-screen-pop"
        case .callRinging: "zcc-call-ringing"
        case .callConnected: "zcc-call-connected"
        case .outboundCallStarted: "zcc-outbound-call-started"
        case .engagementRinging(let channel, _): "zcc-\(channel.rawValue)-ringing"
        case .engagementStarted(let channel, _): "zcc-\(channel.rawValue)-started"
        case .engagementEnded(let channel, _): channel == .voice ? "zcc-call-ended" : "zcc-\(channel.rawValue)-ended"
        case .inboundNotConnected: "zcc-inbound-not-connected"
        case .outboundNotConnected: "zcc-outbound-not-connected"
        case .phoneCallLog: "zcc-phone-call-log"
        case .callRecording: "zcc-call-recording"
        case .engagementLogURL: "zcc-engagement-log-url"
        case .addNote: "zcc-add-note"
        case .endPostEngagement: "zcc-end-post-engagement"
        case .agentStatusNotification: "zcc-agent-status-notification"
        case .error: "zcc-error"
        case .engagementStatusResponse: "zcc-engagement-status-response"
        case .dispositionCodesResponse: "zcc-get-disposition-codes-response"
        case .sendChatMessageResponse: "zcc-send-chat-message-response"
        case .variablesResponse: "zcc-get-variables-response"
        case .unknown(let type, _): type
        }
    }

    /// Every `type` the softphone sends that decodes to a case other than `.unknown` (with
    /// `zcc-close-engagement-wrapup`, the document's other name for the log-URL event).
    public static let knownTypes: Set<String> = [
        "zcc-init-config-request", "zcc-resize", "zcc-contact-search-event", "zcc-incomingPhone-request", "zcc-incomingEmail-request",
        "zcc-screen-pop", "zcc-call-ringing", "zcc-call-connected", "zcc-outbound-call-started", "zcc-chat-ringing", "zcc-sms-ringing",
        "zcc-video-ringing", "zcc-chat-started", "zcc-sms-started", "zcc-video-started", "zcc-call-ended", "zcc-chat-ended",
        "zcc-sms-ended", "zcc-video-ended", "zcc-inbound-not-connected", "zcc-outbound-not-connected", "zcc-phone-call-log",
        "zcc-call-recording", "zcc-engagement-log-url", "zcc-add-note", "zcc-end-post-engagement", "zcc-agent-status-notification",
        "zcc-error", "zcc-engagement-status-response", "zcc-get-disposition-codes-response", "zcc-send-chat-message-response",
        "zcc-get-variables-response", "zcc-close-engagement-wrapup",
    ]

    /// The engagement the message is about, when it names one.
    public var engagementId: String? {
        switch self {
        case .incomingPhoneRequest(let m): m.engagementId
        case .incomingEmailRequest(let m): m.engagementId
        case .callRinging(let m): m.engagementId
        case .callConnected(let m): m.engagementId
        case .outboundCallStarted(let m): m.engagementId
        case .engagementRinging(_, let m): m.engagementId
        case .engagementStarted(_, let m): m.engagementId
        case .engagementEnded(_, let m): m.engagementId
        case .inboundNotConnected(let m), .outboundNotConnected(let m): m.engagementId
        case .phoneCallLog(let m): m.engagementId
        case .callRecording(let m): m.engagementId
        case .engagementLogURL(let m): m.engagementId
        case .endPostEngagement(let m): m.engagementId
        case .variablesResponse(let m): m.engagementId
        default: nil
        }
    }
}

extension SoftphoneMessage: Codable {
    private enum CodingKeys: String, CodingKey { case type, data }

    /// Decodes `{type, data}`. Unknown types become `.unknown`; a known type whose `data` is
    /// missing or wrong throws a `DecodingError` naming the field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func data<T: Decodable>(_: T.Type) throws -> T { try container.decode(T.self, forKey: .data) }
        switch type {
        case "zcc-init-config-request": self = .initConfigRequest
        case "zcc-resize": self = .resize(try data(Resize.self))
        case "zcc-contact-search-event": self = .contactSearch(try data(ContactSearchEvent.self))
        case "zcc-incomingPhone-request": self = .incomingPhoneRequest(try data(IncomingPhoneRequest.self))
        case "zcc-incomingEmail-request": self = .incomingEmailRequest(try data(IncomingEmailRequest.self))
        case "zcc-screen-pop": self = .screenPop(try data(ScreenPopSelection.self))
        case "zcc-call-ringing": self = .callRinging(try data(CallRinging.self))
        case "zcc-call-connected": self = .callConnected(try data(CallConnected.self))
        case "zcc-outbound-call-started": self = .outboundCallStarted(try data(OutboundCallStarted.self))
        case "zcc-chat-ringing": self = .engagementRinging(.chat, try data(EngagementRinging.self))
        case "zcc-sms-ringing": self = .engagementRinging(.sms, try data(EngagementRinging.self))
        case "zcc-video-ringing": self = .engagementRinging(.video, try data(EngagementRinging.self))
        case "zcc-chat-started": self = .engagementStarted(.chat, try data(EngagementStarted.self))
        case "zcc-sms-started": self = .engagementStarted(.sms, try data(EngagementStarted.self))
        case "zcc-video-started": self = .engagementStarted(.video, try data(EngagementStarted.self))
        case "zcc-call-ended": self = .engagementEnded(.voice, try data(EngagementEnded.self))
        case "zcc-chat-ended": self = .engagementEnded(.chat, try data(EngagementEnded.self))
        case "zcc-sms-ended": self = .engagementEnded(.sms, try data(EngagementEnded.self))
        case "zcc-video-ended": self = .engagementEnded(.video, try data(EngagementEnded.self))
        case "zcc-inbound-not-connected": self = .inboundNotConnected(try data(EngagementNotConnected.self))
        case "zcc-outbound-not-connected": self = .outboundNotConnected(try data(EngagementNotConnected.self))
        case "zcc-phone-call-log": self = .phoneCallLog(try data(PhoneCallLog.self))
        case "zcc-call-recording": self = .callRecording(try data(CallRecording.self))
        case "zcc-engagement-log-url": self = .engagementLogURL(try data(EngagementLogURL.self))
        case "zcc-add-note": self = .addNote(try data(AddNote.self))
        case "zcc-end-post-engagement": self = .endPostEngagement(try data(EndPostEngagement.self))
        case "zcc-agent-status-notification": self = .agentStatusNotification(try data(AgentStatusNotification.self))
        case "zcc-error": self = .error(try data(SoftphoneError.self))
        case "zcc-engagement-status-response": self = .engagementStatusResponse(try data(EngagementStatusResponse.self))
        case "zcc-get-disposition-codes-response": self = .dispositionCodesResponse(try data(DispositionCodesResponse.self))
        case "zcc-send-chat-message-response": self = .sendChatMessageResponse(try data(SendChatMessageResponse.self))
        case "zcc-get-variables-response": self = .variablesResponse(try data(VariablesResponse.self))
        case "zcc-close-engagement-wrapup":
            // The document's example of zcc-engagement-log-url carries this type and a
            // recordingUrl; from the softphone, that is the log-URL event.
            let value = try JSONValue(from: decoder)
            if SmartEmbedMessage.direction(of: type, data: value["data"]) == .fromSoftphone {
                self = .engagementLogURL(try data(EngagementLogURL.self))
            } else {
                self = .unknown(type: type, raw: try RawJSON.reading(decoder))
            }
        default: self = .unknown(type: type, raw: try RawJSON.reading(decoder))
        }
        // As for host commands (`CommandRules.present`): an engagement id that is empty or only
        // white space names no engagement, and would make every such call one engagement.
        if let engagementId, CommandRules.isBlank(engagementId) {
            throw CommandRules.invalid(type, "data.engagementId", "data.engagementId must not be empty")
        }
        // A recording or a log page without its address is nothing to link.
        let url: String? =
            switch self {
            case .callRecording(let m): m.recordingUrl
            case .engagementLogURL(let m): m.recordingUrl
            default: nil
            }
        if let url, CommandRules.isBlank(url) {
            throw CommandRules.invalid(type, "data.recordingUrl", "data.recordingUrl must not be empty")
        }
    }

    /// Encodes `{type, data}`; `.unknown` encodes its raw JSON.
    public func encode(to encoder: any Encoder) throws {
        if case .unknown(_, let raw) = self {
            try raw.encode(to: encoder)  // its value: an Encoder cannot take raw text
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .initConfigRequest, .unknown: break
        case .resize(let m): try container.encode(m, forKey: .data)
        case .contactSearch(let m): try container.encode(m, forKey: .data)
        case .incomingPhoneRequest(let m): try container.encode(m, forKey: .data)
        case .incomingEmailRequest(let m): try container.encode(m, forKey: .data)
        case .screenPop(let m): try container.encode(m, forKey: .data)
        case .callRinging(let m): try container.encode(m, forKey: .data)
        case .callConnected(let m): try container.encode(m, forKey: .data)
        case .outboundCallStarted(let m): try container.encode(m, forKey: .data)
        case .engagementRinging(_, let m): try container.encode(m, forKey: .data)
        case .engagementStarted(_, let m): try container.encode(m, forKey: .data)
        case .engagementEnded(_, let m): try container.encode(m, forKey: .data)
        case .inboundNotConnected(let m), .outboundNotConnected(let m): try container.encode(m, forKey: .data)
        case .phoneCallLog(let m): try container.encode(m, forKey: .data)
        case .callRecording(let m): try container.encode(m, forKey: .data)
        case .engagementLogURL(let m): try container.encode(m, forKey: .data)
        case .addNote(let m): try container.encode(m, forKey: .data)
        case .endPostEngagement(let m): try container.encode(m, forKey: .data)
        case .agentStatusNotification(let m): try container.encode(m, forKey: .data)
        case .error(let m): try container.encode(m, forKey: .data)
        case .engagementStatusResponse(let m): try container.encode(m, forKey: .data)
        case .dispositionCodesResponse(let m): try container.encode(m, forKey: .data)
        case .sendChatMessageResponse(let m): try container.encode(m, forKey: .data)
        case .variablesResponse(let m): try container.encode(m, forKey: .data)
        }
    }
}
