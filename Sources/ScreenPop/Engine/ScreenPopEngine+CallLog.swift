#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// `zcc-phone-call-log`: the log entry, against the record linked to the engagement (as the
    /// directory holds it now), else the log's `user`.
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
