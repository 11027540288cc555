/// Where an engagement is in its life: ringing → connected → ended → logged. Events move it
/// forward only; a late event never moves it back.
public enum EngagementState: Int, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Offered to the agent (ringing, or the incoming request arrived).
    case ringing
    /// Accepted (connected, started).
    case connected
    /// Missed, rejected, or not placed.
    case notConnected
    /// Ended; wrap-up may follow.
    case ended
    /// Logged (`zcc-phone-call-log` received).
    case logged

    /// Orders states along the life of an engagement.
    public static func < (lhs: EngagementState, rhs: EngagementState) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The state's name.
    public var description: String {
        switch self {
        case .ringing: "ringing"
        case .connected: "connected"
        case .notConnected: "not-connected"
        case .ended: "ended"
        case .logged: "logged"
        }
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(description)
    }

    /// Decodes the name.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        let text = try single.decode(String.self)
        guard let state = [EngagementState.ringing, .connected, .notConnected, .ended, .logged].first(where: { $0.description == text }) else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "unknown engagement state \(text.debugDescription)")
        }
        self = state
    }
}
