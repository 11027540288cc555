#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

/// What the host should do after a message, besides replying: open a record, let the agent
/// choose, offer to create a record, log an engagement…
///
/// Size: an engagement log (about 320 bytes of call fields) is stored out of line, so an action
/// takes about 80 bytes inline and every reply, held decision and engagement record that
/// carries one stays small; only a `logEngagement` allocates.
public enum HostAction: Sendable, Hashable {
    /// Open this record for this engagement.
    case pop(PopAction)
    /// Several records match: the agent chooses in the softphone (a `zcc-screen-pop` follows).
    case chooseAmong(ChoiceAction)
    /// Nothing matches: offer to create a record, prefilled.
    case offerNewRecord(NewRecordOffer)
    /// Log the engagement against the record.
    indirect case logEngagement(EngagementLog)
    /// Store a link on the engagement (a recording, or the engagement log page).
    case attachLink(LinkAction)
    /// Add a note to the engagement.
    case addNote(NoteAction)
    /// The softphone reported an error.
    case softphoneError(SoftphoneError)
    /// An answer from the softphone matched no pending request (`PendingRequests`).
    case unmatchedAnswer(UnmatchedAnswer)

    /// The action's name in JSON ("pop", "chooseAmong"…).
    public var name: String {
        switch self {
        case .pop: "pop"
        case .chooseAmong: "chooseAmong"
        case .offerNewRecord: "offerNewRecord"
        case .logEngagement: "logEngagement"
        case .attachLink: "attachLink"
        case .addNote: "addNote"
        case .softphoneError: "softphoneError"
        case .unmatchedAnswer: "unmatchedAnswer"
        }
    }
}

/// Why a record is popped.
public enum PopReason: String, Sendable, Hashable, Codable {
    /// It is the one confident match.
    case singleMatch = "single-match"
    /// The agent selected it (`zcc-screen-pop`) among the records offered for the engagement.
    case agentSelection = "agent-selection"
    /// The agent selected it, but no pending engagement offered it (flagged unsolicited).
    case unsolicitedSelection = "unsolicited-selection"
    /// The agent chose it last time for this number or address (policy `remember`).
    case remembered
    /// A conflict rule picked it (policy `automatic`).
    case automatic
}

/// Open a record.
public struct PopAction: Sendable, Hashable {
    /// The record, as the directory held it when the pop was decided; rebuilt when read.
    public var record: ContactSnapshot
    /// The engagement, when the pop belongs to one.
    public var engagementId: String?
    /// Why.
    public var reason: PopReason
    /// The rule, for `.automatic`.
    public var resolution: ConflictResolution?
    /// The other records that matched, ranked (the agent may still switch).
    public var alternatives: [ContactItem]

    /// Whether the selection named a record no pending engagement offered.
    public var unsolicited: Bool { reason == .unsolicitedSelection }

    /// The record's contact (`record.contact`: rebuilt at each read).
    public var contact: Contact {
        get { record.contact }
        set { record = ContactSnapshot(newValue) }
    }
}

/// Let the agent choose.
public struct ChoiceAction: Sendable, Hashable {
    /// The engagement.
    public var engagementId: String
    /// The records offered, in the order shown (a remembered one first).
    /// - Complexity: O(b) in their bytes: they are kept packed (`offered`) and rebuilt.
    public var candidates: [ContactItem] {
        get { offered.items }
        set { offered = PackedContactItems(newValue) }
    }
    /// `candidates`, packed (the buffer of the reply that listed them).
    var offered: PackedContactItems
    /// The record remembered for this number or address, when one is valid.
    public var rememberedID: String?

    /// Creates the action.
    init(engagementId: String, offered: PackedContactItems, rememberedID: String?) {
        self.engagementId = engagementId
        self.offered = offered
        self.rememberedID = rememberedID
    }
}

/// Offer to create a record.
public struct NewRecordOffer: Sendable, Hashable {
    /// The engagement.
    public var engagementId: String
    /// The channel.
    public var channel: EngagementChannel
    /// The number to prefill (E.164 when it parses, else as sent).
    public var phone: String?
    /// The address to prefill.
    public var email: String?
    /// The number's region (libphonenumber), when known.
    public var region: String?
    /// The number's line type (libphonenumber), when known.
    public var numberType: PhoneNumberType?
    /// Whether libphonenumber calls the number valid, when it parsed.
    public var numberIsValid: Bool?
}

/// Log an engagement (from `zcc-phone-call-log`).
public struct EngagementLog: Sendable, Hashable {
    /// Where the logged record came from.
    public enum RecordSource: String, Sendable, Hashable, Codable {
        /// The record the engine linked to the engagement (popped or chosen).
        case engagement
        /// The log's `user` (what the softphone associated).
        case callLog = "call-log"
        /// No record: log it unattached.
        case none
    }

    /// The engagement.
    public var engagementId: String
    /// The record to log against.
    public var record: ContactItem?
    /// Where `record` came from.
    public var recordSource: RecordSource
    /// The channel, when known.
    public var channel: EngagementChannel?
    /// Inbound or outbound.
    public var direction: EngagementDirection?
    /// The caller's number.
    public var from: String?
    /// The called number.
    public var to: String?
    /// When it started, as given.
    public var startTime: Timestamp?
    /// When it ended, as given.
    public var endTime: Timestamp?
    /// The duration as given.
    public var duration: NumberOrText?
    /// The duration in seconds, when it could be read.
    public var durationSeconds: Double?
    /// The disposition's code.
    public var dispositionCode: String?
    /// The disposition's id.
    public var dispositionId: String?
    /// The queue.
    public var queue: String?
    /// The agent's name.
    public var agentName: String?
    /// The agent's notes, as given (HTML).
    public var notesHTML: [String]
    /// The same notes as plain text (tags and scripts removed, entities decoded).
    public var notesPlainText: [String]
    /// The AI-generated notes, as given (HTML).
    public var smartNotesHTML: [String]
    /// The AI-generated notes as plain text.
    public var smartNotesPlainText: [String]
    /// Whether this log replaces an earlier, different log of the same engagement: the host
    /// updates the activity it created for it instead of creating another. (A repeat with the
    /// same content gives no action at all.) Written as `"update":true` when set.
    public var isUpdate = false
}

/// Store a link on an engagement.
public struct LinkAction: Sendable, Hashable {
    /// What the link is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A call recording (`zcc-call-recording`).
        case recording
        /// The engagement log page (`zcc-engagement-log-url`).
        case engagementLog = "engagement-log"
    }

    /// The engagement.
    public var engagementId: String
    /// What it is.
    public var kind: Kind
    /// The URL.
    public var url: String
}

/// Add a note.
public struct NoteAction: Sendable, Hashable {
    /// The engagement connected when the note came, when one is.
    public var engagementId: String?
    /// The note as given.
    public var html: String
    /// The note as plain text.
    public var plainText: String
}
