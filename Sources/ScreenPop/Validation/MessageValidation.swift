/// The verdict on one message of either direction, as `screenpop validate` writes it.
///
/// - A valid message: `{"ok":true,"type":"…"}`.
/// - A type neither side knows: `{"ok":true,"type":"…","known":false}`.
/// - A known message that breaks a rule:
///   `{"ok":false,"type":"…","error":{"code":"invalid-input","field":"…","message":"…"}}`.
/// - Input that is not a JSON object with a string `type`:
///   `{"ok":false,"error":{"code":"malformed","message":"…"}}`.
public struct MessageValidation: Sendable, Hashable {
    /// The message's `type`, when it could be read.
    public var type: String?
    /// Whether the type is one the protocol names.
    public var known: Bool
    /// Who sends it, for a known type.
    public var direction: MessageDirection?
    /// Why it is refused; nil when it is valid.
    public var error: ScreenPopError?

    /// Whether the message is valid (or of an unknown type, which is not checked).
    public var ok: Bool { error == nil }

    /// A verdict given by hand (for a command built from fields rather than read as JSON).
    public init(type: String?, known: Bool, direction: MessageDirection? = nil, error: ScreenPopError?) {
        self.type = type
        self.known = known
        self.direction = direction
        self.error = error
    }

    /// Checks one message.
    /// - Parameter json: the message's UTF-8 bytes (one line of JSON Lines, without its line break).
    /// - Complexity: one JSON parse to find the type, and one decoding of the message.
    public init(json: [UInt8]) {
        do {
            let (written, message) = try SmartEmbedMessage.read(json: json)
            type = written
            direction = message.direction
            known = message.direction != nil
            error = nil
        } catch {
            type = error.messageType
            known = error.messageType.map { HostMessage.knownTypes.contains($0) || SoftphoneMessage.knownTypes.contains($0) } ?? false
            direction = nil
            self.error = error
        }
    }

    /// The verdict as one line of JSON (no line break).
    public var line: [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.raw("{\"ok\":")
        writer.raw(ok ? "true" : "false")
        if let type {
            writer.raw(",\"type\":")
            writer.string(type)
        }
        if let error {
            writer.raw(",\"error\":{\"code\":")
            writer.string(error.code.rawValue)
            if let field = error.field {
                writer.raw(",\"field\":")
                writer.string(field)
            }
            writer.raw(",\"message\":")
            writer.string(error.message)
            writer.raw("}")
        } else if !known {
            writer.raw(",\"known\":false")
        }
        writer.raw("}")
        return writer.bytes
    }
}
