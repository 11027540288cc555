/// `zcc-accept-engagement`: accept an incoming engagement.
///
/// `engagementId` must reference a valid engagement; `channelType` is voice, video, chat or sms.
public struct AcceptEngagement: SoftphoneCommand {
    /// `"zcc-accept-engagement"`.
    public static let type = "zcc-accept-engagement"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId"]
    /// The engagement.
    public let engagementId: String
    /// Its channel.
    public let channelType: EngagementChannel
    /// The request's identifier.
    public let requestId: RequestID

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, channelType: EngagementChannel, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .acceptEngagement(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(engagementId: try data.requiredString("engagementId"), channelType: try data.requiredChannel(), requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
    }
}

/// `zcc-reject-engagement`: reject an inbound engagement.
public struct RejectEngagement: SoftphoneCommand {
    /// `"zcc-reject-engagement"`.
    public static let type = "zcc-reject-engagement"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId"]
    /// The engagement.
    public let engagementId: String
    /// Its channel.
    public let channelType: EngagementChannel
    /// The request's identifier.
    public let requestId: RequestID

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, channelType: EngagementChannel, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .rejectEngagement(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(engagementId: try data.requiredString("engagementId"), channelType: try data.requiredChannel(), requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
    }
}

/// `zcc-terminate-engagement`: end an active engagement.
public struct TerminateEngagement: SoftphoneCommand {
    /// `"zcc-terminate-engagement"`.
    public static let type = "zcc-terminate-engagement"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId"]
    /// The engagement (an active one).
    public let engagementId: String
    /// Its channel.
    public let channelType: EngagementChannel
    /// The request's identifier.
    public let requestId: RequestID

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, channelType: EngagementChannel, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .terminateEngagement(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(engagementId: try data.requiredString("engagementId"), channelType: try data.requiredChannel(), requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
    }
}

/// `zcc-set-engagement-disposition`: choose the wrap-up disposition of an engagement (in post
/// engagement or wrap-up state).
///
/// `dispositionId` is the id of a configured disposition code; a number is read as its decimal
/// text and written as a string.
public struct SetEngagementDisposition: SoftphoneCommand {
    /// `"zcc-set-engagement-disposition"`.
    public static let type = "zcc-set-engagement-disposition"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "dispositionId"]
    /// The engagement.
    public let engagementId: String
    /// Its channel.
    public let channelType: EngagementChannel
    /// The request's identifier.
    public let requestId: RequestID
    /// The disposition code's id.
    public let dispositionId: String

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` or `data.dispositionId` when empty.
    public init(engagementId: String, channelType: EngagementChannel, dispositionId: String, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        self.dispositionId = try CommandRules.present(dispositionId, field: "dispositionId", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .setEngagementDisposition(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        let channel = try data.requiredChannel()
        let requestId = try data.requestID()
        guard let disposition = try data.looseString("dispositionId") else { throw data.error("dispositionId", "data.dispositionId is required") }
        try self.init(engagementId: engagementId, channelType: channel, dispositionId: disposition, requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("dispositionId", dispositionId)
    }
}

/// `zcc-close-engagement-wrapup`: complete an engagement, ending its wrap-up, with an optional
/// note of at most 2,000 characters.
///
/// The document also shows this `type` on the softphone's engagement-log-URL event (with a
/// `recordingUrl`); `SmartEmbedMessage` tells the two apart by that field (docs/protocol.md).
public struct CloseEngagementWrapup: SoftphoneCommand {
    /// `"zcc-close-engagement-wrapup"`.
    public static let type = "zcc-close-engagement-wrapup"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "note"]
    /// The engagement.
    public let engagementId: String
    /// Its channel.
    public let channelType: EngagementChannel
    /// The request's identifier.
    public let requestId: RequestID
    /// The wrap-up note, at most 2,000 UTF-16 code units.
    public let note: String?

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty, or `data.note` when
    ///   it is longer than 2,000 characters (UTF-16 code units, as the softphone counts).
    public init(engagementId: String, channelType: EngagementChannel, note: String? = nil, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.channelType = channelType
        if let note { self.note = try CommandRules.note(note, in: Self.type) } else { self.note = nil }
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .closeEngagementWrapup(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        try self.init(
            engagementId: try data.requiredString("engagementId"), channelType: try data.requiredChannel(), note: try data.string("note"),
            requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("note", note)
    }
}
