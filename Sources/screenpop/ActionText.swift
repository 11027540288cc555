import ContactIndex
import Foundation
import ScreenPop

/// Host actions as sentences for a person (`replay --actions-format text`, `make run`).
enum ActionText {
    /// "#3 zcc-screen-pop: open Mary Smith (contact 0035g00000AbCdF) for ENG-1001, …".
    static func sentence(for action: HostAction, index: Int, messageType: String?) -> String {
        "#\(index) \(messageType ?? "?"): " + describe(action)
    }

    static func describe(_ action: HostAction) -> String {
        switch action {
        case .pop(let pop):
            var text = "open \(record(ContactItem(contact: pop.contact)))"
            if let engagement = pop.engagementId { text += " for \(engagement)" }
            text += " (" + reason(pop) + ")"
            if !pop.alternatives.isEmpty { text += "; the agent can still switch to " + pop.alternatives.map(record).joined(separator: ", ") }
            return text
        case .chooseAmong(let choice):
            var text = "let the agent choose for \(choice.engagementId) among "
            text += choice.candidates.count == 1 ? "one possible match, not certain enough to open on its own: " : "\(choice.candidates.count) records: "
            text += choice.candidates.map(record).joined(separator: ", ")
            if let remembered = choice.rememberedID { text += " (\(remembered) was chosen last time, listed first)" }
            return text
        case .offerNewRecord(let offer):
            var text = "nothing matches: offer to create a record for \(offer.engagementId) (\(offer.channel.rawValue))"
            var details: [String] = []
            if let phone = offer.phone { details.append("phone \(phone)") }
            if let region = offer.region { details.append("region \(region)") }
            if let type = offer.numberType { details.append("line type \(type)") }
            if offer.numberIsValid == false { details.append("libphonenumber calls the number invalid") }
            if let email = offer.email { details.append("email \(email)") }
            if !details.isEmpty { text += " prefilled with " + details.joined(separator: ", ") }
            return text
        case .logEngagement(let log):
            var text = (log.isUpdate ? "update the log of " : "log ") + log.engagementId
            if let item = log.record {
                text += " against \(record(item))" + (log.recordSource == .engagement ? " (the record linked to the engagement)" : " (the call log's user)")
            } else {
                text += " unattached (no record)"
            }
            var facts: [String] = []
            if let direction = log.direction { facts.append(direction.rawValue) }
            if let channel = log.channel { facts.append(channel.rawValue) }
            if let from = log.from, let to = log.to { facts.append("\(from) → \(to)") }
            if let seconds = log.durationSeconds { facts.append("\(Int(seconds)) s") }
            if let disposition = log.dispositionCode { facts.append("disposition \(disposition)") }
            if !facts.isEmpty { text += ": " + facts.joined(separator: ", ") }
            let notes = log.notesPlainText + log.smartNotesPlainText
            if !notes.isEmpty { text += "; notes: " + notes.map { quoted($0) }.joined(separator: ", ") }
            return text
        case .attachLink(let link):
            return "store the \(link.kind == .recording ? "recording" : "engagement log page") \(link.url) on \(link.engagementId)"
        case .addNote(let note):
            return "add the note \(quoted(note.plainText)) to " + (note.engagementId ?? "no engagement (none is connected)")
        case .softphoneError(let error):
            return "the softphone reports an error: \(error.code)" + (error.message.map { " (\($0))" } ?? "")
        case .unmatchedAnswer(let answer):
            return "an answer matches no pending request: \(answer.type) (\(answer.reason))"
        }
    }

    private static func record(_ item: ContactItem) -> String {
        var text = item.name ?? item.id
        text += " (\(item.entity ?? "record") \(item.id)"
        if let phone = item.phone { text += ", \(phone)" }
        return text + ")"
    }

    private static func reason(_ pop: PopAction) -> String {
        switch pop.reason {
        case .singleMatch: "the only record that matches"
        case .agentSelection: "the agent selected it"
        case .unsolicitedSelection: "the agent selected it, but no engagement offered it: unsolicited"
        case .remembered: "the agent chose it last time for this number or address"
        case .automatic: "picked by the rule \(pop.resolution?.rawValue ?? "?")"
        }
    }

    private static func quoted(_ text: String) -> String {
        "“" + text.replacingOccurrences(of: "\n", with: " / ") + "”"
    }
}
