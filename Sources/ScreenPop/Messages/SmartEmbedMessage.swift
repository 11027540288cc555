#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Who sends a message.
public enum MessageDirection: String, Sendable, Hashable, Codable {
    /// The softphone sends it to the host (events, requests, answers).
    case fromSoftphone = "from-softphone"
    /// The host sends it to the softphone (replies, commands).
    case fromHost = "from-host"
}

/// A Smart Embed message in either direction, told apart by its `type`.
///
/// One `type` is used both ways: `zcc-close-engagement-wrapup` is the host's close-wrap-up
/// command, and also the `type` the document's example gives the softphone's
/// engagement-log-URL event. A message of that type whose `data` holds `recordingUrl` or `url`,
/// and none of the command's own fields (`channelType`, `requestId`, `note`), is the event; any
/// other is the command (docs/protocol.md).
public enum SmartEmbedMessage: Sendable, Hashable {
    /// A message from the softphone.
    case fromSoftphone(SoftphoneMessage)
    /// A message from the host.
    case fromHost(HostMessage)
    /// A `type` neither side knows, with the message exactly as received.
    case unknown(type: String, raw: RawJSON)

    /// The message's `type` (the log-URL event sent as `zcc-close-engagement-wrapup` reads as
    /// `zcc-engagement-log-url`).
    public var type: String {
        switch self {
        case .fromSoftphone(let message): message.type
        case .fromHost(let message): message.type
        case .unknown(let type, _): type
        }
    }

    /// Who sends it; nil for an unknown type.
    public var direction: MessageDirection? {
        switch self {
        case .fromSoftphone: .fromSoftphone
        case .fromHost: .fromHost
        case .unknown: nil
        }
    }

    /// Decodes a message of either direction and checks it: a host command by the document's
    /// rules, any other known message by its fields.
    /// - Parameter json: one JSON object, as UTF-8 bytes.
    /// - Throws: `ScreenPopError`: `malformed` when the bytes are not a JSON object with a
    ///   string `type`, `invalid-input` naming the field when a known message is wrong.
    public static func decode(json: [UInt8]) throws(ScreenPopError) -> SmartEmbedMessage {
        try read(json: json).message
    }

    /// Decodes a message like `decode(json:)`, with its `type` as written.
    static func read(json: [UInt8]) throws(ScreenPopError) -> (type: String, message: SmartEmbedMessage) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            throw ScreenPopError(code: .malformed, message: "not valid JSON")
        }
        if TrailingCommaCheck.hasTrailingComma(in: json) { throw TrailingCommaCheck.error }
        guard case .object = value else { throw ScreenPopError(code: .malformed, message: "a message is a JSON object") }
        if let field = RepeatedFieldCheck.firstRepeatedField(in: json) {
            throw ScreenPopError.repeatedField(field, messageType: field == "type" ? nil : value["type"]?.stringValue)
        }
        guard let type = value["type"]?.stringValue else {
            throw ScreenPopError(code: .malformed, message: "a message is a JSON object with a string \"type\"")
        }
        switch direction(of: type, data: value["data"]) {
        case .fromSoftphone?: return (type, .fromSoftphone(try ScreenPopEngine.decode(json: json)))
        case .fromHost?: return (type, .fromHost(try HostMessage.decode(json: json)))
        case nil: return (type, .unknown(type: type, raw: RawJSON(bytes: json)))
        }
    }

    /// Who sends a message of this `type` with this `data`; nil when neither side knows it.
    public static func direction(of type: String, data: JSONValue?) -> MessageDirection? {
        if type == CloseEngagementWrapup.type {
            func holds(_ key: String) -> Bool { (data?[key]).map { $0 != .null } ?? false }
            // A field of the command's own ("channelType", "requestId", "note") makes it the
            // command, URL or not: its rules then apply (a message with a URL and a bad
            // channel or request id was taken for the event, and passed unchecked).
            if ["channelType", "requestId", "note"].contains(where: holds) { return .fromHost }
            return holds("recordingUrl") || holds("url") ? .fromSoftphone : .fromHost
        }
        if HostMessage.knownTypes.contains(type) { return .fromHost }
        if SoftphoneMessage.knownTypes.contains(type) { return .fromSoftphone }
        return nil
    }
}
