/// An answer from the softphone that matches no pending request: its request timed out, was
/// answered already, was never made through the table, or the answer names no request. It is
/// reported (the engine gives the host an `unmatchedAnswer` action), never dropped silently.
public struct UnmatchedAnswer: Sendable, Hashable {
    /// The answer's `type`.
    public var type: String
    /// Its `requestId`, as written, when it has one.
    public var requestId: String?
    /// Its `engagementId`, when it names one.
    public var engagementId: String?
    /// Why it matches nothing.
    public var reason: String

    /// Creates the report.
    public init(type: String, requestId: String? = nil, engagementId: String? = nil, reason: String) {
        self.type = type
        self.requestId = requestId
        self.engagementId = engagementId
        self.reason = reason
    }

    /// The report as an error (`unmatched-answer`, naming the field that matched nothing).
    public var error: ScreenPopError {
        let field = requestId != nil ? "data.requestId" : engagementId != nil ? "data.engagementId" : nil
        return ScreenPopError(code: .unmatchedAnswer, field: field, messageType: type, message: reason)
    }
}

/// What `PendingRequests.receive(_:)` did with a message from the softphone.
public enum AnswerDelivery: Sendable, Hashable {
    /// It answered this many pending requests (one per `requestId`; every waiting
    /// `zcc-get-variables` of the engagement, every waiting agent-status get).
    case delivered(Int)
    /// It is an answer, and no pending request takes it.
    case unmatched(UnmatchedAnswer)
    /// It is not an answer: an event, or an agent-status notification or `zcc-error` that no
    /// request waits for (they also come unasked).
    case notAnAnswer
}

/// The counters of a `PendingRequests` table.
public struct PendingRequestStatistics: Sendable, Hashable {
    /// Requests registered and not yet taken (waiting, or answered and not yet awaited).
    public var pending: Int
    /// Requests answered.
    public var answered: Int
    /// Requests that timed out unanswered.
    public var timedOut: Int
    /// Answers that matched nothing.
    public var unmatchedAnswers: Int
    /// Waits cancelled.
    public var cancelled: Int
    /// Answers that came but were never awaited before the deadline.
    public var abandoned: Int
}
