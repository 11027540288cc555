/// Reads the `data` object of a host command for its decoder, failing with the document's
/// `invalid-input` error and the field's path (`data.digit`), never with a bare `DecodingError`.
///
/// Absent and `null` are the same. Fields the command does not know are ignored.
struct CommandFields {
    /// The command's `type`, for the errors.
    let messageType: String
    /// The path of the object ("data", "data.messagePayload").
    let path: String
    private let container: KeyedDecodingContainer<AnyKey>

    /// The fields of the object `decoder` is at.
    /// - Throws: `invalid-input` naming `path` when the value is not an object.
    init(_ decoder: any Decoder, messageType: String, path: String = "data") throws {
        self.messageType = messageType
        self.path = path
        do {
            container = try decoder.container(keyedBy: AnyKey.self)
        } catch {
            throw CommandRules.invalid(messageType, path, "\(path) must be an object")
        }
    }

    private init(container: KeyedDecodingContainer<AnyKey>, messageType: String, path: String) {
        self.container = container
        self.messageType = messageType
        self.path = path
    }

    /// The path of a field ("data.engagementId").
    func field(_ key: String) -> String { path + "." + key }

    /// An `invalid-input` error for a field.
    func error(_ key: String, _ message: String) -> ScreenPopError {
        CommandRules.invalid(messageType, field(key), message)
    }

    /// Whether the field is there and not null.
    func has(_ key: String) -> Bool {
        let codingKey = AnyKey(key)
        return container.contains(codingKey) && (try? container.decodeNil(forKey: codingKey)) == false
    }

    /// A string; nil when absent or null.
    func string(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        guard let text = try? container.decode(String.self, forKey: AnyKey(key)) else { throw error(key, "\(field(key)) must be a string") }
        return text
    }

    /// A string that must be there.
    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw error(key, "\(field(key)) is required") }
        return text
    }

    /// A string, or a number read as its decimal text (codes and ids the document leaves
    /// loose); nil when absent or null.
    func looseString(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        let codingKey = AnyKey(key)
        if let text = try? container.decode(String.self, forKey: codingKey) { return text }
        if let integer = try? container.decode(Int64.self, forKey: codingKey) { return String(integer) }
        if let number = try? container.decode(Double.self, forKey: codingKey), number.isFinite { return String(number) }
        throw error(key, "\(field(key)) must be a string or a number")
    }

    /// A JSON Boolean (`true` or `false`, not a string); nil when absent or null.
    func bool(_ key: String) throws -> Bool? {
        guard has(key) else { return nil }
        guard let value = try? container.decode(Bool.self, forKey: AnyKey(key)) else { throw error(key, "\(field(key)) must be a boolean (true or false)") }
        return value
    }

    /// A Boolean that must be there.
    func requiredBool(_ key: String) throws -> Bool {
        guard let value = try bool(key) else { throw error(key, "\(field(key)) is required (true or false)") }
        return value
    }

    /// The `requestId`, which every command but the agent-status ones and get-variables carries.
    func requestID() throws -> RequestID {
        try RequestID(validating: try requiredString("requestId"), messageType: messageType)
    }

    /// The `channelType`, when given, checked against the channels the command takes.
    func channel(allowed: [EngagementChannel] = EngagementChannel.allCases) throws -> EngagementChannel? {
        guard let text = try string("channelType") else { return nil }
        return try CommandRules.channel(text, allowed: allowed, in: messageType)
    }

    /// The `channelType`, which must be there.
    func requiredChannel(allowed: [EngagementChannel] = EngagementChannel.allCases) throws -> EngagementChannel {
        guard let channel = try channel(allowed: allowed) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            throw error("channelType", "\(field("channelType")) is required (\(names))")
        }
        return channel
    }

    /// The fields of a nested object; nil when absent or null.
    func object(_ key: String) throws -> CommandFields? {
        guard has(key) else { return nil }
        guard let nested = try? container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(key)) else {
            throw error(key, "\(field(key)) must be an object")
        }
        return CommandFields(container: nested, messageType: messageType, path: field(key))
    }
}
