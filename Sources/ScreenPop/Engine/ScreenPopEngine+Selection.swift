#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// `zcc-screen-pop`: the agent picked a record. It is linked to the most recent engagement
    /// that offered it and still waits, and remembered for that number or address; a record no
    /// engagement offered still pops, flagged unsolicited; a repeated selection changes nothing.
    func screenPop(_ selection: ScreenPopSelection, now: Date) throws(ScreenPopError) -> ScreenPopOutcome {
        let id = selection.id
        guard let contact = directory.withDirectory({ $0.contact(id: id) }) else {
            throw ScreenPopError(code: .unknownContact, field: "data.id", messageType: "zcc-screen-pop", message: "no record has the id \(id.debugDescription)")
        }
        let action: HostAction? = state.withLock { state in
            if let engagementId = state.tracker.mostRecentAwaiting(offering: id, now: now) {
                let record = state.tracker.engagement(engagementId, now: now)
                let alreadyPopped = record?.chosenContactID == id && record?.decided == true
                state.memory.remember(contact, for: record?.choiceKey, now: now)
                state.tracker.noteSelection(engagementId, contactID: id, now: now)
                guard !alreadyPopped else { return nil }
                state.tracker.update(engagementId, now: now) { record in
                    record.decided = true
                    record.pendingDecision = nil
                }
                let others = (record?.offered ?? []).filter { $0.id != id }
                return .pop(PopAction(contact: contact, engagementId: engagementId, reason: .agentSelection, resolution: nil, alternatives: others))
            }
            if state.tracker.mostRecentChosen(id, now: now) != nil { return nil }  // a duplicate selection
            return .pop(PopAction(contact: contact, engagementId: nil, reason: .unsolicitedSelection, resolution: nil, alternatives: []))
        }
        return ScreenPopOutcome(actions: action.map { [$0] } ?? [])
    }
}
