import Foundation
import ScreenPop

/// A command the host backend pushes to an agent's softphone through the page: `onclicktoact`
/// (click to dial) or one of the Smart Embed requests a host may send (`zcc-accept-engagement`,
/// `zcc-set-mute`…). Anything else, replies included, is refused.
enum HostCommand {
    /// The message types a host sends to the softphone on its own initiative.
    static let types: Set<String> = [
        "onclicktoact",
        "zcc-reject-engagement", "zcc-accept-engagement", "zcc-terminate-engagement", "zcc-set-engagement-disposition",
        "zcc-close-engagement-wrapup", "zcc-engagement-status-request", "zcc-agent-status-get-request",
        "zcc-agent-status-set-request", "zcc-set-mute", "zcc-set-hold", "zcc-send-dtmf", "zcc-set-recording",
        "zcc-transfer-engagement", "zcc-add-call", "zcc-cancel-consult", "zcc-complete-transfer", "zcc-merge-consult",
        "zcc-upgrade-to-video", "zcc-get-disposition-codes", "zcc-send-chat-message", "zcc-get-variables",
    ]

    /// Decodes and checks a command, and encodes it again (so the page gets clean JSON).
    ///
    /// The command is read by `HostMessage.decode(json:)`, as `screenpop command` and
    /// `screenpop validate` read it: a broken rule is refused naming its field (`data.digit`),
    /// with the rule's own message.
    /// - Throws: `APIError` 400 `malformed` (not JSON, not an object) or 422 `invalid-command`
    ///   with the `field`.
    static func validate(_ bytes: [UInt8]) throws(APIError) -> [UInt8] {
        try read(bytes).json
    }

    /// `validate`, with the command as decoded.
    static func read(_ bytes: [UInt8]) throws(APIError) -> (message: HostMessage, json: [UInt8]) {
        let message: HostMessage
        do {
            message = try HostMessage.decode(json: bytes)
        } catch {
            if error.code == .malformed { throw APIError.malformed("the command is not a JSON object {\"type\": …, \"data\": {…}}: \(error.message)") }
            throw APIError(.unprocessableContent, code: "invalid-command", message: error.message, field: error.field)
        }
        guard types.contains(message.type) else {
            throw APIError(
                .unprocessableContent, code: "invalid-command", message: "\(message.type.debugDescription) is not a command a host sends to the softphone",
                field: "type")
        }
        if case .clickToAct(let dial) = message, dial.phone?.isEmpty != false, dial.email?.isEmpty != false {
            throw APIError(.unprocessableContent, code: "invalid-command", message: "onclicktoact needs a phone (or an email)", field: "data.phone")
        }
        return (message, JSONBody.encode(message))
    }
}
