import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// The engagement tracker: states across channels, bounds, time to live, eviction counts.
@Suite struct EngagementTrackerTests {
    @Test func aCallMovesThroughItsStates() throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(.callRinging(CallRinging(engagementId: "E1", from: "+16505550142", createTs: .number(1))))
        #expect(engine.engagement("E1")?.state == .ringing)
        #expect(engine.engagement("E1")?.customerPhone == "+16505550142")
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E1", acceptTs: .number(2), direction: .inbound)))
        #expect(engine.engagement("E1")?.state == .connected)
        _ = try engine.must(.engagementEnded(.voice, EngagementEnded(engagementId: "E1", completeTs: .number(3))))
        #expect(engine.engagement("E1")?.state == .ended)
        _ = try engine.must(.phoneCallLog(PhoneCallLog(objectRecord: .init(), engagementId: "E1")))
        #expect(engine.engagement("E1")?.state == .logged)
        // A late event never moves it back.
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E1")))
        #expect(engine.engagement("E1")?.state == .logged)
        #expect(engine.engagement("E1")?.channel == .voice)
    }

    @Test(arguments: [EngagementChannel.chat, .sms, .video])
    func digitalChannelsAreTracked(channel: EngagementChannel) throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(.engagementRinging(channel, EngagementRinging(engagementId: "D1", customerEmail: "mary@example.com")))
        #expect(engine.engagement("D1")?.state == .ringing)
        _ = try engine.must(.engagementStarted(channel, EngagementStarted(engagementId: "D1")))
        #expect(engine.engagement("D1")?.state == .connected)
        _ = try engine.must(.engagementEnded(channel, EngagementEnded(engagementId: "D1")))
        #expect(engine.engagement("D1")?.state == .ended)
        #expect(engine.engagement("D1")?.channel == channel)
    }

    @Test func notConnectedDropsAHeldDecision() throws {
        let engine = TestDirectory.engine(event: .connected)
        _ = try engine.incoming("+16505550142", "E1")
        _ = try engine.must(.inboundNotConnected(EngagementNotConnected(engagementId: "E1", reasonCode: "MISSED")))
        #expect(engine.engagement("E1")?.state == .notConnected)
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
    }

    @Test func theTrackerIsBoundedAndCountsEvictions() throws {
        let engine = TestDirectory.engine(engagementCapacity: 3)
        for index in 0..<10 { _ = try engine.must(.callRinging(CallRinging(engagementId: "E\(index)"))) }
        let statistics = engine.statistics
        #expect(statistics.engagements == 3)
        #expect(statistics.engagementsEvictedForCapacity == 7)
        #expect(engine.engagement("E0") == nil)
        #expect(engine.engagement("E9") != nil)
    }

    @Test func engagementsExpireAfterTheirTimeToLive() throws {
        let (clock, hand) = EngineClock.manual()
        let engine = TestDirectory.engine(clock: clock)  // time to live: 3600 s
        _ = try engine.must(.callRinging(CallRinging(engagementId: "OLD")))
        hand.advance(by: 3000)
        _ = try engine.must(.callRinging(CallRinging(engagementId: "NEW")))
        hand.advance(by: 700)
        #expect(engine.engagement("OLD") == nil)
        _ = try engine.must(.callRinging(CallRinging(engagementId: "NEWER")))
        #expect(engine.statistics.engagementsEvictedForAge == 1)
        #expect(engine.engagement("NEW") != nil)
    }

    @Test func aTouchedEngagementStaysAndTheQueueStaysSmall() {
        var table = BoundedTable<String, Int>(capacity: 2, maximumAge: 10)
        let now = Date(timeIntervalSince1970: 0)
        table.set("a", 1, now: now)
        for step in 0..<10_000 { table.set("b", step, now: now) }
        table.set("c", 3, now: now)  // evicts the least recently touched: "a"
        #expect(table.value(for: "a", now: now) == nil)
        #expect(table.value(for: "b", now: now) == 9_999)
        #expect(table.evictedForCapacity == 1)
    }
}
