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
        let matches = directory.withDirectory { DirectoryQueries.phone($0, number, region: region, limit: limit) }
        let key: ChoiceKey? = {
            if let fast = PhoneNormalizer.fastE164(number) { return .phone(fast.e164) }
            guard !matches.isEmpty, case .success(let parsed) = phones.normalizeQuery(number, region: region) else { return nil }
            return .phone(parsed.e164)
        }()
        let items = offer(
            matches, key: key, engagementId: request.engagementId, channel: request.channel, now: now,
            newRecord: { newRecordOffer(phone: number, engagementId: request.engagementId, channel: request.channel) },
            customer: { record in record.customerPhone = number })
        return ScreenPopOutcome(reply: .incomingPhoneResponse(IncomingLookupResponse(items: items.items)), actions: items.actions)
    }

    /// `zcc-incomingEmail-request`: the ranked records with the address, and the decision.
    func incomingEmail(_ request: IncomingEmailRequest, now: Date) -> ScreenPopOutcome {
        let address = request.email
        let limit = configuration.resultLimit
        let matches = directory.withDirectory { DirectoryQueries.email($0, address, limit: limit) }
        let key: ChoiceKey? = matches.first?.matchedEmail?.normalized.map { .email($0.canonicalKey) } ?? .email(address.lowercased())
        let items = offer(
            matches, key: key, engagementId: request.engagementId, channel: request.channel, now: now,
            newRecord: {
                .offerNewRecord(NewRecordOffer(engagementId: request.engagementId, channel: request.channel, email: address))
            },
            customer: { record in record.customerEmail = address })
        return ScreenPopOutcome(reply: .incomingEmailResponse(IncomingLookupResponse(items: items.items)), actions: items.actions)
    }

    /// The shared part of both requests: orders the items (a remembered record first), decides,
    /// records the offer on the engagement, and gives the decision now or holds it for the
    /// connect (`screenPopEvent` CONNECTED, engagement not connected yet).
    private func offer(
        _ matches: [Match], key: ChoiceKey?, engagementId: String, channel: EngagementChannel, now: Date,
        newRecord: () -> HostAction, customer: (inout EngagementRecord) -> Void
    ) -> (items: [ContactItem], actions: [HostAction]) {
        let newRecordAction = matches.isEmpty ? newRecord() : nil
        let event = configuration.screenPopEvent
        return state.withLock { state in
            // A remembered record counts only while it still matches and has not changed.
            var remembered: String?
            if let key, let choice = state.memory.choice(for: key, now: now) {
                if let current = matches.first(where: { $0.contact.id == choice.contact.id }), current.contact == choice.contact {
                    remembered = choice.contact.id
                } else {
                    state.memory.forget(key)
                }
            }
            var ordered = matches
            if let remembered, let index = ordered.firstIndex(where: { $0.contact.id == remembered }), index > 0 {
                ordered.insert(ordered.remove(at: index), at: 0)
            }
            let items = ordered.map(ContactItem.init(match:))
            let decision = decider.decide(ordered, remembered: remembered, lastChosen: { state.memory.lastChosen($0, now: now) })
            let action: HostAction
            var popped: String?
            switch decision {
            case .offerNew:
                action = newRecordAction ?? newRecord()
            case .choose:
                action = .chooseAmong(ChoiceAction(engagementId: engagementId, candidates: items, rememberedID: remembered))
            case .pop(let match, let reason, let rule):
                popped = match.contact.id
                let others = items.filter { $0.id != match.contact.id }
                action = .pop(PopAction(contact: match.contact, engagementId: engagementId, reason: reason, resolution: rule, alternatives: others))
            }
            let asks: Bool
            if case .choose = decision { asks = true } else { asks = false }
            let emit: HostAction? = state.tracker.updateOffering(engagementId, items: items, now: now) { record in
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

    /// The new-record offer for a number: E.164, region and line type from libphonenumber.
    func newRecordOffer(phone: String, engagementId: String, channel: EngagementChannel) -> HostAction {
        var offer = NewRecordOffer(engagementId: engagementId, channel: channel, phone: phone)
        if case .success(let parsed) = phones.normalize(phone, region: configuration.region, withDetails: true) {
            offer.phone = parsed.e164
            offer.region = parsed.details?.region
            offer.numberType = parsed.details?.type
            offer.numberIsValid = parsed.details?.isValid
        }
        return .offerNewRecord(offer)
    }
}
