/// `zcc-send-chat-message-response`: the result of `zcc-send-chat-message`. `status` is true
/// on success (with an optional `timestamp`); on failure `errorCode` and `errorMessage` say why.
public struct SendChatMessageResponse: Sendable, Hashable, Codable {
    /// The identifier of the request answered (kept as written).
    public var requestId: String?
    /// Whether the message was sent.
    public var status: Bool
    /// When it was sent (epoch milliseconds in practice), on success.
    public var timestamp: Timestamp?
    /// Why it failed.
    public var errorCode: String?
    /// Why it failed, for people.
    public var errorMessage: String?

    /// Creates the response.
    public init(requestId: String?, status: Bool, timestamp: Timestamp? = nil, errorCode: String? = nil, errorMessage: String? = nil) {
        self.requestId = requestId
        self.status = status
        self.timestamp = timestamp
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    private enum CodingKeys: String, CodingKey { case requestId, status, timestamp, errorCode, errorMessage }

    /// Decodes the response; `status` is required (a Boolean, or "true" / "false"), a numeric
    /// error code is read as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try container.decodeLooseIfPresent(String.self, forKey: .requestId)
        guard let status = try container.decodeLooseIfPresent(Bool.self, forKey: .status) else {
            throw DecodingError.keyNotFound(CodingKeys.status, .init(codingPath: container.codingPath, debugDescription: "status is required"))
        }
        self.status = status
        timestamp = try container.decodeIfPresent(Timestamp.self, forKey: .timestamp)
        errorCode = try container.decodeLooseIfPresent(String.self, forKey: .errorCode)
        errorMessage = try container.decodeIfPresent(String.self, forKey: .errorMessage)
    }
}
