#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex
import Synchronization

/// The host backend's side of the Smart Embed protocol: it answers the softphone's questions
/// ("who is this?") from a contact directory, decides screen pops, follows engagements and turns
/// call logs into log entries.
///
/// Give it each softphone message, typed (`handle(_:)`) or as raw JSON (`handle(json:)`); it
/// returns the reply to post back and the `HostAction`s for the host.
///
/// - Directory: look-ups happen inside `DirectoryReading.withDirectory`, and the engine keeps no
///   copy of the directory, so a live directory can change between messages.
/// - State: the engagement tracker and the remembered choices, bounded in count and age, under
///   one lock. The engine is safe to share between threads.
public final class ScreenPopEngine: Sendable {
    /// The configuration.
    public let configuration: ScreenPopConfiguration
    let directory: any DirectoryReading
    let phones: PhoneNormalizer
    /// The directory's email normalizer, for the key a choice is remembered under.
    let emails: EmailNormalizer
    let decider: ScreenPopDecider
    let state: Mutex<EngineState>
    /// The host's requests to the softphone that wait for answers. `handle(_:)` gives it every
    /// answer; an answer that matches no request becomes an `unmatchedAnswer` action.
    public let requests: PendingRequests

    struct EngineState: Sendable {
        var tracker: EngagementTracker
        var memory: ChoiceMemory
        /// Records selected when no engagement offered them (contact id → when), so a repeated
        /// unsolicited selection pops once. Bounded like the tracker.
        var unsolicited: BoundedTable<String, Date>
    }

    /// Creates an engine over a directory.
    /// - Parameters:
    ///   - directory: a `ContactDirectory`, or a live directory that lends one per read.
    ///   - configuration: when to pop, the choice policy, bounds, the clock.
    public init(directory: some DirectoryReading, configuration: ScreenPopConfiguration = .init()) {
        self.configuration = configuration
        self.directory = directory
        let region = configuration.region ?? directory.withDirectory { $0.configuration.defaultRegion }
        self.phones = PhoneNormalizer(defaultRegion: region)
        self.emails = EmailNormalizer(options: directory.withDirectory { $0.configuration.emailOptions })
        self.decider = ScreenPopDecider(policy: configuration.choicePolicy, confidentScore: configuration.confidentScore)
        self.requests = PendingRequests(timeout: configuration.requestTimeout, capacity: configuration.pendingRequestCapacity, clock: configuration.clock)
        self.state = Mutex(EngineState(
            tracker: EngagementTracker(capacity: configuration.engagementCapacity, timeToLive: configuration.engagementTimeToLive),
            memory: ChoiceMemory(capacity: configuration.rememberedChoiceCapacity, maximumAge: configuration.rememberedChoiceMaximumAge),
            unsolicited: BoundedTable(capacity: configuration.engagementCapacity, maximumAge: configuration.engagementTimeToLive)))
    }

    /// The engagement with this id, as the engine knows it now.
    public func engagement(_ id: String) -> EngagementRecord? {
        let now = configuration.clock.now
        return state.withLock { $0.tracker.engagement(id, now: now) }
    }

    /// The engine's counters.
    public var statistics: EngineStatistics {
        state.withLock {
            EngineStatistics(
                engagements: $0.tracker.count, engagementsEvictedForCapacity: $0.tracker.evictedForCapacity,
                engagementsEvictedForAge: $0.tracker.evictedForAge, offeredRecords: $0.tracker.offerEntries,
                rememberedChoices: $0.memory.count, unsolicitedSelections: $0.unsolicited.count,
                unsolicitedSelectionsEvicted: $0.unsolicited.evictedForCapacity + $0.unsolicited.evictedForAge)
        }
    }

    /// Handles one message from the softphone.
    /// - Returns: the reply (nil when none is due) and the host actions.
    /// - Throws: `ScreenPopError` with `.unknownContact` when a `zcc-screen-pop` names an id the
    ///   directory does not have.
    /// - Complexity: a phone or email look-up, O(1) expected plus the matches; O(1) amortized
    ///   tracker and memory updates.
    public func handle(_ message: SoftphoneMessage) throws(ScreenPopError) -> ScreenPopOutcome {
        let now = configuration.clock.now
        switch message {
        case .initConfigRequest:
            return ScreenPopOutcome(reply: .initConfigResponse(InitConfigResponse(phone: .init(screenPopEvent: configuration.screenPopEvent))))
        case .contactSearch(let event):
            let limit = configuration.searchResponseForm == .singleObject ? 1 : configuration.resultLimit
            let matches = directory.withDirectory { DirectoryQueries.searchSummaries($0, event.query, limit: limit) }
            let items = matches.map(ContactItem.init(summary:))
            return ScreenPopOutcome(reply: .contactSearchResponse(ContactSearchResponse(items: items, singleObject: configuration.searchResponseForm == .singleObject)))
        case .incomingPhoneRequest(let request):
            return incomingPhone(request, now: now)
        case .incomingEmailRequest(let request):
            return incomingEmail(request, now: now)
        case .screenPop(let selection):
            return try screenPop(selection, now: now)
        case .callRinging(let event):
            track(event.engagementId, now: now) { record in
                record.channel = record.channel ?? .voice
                record.ringingAt = event.createTs ?? record.ringingAt
                record.customerPhone = record.customerPhone ?? event.from
                record.queueName = event.queueName ?? record.queueName
            }
            return ScreenPopOutcome()
        case .callConnected(let event):
            return connect(event.engagementId, channel: .voice, at: event.acceptTs, now: now) { record in
                record.direction = event.direction ?? record.direction
                if record.customerPhone == nil { record.customerPhone = event.direction == .outbound ? event.to : event.from }
                record.queueName = event.queueName ?? record.queueName
            }
        case .outboundCallStarted(let event):
            track(event.engagementId, now: now) { record in
                record.channel = .voice
                record.direction = .outbound
                record.customerPhone = event.to ?? record.customerPhone
                record.ringingAt = event.startTs ?? record.ringingAt
                record.queueName = event.queueName ?? record.queueName
            }
            return ScreenPopOutcome()
        case .engagementRinging(let channel, let event):
            track(event.engagementId, now: now) { record in
                record.channel = channel
                record.customerEmail = event.customerEmail ?? record.customerEmail
                record.customerPhone = event.incomingPhoneNumber ?? record.customerPhone
                record.queueName = event.queueName ?? record.queueName
            }
            return ScreenPopOutcome()
        case .engagementStarted(let channel, let event):
            return connect(event.engagementId, channel: channel, at: event.createTs, now: now) { _ in }
        case .engagementEnded(let channel, let event):
            track(event.engagementId, now: now) { record in
                record.channel = record.channel ?? channel
                record.endedAt = event.completeTs ?? record.endedAt
                record.advance(to: .ended)
                record.pendingDecision = nil
            }
            return ScreenPopOutcome()
        case .inboundNotConnected(let event), .outboundNotConnected(let event):
            track(event.engagementId, now: now) { record in
                record.advance(to: .notConnected)
                if record.state == .notConnected { record.pendingDecision = nil }
            }
            return ScreenPopOutcome()
        case .phoneCallLog(let log):
            return ScreenPopOutcome(actions: engagementLogAction(log, now: now).map { [$0] } ?? [])
        case .callRecording(let event):
            return ScreenPopOutcome(actions: attach(LinkAction(engagementId: event.engagementId, kind: .recording, url: event.recordingUrl), now: now))
        case .engagementLogURL(let event):
            return ScreenPopOutcome(actions: attach(LinkAction(engagementId: event.engagementId, kind: .engagementLog, url: event.recordingUrl), now: now))
        case .addNote(let note):
            let engagement = state.withLock { $0.tracker.mostRecentConnected(now: now) }
            return ScreenPopOutcome(actions: [.addNote(NoteAction(engagementId: engagement, html: note.comment, plainText: HTMLText.plainText(note.comment)))])
        case .endPostEngagement(let event):
            track(event.engagementId, now: now) { record in record.advance(to: .ended) }
            return ScreenPopOutcome()
        case .error(let error):
            requests.receive(message)
            return ScreenPopOutcome(actions: [.softphoneError(error)])
        case .engagementStatusResponse(let response):
            var actions = engagementStatus(response, now: now)
            if case .unmatched(let report) = requests.receive(message) { actions.append(.unmatchedAnswer(report)) }
            return ScreenPopOutcome(actions: actions)
        case .dispositionCodesResponse, .sendChatMessageResponse, .variablesResponse, .agentStatusNotification:
            if case .unmatched(let report) = requests.receive(message) { return ScreenPopOutcome(actions: [.unmatchedAnswer(report)]) }
            return ScreenPopOutcome()
        case .resize, .unknown:
            return ScreenPopOutcome()
        }
    }

    // MARK: Engagements

    func track(_ id: String, now: Date, _ body: (inout EngagementRecord) -> Void) {
        state.withLock { $0.tracker.update(id, now: now, body) }
    }

    /// `attachLink` for a link its engagement was not given yet; a repeat (the same kind and
    /// URL, a message delivered twice) gives nothing, as a repeated call log gives no second
    /// `logEngagement`: it would be a second attachment in the CRM.
    private func attach(_ link: LinkAction, now: Date) -> [HostAction] {
        let isNew = state.withLock { $0.tracker.update(link.engagementId, now: now) { $0.attachedLinks.insert(link.hashValue).inserted } }
        return isNew ? [.attachLink(link)] : []
    }

    /// Updates the tracker from an engagement-status answer: an engagement listed as active is
    /// connected (releasing a decision held for the connect), one listed in wrap-up has ended.
    /// Engagements the answer leaves out are left as they are (the request may have named one).
    private func engagementStatus(_ response: EngagementStatusResponse, now: Date) -> [HostAction] {
        func describe(_ entry: EngagementStatusResponse.Engagement, _ record: inout EngagementRecord) {
            record.channel = record.channel ?? entry.channelValue
            record.direction = record.direction ?? entry.engagementDirection
            let customer = entry.engagementDirection == .outbound ? entry.to : entry.from
            record.customerPhone = record.customerPhone ?? entry.customerNumber ?? customer
            record.customerEmail = record.customerEmail ?? entry.customerEmail
            record.queueName = record.queueName ?? entry.queueName
        }
        var actions: [HostAction] = []
        for entry in response.active {
            let channel = entry.channelValue ?? .voice
            actions += connect(entry.engagementId, channel: channel, at: nil, now: now) { describe(entry, &$0) }.actions
        }
        for entry in response.wrapup {
            track(entry.engagementId, now: now) { record in
                describe(entry, &record)
                record.advance(to: .ended)
                record.pendingDecision = nil
            }
        }
        return actions
    }

    /// Marks an engagement connected and releases a decision held for the connect. A connect
    /// that the state machine refuses (after not-connected, ended or logged) releases nothing.
    /// The released decision names its records as the directory holds them now
    /// (`releasing(_:for:)`): one changed since the ring is given as it is, one removed is not
    /// given.
    private func connect(_ id: String, channel: EngagementChannel, at time: Timestamp?, now: Date, _ body: (inout EngagementRecord) -> Void) -> ScreenPopOutcome {
        let action: HostAction? = state.withLock { state in
            state.tracker.update(id, now: now) { record in
                record.channel = record.channel ?? channel
                record.connectedAt = time ?? record.connectedAt
                record.advance(to: .connected)
                body(&record)
                guard record.state.isConnected, let pending = record.pendingDecision else { return nil }
                record.pendingDecision = nil
                record.decided = true
                return releasing(pending, for: &record)
            }
        }
        return ScreenPopOutcome(actions: action.map { [$0] } ?? [])
    }
}

extension ScreenPopEngine {
    /// The ranked records for a free-text query, as `zcc-contact-search-event` answers them:
    /// `ContactDirectory.search` (a number or 4+ of its digits, an address or its start, a name,
    /// a mix), plus the record whose id is the query. National numbers are read with the
    /// directory's default region.
    /// - Complexity: what `ContactDirectory.search` costs, plus one id look-up.
    public func search(_ query: String, limit: Int? = nil) -> [Match] {
        let limit = limit ?? configuration.resultLimit
        return directory.withDirectory { DirectoryQueries.search($0, query, limit: limit) }
    }
}
