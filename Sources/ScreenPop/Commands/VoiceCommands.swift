/// `zcc-set-mute`: mute or unmute the agent's microphone on an active voice engagement.
public struct SetMute: SoftphoneCommand {
    /// `"zcc-set-mute"`.
    public static let type = "zcc-set-mute"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "mute"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// Whether to mute (true) or unmute (false).
    public let mute: Bool
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, mute: Bool, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.mute = mute
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .setMute(self) }

    /// Decodes and checks the command's `data` (`channelType` must be `voice`, `mute` a Boolean).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        try self.init(engagementId: engagementId, mute: try data.requiredBool("mute"), requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("mute", mute)
    }
}

/// `zcc-set-hold`: put the voice call on hold, or resume it.
public struct SetHold: SoftphoneCommand {
    /// `"zcc-set-hold"`.
    public static let type = "zcc-set-hold"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "hold"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// Whether to hold (true) or resume (false).
    public let hold: Bool
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, hold: Bool, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.hold = hold
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .setHold(self) }

    /// Decodes and checks the command's `data` (`channelType` must be `voice`, `hold` a Boolean).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        try self.init(engagementId: engagementId, hold: try data.requiredBool("hold"), requestId: try data.requestID())
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("hold", hold)
    }
}

/// One DTMF key: `0`–`9`, `*` or `#`.
public enum DTMFDigit: String, Sendable, Hashable, Codable, CaseIterable {
    /// 0.
    case zero = "0"
    /// 1.
    case one = "1"
    /// 2.
    case two = "2"
    /// 3.
    case three = "3"
    /// 4.
    case four = "4"
    /// 5.
    case five = "5"
    /// 6.
    case six = "6"
    /// 7.
    case seven = "7"
    /// 8.
    case eight = "8"
    /// 9.
    case nine = "9"
    /// The star key.
    case star = "*"
    /// The pound (hash) key.
    case pound = "#"

    /// Reads one key.
    /// - Throws: `invalid-input` naming `data.digit` unless `text` is exactly one of `0`–`9`,
    ///   `*`, `#` (no spaces, no other digits such as `٣`, no two keys).
    public init(validating text: String) throws(ScreenPopError) {
        guard let digit = DTMFDigit(rawValue: text) else {
            throw CommandRules.invalid(SendDTMF.type, "data.digit", "data.digit must be exactly one of 0-9, *, #, not \(text.debugDescription)")
        }
        self = digit
    }
}

/// `zcc-send-dtmf`: send one DTMF digit into the active voice call.
public struct SendDTMF: SoftphoneCommand {
    /// `"zcc-send-dtmf"`.
    public static let type = "zcc-send-dtmf"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "digit"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// The key.
    public let digit: DTMFDigit
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, digit: DTMFDigit, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.digit = digit
        self.requestId = requestId
    }

    /// Creates the command from the key's text ("5", "#").
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty, or `data.digit`
    ///   when `digit` is not exactly one of `0`–`9`, `*`, `#`.
    public init(engagementId: String, digit: String, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        try self.init(engagementId: engagementId, digit: try DTMFDigit(validating: digit), requestId: requestId)
    }

    /// The command as a message.
    public var message: HostMessage { .sendDTMF(self) }

    /// Decodes and checks the command's `data` (`channelType` must be `voice`, `digit` a string).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        try self.init(engagementId: engagementId, digit: try data.requiredString("digit"), requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("digit", digit)
    }
}

/// What to do with the call's recording.
public enum RecordingAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pause it.
    case pause
    /// Resume it.
    case resume
    /// Stop it.
    case stop

    /// Reads an action in any case ("Pause", "STOP"), as the softphone does.
    /// - Throws: `invalid-input` naming `data.action` for anything else.
    public init(validating text: String) throws(ScreenPopError) {
        guard let action = RecordingAction(rawValue: text.lowercased()) else {
            throw CommandRules.invalid(SetRecording.type, "data.action", "data.action must be pause, resume or stop (any case), not \(text.debugDescription)")
        }
        self = action
    }
}

/// `zcc-set-recording`: pause, resume or stop the recording of a voice call.
public struct SetRecording: SoftphoneCommand {
    /// `"zcc-set-recording"`.
    public static let type = "zcc-set-recording"
    /// The fields it takes.
    public static let fields = ["engagementId", "channelType", "requestId", "action"]
    /// The engagement.
    public let engagementId: String
    /// The request's identifier.
    public let requestId: RequestID
    /// What to do (written in lower case).
    public let action: RecordingAction
    /// Always voice.
    public var channelType: EngagementChannel { .voice }
    /// Voice only.
    public static var fixedChannel: EngagementChannel? { .voice }

    /// Creates the command.
    /// - Throws: `invalid-input` naming `data.engagementId` when it is empty.
    public init(engagementId: String, action: RecordingAction, requestId: RequestID = RequestID()) throws(ScreenPopError) {
        self.engagementId = try CommandRules.present(engagementId, field: "engagementId", in: Self.type)
        self.action = action
        self.requestId = requestId
    }

    /// The command as a message.
    public var message: HostMessage { .setRecording(self) }

    /// Decodes and checks the command's `data` (`channelType` must be `voice`; `action` is read
    /// in any case).
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let engagementId = try data.requiredString("engagementId")
        _ = try data.requiredChannel(allowed: [.voice])
        let requestId = try data.requestID()
        let action = try RecordingAction(validating: try data.requiredString("action"))
        try self.init(engagementId: engagementId, action: action, requestId: requestId)
    }

    /// Encodes the command's `data`.
    public func encode(to encoder: any Encoder) throws {
        var data = CommandWriter(encoder)
        try data.put("engagementId", engagementId)
        try data.put("channelType", channelType)
        try data.put("requestId", requestId)
        try data.put("action", action)
    }
}
