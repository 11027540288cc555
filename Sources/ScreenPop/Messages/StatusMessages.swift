/// `zcc-agent-status-notification`: the agent's status changed (or was asked for).
public struct AgentStatusNotification: Sendable, Hashable, Codable {
    /// The status code (0 offline, 1 ready, 2 not ready, 3 occupied, or a sub-reason's code).
    public var statusCode: String
    /// The status name.
    public var status: String?
    /// The parent status code, for a sub-reason.
    public var parentStatusCode: String?
    /// The sub-reason's name.
    public var subReason: String?

    /// Creates the event.
    public init(statusCode: String, status: String? = nil, parentStatusCode: String? = nil, subReason: String? = nil) {
        self.statusCode = statusCode
        self.status = status
        self.parentStatusCode = parentStatusCode
        self.subReason = subReason
    }

    private enum CodingKeys: String, CodingKey { case statusCode, status, parentStatusCode, subReason }

    /// Decodes the event; codes may be numbers or strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = try container.decodeLoose(String.self, forKey: .statusCode)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        parentStatusCode = try container.decodeLooseIfPresent(String.self, forKey: .parentStatusCode)
        subReason = try container.decodeIfPresent(String.self, forKey: .subReason)
    }

    /// Encodes the codes as numbers when they are integers written plainly, as the document
    /// shows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // "2" is written 2; "02" or "+2" stay text, so the code reads back as it was.
        func number(_ text: String) -> Int? { Int(text).flatMap { String($0) == text ? $0 : nil } }
        if let code = number(statusCode) { try container.encode(code, forKey: .statusCode) } else { try container.encode(statusCode, forKey: .statusCode) }
        try container.encodeIfPresent(status, forKey: .status)
        if let parent = parentStatusCode {
            if let code = number(parent) { try container.encode(code, forKey: .parentStatusCode) } else { try container.encode(parent, forKey: .parentStatusCode) }
        }
        try container.encodeIfPresent(subReason, forKey: .subReason)
    }
}

/// `zcc-error`: the softphone met an error or received an invalid request.
///
/// The document shows `code` and `message`. When the softphone also names the `requestId` of
/// the request it refuses, the pending request fails at once with the softphone's code instead
/// of waiting for its timeout (`PendingRequests`).
public struct SoftphoneError: Sendable, Hashable, Codable {
    /// The error's code ("invalid-input").
    public var code: String
    /// The explanation.
    public var message: String?
    /// The request refused, when the softphone names it (not in the document's example).
    public var requestId: String?

    /// Creates the event.
    public init(code: String, message: String? = nil, requestId: String? = nil) {
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    private enum CodingKeys: String, CodingKey { case code, message, requestId }

    /// Decodes the event; a numeric code is read as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decodeLoose(String.self, forKey: .code)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        requestId = try container.decodeLooseIfPresent(String.self, forKey: .requestId)
    }
}
