/// What ties an answer from the softphone to the request it answers.
public enum RequestKey: Sendable, Hashable, CustomStringConvertible {
    /// The request's `requestId`, which the answer carries back (engagement status, disposition
    /// codes, send chat message).
    case requestId(RequestID)
    /// The engagement of a `zcc-get-variables`, which carries no `requestId`; its answer names
    /// the engagement.
    case engagement(String)
    /// A `zcc-agent-status-get-request`, which carries nothing; the next
    /// `zcc-agent-status-notification` answers it.
    case agentStatus

    /// The field of the request that holds the key, for errors ("data.requestId").
    var field: String? {
        switch self {
        case .requestId: "data.requestId"
        case .engagement: "data.engagementId"
        case .agentStatus: nil
        }
    }

    /// "requestId 9b7f…", "engagementId E1", "agent status".
    public var description: String {
        switch self {
        case .requestId(let id): "requestId \(id)"
        case .engagement(let id): "engagementId \(id.debugDescription)"
        case .agentStatus: "agent status"
        }
    }
}
