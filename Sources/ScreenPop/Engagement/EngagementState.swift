/// Where an engagement is in its life.
///
/// ```
/// ringing ──▶ connected ──▶ ended ──▶ logged
///    │                        ▲         ▲
///    ├────────────────────────┘         │
///    └──▶ notConnected ─────────────────┘
/// ```
///
/// Events move an engagement along these arrows only (`canAdvance(to:)`); a late or repeated
/// event never moves it back or sideways. In particular a not-connected engagement never becomes
/// connected, and a connected one never becomes not-connected. An engagement that ends without
/// ever connecting (the caller hung up while it rang) is `ended` with `wasConnected == false` on
/// its record.
///
/// The states are not ordered: ask `isConnected`, `isOpen` or `canAdvance(to:)`.
public enum EngagementState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Offered to the agent (ringing, or the incoming request arrived).
    case ringing
    /// Accepted (connected, started).
    case connected
    /// Missed, rejected, declined, or not placed. Final, but it may still be logged.
    case notConnected = "not-connected"
    /// Ended; wrap-up may follow.
    case ended
    /// Logged (`zcc-phone-call-log` received). Final.
    case logged

    /// Whether an event may move an engagement from this state to `next`.
    public func canAdvance(to next: EngagementState) -> Bool {
        switch (self, next) {
        case (.ringing, .connected), (.ringing, .notConnected), (.ringing, .ended), (.ringing, .logged): true
        case (.connected, .ended), (.connected, .logged): true
        case (.notConnected, .logged): true
        case (.ended, .logged): true
        default: false
        }
    }

    /// Whether the engagement is connected now (the agent is with the customer).
    public var isConnected: Bool { self == .connected }

    /// Whether the engagement can still take the agent's choice of a record: anything but
    /// not-connected and logged. (An ended engagement is in wrap-up; its log is still to come.)
    public var isOpen: Bool {
        switch self {
        case .ringing, .connected, .ended: true
        case .notConnected, .logged: false
        }
    }

    /// The state's name ("not-connected").
    public var description: String { rawValue }
}
