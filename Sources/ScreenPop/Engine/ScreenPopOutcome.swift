/// What the engine makes of one message: the reply to post back to the softphone (if any) and
/// the actions the host should take.
public struct ScreenPopOutcome: Sendable, Hashable {
    /// The reply message, or nil when the message needs none.
    public var reply: HostMessage?
    /// The host actions, in order.
    public var actions: [HostAction]

    /// Creates an outcome.
    public init(reply: HostMessage? = nil, actions: [HostAction] = []) {
        self.reply = reply
        self.actions = actions
    }
}

/// What the engine makes of one raw JSON message: the encoded reply, the actions, or the error.
public struct JSONOutcome: Sendable {
    /// The message's `type`, when it could be read.
    public var messageType: String?
    /// The encoded reply (one JSON object, no newline), or nil when the message needs none or
    /// failed.
    public var reply: [UInt8]?
    /// The host actions, in order.
    public var actions: [HostAction]
    /// Why the message failed, when it did.
    public var error: ScreenPopError?

    /// Creates an outcome.
    public init(messageType: String?, reply: [UInt8]?, actions: [HostAction], error: ScreenPopError?) {
        self.messageType = messageType
        self.reply = reply
        self.actions = actions
        self.error = error
    }

    /// The one line a relay writes: the reply, `null` when there is none, or
    /// `{"type":"error","error":{code, field, type, message}}` when the message failed.
    public var line: [UInt8] {
        if let reply { return reply }
        if let error { return Self.encode(error) }
        return Array("null".utf8)
    }

    /// `{"type":"error","error":{…}}` for an error.
    public static func encode(_ error: ScreenPopError) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.raw("{\"type\":\"error\",\"error\":{\"code\":")
        writer.string(error.code.rawValue)
        if let field = error.field {
            writer.raw(",\"field\":")
            writer.string(field)
        }
        if let type = error.messageType {
            writer.raw(",\"type\":")
            writer.string(type)
        }
        writer.raw(",\"message\":")
        writer.string(error.message)
        writer.raw("}}")
        return writer.bytes
    }
}
