#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the engine knows about one engagement, gathered from every message that names it.
public struct EngagementRecord: Sendable, Hashable {
    /// The engagement's id.
    public var id: String
    /// The channel, once a message told it.
    public var channel: EngagementChannel?
    /// Where it is in its life.
    public var state: EngagementState = .ringing
    /// Inbound or outbound, once known.
    public var direction: EngagementDirection?
    /// The consumer's number (incoming request, ringing `from`, outbound `to`).
    public var customerPhone: String?
    /// The consumer's email (incoming email request, chat ringing).
    public var customerEmail: String?
    /// The queue's name.
    public var queueName: String?
    /// The records offered to the agent in the last incoming response, in order.
    public var offered: [ContactItem] = []
    /// Their ids.
    public var offeredIDs: [String] { offered.map(\.id) }
    /// The key the agent's choice is remembered under.
    var choiceKey: ChoiceKey?
    /// Whether the engine asked the agent to choose and no choice came yet.
    public var awaitingSelection = false
    /// The record the engagement is linked to (popped, chosen or remembered).
    public var chosenContactID: String?
    /// A decision waiting for the connect (when the screen pop is configured on CONNECTED).
    var pendingDecision: HostAction?
    /// Whether a decision was already given to the host for this engagement.
    var decided = false
    /// Times the softphone gave.
    public var ringingAt: Timestamp?
    /// When it was accepted.
    public var connectedAt: Timestamp?
    /// When it ended.
    public var endedAt: Timestamp?
    /// When the engine last heard of it (the engine's clock).
    public internal(set) var lastSeen: Date
    /// A counter that orders engagements by their last offer of records.
    var offerSequence: UInt64 = 0

    /// Creates a record.
    init(id: String, now: Date) {
        self.id = id
        self.lastSeen = now
    }

    /// Moves the state forward to `state` (never back).
    mutating func advance(to state: EngagementState) {
        if state > self.state { self.state = state }
    }
}
