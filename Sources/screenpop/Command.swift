import ArgumentParser
import Foundation
import ScreenPop

/// `screenpop command NAME --field value …`: one validated host command, as JSON.
struct Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one validated host command as JSON (e.g. `screenpop command send-dtmf --engagement-id E1 --digit 5`).",
        discussion: """
            NAME is the command's type with or without zcc- (accept-engagement, reject-engagement, \
            terminate-engagement, set-engagement-disposition, close-engagement-wrapup, \
            engagement-status-request, agent-status-get-request, agent-status-set-request, set-mute, \
            set-hold, send-dtmf, set-recording, transfer-engagement, add-call, cancel-consult, \
            complete-transfer, merge-consult, upgrade-to-video, get-disposition-codes, \
            send-chat-message, get-variables, onclicktoact). A requestId is generated when none is \
            given, and the channel of a voice-only or chat-only command is filled in. A command \
            that breaks a rule, or an option the command does not take, prints \
            {"ok":false,"type":"…","error":{"code":"invalid-input","field":"…","message":"…"}} on \
            stderr and exits with status 1.
            """)

    @Argument(help: "The command (send-dtmf, zcc-set-mute, onclicktoact…).")
    var command: String

    @Option(help: "data.engagementId") var engagementId: String?
    @Option(help: "data.channelType: voice, video, chat or sms") var channelType: String?
    @Option(help: "data.requestId: a UUID (generated when absent)") var requestId: String?
    @Option(help: "data.dispositionId (set-engagement-disposition)") var dispositionId: String?
    @Option(help: "data.note, at most 2,000 characters (close-engagement-wrapup)") var note: String?
    @Option(help: "data.mute: true or false (set-mute)") var mute: String?
    @Option(help: "data.hold: true or false (set-hold)") var hold: String?
    @Option(help: "data.digit: one of 0-9, *, # (send-dtmf)") var digit: String?
    @Option(help: "data.action: pause, resume or stop (set-recording)") var action: String?
    @Option(help: "data.transferType: direct or warm (transfer-engagement; add-call defaults to warm)") var transferType: String?
    @Option(help: "data.destination (transfer-engagement, add-call, upgrade-to-video)") var destination: String?
    @Option(help: "data.consultParticipantId (cancel-consult, complete-transfer, merge-consult)") var consultParticipantId: String?
    @Option(help: "data.reason (cancel-consult)") var reason: String?
    @Option(help: "data.method: sms, email or manual (upgrade-to-video)") var method: String?
    @Option(help: "data.queueId (get-disposition-codes)") var queueId: String?
    @Option(help: "data.messagePayload.textBody (send-chat-message)") var textBody: String?
    @Option(help: "data.conversationId (send-chat-message)") var conversationId: String?
    @Option(help: "data.communicationId (send-chat-message)") var communicationId: String?
    @Option(help: "data.participantId (send-chat-message)") var participantId: String?
    @Option(help: "data.id: the status code (agent-status-set-request) or the record's id (onclicktoact)") var id: String?
    @Option(help: "data.name (onclicktoact)") var name: String?
    @Option(help: "data.phone (onclicktoact)") var phone: String?
    @Option(help: "data.email (onclicktoact)") var email: String?
    @Option(help: "data.userEntity (onclicktoact)") var userEntity: String?

    /// The options given, by their JSON field names.
    var fields: [String: String] {
        let all: [(String, String?)] = [
            ("engagementId", engagementId), ("channelType", channelType), ("requestId", requestId), ("dispositionId", dispositionId),
            ("note", note), ("mute", mute), ("hold", hold), ("digit", digit), ("action", action), ("transferType", transferType),
            ("destination", destination), ("consultParticipantId", consultParticipantId), ("reason", reason), ("method", method),
            ("queueId", queueId), ("messagePayload.textBody", textBody), ("conversationId", conversationId),
            ("communicationId", communicationId), ("participantId", participantId), ("id", id), ("name", name), ("phone", phone),
            ("email", email), ("userEntity", userEntity),
        ]
        return Dictionary(uniqueKeysWithValues: all.compactMap { key, value in value.map { (key, $0) } })
    }

    func run() throws {
        do {
            let message = try HostMessage.command(named: command, fields: fields)
            print(String(decoding: ScreenPopEngine.encode(message), as: UTF8.self))
        } catch {
            let verdict = MessageValidation(type: error.messageType, known: error.messageType != nil, error: error)
            FileHandle.standardError.write(Data(verdict.line + [0x0A]))
            throw ExitCode.failure
        }
    }
}
