import Foundation
import Testing

@testable import ScreenPop

/// `zcc-engagement-status-response` updates the engagement tracker.
@Suite struct EngagementStatusTests {
    static func status(active: [EngagementStatusResponse.Engagement] = [], wrapup: [EngagementStatusResponse.Engagement] = []) -> SoftphoneMessage {
        .engagementStatusResponse(EngagementStatusResponse(requestId: nil, active: active, wrapup: wrapup))
    }

    @Test func engagementsListedAsActiveAreConnectedAndThoseInWrapUpEnded() throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(
            Self.status(
                active: [
                    .init(
                        engagementId: "E1", channel: "voice", engagementDirection: .outbound, queueName: "Sales", customerNumber: "+16505550142",
                        from: "+18005550100", to: "+16505550142")
                ],
                wrapup: [.init(engagementId: "C1", channel: "Chat", customerEmail: "hans@müller.de")]))
        let call = try #require(engine.engagement("E1"))
        #expect(call.state == .connected)
        #expect(call.wasConnected)
        #expect(call.channel == .voice)
        #expect(call.direction == .outbound)
        #expect(call.customerPhone == "+16505550142")
        #expect(call.queueName == "Sales")
        let chat = try #require(engine.engagement("C1"))
        #expect(chat.state == .ended)
        #expect(chat.channel == .chat)
        #expect(chat.customerEmail == "hans@müller.de")
    }

    @Test func aKnownEngagementMovesOnAndNeverBack() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming("+16505550142", "E1")
        #expect(engine.engagement("E1")?.state == .ringing)
        _ = try engine.must(Self.status(active: [.init(engagementId: "E1")]))
        #expect(engine.engagement("E1")?.state == .connected)
        _ = try engine.must(Self.status(wrapup: [.init(engagementId: "E1")]))
        #expect(engine.engagement("E1")?.state == .ended)
        // A stale answer listing it as active again changes nothing.
        _ = try engine.must(Self.status(active: [.init(engagementId: "E1")]))
        #expect(engine.engagement("E1")?.state == .ended)
        // What the engine knew stays: the number from the incoming request.
        #expect(engine.engagement("E1")?.customerPhone == "+16505550142")
    }

    @Test func anActiveEngagementReleasesAPopHeldForTheConnect() throws {
        let engine = TestDirectory.engine(event: .connected)
        let ringing = try engine.incoming("+16505550142", "E1")
        #expect(ringing.actions.isEmpty)
        let outcome = try engine.must(Self.status(active: [.init(engagementId: "E1", channel: "voice")]))
        #expect(outcome.actions.first?.pop?.contact.id == "C-MARY")
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
    }

    @Test func theAnswerDecodedFromJSONReachesTheTracker() throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: try Golden.bytes("zcc-engagement-status-response"))
        #expect(outcome.error == nil)
        #expect(engine.engagement("E1")?.state == .connected)
        #expect(engine.engagement("C1")?.state == .ended)
        // Nobody asked: the answer is reported as matching no request.
        #expect(outcome.actions.map(\.name) == ["unmatchedAnswer"])
    }
}
