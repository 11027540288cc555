/// How a call is transferred or a leg added: `direct` (blind) or `warm` (after a consult).
///
/// The document writes "transferType is direct r warm"; the values are `direct` and `warm`,
/// in lower case.
public enum TransferType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Transfer at once.
    case direct
    /// Consult first, then transfer.
    case warm

    /// Reads a transfer type.
    /// - Throws: `invalid-input` naming `data.transferType` unless `text` is `direct` or `warm`.
    public init(validating text: String, messageType: String) throws(ScreenPopError) {
        guard let value = TransferType(rawValue: text) else {
            throw CommandRules.invalid(messageType, "data.transferType", "data.transferType must be direct or warm, not \(text.debugDescription)")
        }
        self = value
    }
}

/// `zcc-transfer-engagement`: start a voice transfer to `destination`.
public struct TransferEngagement: SoftphoneCommand {
    /// `"zcc-transfer-engagement"`.
    public static let type = "zcc-transfer-engagement"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "transferType", "destination"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// Direct or warm (required: only add call has a default).
    public let transferType: TransferType
    /// Where to transfer (a number, an extension, a queue).
    public let destination: String
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` or `data.destination` when empty.
    public init(engagementId: String, transferType: TransferType, destination: String, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.transferType = transferType
        self.destination = try CommandRules.present(destination, field: "destination", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .transferEngagement(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        let transferType = try TransferType(validating: try data.requiredString("transferType"), messageType: Self.type)
        try self.init(engagementId: engagementId, transferType: transferType, destination: try data.requiredString("destination"), requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("transferType", transferType)
        try data.put("destination", destination)
    }
}

/// `zcc-add-call`: add a second leg (a consult, a conference) to a voice call. `transferType`
/// is warm when omitted, and is always written.
public struct AddCall: SoftphoneCommand {
    /// `"zcc-add-call"`.
    public static let type = "zcc-add-call"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "transferType", "destination"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// Direct or warm (warm by default).
    public let transferType: TransferType
    /// Who to call.
    public let destination: String
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` or `data.destination` when empty.
    public init(engagementId: String, destination: String, transferType: TransferType = .warm, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.transferType = transferType
        self.destination = try CommandRules.present(destination, field: "destination", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .addCall(self) }

    /// Decodes and checks the command's `data`; an absent `transferType` is warm.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        var transferType = TransferType.warm
        if let text = try data.string("transferType") { transferType = try TransferType(validating: text, messageType: Self.type) }
        try self.init(engagementId: engagementId, destination: try data.requiredString("destination"), transferType: transferType, requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("transferType", transferType)
        try data.put("destination", destination)
    }
}

/// `zcc-cancel-consult`: cancel a consult or warm-transfer leg in progress on a voice call.
public struct CancelConsult: SoftphoneCommand {
    /// `"zcc-cancel-consult"`.
    public static let type = "zcc-cancel-consult"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "consultParticipantId", "reason"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// The consulted participant, when given.
    public let consultParticipantId: String?
    /// Why, when given.
    public let reason: String?
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` (or a given but empty
    ///   `data.consultParticipantId`).
    public init(engagementId: String, consultParticipantId: String? = nil, reason: String? = nil, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.consultParticipantId = try CommandRules.presentIfGiven(consultParticipantId, field: "consultParticipantId", in: Self.type)
        self.reason = reason
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .cancelConsult(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        try self.init(
            engagementId: engagementId, consultParticipantId: try data.looseString("consultParticipantId"), reason: try data.string("reason"),
            requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("consultParticipantId", consultParticipantId)
        try data.put("reason", reason)
    }
}

/// `zcc-complete-transfer`: complete a warm transfer (the agent leaves after the consult).
public struct CompleteTransfer: SoftphoneCommand {
    /// `"zcc-complete-transfer"`.
    public static let type = "zcc-complete-transfer"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "consultParticipantId"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// The consulted participant, when given.
    public let consultParticipantId: String?
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` (or a given but empty
    ///   `data.consultParticipantId`).
    public init(engagementId: String, consultParticipantId: String? = nil, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.consultParticipantId = try CommandRules.presentIfGiven(consultParticipantId, field: "consultParticipantId", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .completeTransfer(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        try self.init(engagementId: engagementId, consultParticipantId: try data.looseString("consultParticipantId"), requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("consultParticipantId", consultParticipantId)
    }
}

/// `zcc-merge-consult`: merge the consult legs into a conference.
public struct MergeConsult: SoftphoneCommand {
    /// `"zcc-merge-consult"`.
    public static let type = "zcc-merge-consult"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "consultParticipantId"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// The consulted participant, when given.
    public let consultParticipantId: String?
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` (or a given but empty
    ///   `data.consultParticipantId`).
    public init(engagementId: String, consultParticipantId: String? = nil, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.consultParticipantId = try CommandRules.presentIfGiven(consultParticipantId, field: "consultParticipantId", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .mergeConsult(self) }

    /// Decodes and checks the command's `data`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        try self.init(engagementId: engagementId, consultParticipantId: try data.looseString("consultParticipantId"), requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("consultParticipantId", consultParticipantId)
    }
}

/// How the consumer is invited to video.
public enum UpgradeMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// A text message.
    case sms
    /// An email.
    case email
    /// The agent shares the link by hand.
    case manual

    /// Reads a method in any case ("Email", "SMS"), as the document allows.
    /// - Throws: `invalid-input` naming `data.method` for anything else.
    public init(validating text: String) throws(ScreenPopError) {
        guard let method = UpgradeMethod(rawValue: text.lowercased()) else {
            throw CommandRules.invalid(UpgradeToVideo.type, "data.method", "data.method must be sms, email or manual (any case), not \(text.debugDescription)")
        }
        self = method
    }
}

/// `zcc-upgrade-to-video`: upgrade the active voice engagement to video, inviting the consumer
/// at `destination` (a number for sms, an address for email).
///
/// The document says `destination` "is required by validation" and also that an SMS flow "may
/// resolve the number from the current call"; it is required here, for every method.
public struct UpgradeToVideo: SoftphoneCommand {
    /// `"zcc-upgrade-to-video"`.
    public static let type = "zcc-upgrade-to-video"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "method", "destination"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// How the invitation goes (written in lower case).
    public let method: UpgradeMethod
    /// Where it goes.
    public let destination: String
    /// Always voice (the engagement being upgraded).
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` or `data.destination` when empty.
    public init(engagementId: String, method: UpgradeMethod, destination: String, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.method = method
        self.destination = try CommandRules.present(destination, field: "destination", in: Self.type)
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .upgradeToVideo(self) }

    /// Decodes and checks the command's `data` (`method` in any case).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        let method = try UpgradeMethod(validating: try data.requiredString("method"))
        try self.init(engagementId: engagementId, method: method, destination: try data.requiredString("destination"), requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("method", method)
        try data.put("destination", destination)
    }
}
