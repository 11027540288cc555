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

    /// Encodes the codes as numbers when they are integers, as the document shows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let code = Int(statusCode) { try container.encode(code, forKey: .statusCode) } else { try container.encode(statusCode, forKey: .statusCode) }
        try container.encodeIfPresent(status, forKey: .status)
        if let parent = parentStatusCode {
            if let code = Int(parent) { try container.encode(code, forKey: .parentStatusCode) } else { try container.encode(parent, forKey: .parentStatusCode) }
        }
        try container.encodeIfPresent(subReason, forKey: .subReason)
    }
}

/// `zcc-error`: the softphone met an error or received an invalid request.
public struct SoftphoneError: Sendable, Hashable, Codable {
    /// The error's code ("invalid-input").
    public var code: String
    /// The explanation.
    public var message: String?

    /// Creates the event.
    public init(code: String, message: String? = nil) {
        self.code = code
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case code, message }

    /// Decodes the event; a numeric code is read as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decodeLoose(String.self, forKey: .code)
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }
}
