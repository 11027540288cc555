/// `zcc-incomingPhone-request`: a voice call or SMS comes in; the host answers with the records
/// that have this number.
public struct IncomingPhoneRequest: Sendable, Hashable, Codable {
    /// The caller's number as the softphone has it (E.164 in practice).
    public var incomingPhoneNumber: String
    /// The engagement.
    public var engagementId: String
    /// `voice` or `sms` (voice when absent).
    public var channel: EngagementChannel

    /// Creates the request.
    public init(incomingPhoneNumber: String, engagementId: String, channel: EngagementChannel = .voice) {
        self.incomingPhoneNumber = incomingPhoneNumber
        self.engagementId = engagementId
        self.channel = channel
    }

    private enum CodingKeys: String, CodingKey { case incomingPhoneNumber, engagementId, channel }

    /// Decodes the request; the channel must be voice or sms.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        incomingPhoneNumber = try container.decodeLoose(String.self, forKey: .incomingPhoneNumber)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        channel = try container.decodeChannelIfPresent(forKey: .channel, allowed: [.voice, .sms]) ?? .voice
    }
}

/// `zcc-incomingEmail-request`: a chat or video engagement comes in; the host answers with the
/// records that have this email address.
public struct IncomingEmailRequest: Sendable, Hashable, Codable {
    /// The consumer's email address.
    public var email: String
    /// The engagement.
    public var engagementId: String
    /// `chat` or `video` (chat when absent).
    public var channel: EngagementChannel

    /// Creates the request.
    public init(email: String, engagementId: String, channel: EngagementChannel = .chat) {
        self.email = email
        self.engagementId = engagementId
        self.channel = channel
    }

    private enum CodingKeys: String, CodingKey { case email, engagementId, channel }

    /// Decodes the request; the channel must be chat or video.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        email = try container.decode(String.self, forKey: .email)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        channel = try container.decodeChannelIfPresent(forKey: .channel, allowed: [.chat, .video]) ?? .chat
    }
}

/// The `data` of `zcc-incomingPhone-response` and `zcc-incomingEmail-response`: the ranked
/// records, an empty array when none matches.
public struct IncomingLookupResponse: Sendable, Hashable, Codable {
    /// The ranked records.
    /// - Complexity: O(b) in their bytes: they are kept packed (`packedItems`) and rebuilt.
    public var items: [ContactItem] {
        get { packedItems.items }
        set { packedItems = PackedContactItems(newValue) }
    }
    /// `items`, packed: as the directory wrote them, and as the reply copies them.
    var packedItems: PackedContactItems

    /// Creates the response.
    public init(items: [ContactItem]) { packedItems = PackedContactItems(items) }

    /// The response for packed items.
    init(packedItems: PackedContactItems) { self.packedItems = packedItems }

    /// Decodes the array.
    public init(from decoder: any Decoder) throws { packedItems = PackedContactItems(try [ContactItem](from: decoder)) }

    /// Encodes the array.
    public func encode(to encoder: any Encoder) throws { try items.encode(to: encoder) }
}

/// `zcc-screen-pop`: the agent picked one of several records.
public struct ScreenPopSelection: Sendable, Hashable, Codable {
    /// The record's id (a number in the document's example, read as text).
    public var id: String

    /// Creates the selection.
    public init(id: String) { self.id = id }

    private enum CodingKeys: String, CodingKey { case id }

    /// Decodes the selection; the id may be a string or a number.
    public init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: CodingKeys.self).decodeLoose(String.self, forKey: .id)
    }
}

extension KeyedDecodingContainer {
    /// A channel from `allowed`, read case-insensitively; throws `dataCorrupted` naming the key
    /// for any other value.
    func decodeChannelIfPresent(forKey key: Key, allowed: [EngagementChannel]) throws -> EngagementChannel? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let channel = EngagementChannel(loose: text), allowed.contains(channel) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), not \(text.debugDescription)")
        }
        return channel
    }
}
