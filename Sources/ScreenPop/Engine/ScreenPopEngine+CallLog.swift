#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// `zcc-phone-call-log`: the `logEngagement` action, once per content.
    ///
    /// The softphone may send the log again (a retry, a second wrap-up save). A repeat with the
    /// same content gives no action: the host would create a second CRM activity. A log whose
    /// content changed (notes edited, a disposition added, the record re-linked) gives the new
    /// log with `isUpdate` set, for the host to update the activity it created. The engagement
    /// keeps a hash of the last content it logged, for as long as it is tracked.
    func engagementLogAction(_ log: PhoneCallLog, now: Date) -> HostAction? {
        var entry = engagementLog(log, now: now)
        let content = entry.hashValue
        let previous: Int? = state.withLock { state in
            state.tracker.update(log.engagementId, now: now) { record in
                defer { record.loggedContent = content }
                return record.loggedContent
            }
        }
        guard previous != content else { return nil }
        entry.isUpdate = previous != nil
        return .logEngagement(entry)
    }

    /// `zcc-phone-call-log`: the log entry, against the record linked to the engagement (as the
    /// directory holds it now), else the log's `user`, its missing fields filled from the
    /// directory's record with that id.
    func engagementLog(_ log: PhoneCallLog, now: Date) -> EngagementLog {
        let record = state.withLock { state in
            state.tracker.update(log.engagementId, now: now) { record in
                record.advance(to: .logged)
                return record
            }
        }
        var item: ContactItem?
        var source = EngagementLog.RecordSource.none
        if let chosen = record.chosenContactID, let contact = directory.withDirectory({ $0.contact(id: chosen) }) {
            item = ContactItem(contact: contact)
            source = .engagement
        } else if let user = log.user {
            item = user
            if user.name == nil || user.phone == nil || user.email == nil || user.entity == nil,
               let contact = directory.withDirectory({ $0.contact(id: user.id) }) {
                item = user.filling(from: ContactItem(contact: contact))
            }
            source = .callLog
        }
        let object = log.objectRecord
        return EngagementLog(
            engagementId: log.engagementId, record: item, recordSource: source,
            channel: record.channel ?? (object.type == "chat" ? .chat : object.type == "phone" ? .voice : nil),
            direction: object.callType ?? record.direction, from: object.from, to: object.to,
            startTime: object.callStartTime ?? record.connectedAt, endTime: object.callEndTime ?? record.endedAt,
            duration: object.callDuration, durationSeconds: object.callDuration?.seconds,
            dispositionCode: object.dispositionCode, dispositionId: object.dispositionId, queue: object.callQueue ?? record.queueName,
            agentName: object.agentName, notesHTML: object.notes, notesPlainText: object.notes.map(HTMLText.plainText),
            smartNotesHTML: log.smartNotes, smartNotesPlainText: log.smartNotes.map(HTMLText.plainText))
    }
}

extension ContactItem {
    /// This item, each missing field (`name`, `phone`, `email`, `entity`) taken from `other`;
    /// the fields it has are kept.
    func filling(from other: ContactItem) -> ContactItem {
        ContactItem(id: id, name: name ?? other.name, phone: phone ?? other.phone, email: email ?? other.email, entity: entity ?? other.entity)
    }
}
