import Foundation
import Testing

@testable import ScreenPop

/// The pending-request table on a manual clock: an answer reaches its request, a request times
/// out, and an answer that matches nothing is reported.
@Suite struct PendingRequestsTests {
    static let id = RequestID("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c")!

    static func table(timeout: TimeInterval = 10, capacity: Int = 16) -> (PendingRequests, ManualClockControl) {
        let (clock, control) = EngineClock.manual()
        return (PendingRequests(timeout: timeout, capacity: capacity, clock: clock), control)
    }

    static func statusAnswer(_ requestId: String?, active: [String] = ["E1"]) -> SoftphoneMessage {
        .engagementStatusResponse(EngagementStatusResponse(requestId: requestId, active: active.map { .init(engagementId: $0, channel: "voice") }))
    }

    /// The error an await throws, nil when it returns.
    static func failure<Answer>(_ table: PendingRequests, _ ticket: PendingTicket<Answer>) async -> ScreenPopError? {
        do {
            _ = try await table.answer(ticket)
            return nil
        } catch {
            return error
        }
    }

    /// Waits until a task awaits a request in the table.
    static func untilAwaited(_ table: PendingRequests, count: Int = 1) async {
        while table.awaitedCount < count { await Task.yield() }
    }

    @Test func anAnswerReachesTheTaskAwaitingIt() async throws {
        let (table, _) = Self.table()
        let ticket = try table.register(try EngagementStatusRequest(requestId: Self.id))
        let waiting = Task { try await table.answer(ticket) }
        await Self.untilAwaited(table)
        #expect(table.receive(Self.statusAnswer(Self.id.description)) == .delivered(1))
        let answer = try await waiting.value
        #expect(answer.active.map(\.engagementId) == ["E1"])
        #expect(table.count == 0)
        #expect(table.statistics.answered == 1)
    }

    @Test func anAnswerThatCameFirstIsKeptForTheAwait() async throws {
        let (table, _) = Self.table()
        let request = try GetDispositionCodes(engagementId: "E1", requestId: Self.id)
        let ticket = try table.register(request)
        // The requestId comes back in upper case: the same UUID.
        let answer = DispositionCodesResponse(requestId: Self.id.description.uppercased(), codes: [DispositionCode(id: "D1")])
        #expect(table.receive(.dispositionCodesResponse(answer)) == .delivered(1))
        #expect(try await table.answer(ticket) == answer)
        #expect(table.count == 0)
    }

    @Test func aRequestTimesOutWhenTheClockPassesItsDeadline() async throws {
        let (table, clock) = Self.table(timeout: 10)
        let ticket = try table.register(try SendChatMessage(engagementId: "C1", textBody: "Hi", requestId: Self.id))
        let waiting = Task { await Self.failure(table, ticket) }
        await Self.untilAwaited(table)
        clock.advance(by: 9.9)
        #expect(table.expire() == 0)
        clock.advance(by: 0.2)
        #expect(table.expire() == 1)
        let error = try #require(await waiting.value)
        #expect(error.code == .timeout)
        #expect(error.field == "data.requestId")
        #expect(error.messageType == "zcc-send-chat-message")
        #expect(table.statistics.timedOut == 1)
        // The answer that comes after the timeout is a stray answer, reported.
        let late = SoftphoneMessage.sendChatMessageResponse(SendChatMessageResponse(requestId: Self.id.description, status: true))
        guard case .unmatched(let report) = table.receive(late) else {
            Issue.record("a late answer must be reported")
            return
        }
        #expect(report.requestId == Self.id.description)
        #expect(report.error.code == .unmatchedAnswer)
        #expect(report.error.field == "data.requestId")
    }

    @Test func awaitingPastTheDeadlineTimesOutAtOnce() async throws {
        let (table, clock) = Self.table(timeout: 5)
        let expired = try table.register(try GetVariables(engagementId: "E1"))
        let overdue = try table.register(try GetVariables(engagementId: "E2"), timeout: 1)
        clock.advance(by: 6)
        table.expire()  // removes both: awaiting the first reads the timeout from its ticket
        await #expect(throws: ScreenPopError.self) { try await table.answer(expired) }
        let error = await Self.failure(table, overdue)
        #expect(error?.code == .timeout)
        #expect(error?.field == "data.engagementId")
        // Without expire(): answer(_:) itself refuses to wait past the deadline.
        let third = try table.register(try GetVariables(engagementId: "E3"))
        clock.advance(by: 6)
        await #expect(throws: ScreenPopError.self) { try await table.answer(third) }
    }

    @Test func strayAnswersAreReportedNotDropped() throws {
        let (table, _) = Self.table()
        let cases: [(SoftphoneMessage, String)] = [
            (Self.statusAnswer(Self.id.description), "no request waits"),
            (Self.statusAnswer(nil), "carries no requestId"),
            (Self.statusAnswer("req-1"), "is not a UUID"),
            (.variablesResponse(VariablesResponse(engagementId: "E9", variables: [])), "no zcc-get-variables waits"),
        ]
        for (message, reason) in cases {
            guard case .unmatched(let report) = table.receive(message) else {
                Issue.record("\(message.type) was not reported")
                continue
            }
            #expect(report.type == message.type)
            #expect(report.reason.contains(reason), "\(report.reason)")
        }
        #expect(table.statistics.unmatchedAnswers == cases.count)
        // Events, and notifications nobody asked for, are not answers.
        #expect(table.receive(.agentStatusNotification(AgentStatusNotification(statusCode: "1"))) == .notAnAnswer)
        #expect(table.receive(.engagementEnded(.voice, EngagementEnded(engagementId: "E1"))) == .notAnAnswer)
        #expect(table.receive(.error(SoftphoneError(code: "invalid-input"))) == .notAnAnswer)
    }

    @Test func anAnswerOfAnotherKindDoesNotTakeTheRequest() async throws {
        let (table, _) = Self.table()
        let ticket = try table.register(try SendChatMessage(engagementId: "C1", textBody: "Hi", requestId: Self.id))
        guard case .unmatched(let report) = table.receive(Self.statusAnswer(Self.id.description)) else {
            Issue.record("a status answer must not take a chat request")
            return
        }
        #expect(report.reason.contains("zcc-send-chat-message"))
        let answer = SendChatMessageResponse(requestId: Self.id.description, status: false, errorCode: "E", errorMessage: "closed")
        #expect(table.receive(.sendChatMessageResponse(answer)) == .delivered(1))
        #expect(try await table.answer(ticket) == answer)
    }

    @Test func variablesAreMatchedByEngagementAndAnswerEveryWaitingRequest() async throws {
        let (table, _) = Self.table()
        let first = try table.register(try GetVariables(engagementId: "E1"))
        let second = try table.register(HostMessage.getVariables(try GetVariables(engagementId: "E1")))
        let other = try table.register(try GetVariables(engagementId: "E2"))
        let answer = VariablesResponse(engagementId: "E1", variables: [.init(globalVariableName: "tier", value: .string("gold"))])
        #expect(table.receive(.variablesResponse(answer)) == .delivered(2))
        #expect(try await table.answer(first) == answer)
        #expect(try await table.answer(second) == .variablesResponse(answer))
        #expect(table.count == 1)
        #expect(other.key == .engagement("E2"))
    }

    @Test func theNextAgentStatusNotificationAnswersAStatusGet() async throws {
        let (table, _) = Self.table()
        let ticket = try table.register(AgentStatusGetRequest())
        let status = AgentStatusNotification(statusCode: "2", status: "Not Ready")
        #expect(table.receive(.agentStatusNotification(status)) == .delivered(1))
        #expect(try await table.answer(ticket) == status)
        #expect(table.receive(.agentStatusNotification(status)) == .notAnAnswer)
    }

    @Test func aSoftphoneErrorNamingTheRequestFailsItWithTheSoftphonesCode() async throws {
        let (table, _) = Self.table()
        let ticket = try table.register(try EngagementStatusRequest(engagementId: "E404", requestId: Self.id))
        let refusal = SoftphoneError(code: "invalid-input", message: "engagementId does not reference a valid engagement", requestId: Self.id.description)
        #expect(table.receive(.error(refusal)) == .delivered(1))
        let error = await Self.failure(table, ticket)
        #expect(error?.code == .invalidInput)
        #expect(error?.messageType == "zcc-engagement-status-request")
        #expect(error?.message.contains("does not reference") == true)
    }

    @Test func aRequestIDIsPendingOnceAndTheTableIsBounded() throws {
        let (table, clock) = Self.table(timeout: 10, capacity: 2)
        _ = try table.register(try EngagementStatusRequest(requestId: Self.id))
        let duplicate = try #require(throws: ScreenPopError.self) { try table.register(try GetDispositionCodes(queueId: "Q", requestId: Self.id)) }
        #expect(duplicate.code == .invalidInput)
        #expect(duplicate.field == "data.requestId")
        _ = try table.register(try EngagementStatusRequest())
        let full = try #require(throws: ScreenPopError.self) { try table.register(try EngagementStatusRequest()) }
        #expect(full.code == .tooManyPendingRequests)
        clock.advance(by: 11)
        _ = try table.register(try EngagementStatusRequest())  // the overdue ones made room
        #expect(table.count == 1)
        #expect(table.statistics.timedOut == 2)
    }

    /// A request id is free again once its request is past its deadline, though nothing
    /// expired the table since (no timeout loop runs, the table is not full): the id was
    /// refused as "already waiting" until then.
    @Test func aTimedOutRequestIDMayBeUsedAgain() async throws {
        let (table, clock) = Self.table(timeout: 10, capacity: 16)
        let first = try table.register(try EngagementStatusRequest(requestId: Self.id))
        clock.advance(by: 9)
        #expect(throws: ScreenPopError.self) { try table.register(try EngagementStatusRequest(requestId: Self.id)) }
        clock.advance(by: 2)
        let second = try table.register(try EngagementStatusRequest(requestId: Self.id))
        #expect(table.count == 1)
        #expect(table.statistics.timedOut == 1)
        #expect(await Self.failure(table, first)?.code == .timeout)
        // The answer goes to the request that waits for it now.
        #expect(table.receive(Self.statusAnswer(Self.id.description)) == .delivered(1))
        #expect(try await table.answer(second).active.map(\.engagementId) == ["E1"])
    }

    @Test func onlyRequestsTheSoftphoneAnswersAreRegistered() throws {
        let (table, _) = Self.table()
        let error = try #require(throws: ScreenPopError.self) { try table.register(HostMessage.setMute(try SetMute(engagementId: "E1", mute: true))) }
        #expect(error.code == .invalidInput)
        #expect(error.field == "type")
    }

    @Test func cancellingTheWaitForgetsTheRequest() async throws {
        let (table, _) = Self.table()
        let ticket = try table.register(try EngagementStatusRequest(requestId: Self.id))
        let waiting = Task { await Self.failure(table, ticket) }
        await Self.untilAwaited(table)
        waiting.cancel()
        #expect(await waiting.value?.code == .cancelled)
        #expect(table.count == 0)
        #expect(table.statistics.cancelled == 1)
        guard case .unmatched = table.receive(Self.statusAnswer(Self.id.description)) else {
            Issue.record("the answer to a cancelled request matches nothing")
            return
        }
    }

    @Test func theEngineReportsStrayAnswersAndDeliversTheOthers() async throws {
        let (clock, _) = EngineClock.manual()
        let engine = TestDirectory.engine(clock: clock)
        let stray = try engine.must(Self.statusAnswer(Self.id.description, active: []))
        #expect(stray.actions.count == 1)
        guard case .unmatchedAnswer(let report)? = stray.actions.first else {
            Issue.record("expected an unmatchedAnswer action, got \(stray.actions)")
            return
        }
        #expect(report.requestId == Self.id.description)
        let encoded = try Golden.value(Array(try JSONEncoder().encode(stray.actions[0])))
        #expect(encoded["action"] == .string("unmatchedAnswer"))
        #expect(encoded["type"] == .string("zcc-engagement-status-response"))

        let ticket = try engine.requests.register(try GetDispositionCodes(engagementId: "E1", requestId: Self.id))
        let outcome = engine.handle(
            json:
                #"{"type":"zcc-get-disposition-codes-response","data":{"requestId":"9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c","codes":[{"id":"D1","name":"Sale"}]}}"#
        )
        #expect(outcome.error == nil)
        #expect(outcome.actions.isEmpty)
        #expect(outcome.line == Array("null".utf8))
        #expect(try await engine.requests.answer(ticket).codes.map(\.name) == ["Sale"])
    }
}
