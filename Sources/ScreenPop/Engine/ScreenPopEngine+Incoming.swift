#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// `zcc-incomingPhone-request`: the ranked records with the number, and the decision.
    func incomingPhone(_ request: IncomingPhoneRequest, now: Date) -> ScreenPopOutcome {
        let number = request.incomingPhoneNumber
        let region = configuration.region
        let limit = configuration.resultLimit
        let key: ChoiceKey? = {
            if let e164 = PhoneNormalizer.fastE164Text(number) { return .phone(e164) }
            guard case .success(let parsed) = phones.normalizeQuery(number, region: region) else { return nil }
            return .phone(parsed.e164)
        }()
        let decider = decider
        let engagement = PrehashedKey(request.engagementId)
        let remembered = prepareOffer(for: key, engagement: engagement, now: now)
        let found = directory.withDirectory { directory in
            IncomingMatches(
                DirectoryQueries.phone(directory, number, region: region, limit: Self.decisionLimit(limit)), in: directory, decider: decider,
                remembered: remembered)
        }
        let items = offer(
            found, limit: limit, key: key, engagement: engagement, channel: request.channel, now: now,
            newRecord: { newRecordOffer(phone: number, engagementId: request.engagementId, channel: request.channel) },
            customer: { record in record.customerPhone = number })
        return ScreenPopOutcome(reply: .incomingPhoneResponse(IncomingLookupResponse(packedItems: items.items)), actions: items.actions)
    }

    /// `zcc-incomingEmail-request`: the ranked records with the address, and the decision.
    func incomingEmail(_ request: IncomingEmailRequest, now: Date) -> ScreenPopOutcome {
        let address = request.email
        let limit = configuration.resultLimit
        // The provider-canonical address: what every matched address (exact or canonical) shares.
        let key: ChoiceKey
        if case .success(let normalized) = emails.normalize(address) {
            key = .email(normalized.canonicalKey)
        } else {
            key = .email(address.lowercased())
        }
        let decider = decider
        let engagement = PrehashedKey(request.engagementId)
        let remembered = prepareOffer(for: key, engagement: engagement, now: now)
        let found = directory.withDirectory { directory in
            IncomingMatches(
                DirectoryQueries.email(directory, address, limit: Self.decisionLimit(limit)), in: directory, decider: decider, remembered: remembered)
        }
        let items = offer(
            found, limit: limit, key: key, engagement: engagement, channel: request.channel, now: now,
            newRecord: {
                .offerNewRecord(NewRecordOffer(engagementId: request.engagementId, channel: request.channel, email: address))
            },
            customer: { record in record.customerEmail = address })
        return ScreenPopOutcome(reply: .incomingEmailResponse(IncomingLookupResponse(packedItems: items.items)), actions: items.actions)
    }

    /// How many matches an incoming request asks the directory for: at least two, whatever the
    /// reply's `limit`, so that the decision sees whether a second record matches. A reply
    /// limited to one record must not turn a number two records share into a confident pop.
    /// The reply still lists at most `limit` records (`offer`), but two when the agent must choose.
    @inline(__always)
    static func decisionLimit(_ limit: Int) -> Int { max(limit, 2) }

    /// The shared part of both requests: orders the items (a remembered record first), decides
    /// on every match found (up to `decisionLimit`), lists the first `limit` (the popped record
    /// first when it would be beyond them), records the offer on the engagement, and gives the
    /// decision now or holds it for the connect (`screenPopEvent` CONNECTED, engagement not
    /// connected yet).
    private func offer(
        _ found: IncomingMatches, limit: Int, key: ChoiceKey?, engagement: PrehashedKey, channel: EngagementChannel, now: Date,
        newRecord: () -> HostAction, customer: (inout EngagementRecord) -> Void
    ) -> (items: PackedContactItems, actions: [HostAction]) {
        let engagementId = engagement.text
        let matches = found.matches
        let newRecordAction = matches.isEmpty ? newRecord() : nil
        let event = configuration.screenPopEvent
        return state.withLock { state in
            // A remembered record counts only while it still matches and has not changed (its
            // revision read with the matches). A choice made since the look-up waits for the
            // next request.
            var remembered: String?
            if let key, let choice = state.memory.choice(for: key, now: now), choice.contactID == found.checkedID {
                if let revision = found.rememberedRevision, revision == choice.revision {
                    remembered = choice.contactID
                } else {
                    state.memory.forget(key)
                }
            }
            var ordered = matches
            if let remembered, let index = ordered.firstIndex(ofID: remembered), index > 0 {
                ordered = ordered.movingToFront(index)
            }
            var decision = decider.decide(ordered, remembered: remembered, lastChosen: { state.memory.lastChosen($0, now: now) })
            // A record popped from beyond what the reply may list is listed first.
            if case .pop(let index, let reason, let rule) = decision, index >= limit {
                ordered = ordered.movingToFront(index)
                decision = .pop(0, reason, rule)
            }
            // The reply's items, the choice's candidates and the engagement's offer share the
            // texts the directory wrote (cut to `limit` only when more were found). A choice
            // lists two records at least, whatever the limit: the softphone asks the agent, and
            // sends `zcc-screen-pop`, only for a reply of several; with one listed, the host
            // would wait for a choice that never comes.
            var listed = limit
            if case .choose = decision { listed = max(limit, 2) }
            let items = PackedContactItems(ordered, first: listed)
            // The record to open, rebuilt: read with the matches when the pop was certain, else
            // now; a record removed in between is offered in the list instead.
            var poppedContact: ContactSnapshot?
            var poppedID: String?
            if case .pop(let index, _, _) = decision {
                let id = ordered.id(at: index)
                poppedContact = found.certainPop?.id == id ? found.certainPop : directory.withDirectory { $0.snapshot(id: id) }
                poppedID = id
                if poppedContact == nil { decision = .choose }
            }
            let action: HostAction
            var popped: String?
            switch decision {
            case .offerNew:
                action = newRecordAction ?? newRecord()
            case .choose:
                action = .chooseAmong(ChoiceAction(engagementId: engagementId, offered: items, rememberedID: remembered))
            case .pop(_, let reason, let rule):
                popped = poppedID
                // Usually the only match: then there is nothing to rebuild.
                let others = items.count > 1 ? items.items.filter { $0.id != poppedID } : []
                action = .pop(PopAction(record: poppedContact!, engagementId: engagementId, reason: reason, resolution: rule, alternatives: others))
            }
            let asks: Bool
            if case .choose = decision { asks = true } else { asks = false }
            let emit: HostAction? = state.tracker.updateOffering(engagement, items: items, now: now) { record in
                record.channel = channel
                record.choiceKey = key
                customer(&record)
                // A repeated request decides once, and the agent's selection stands.
                guard !record.decided, record.selectedContactID == nil else { return nil }
                record.awaitingSelection = asks
                record.chosenContactID = popped
                if event == .ringing || record.wasConnected {
                    record.decided = true
                    record.pendingDecision = nil
                    return action
                }
                record.pendingDecision = action
                return nil
            }
            return (items, emit.map { [$0] } ?? [])
        }
    }

    /// The record remembered for `key`, if any (checked against the directory afterwards); and
    /// the tracker starts loading what recording the offer for `engagement` will touch, so
    /// that those cache misses overlap with the look-up.
    private func prepareOffer(for key: ChoiceKey?, engagement: PrehashedKey, now: Date) -> String? {
        state.withLock { state in
            state.tracker.prefetchOffering(engagement)
            guard let key else { return nil }
            return state.memory.choice(for: key, now: now)?.contactID
        }
    }

    /// The new-record offer for a number: what libphonenumber knows of it, and no more
    /// (`NewRecordOffer+Phone`: E.164 only for a valid number, else the text as received).
    func newRecordOffer(phone: String, engagementId: String, channel: EngagementChannel) -> HostAction {
        let region = configuration.region
        let parsed: NormalizedPhone?
        if case .success(let number) = phones.normalize(phone, region: region, withDetails: true) { parsed = number } else { parsed = nil }
        return .offerNewRecord(NewRecordOffer(engagementId: engagementId, channel: channel, phone: phone, parsed: parsed, defaultRegion: region))
    }
}

/// The matches of an incoming request, read in one look at the directory; the revision of the
/// remembered record when it is among them; and the record to open when the decision cannot
/// depend on anything but the matches (exactly one confident match).
struct IncomingMatches {
    /// The ranked matches.
    var matches: PackedSummaries
    /// The remembered record's id, looked for among the matches.
    var checkedID: String?
    /// Its revision (`ContactDirectory.revision(id:)`), read with the matches; nil when it is
    /// not among them (or gone).
    var rememberedRevision: UInt64?
    /// The one confident match's record, copied in the same look; nil otherwise.
    var certainPop: ContactSnapshot?

    /// Reads the remembered record's revision and copies the certain pop's record, when there are.
    /// The directory is borrowed: an initializer takes its arguments owned by default, which
    /// would retain every one of the directory's stored references for each request.
    init(_ matches: PackedSummaries, in directory: borrowing ContactDirectory, decider: ScreenPopDecider, remembered: String?) {
        self.matches = matches
        checkedID = remembered
        if let remembered, matches.firstIndex(ofID: remembered) != nil {
            rememberedRevision = directory.revision(id: remembered)
        }
        var confident: Int?
        for (index, ranking) in matches.rankings.enumerated() where decider.isConfident(ranking) {
            guard confident == nil else { return }
            confident = index
        }
        if let confident { certainPop = directory.snapshot(id: matches.id(at: confident)) }
    }
}
