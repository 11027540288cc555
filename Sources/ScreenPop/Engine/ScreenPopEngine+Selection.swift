#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// `zcc-screen-pop`: the agent picked a record.
    ///
    /// - Linked: the record is linked to the most recent open engagement whose last offer listed
    ///   it, whatever that offer decided (a list to choose from, a single hint, or a record the
    ///   engine already popped). When several records were offered, the choice is remembered for
    ///   the number or address.
    /// - Popped once: a record already popped for that engagement is not popped again (the agent
    ///   confirming an automatic pop, or a repeated selection); another record is (the agent
    ///   switches).
    /// - On connect: with `screenPopEvent` CONNECTED, a selection made while the engagement
    ///   still rings is held and popped at the connect (it replaces the decision held there);
    ///   an engagement that ended without connecting is linked but not popped.
    /// - Current: the pop's alternatives are the other records offered, as the directory holds
    ///   them now (`currentItems(_:)`): renamed ones under their new name, removed ones left out.
    /// - Unsolicited: a record no open engagement offered still pops, flagged unsolicited, once:
    ///   a repeat while the engine remembers it (the engagements' bounds) changes nothing.
    /// - Throws: `ScreenPopError` `.unknownContact` naming `data.id` when no record has the id.
    func screenPop(_ selection: ScreenPopSelection, now: Date) throws(ScreenPopError) -> ScreenPopOutcome {
        let id = selection.id
        guard let contact = directory.withDirectory({ $0.snapshot(id: id) }) else {
            throw ScreenPopError(code: .unknownContact, field: "data.id", messageType: "zcc-screen-pop", message: "no record has the id \(id.debugDescription)")
        }
        let event = configuration.screenPopEvent
        let action: HostAction? = state.withLock { state in
            guard let engagementId = state.tracker.mostRecentOpen(offering: id, now: now),
                  let record = state.tracker.engagement(engagementId, now: now) else {
                guard state.unsolicited.value(for: id, now: now) == nil else { return nil }
                state.unsolicited.set(id, now, now: now)
                return .pop(PopAction(record: contact, engagementId: nil, reason: .unsolicitedSelection, resolution: nil, alternatives: []))
            }
            if record.offeredItems.count > 1 { state.memory.remember(id, revision: contact.revision, for: record.choiceKey, now: now) }
            let pop = HostAction.pop(PopAction(
                record: contact, engagementId: engagementId, reason: .agentSelection, resolution: nil,
                alternatives: currentItems(record.offered.filter { $0.id != id })))
            return state.tracker.update(engagementId, now: now) { record -> HostAction? in
                let popped = record.chosenContactID == id && record.decided
                let held = record.pendingDecision?.poppedContactID == id
                record.selectedContactID = id
                record.chosenContactID = id
                record.awaitingSelection = false
                if popped || held { return nil }
                if event == .connected, !record.wasConnected {
                    // Pop at the connect; an engagement past ringing will not connect any more.
                    record.pendingDecision = record.state == .ringing ? pop : nil
                    return nil
                }
                record.pendingDecision = nil
                record.decided = true
                return pop
            }
        }
        return ScreenPopOutcome(actions: action.map { [$0] } ?? [])
    }
}

extension HostAction {
    /// The record a `.pop` opens; nil for the other actions.
    var poppedContactID: String? {
        if case .pop(let action) = self { return action.record.id }
        return nil
    }
}
