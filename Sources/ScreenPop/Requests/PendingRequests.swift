import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The requests the host sent to the softphone and whose answers it waits for, correlated with
/// those answers, each with a deadline.
///
/// ```swift
/// let request = try EngagementStatusRequest(engagementId: "E1", channelType: .voice)
/// let ticket = try requests.register(request)     // before posting, so no answer is missed
/// post(request.message)                            // to the softphone's frame
/// let status = try await requests.answer(ticket)   // the answer, or a `timeout` error
/// ```
///
/// Every message from the softphone goes through `receive(_:)` (`ScreenPopEngine.handle` does
/// it): an answer wakes the request it answers, and an answer that matches none is returned as
/// `.unmatched`, never dropped silently.
///
/// - Matching: engagement status, disposition codes and send chat message by `requestId` (and
///   the answer's type must be the one the request expects); get variables by `engagementId`;
///   agent-status get by the next `zcc-agent-status-notification`. A `zcc-error` naming a
///   pending `requestId` fails that request with the softphone's code.
/// - Time: deadlines are read on the injected `EngineClock`. `expire()` times out the requests
///   past their deadline; `runTimeouts(every:)` calls it in a loop, and `answer(_:)` also
///   refuses to wait past a deadline. A test advances a manual clock and calls `expire()`.
/// - Bounds: at most `capacity` requests are kept; registering one more first expires the
///   overdue, then fails with `too-many-pending-requests`. A `requestId` is free again once its
///   request is past its deadline, whether or not anything expired it yet. An answer that came
///   but was never awaited is dropped at its request's deadline.
/// - Concurrency: the table is one lock; waiters are resumed outside it. Cancelling the task
///   that awaits an answer ends the wait with `cancelled` and forgets the request.
public final class PendingRequests: Sendable {
    /// Seconds a request waits for its answer, unless registered with its own timeout.
    public let timeout: TimeInterval
    /// The most requests kept.
    public let capacity: Int
    /// The clock deadlines are read on.
    public let clock: EngineClock
    private let state: Mutex<State>

    typealias Waiter = CheckedContinuation<Result<SoftphoneMessage, ScreenPopError>, Never>

    struct Entry {
        let key: RequestKey
        let requestType: String
        let answerType: String
        let deadline: Date
        var waiter: Waiter?
        var result: Result<SoftphoneMessage, ScreenPopError>?
    }

    struct State {
        var entries: [UInt64: Entry] = [:]
        /// Unanswered entries by key, in the order they were registered.
        var waiting: [RequestKey: [UInt64]] = [:]
        var nextID: UInt64 = 0
        var statistics = PendingRequestStatistics(pending: 0, answered: 0, timedOut: 0, unmatchedAnswers: 0, cancelled: 0, abandoned: 0)

        mutating func unlist(_ id: UInt64, key: RequestKey) {
            guard var ids = waiting[key] else { return }
            ids.removeAll { $0 == id }
            waiting[key] = ids.isEmpty ? nil : ids
        }

        /// Removes the entries past their deadline; returns the waiters to resume.
        mutating func expire(now: Date) -> [(Waiter, Result<SoftphoneMessage, ScreenPopError>)] {
            var wake: [(Waiter, Result<SoftphoneMessage, ScreenPopError>)] = []
            for (id, entry) in entries where entry.deadline <= now {
                entries[id] = nil
                unlist(id, key: entry.key)
                if entry.result != nil {
                    statistics.abandoned += 1
                } else {
                    statistics.timedOut += 1
                    if let waiter = entry.waiter { wake.append((waiter, .failure(PendingRequests.timeoutError(entry)))) }
                }
            }
            return wake
        }
    }

    /// Creates an empty table.
    /// - Parameters:
    ///   - timeout: seconds a request waits for its answer by default.
    ///   - capacity: the most requests kept at once.
    ///   - clock: where deadlines are read (`EngineClock.manual()` in tests).
    public init(timeout: TimeInterval = 30, capacity: Int = 1024, clock: EngineClock = .system) {
        self.timeout = timeout
        self.capacity = max(1, capacity)
        self.clock = clock
        self.state = Mutex(State())
    }

    // MARK: Registering

    /// Registers an engagement-status request; its answer is matched by `requestId`.
    /// - Throws: `invalid-input` naming `data.requestId` when a request with the same id is
    ///   waiting; `too-many-pending-requests` when the table is full.
    public func register(_ request: EngagementStatusRequest, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<EngagementStatusResponse> {
        try register(
            key: .requestId(request.requestId), requestType: EngagementStatusRequest.type, answerType: "zcc-engagement-status-response", timeout: timeout
        ) {
            guard case .engagementStatusResponse(let answer) = $0 else { return nil }
            return answer
        }
    }

    /// Registers a disposition-codes request; its answer is matched by `requestId`.
    /// - Throws: like `register(_:timeout:)` for an engagement-status request.
    public func register(_ request: GetDispositionCodes, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<DispositionCodesResponse> {
        try register(
            key: .requestId(request.requestId), requestType: GetDispositionCodes.type, answerType: "zcc-get-disposition-codes-response", timeout: timeout
        ) {
            guard case .dispositionCodesResponse(let answer) = $0 else { return nil }
            return answer
        }
    }

    /// Registers a chat message sent; its answer is matched by `requestId`.
    /// - Throws: like `register(_:timeout:)` for an engagement-status request.
    public func register(_ request: SendChatMessage, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<SendChatMessageResponse> {
        try register(key: .requestId(request.requestId), requestType: SendChatMessage.type, answerType: "zcc-send-chat-message-response", timeout: timeout) {
            guard case .sendChatMessageResponse(let answer) = $0 else { return nil }
            return answer
        }
    }

    /// Registers a variables request; its answer is matched by `engagementId`, and answers every
    /// variables request waiting for that engagement.
    /// - Throws: `too-many-pending-requests` when the table is full.
    public func register(_ request: GetVariables, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<VariablesResponse> {
        try register(key: .engagement(request.engagementId), requestType: GetVariables.type, answerType: "zcc-get-variables-response", timeout: timeout) {
            guard case .variablesResponse(let answer) = $0 else { return nil }
            return answer
        }
    }

    /// Registers an agent-status get; the next `zcc-agent-status-notification` answers it (and
    /// every other one waiting).
    /// - Throws: `too-many-pending-requests` when the table is full.
    public func register(_ request: AgentStatusGetRequest, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<AgentStatusNotification> {
        try register(key: .agentStatus, requestType: AgentStatusGetRequest.type, answerType: "zcc-agent-status-notification", timeout: timeout) {
            guard case .agentStatusNotification(let answer) = $0 else { return nil }
            return answer
        }
    }

    /// Registers any host message the softphone answers, with the answer as a message.
    /// - Throws: `invalid-input` naming `type` when the softphone does not answer this message
    ///   (only engagement status, disposition codes, send chat message, get variables and
    ///   agent-status get are answered); otherwise like the typed `register` methods.
    public func register(_ message: HostMessage, timeout: TimeInterval? = nil) throws(ScreenPopError) -> PendingTicket<SoftphoneMessage> {
        guard let (key, answerType) = Self.answer(to: message) else {
            throw ScreenPopError(
                code: .invalidInput, field: "type", messageType: message.type,
                message: "the softphone does not answer \(message.type); only requests it answers are registered")
        }
        return try register(key: key, requestType: message.type, answerType: answerType, timeout: timeout) { $0 }
    }

    /// Whether the softphone answers `message` (engagement status, disposition codes, send chat
    /// message, get variables, agent-status get): what `register(_:timeout:)` takes.
    public static func isAnswered(_ message: HostMessage) -> Bool {
        answer(to: message) != nil
    }

    /// What an answer to `message` is matched by, and its type; nil for a message the softphone
    /// does not answer.
    private static func answer(to message: HostMessage) -> (key: RequestKey, answerType: String)? {
        switch message {
        case .engagementStatusRequest(let request): (.requestId(request.requestId), "zcc-engagement-status-response")
        case .getDispositionCodes(let request): (.requestId(request.requestId), "zcc-get-disposition-codes-response")
        case .sendChatMessage(let request): (.requestId(request.requestId), "zcc-send-chat-message-response")
        case .getVariables(let request): (.engagement(request.engagementId), "zcc-get-variables-response")
        case .agentStatusGetRequest: (.agentStatus, "zcc-agent-status-notification")
        default: nil
        }
    }

    private func register<Answer>(
        key: RequestKey, requestType: String, answerType: String, timeout: TimeInterval?, extract: @escaping @Sendable (SoftphoneMessage) -> Answer?
    ) throws(ScreenPopError) -> PendingTicket<Answer> {
        let now = clock.now
        let deadline = now.addingTimeInterval(timeout ?? self.timeout)
        let capacity = self.capacity
        let (outcome, wake) = state.withLock { state -> (Result<UInt64, ScreenPopError>, [(Waiter, Result<SoftphoneMessage, ScreenPopError>)]) in
            var wake: [(Waiter, Result<SoftphoneMessage, ScreenPopError>)] = []
            if state.entries.count >= capacity { wake = state.expire(now: now) }
            guard state.entries.count < capacity else {
                return (
                    .failure(
                        ScreenPopError(
                            code: .tooManyPendingRequests, messageType: requestType,
                            message: "\(capacity) requests already wait for their answers")), wake
                )
            }
            // A request past its deadline no longer holds its `requestId`: with nothing calling
            // `expire()` (a server that runs no timeout loop), an id reused after a timed-out
            // request was refused until the table filled up.
            if case .requestId = key, state.waiting[key]?.isEmpty == false {
                wake += state.expire(now: now)
                if state.waiting[key]?.isEmpty == false {
                    return (
                        .failure(
                            ScreenPopError(
                                code: .invalidInput, field: "data.requestId", messageType: requestType,
                                message: "a request with \(key) is already waiting; every request needs its own requestId")), wake
                    )
                }
            }
            state.nextID += 1
            let id = state.nextID
            state.entries[id] = Entry(key: key, requestType: requestType, answerType: answerType, deadline: deadline)
            state.waiting[key, default: []].append(id)
            return (.success(id), wake)
        }
        Self.resume(wake)
        let id = try outcome.get()
        return PendingTicket(key: key, requestType: requestType, answerType: answerType, deadline: deadline, id: id, extract: extract)
    }

    // MARK: Awaiting

    /// Waits for the answer to a registered request.
    ///
    /// Returns at once when the answer came already. Each ticket is awaited once.
    /// - Returns: the answer.
    /// - Throws: `ScreenPopError` `timeout` when no answer came by the deadline; the
    ///   softphone's own code when it refused the request with a `zcc-error` naming its
    ///   `requestId`; `cancelled` when the waiting task was cancelled.
    public func answer<Answer>(_ ticket: PendingTicket<Answer>) async throws(ScreenPopError) -> Answer {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: Waiter) in
                if let now = self.install(ticket.id, deadline: ticket.deadline, requestType: ticket.requestType, key: ticket.key, continuation) {
                    continuation.resume(returning: now)
                }
            }
        } onCancel: {
            self.cancel(ticket.id)
        }
        let message = try result.get()
        guard let answer = ticket.extract(message) else {
            throw ScreenPopError(code: .invalidInput, messageType: message.type, message: "\(message.type) does not answer \(ticket.requestType)")
        }
        return answer
    }

    /// Registers `continuation` as the entry's waiter, or returns the result to give it now.
    private func install(_ id: UInt64, deadline: Date, requestType: String, key: RequestKey, _ continuation: Waiter) -> Result<
        SoftphoneMessage, ScreenPopError
    >? {
        let now = clock.now
        return state.withLock { state -> Result<SoftphoneMessage, ScreenPopError>? in
            guard var entry = state.entries[id] else {
                if now >= deadline {
                    return .failure(Self.timeoutError(Entry(key: key, requestType: requestType, answerType: "", deadline: deadline)))
                }
                return .failure(
                    ScreenPopError(
                        code: .invalidInput, messageType: requestType, message: "this request's answer was already taken (a ticket is awaited once)"))
            }
            if let result = entry.result {
                state.entries[id] = nil
                return result
            }
            guard entry.waiter == nil else {
                return .failure(
                    ScreenPopError(code: .invalidInput, messageType: requestType, message: "this request is already awaited (a ticket is awaited once)"))
            }
            if entry.deadline <= now {
                state.entries[id] = nil
                state.unlist(id, key: entry.key)
                state.statistics.timedOut += 1
                return .failure(Self.timeoutError(entry))
            }
            entry.waiter = continuation
            state.entries[id] = entry
            return nil
        }
    }

    /// Forgets a registered request that will not be awaited (it could not be sent): its
    /// `requestId` may be registered again, and a late answer to it is not matched.
    public func withdraw<Answer>(_ ticket: PendingTicket<Answer>) {
        cancel(ticket.id)
    }

    /// Ends a wait because its task was cancelled.
    private func cancel(_ id: UInt64) {
        let wake = state.withLock { state -> (Waiter, ScreenPopError)? in
            guard var entry = state.entries[id], entry.result == nil else { return nil }
            state.unlist(id, key: entry.key)
            state.statistics.cancelled += 1
            let error = ScreenPopError(
                code: .cancelled, field: entry.key.field, messageType: entry.requestType, message: "the wait for \(entry.answerType) was cancelled")
            if let waiter = entry.waiter {
                state.entries[id] = nil
                return (waiter, error)
            }
            entry.result = .failure(error)
            state.entries[id] = entry
            return nil
        }
        if let (waiter, error) = wake { waiter.resume(returning: .failure(error)) }
    }

    // MARK: Answers

    /// Offers a message from the softphone to the waiting requests.
    /// - Returns: `.delivered` with the number of requests it answered, `.unmatched` for an
    ///   answer that no request takes, `.notAnAnswer` for anything else.
    /// - Complexity: O(k) in the requests it answers.
    @discardableResult
    public func receive(_ message: SoftphoneMessage) -> AnswerDelivery {
        switch message {
        case .engagementStatusResponse(let answer): return deliver(message, requestId: answer.requestId)
        case .dispositionCodesResponse(let answer): return deliver(message, requestId: answer.requestId)
        case .sendChatMessageResponse(let answer): return deliver(message, requestId: answer.requestId)
        case .variablesResponse(let answer):
            return deliver(
                message, key: .engagement(answer.engagementId),
                unmatched: UnmatchedAnswer(
                    type: message.type, engagementId: answer.engagementId,
                    reason:
                        "no zcc-get-variables waits for engagementId \(answer.engagementId.debugDescription) (timed out, answered already, or never registered)"
                ))
        case .agentStatusNotification:
            // Notifications also come unasked: one that no request waits for is no stray answer.
            return deliver(message, key: .agentStatus, unmatched: nil)
        case .error(let error):
            guard let text = error.requestId, let id = RequestID(text) else { return .notAnAnswer }
            return refuse(.requestId(id), error)
        default:
            return .notAnAnswer
        }
    }

    private func deliver(_ message: SoftphoneMessage, requestId text: String?) -> AnswerDelivery {
        guard let text else {
            return unmatched(UnmatchedAnswer(type: message.type, reason: "\(message.type) carries no requestId, so it answers no request"))
        }
        guard let id = RequestID(text) else {
            return unmatched(
                UnmatchedAnswer(
                    type: message.type, requestId: text, reason: "requestId \(text.debugDescription) is not a UUID, so no request has it"))
        }
        return deliver(
            message, key: .requestId(id),
            unmatched: UnmatchedAnswer(
                type: message.type, requestId: text,
                reason: "no request waits for requestId \(text) (timed out, answered already, or never registered)"))
    }

    private func unmatched(_ report: UnmatchedAnswer) -> AnswerDelivery {
        state.withLock { $0.statistics.unmatchedAnswers += 1 }
        return .unmatched(report)
    }

    /// Gives `message` to every request waiting under `key` that expects its type.
    private func deliver(_ message: SoftphoneMessage, key: RequestKey, unmatched report: UnmatchedAnswer?) -> AnswerDelivery {
        let type = message.type
        let (delivered, wake, expected) = state.withLock { state -> (Int, [Waiter], String?) in
            guard let ids = state.waiting[key] else {
                if report != nil { state.statistics.unmatchedAnswers += 1 }
                return (0, [], nil)
            }
            var wake: [Waiter] = []
            var kept: [UInt64] = []
            var delivered = 0
            var expected: String?
            for id in ids {
                guard var entry = state.entries[id] else { continue }
                guard entry.answerType == type else {
                    expected = entry.requestType
                    kept.append(id)
                    continue
                }
                delivered += 1
                if let waiter = entry.waiter {
                    state.entries[id] = nil
                    wake.append(waiter)
                } else {
                    entry.result = .success(message)
                    state.entries[id] = entry
                }
            }
            state.waiting[key] = kept.isEmpty ? nil : kept
            state.statistics.answered += delivered
            if delivered == 0, report != nil { state.statistics.unmatchedAnswers += 1 }
            return (delivered, wake, expected)
        }
        for waiter in wake { waiter.resume(returning: .success(message)) }
        if delivered > 0 { return .delivered(delivered) }
        guard var report else { return .notAnAnswer }
        if let expected { report.reason = "\(key) belongs to a \(expected) request, which \(type) does not answer" }
        return .unmatched(report)
    }

    /// Fails the request waiting under `key` with the softphone's error.
    private func refuse(_ key: RequestKey, _ error: SoftphoneError) -> AnswerDelivery {
        let (count, wake) = state.withLock { state -> (Int, [(Waiter, Result<SoftphoneMessage, ScreenPopError>)]) in
            guard let ids = state.waiting[key] else { return (0, []) }
            state.waiting[key] = nil
            var wake: [(Waiter, Result<SoftphoneMessage, ScreenPopError>)] = []
            for id in ids {
                guard var entry = state.entries[id] else { continue }
                let failure = Result<SoftphoneMessage, ScreenPopError>.failure(
                    ScreenPopError(
                        code: ScreenPopError.Code(rawValue: error.code), field: entry.key.field, messageType: entry.requestType,
                        message: "the softphone refused the request: \(error.message ?? error.code)"))
                state.statistics.answered += 1
                if let waiter = entry.waiter {
                    state.entries[id] = nil
                    wake.append((waiter, failure))
                } else {
                    entry.result = failure
                    state.entries[id] = entry
                }
            }
            return (ids.count, wake)
        }
        Self.resume(wake)
        return count > 0 ? .delivered(count) : .notAnAnswer
    }

    // MARK: Time

    /// Times out every request past its deadline: its waiter gets a `timeout` error.
    /// - Returns: how many requests were removed (timed out, or answered and never awaited).
    /// - Complexity: O(n) in the requests kept.
    @discardableResult
    public func expire() -> Int {
        let now = clock.now
        let (removed, wake) = state.withLock { state in
            let before = state.entries.count
            let wake = state.expire(now: now)
            return (before - state.entries.count, wake)
        }
        Self.resume(wake)
        return removed
    }

    /// Calls `expire()` every `interval` until the task is cancelled: run it in a task next to
    /// a table on the system clock.
    public func runTimeouts(every interval: Duration = .milliseconds(100)) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            expire()
        }
    }

    /// The number of requests kept.
    public var count: Int { state.withLock { $0.entries.count } }

    /// The number of requests a task is awaiting now (for tests).
    var awaitedCount: Int { state.withLock { $0.entries.values.filter { $0.waiter != nil }.count } }

    /// The table's counters.
    public var statistics: PendingRequestStatistics {
        state.withLock {
            var statistics = $0.statistics
            statistics.pending = $0.entries.count
            return statistics
        }
    }

    private static func resume(_ wake: [(Waiter, Result<SoftphoneMessage, ScreenPopError>)]) {
        for (waiter, result) in wake { waiter.resume(returning: result) }
    }

    static func timeoutError(_ entry: Entry) -> ScreenPopError {
        ScreenPopError(
            code: .timeout, field: entry.key.field, messageType: entry.requestType,
            message: "no answer to \(entry.requestType) (\(entry.key)) by its deadline")
    }
}
