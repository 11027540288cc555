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
        var largestQueue = 0
        for step in 0..<10_000 {
            table.set("b", step, now: now)
            largestQueue = max(largestQueue, table.queuedCount)
        }
        // 10,001 touches of two keys: the queue is compacted, never more than 2n + 64 + 1 items.
        #expect(largestQueue <= 2 * 2 + 64 + 1)
        #expect(table.queuedCount >= table.count)
        var evicted: [(String, Int)] = []
        table.set("c", 3, now: now, evicted: { evicted.append(($0, $1)) })  // evicts the least recently touched: "a"
        #expect(evicted.map(\.0) == ["a"])
        #expect(evicted.map(\.1) == [1])
        #expect(table.value(for: "a", now: now) == nil)
        #expect(table.value(for: "b", now: now) == 9_999)
        #expect(table.evictedForCapacity == 1)
    }

    // MARK: The state machine (ringing → connected → ended → logged; ringing → not-connected)

    @Test func notConnectedNeverOverwritesConnected() throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E1")))
        _ = try engine.must(.inboundNotConnected(EngagementNotConnected(engagementId: "E1", reasonCode: "MISSED")))
        #expect(engine.engagement("E1")?.state == .connected)
        #expect(engine.engagement("E1")?.wasConnected == true)
    }

    @Test func aNotConnectedEngagementIsNeitherConnectedNorOpen() throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(.inboundNotConnected(EngagementNotConnected(engagementId: "E1", reasonCode: "MISSED")))
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E1")))  // late: refused
        let record = try #require(engine.engagement("E1"))
        #expect(record.state == .notConnected)
        #expect(!record.state.isConnected)
        #expect(!record.state.isOpen)
        #expect(!record.wasConnected)
        // A note goes to a connected engagement only.
        #expect(try engine.must(.addNote(AddNote(comment: "x"))).actions.first == .addNote(NoteAction(engagementId: nil, html: "x", plainText: "x")))
        _ = try engine.must(.engagementEnded(.voice, EngagementEnded(engagementId: "E1")))
        #expect(engine.engagement("E1")?.state == .notConnected)
        _ = try engine.must(.phoneCallLog(PhoneCallLog(objectRecord: .init(), engagementId: "E1")))
        #expect(engine.engagement("E1")?.state == .logged)
    }

    @Test func withPopOnConnectANotConnectedEngagementNeverPops() throws {
        let engine = TestDirectory.engine(event: .connected)
        _ = try engine.must(.inboundNotConnected(EngagementNotConnected(engagementId: "E1", reasonCode: "MISSED")))
        // The incoming request comes late; the engagement will not connect: the pop is held, never given.
        #expect(try engine.incoming("+16505550142", "E1").actions.isEmpty)
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
    }

    @Test func theTransitionsAreExactlyTheDocumentedOnes() {
        let allowed: Set<String> = [
            "ringing→connected", "ringing→not-connected", "ringing→ended", "ringing→logged",
            "connected→ended", "connected→logged", "not-connected→logged", "ended→logged",
        ]
        for from in EngagementState.allCases {
            for to in EngagementState.allCases {
                #expect(from.canAdvance(to: to) == allowed.contains("\(from)→\(to)"), "\(from) → \(to)")
            }
        }
        #expect(EngagementState.allCases.filter(\.isConnected) == [.connected])
        #expect(EngagementState.allCases.filter(\.isOpen) == [.ringing, .connected, .ended])
    }

    @Test func stateNamesRoundTrip() throws {
        for state in EngagementState.allCases {
            let data = try JSONEncoder().encode(state)
            #expect(try JSONDecoder().decode(EngagementState.self, from: data) == state)
        }
        #expect(String(decoding: try JSONEncoder().encode(EngagementState.notConnected), as: UTF8.self) == #""not-connected""#)
    }

    // MARK: The offers a selection is linked through

    @Test func theOffersIndexIsBoundedByTheTrackerAndShrinksOnEviction() throws {
        let engine = TestDirectory.engine(engagementCapacity: 3)
        for index in 0..<10 { _ = try engine.incoming(TestDirectory.shared, "E\(index)") }
        let statistics = engine.statistics
        #expect(statistics.engagements == 3)
        #expect(statistics.engagementsEvictedForCapacity == 7)
        // Three engagements kept, each offered the three records of the shared number.
        #expect(statistics.offeredRecords == 9)
        // A selection links to the most recent kept engagement, E9.
        #expect(try engine.select("C-MARY").actions.first?.pop?.engagementId == "E9")
    }

    @Test func anEngagementOfferedLongAgoStillLinksWhileItIsKept() throws {
        // 300 engagements kept (the old awaiting list kept 256): the first offer is still
        // linkable after 299 other engagements.
        let engine = TestDirectory.engine(engagementCapacity: 300)
        _ = try engine.incoming("+16505550142", "FIRST")  // Mary alone: popped
        for index in 0..<299 { _ = try engine.must(.callRinging(CallRinging(engagementId: "N\(index)"))) }
        #expect(engine.statistics.engagementsEvictedForCapacity == 0)
        // Mary was popped for FIRST: re-selecting her links to FIRST and pops nothing new.
        #expect(try engine.select("C-MARY").actions.isEmpty)
        #expect(engine.engagement("FIRST")?.selectedContactID == "C-MARY")
        // 300 more engagements evict FIRST (the selection touched it), and its offer with it.
        for index in 0..<300 { _ = try engine.must(.callRinging(CallRinging(engagementId: "M\(index)"))) }
        #expect(engine.engagement("FIRST") == nil)
        #expect(engine.statistics.engagementsEvictedForCapacity == 300)
        #expect(engine.statistics.offeredRecords == 0)
        #expect(try engine.select("C-MARY").actions.first?.pop?.unsolicited == true)
    }

    @Test func theOffersIndexShrinksWhenEngagementsExpire() throws {
        let (clock, hand) = EngineClock.manual()
        let engine = TestDirectory.engine(clock: clock)
        _ = try engine.incoming(TestDirectory.shared, "OLD")
        #expect(engine.statistics.offeredRecords == 3)
        hand.advance(by: 3601)
        _ = try engine.must(.callRinging(CallRinging(engagementId: "NEW")))
        #expect(engine.statistics.engagementsEvictedForAge == 1)
        #expect(engine.statistics.offeredRecords == 0)
    }

    @Test func anEngagementsNewOfferReplacesItsOldOne() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.incoming(TestDirectory.shared, "E2")
        // E2 offers again, Hans alone: its offer of John is gone, E1's stands.
        _ = try engine.incoming("+49301234567", "E2")
        #expect(engine.engagement("E2")?.offeredIDs == ["C-HANS"])
        #expect(engine.statistics.offeredRecords == 4)
        #expect(try engine.select("C-JOHN").actions.first?.pop?.engagementId == "E1")
    }

    @Test func offersStillLinkAfterTheLogIsCompacted() throws {
        let engine = TestDirectory.engine(engagementCapacity: 3)
        _ = try engine.incoming(TestDirectory.shared, "KEEP")
        // 200 offers by two other engagements: the log is compacted several times over.
        for index in 0..<200 { _ = try engine.incoming("+49301234567", index.isMultiple(of: 2) ? "A" : "B") }
        #expect(engine.statistics.engagementsEvictedForCapacity == 0)
        #expect(engine.statistics.offeredRecords == 5)
        #expect(try engine.select("C-JOHN").actions.first?.pop?.engagementId == "KEEP")
        // Hans was popped for B already: the selection links to B and pops nothing new.
        #expect(try engine.select("C-HANS").actions.isEmpty)
        #expect(engine.engagement("B")?.selectedContactID == "C-HANS")
        #expect(engine.engagement("A")?.selectedContactID == nil)
    }
}
