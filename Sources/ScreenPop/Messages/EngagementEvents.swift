/// The direction of an engagement.
public enum EngagementDirection: String, Sendable, Hashable, Codable {
    /// The consumer called the agent.
    case inbound
    /// The agent called the consumer.
    case outbound

    /// Reads the direction case-insensitively; throws `dataCorrupted` for anything else (the
    /// error names the field it was read from: `direction`, `callType`).
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        let text = try single.decode(String.self)
        guard let value = EngagementDirection(rawValue: text.lowercased()) else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "must be inbound or outbound, not \(text.debugDescription)")
        }
        self = value
    }
}

/// `zcc-call-ringing`: a call rings at the agent.
///
/// The document shows `channel: <create ts number>`; the field is kept as whatever JSON it is.
public struct CallRinging: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// The caller's number.
    public var from: String?
    /// The called number.
    public var to: String?
    /// The queue.
    public var queueName: String?
    /// When the engagement was created.
    public var createTs: Timestamp?
    /// The `channel` field, as given (the document shows a timestamp there).
    public var channel: JSONValue?
    /// Whether the call is a conference.
    public var isConference: Bool?
    /// Whether the call is a transfer.
    public var isTransfer: Bool?

    /// Creates the event.
    public init(
        engagementId: String, from: String? = nil, to: String? = nil, queueName: String? = nil, createTs: Timestamp? = nil,
        channel: JSONValue? = nil, isConference: Bool? = nil, isTransfer: Bool? = nil
    ) {
        self.engagementId = engagementId
        self.from = from
        self.to = to
        self.queueName = queueName
        self.createTs = createTs
        self.channel = channel
        self.isConference = isConference
        self.isTransfer = isTransfer
    }

    private enum CodingKeys: String, CodingKey { case engagementId, from, to, queueName, createTs, channel, isConference, isTransfer }

    /// Decodes the event, tolerating numbers for numbers and "true"/"false" for flags.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        from = try container.decodeLooseIfPresent(String.self, forKey: .from)
        to = try container.decodeLooseIfPresent(String.self, forKey: .to)
        queueName = try container.decodeLooseIfPresent(String.self, forKey: .queueName)
        createTs = try container.decodeIfPresent(Timestamp.self, forKey: .createTs)
        channel = try container.decodeIfPresent(JSONValue.self, forKey: .channel)
        isConference = try container.decodeLooseIfPresent(Bool.self, forKey: .isConference)
        isTransfer = try container.decodeLooseIfPresent(Bool.self, forKey: .isTransfer)
    }
}

/// `zcc-call-connected`: the agent accepted a call.
public struct CallConnected: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// When the call was accepted.
    public var acceptTs: Timestamp?
    /// Inbound or outbound.
    public var direction: EngagementDirection?
    /// The caller's number.
    public var from: String?
    /// The called number.
    public var to: String?
    /// The queue's id.
    public var queueId: String?
    /// The queue's name.
    public var queueName: String?

    /// Creates the event.
    public init(
        engagementId: String, acceptTs: Timestamp? = nil, direction: EngagementDirection? = nil, from: String? = nil, to: String? = nil,
        queueId: String? = nil, queueName: String? = nil
    ) {
        self.engagementId = engagementId
        self.acceptTs = acceptTs
        self.direction = direction
        self.from = from
        self.to = to
        self.queueId = queueId
        self.queueName = queueName
    }

    private enum CodingKeys: String, CodingKey { case engagementId, acceptTs, direction, from, to, queueId, queueName }

    /// Decodes the event; numbers are accepted for the numbers and the queue id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        acceptTs = try container.decodeIfPresent(Timestamp.self, forKey: .acceptTs)
        direction = try container.decodeIfPresent(EngagementDirection.self, forKey: .direction)
        from = try container.decodeLooseIfPresent(String.self, forKey: .from)
        to = try container.decodeLooseIfPresent(String.self, forKey: .to)
        queueId = try container.decodeLooseIfPresent(String.self, forKey: .queueId)
        queueName = try container.decodeLooseIfPresent(String.self, forKey: .queueName)
    }
}

/// `zcc-outbound-call-started`: the agent's outbound call begins.
public struct OutboundCallStarted: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// The agent's side number.
    public var from: String?
    /// The consumer's number.
    public var to: String?
    /// The queue.
    public var queueName: String?
    /// When the call started.
    public var startTs: Timestamp?

    /// Creates the event.
    public init(engagementId: String, from: String? = nil, to: String? = nil, queueName: String? = nil, startTs: Timestamp? = nil) {
        self.engagementId = engagementId
        self.from = from
        self.to = to
        self.queueName = queueName
        self.startTs = startTs
    }

    private enum CodingKeys: String, CodingKey { case engagementId, from, to, queueName, startTs }

    /// Decodes the event.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        from = try container.decodeLooseIfPresent(String.self, forKey: .from)
        to = try container.decodeLooseIfPresent(String.self, forKey: .to)
        queueName = try container.decodeLooseIfPresent(String.self, forKey: .queueName)
        startTs = try container.decodeIfPresent(Timestamp.self, forKey: .startTs)
    }
}

/// `zcc-chat-ringing`, `zcc-sms-ringing`, `zcc-video-ringing`: a digital or video engagement
/// rings at the agent.
public struct EngagementRinging: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// The queue's id.
    public var queueId: String?
    /// The queue's name.
    public var queueName: String?
    /// The consumer's name.
    public var customerName: String?
    /// The consumer's email.
    public var customerEmail: String?
    /// The consumer's number (SMS).
    public var incomingPhoneNumber: String?

    /// Creates the event.
    public init(
        engagementId: String, queueId: String? = nil, queueName: String? = nil, customerName: String? = nil, customerEmail: String? = nil,
        incomingPhoneNumber: String? = nil
    ) {
        self.engagementId = engagementId
        self.queueId = queueId
        self.queueName = queueName
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.incomingPhoneNumber = incomingPhoneNumber
    }

    private enum CodingKeys: String, CodingKey { case engagementId, queueId, queueName, customerName, customerEmail, incomingPhoneNumber }

    /// Decodes the event.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        queueId = try container.decodeLooseIfPresent(String.self, forKey: .queueId)
        queueName = try container.decodeLooseIfPresent(String.self, forKey: .queueName)
        customerName = try container.decodeIfPresent(String.self, forKey: .customerName)
        customerEmail = try container.decodeIfPresent(String.self, forKey: .customerEmail)
        incomingPhoneNumber = try container.decodeLooseIfPresent(String.self, forKey: .incomingPhoneNumber)
    }
}

/// `zcc-chat-started`, `zcc-sms-started`, `zcc-video-started`: the agent accepted the engagement.
public struct EngagementStarted: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// When it started.
    public var createTs: Timestamp?

    /// Creates the event.
    public init(engagementId: String, createTs: Timestamp? = nil) {
        self.engagementId = engagementId
        self.createTs = createTs
    }
}

/// `zcc-call-ended`, `zcc-chat-ended`, `zcc-sms-ended`, `zcc-video-ended`: the engagement ended.
public struct EngagementEnded: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// When it ended.
    public var completeTs: Timestamp?

    /// Creates the event.
    public init(engagementId: String, completeTs: Timestamp? = nil) {
        self.engagementId = engagementId
        self.completeTs = completeTs
    }
}

/// `zcc-inbound-not-connected`, `zcc-outbound-not-connected`: the call was missed, rejected or
/// could not be placed.
public struct EngagementNotConnected: Sendable, Hashable, Codable {
    /// The engagement.
    public var engagementId: String
    /// The reason's code (a number or a string, read as text).
    public var reasonCode: String?
    /// The reason's text.
    public var message: String?

    /// Creates the event.
    public init(engagementId: String, reasonCode: String? = nil, message: String? = nil) {
        self.engagementId = engagementId
        self.reasonCode = reasonCode
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case engagementId, reasonCode, message }

    /// Decodes the event.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        reasonCode = try container.decodeLooseIfPresent(String.self, forKey: .reasonCode)
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }
}
