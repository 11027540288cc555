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
        case .engagementStatusResponse(let answer): data = answer
        case .dispositionCodesResponse(let answer): data = answer
        case .sendChatMessageResponse(let answer): data = answer
        case .variablesResponse(let answer): data = answer
        case .agentStatusNotification(let answer): data = answer
        default: return nil
        }
        type = message.type
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
