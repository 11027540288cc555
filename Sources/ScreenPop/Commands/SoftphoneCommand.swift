/// A command a host sends to the softphone on its own initiative (`zcc-accept-engagement`,
/// `zcc-set-mute`…), as a value that is valid by construction.
///
/// Each command's initializer checks the document's rules and throws `ScreenPopError` with the
/// code `invalid-input` and the field (`data.digit`) when one is broken, so that a wrong
/// command fails in the host before it is posted; decoding a command from JSON checks the same
/// rules. A builder given no `requestId` makes a random one.
public protocol SoftphoneCommand: Sendable, Hashable, Codable {
    /// The message's `type` ("zcc-send-dtmf").
    static var type: String { get }
    /// The names of the `data` fields the command takes, in the document's order; a nested
    /// field is a path ("messagePayload.textBody").
    static var fields: [String] { get }
    /// The only channel the command takes ("voice only", "chat only"), which it always writes
    /// as its `channelType`; nil when the command names any channel or none.
    static var fixedChannel: EngagementChannel? { get }
    /// The command as a message to post (`{type, data}`).
    var message: HostMessage { get }
}

extension SoftphoneCommand {
    /// No fixed channel, unless the command says otherwise.
    public static var fixedChannel: EngagementChannel? { nil }
}

/// Writes a command's `data` object in the document's field order.
struct CommandWriter {
    private var container: KeyedEncodingContainer<AnyKey>

    init(_ encoder: any Encoder) { container = encoder.container(keyedBy: AnyKey.self) }

    /// Writes `value` under `key`; nothing when it is nil.
    mutating func put<T: Encodable>(_ key: String, _ value: T?) throws {
        try container.encodeIfPresent(value, forKey: AnyKey(key))
    }

    /// Writes a code as a number when it is an integer, else as text (status codes).
    mutating func putCode(_ key: String, _ value: String?) throws {
        guard let value else { return }
        if let integer = Int64(value), String(integer) == value {
            try container.encode(integer, forKey: AnyKey(key))
        } else {
            try container.encode(value, forKey: AnyKey(key))
        }
    }
}
