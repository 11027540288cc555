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
    /// - Parameters:
    ///   - json: the message's UTF-8 bytes (one line of JSON Lines, without its line break).
    ///   - maximumMessageBytes: the largest message accepted, as the engine's
    ///     `ScreenPopConfiguration.maximumMessageBytes` (64 KiB by default); a larger one is
    ///     `message-too-large`, not read.
    /// - Complexity: one JSON parse to find the type, and one decoding of the message.
    public init(json: [UInt8], maximumMessageBytes: Int = ScreenPopConfiguration.defaultMaximumMessageBytes) {
        guard json.count <= maximumMessageBytes else {
            self.init(tooLarge: json.count, maximum: maximumMessageBytes)
            return
        }
        do {
            let (written, message) = try SmartEmbedMessage.read(json: json)
            self.init(type: written, known: message.direction != nil, direction: message.direction, error: nil)
        } catch {
            let known = error.messageType.map { HostMessage.knownTypes.contains($0) || SoftphoneMessage.knownTypes.contains($0) } ?? false
            self.init(type: error.messageType, known: known, direction: nil, error: error)
        }
    }

    /// The verdict on a message of `byteCount` bytes, over `maximum`: `message-too-large`.
    /// For a reader that stops keeping a line past the limit and only counts its bytes.
    /// - Parameters:
    ///   - byteCount: the message's size in bytes (without its line break).
    ///   - maximum: the largest message accepted.
    public init(tooLarge byteCount: Int, maximum: Int) {
        self.init(type: nil, known: false, error: .messageTooLarge(byteCount: byteCount, maximum: maximum))
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
