/// `zcc-get-disposition-codes`: ask for the wrap-up (disposition) codes of an engagement or a
/// queue. The softphone answers with `zcc-get-disposition-codes-response` carrying the same
/// `requestId`.
public struct GetDispositionCodes: SoftphoneCommand {
    /// `"zcc-get-disposition-codes"`.
    public static let type = "zcc-get-disposition-codes"
    /// The fields it takes.
    public static let fields = ["requestId", "engagementId", "channelType", "queueId"]
    /// The request's identifier.
    public let requestId: RequestID
    /// The engagement, when given.
    public let engagementId: String?
    /// The channel, when given.
    public let channelType: EngagementChannel?
    /// The queue, when given.
    public let queueId: String?

    /// Creates the request; at least one of `engagementId` and `queueId` must be given.
    /// - Throws: `invalid-input` naming `data.engagementId` when neither is given, or the field
    ///   that is given but empty.
    public init(engagementId: String? = nil, queueId: String? = nil, channelType: EngagementChannel? = nil, requestId: RequestID = RequestID())
        throws(ScreenPopError)
    {
        self.engagementId = try CommandRules.presentIfGiven(engagementId, field: "engagementId", in: Self.type)
        self.queueId = try CommandRules.presentIfGiven(queueId, field: "queueId", in: Self.type)
        guard self.engagementId != nil || self.queueId != nil else {
            throw CommandRules.invalid(Self.type, "data.engagementId", "\(Self.type) needs data.engagementId or data.queueId (at least one)")
        }
        self.channelType = channelType
        self.requestId = requestId
    }

    /// The request as a message.
    public var message: HostMessage { .getDispositionCodes(self) }

    /// Decodes and checks the request's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let requestId = try data.requestID()
        try self.init(
            engagementId: try data.string("engagementId"), queueId: try data.looseString("queueId"), channelType: try data.channel(),
            requestId: requestId)
    }

    /// Encodes the request's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("requestId", requestId)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("queueId", queueId)
    }
}

/// `zcc-send-chat-message`: send a chat message into a chat engagement as the agent. The
/// softphone answers with `zcc-send-chat-message-response` carrying the same `requestId`.
///
/// `messagePayload.textBody` must hold something besides white space. `conversationId`,
/// `communicationId` and `participantId` are passed through when given.
public struct SendChatMessage: SoftphoneCommand {
    /// `"zcc-send-chat-message"`.
    public static let type = "zcc-send-chat-message"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "messagePayload.textBody", "conversationId", "communicationId", "participantId"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// The message's text (`messagePayload.textBody`).
    public let textBody: String
    /// Passed through when given.
    public let conversationId: String?
    /// Passed through when given.
    public let communicationId: String?
    /// Passed through when given.
    public let participantId: String?
    /// Always chat.
    public var channelType: EngagementChannel { .chat }
    /// Chat only.
    public static var fixedChannel: EngagementChannel? { .chat }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty, or
    ///   `data.messagePayload.textBody` when it is empty or only white space.
    public init(
        engagementId: String, textBody: String, conversationId: String? = nil, communicationId: String? = nil, participantId: String? = nil,
        requestId: RequestID = RequestID()
    ) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.textBody = try CommandRules.present(textBody, field: "messagePayload.textBody", in: Self.type)
        self.conversationId = conversationId
        self.communicationId = communicationId
        self.participantId = participantId
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .sendChatMessage(self) }

    /// Decodes and checks the command's `data` (`channelType` must be `chat`).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.chat])
        let requestId = try data.requestID()
        guard let payload = try data.object("messagePayload") else {
            throw data.error("messagePayload", "data.messagePayload is required, with a textBody")
        }
        try self.init(
            engagementId: engagementId, textBody: try payload.requiredString("textBody"), conversationId: try data.looseString("conversationId"),
            communicationId: try data.looseString("communicationId"), participantId: try data.looseString("participantId"), requestId: requestId)
    }

    private struct Payload: Encodable { var textBody: String }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("messagePayload", Payload(textBody: textBody))
        try data.put("conversationId", conversationId)
        try data.put("communicationId", communicationId)
        try data.put("participantId", participantId)
    }
}

/// `zcc-get-variables`: ask for the global custom variables of an engagement (those configured
/// to show in the desktop client). It carries no `requestId`: the answer,
/// `zcc-get-variables-response`, is matched by `engagementId`.
public struct GetVariables: SoftphoneCommand {
    /// `"zcc-get-variables"`.
    public static let type = "zcc-get-variables"
    /// The fields it takes.
    public static let fields = ["engagementId"]
    /// The engagement.
    public let engagementId: String

    /// Creates the request.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
    }

    /// The request as a message.
    public var message: HostMessage { .getVariables(self) }

    /// Decodes and checks the request's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(engagementId: try data.requiredString("engagementId"))
    }

    /// Encodes the request's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
    }
}
