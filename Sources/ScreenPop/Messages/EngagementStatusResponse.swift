/// `zcc-engagement-status-response`: the softphone's answer to `zcc-engagement-status-request`,
/// with the engagements that are active and those in wrap-up (all of them, or the one asked
/// for). Which fields an engagement carries depends on its channel and on what is known.
///
/// The engine updates its engagement tracker from it: an engagement listed as active is
/// connected, one listed in wrap-up has ended.
public struct EngagementStatusResponse: Sendable, Hashable, Codable {
    /// One engagement as the softphone describes it.
    public struct Engagement: Sendable, Hashable, Codable {
        /// The engagement.
        public var engagementId: String
        /// Its channel, as written ("voice", "chat"…); see `channelValue`.
        public var channel: String?
        /// Inbound or outbound.
        public var engagementDirection: EngagementDirection?
        /// The state as written ("active", "wrapup").
        public var state: String?
        /// The queue's id.
        public var queueId: String?
        /// The queue's name.
        public var queueName: String?
        /// The consumer's number.
        public var customerNumber: String?
        /// The consumer's name.
        public var customerName: String?
        /// The consumer's address.
        public var customerEmail: String?
        /// The caller's number.
        public var from: String?
        /// The called number.
        public var to: String?

        /// Creates an entry.
        public init(
            engagementId: String, channel: String? = nil, engagementDirection: EngagementDirection? = nil, state: String? = nil,
            queueId: String? = nil, queueName: String? = nil, customerNumber: String? = nil, customerName: String? = nil,
            customerEmail: String? = nil, from: String? = nil, to: String? = nil
        ) {
            self.engagementId = engagementId
            self.channel = channel
            self.engagementDirection = engagementDirection
            self.state = state
            self.queueId = queueId
            self.queueName = queueName
            self.customerNumber = customerNumber
            self.customerName = customerName
            self.customerEmail = customerEmail
            self.from = from
            self.to = to
        }

        /// The channel, when it is one of the four (read in any case; "phone" and "call" are
        /// read as voice).
        public var channelValue: EngagementChannel? {
            guard let channel else { return nil }
            switch channel.lowercased() {
            case "phone", "call": return .voice
            default: return EngagementChannel(loose: channel)
            }
        }

        private enum CodingKeys: String, CodingKey {
            case engagementId, channel, engagementDirection, state, queueId, queueName, customerNumber, customerName, customerEmail, from, to
        }

        /// Decodes an entry; numbers are read as text for the ids and numbers.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            engagementId = try container.decode(String.self, forKey: .engagementId)
            channel = try container.decodeLooseIfPresent(String.self, forKey: .channel)
            engagementDirection = try container.decodeIfPresent(EngagementDirection.self, forKey: .engagementDirection)
            state = try container.decodeIfPresent(String.self, forKey: .state)
            queueId = try container.decodeLooseIfPresent(String.self, forKey: .queueId)
            queueName = try container.decodeLooseIfPresent(String.self, forKey: .queueName)
            customerNumber = try container.decodeLooseIfPresent(String.self, forKey: .customerNumber)
            customerName = try container.decodeIfPresent(String.self, forKey: .customerName)
            customerEmail = try container.decodeIfPresent(String.self, forKey: .customerEmail)
            from = try container.decodeLooseIfPresent(String.self, forKey: .from)
            to = try container.decodeLooseIfPresent(String.self, forKey: .to)
        }
    }

    /// The identifier of the request answered (kept as written).
    public var requestId: String?
    /// The active engagements.
    public var active: [Engagement]
    /// The engagements in wrap-up.
    public var wrapup: [Engagement]

    /// Creates the response.
    public init(requestId: String?, active: [Engagement] = [], wrapup: [Engagement] = []) {
        self.requestId = requestId
        self.active = active
        self.wrapup = wrapup
    }

    private enum CodingKeys: String, CodingKey { case requestId, active, wrapup }

    /// Decodes the response; an absent or null list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try container.decodeLooseIfPresent(String.self, forKey: .requestId)
        active = try container.decodeIfPresent([Engagement].self, forKey: .active) ?? []
        wrapup = try container.decodeIfPresent([Engagement].self, forKey: .wrapup) ?? []
    }
}
