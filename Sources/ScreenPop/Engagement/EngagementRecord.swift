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
    public internal(set) var state: EngagementState = .ringing
    /// Inbound or outbound, once known.
    public var direction: EngagementDirection?
    /// The consumer's number (incoming request, ringing `from`, outbound `to`).
    public var customerPhone: String?
    /// The consumer's email (incoming email request, chat ringing).
    public var customerEmail: String?
    /// The queue's name.
    public var queueName: String?
    /// The records offered to the agent in the last incoming response, in order.
    /// - Complexity: O(b) in their bytes: they are kept packed (`offeredItems`) and rebuilt.
    public var offered: [ContactItem] {
        get { offeredItems.items }
        set { offeredItems = PackedContactItems(newValue) }
    }
    /// Their ids.
    public var offeredIDs: [String] { offered.map(\.id) }
    /// `offered`, packed in one buffer: an engagement evicted long after its offer frees one
    /// allocation, not a string per field.
    var offeredItems = PackedContactItems()
    /// The key the agent's choice is remembered under.
    var choiceKey: ChoiceKey?
    /// Whether the engine asked the agent to choose (`chooseAmong`) and no choice came yet.
    public var awaitingSelection = false
    /// The record the engagement is linked to (popped, selected by the agent, or remembered);
    /// the call log is logged against it.
    public var chosenContactID: String?
    /// The record the agent selected for this engagement (`zcc-screen-pop`), when one was.
    public var selectedContactID: String?
    /// Whether the engagement was ever connected (it stays true once it has ended).
    public internal(set) var wasConnected = false
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
    /// The hash of the last `logEngagement` given for it (`engagementLogAction`): a repeated
    /// call log with the same content gives no second one.
    var loggedContent: Int?
    /// The hashes of the links given for it (`attachLink`): a recording or log page delivered
    /// twice is attached once.
    var attachedLinks: Set<Int> = []
    /// A counter that orders engagements by their last offer of records.
    var offerSequence: UInt64 = 0

    /// Creates a record.
    init(id: String, now: Date) {
        self.id = id
        self.lastSeen = now
    }

    /// Moves the state to `state` when the state machine allows it (`canAdvance(to:)`); a late
    /// or repeated event changes nothing.
    mutating func advance(to state: EngagementState) {
        guard self.state.canAdvance(to: state) else { return }
        self.state = state
        if state == .connected { wasConnected = true }
    }
}
