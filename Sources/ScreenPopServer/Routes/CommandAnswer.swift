import ScreenPop

/// The softphone's answer to a command the backend pushed and waited for
/// (`POST /v1/agents/{agent}/commands?wait=…`), as the message it sent: `{"type": …, "data": …}`.
struct CommandAnswer: Encodable {
    /// The answer's message type ("zcc-engagement-status-response").
    let type: String
    /// Its `data`.
    let data: any Encodable & Sendable

    /// The answer in a message, or nil for a message that answers no command.
    init?(_ message: SoftphoneMessage) {
        switch message {
        case .engagementStatusResponse(let answer): (type, data) = ("zcc-engagement-status-response", answer)
        case .dispositionCodesResponse(let answer): (type, data) = ("zcc-get-disposition-codes-response", answer)
        case .sendChatMessageResponse(let answer): (type, data) = ("zcc-send-chat-message-response", answer)
        case .variablesResponse(let answer): (type, data) = ("zcc-get-variables-response", answer)
        case .agentStatusNotification(let answer): (type, data) = ("zcc-agent-status-notification", answer)
        default: return nil
        }
    }

    private enum Key: String, CodingKey {
        case type, data
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(type, forKey: .type)
        try data.encode(to: container.superEncoder(forKey: .data))
    }
}
