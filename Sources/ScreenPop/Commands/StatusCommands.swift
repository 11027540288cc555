/// `zcc-engagement-status-request`: ask for the details of one engagement, or of all of them
/// (active and in wrap-up) when `engagementId` is nil. The softphone answers with
/// `zcc-engagement-status-response` carrying the same `requestId`.
///
/// The document's text requires `channelType` but its example has none: both are accepted, and
/// the field is written only when given (docs/protocol.md).
public struct EngagementStatusRequest: SoftphoneCommand {
    /// `"zcc-engagement-status-request"`.
    public static let type = "zcc-engagement-status-request"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId"]
    /// The engagement, or nil for all of them.
    public let engagementId: String?
    /// The channel, when given.
    public let channelType: EngagementChannel?
    /// The request's identifier, which the answer carries back.
    public let requestId: RequestID

    /// Creates the request.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is given but empty.
    public init(engagementId: String? = nil, channelType: EngagementChannel? = nil, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.presentIfGiven(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        self.requestId = requestId
    }

    /// The request as a message.
    public var message: HostMessage { .engagementStatusRequest(self) }

    /// Decodes and checks the request's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(engagementId: try data.string("engagementId"), channelType: try data.channel(), requestId: try data.requestID())
    }

    /// Encodes the request's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
    }
}

/// `zcc-agent-status-get-request`: ask for the agent's current status. It has no `data`; the
/// softphone answers with `zcc-agent-status-notification`.
public struct AgentStatusGetRequest: SoftphoneCommand {
    /// `"zcc-agent-status-get-request"`.
    public static let type = "zcc-agent-status-get-request"
    /// It takes no fields.
    public static let fields: [String] = []

    /// Creates the request.
    public init() {}

    /// The request as a message (`{"type":"zcc-agent-status-get-request"}`).
    public var message: HostMessage { .agentStatusGetRequest(self) }

    /// Decodes the request; whatever `data` holds is ignored.
    public init(from decoder: any Decoder) throws {}

    /// Encodes nothing: the message has no `data`.
    public func encode(to encoder: any Encoder) throws {}
}

/// `zcc-agent-status-set-request`: set the agent's status to a predefined or configured status
/// code (0 offline, 1 ready, 2 not ready, 3 occupied, or a sub-reason's code).
///
/// The code may be given as a number or a string; it is written as a number when it is an
/// integer, as `zcc-agent-status-notification` shows codes.
public struct AgentStatusSetRequest: SoftphoneCommand {
    /// `"zcc-agent-status-set-request"`.
    public static let type = "zcc-agent-status-set-request"
    /// The fields it takes.
    public static let fields = ["id"]
    /// The status code.
    public let id: String

    /// Creates the request.
    /// - Throws: `invalid-input` naming `data.id` when it is empty.
    public init(id: String) throws(ScreenPopError) {
        self.id = try CommandRules.present(id, field: "id", in: Self.type)
    }

    /// The request as a message.
    public var message: HostMessage { .agentStatusSetRequest(self) }

    /// Decodes and checks the request's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        guard let id = try data.looseString("id") else { throw data.error("id", "data.id (the status code) is required") }
        try self.init(id: id)
    }

    /// Encodes the request's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.putCode("id", id)
    }
}
