import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// `zcc-screen-pop`: linking, unsolicited selections, unknown ids, duplicates.
@Suite struct ScreenPopSelectionTests {
    @Test func selectionLinksToTheMostRecentEngagementThatOfferedIt() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.incoming(TestDirectory.shared, "E2")
        let outcome = try engine.select("C-MARY")
        let pop = try #require(outcome.actions.first?.pop)
        #expect(pop.engagementId == "E2")
        #expect(pop.reason == .agentSelection)
        #expect(!pop.unsolicited)
        #expect(pop.alternatives.map(\.id) == ["C-JOHN", "L-JOHN"])
        #expect(engine.engagement("E2")?.chosenContactID == "C-MARY")
        #expect(engine.engagement("E1")?.awaitingSelection == true)
    }

    @Test func aDuplicateSelectionIsIdempotent() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        #expect(try engine.select("C-MARY").actions.count == 1)
        #expect(try engine.select("C-MARY").actions.isEmpty)
        #expect(engine.engagement("E1")?.chosenContactID == "C-MARY")
    }

    @Test func anUnofferedIdStillPopsFlaggedUnsolicited() throws {
        let engine = TestDirectory.engine()
        let pop = try #require(try engine.select("C-HANS").actions.first?.pop)
        #expect(pop.unsolicited)
        #expect(pop.engagementId == nil)
        #expect(pop.contact.id == "C-HANS")
    }

    @Test func anUnknownIdIsATypedError() throws {
        let engine = TestDirectory.engine()
        #expect(throws: ScreenPopError.self) { try engine.select("NOPE") }
        let outcome = engine.handle(json: #"{"type":"zcc-screen-pop","data":{"id":"NOPE"}}"#)
        #expect(outcome.error?.code == .unknownContact)
        #expect(outcome.error?.field == "data.id")
        #expect(String(decoding: outcome.line, as: UTF8.self).hasPrefix(#"{"type":"error","error":{"code":"unknown-contact""#))
    }

    @Test func aNumericIdIsReadAsText() throws {
        let directory = ContactDirectory([Contact(id: "51000000037", firstName: "Hans")])
        let engine = TestDirectory.engine(directory)
        let outcome = engine.handle(json: #"{"type":"zcc-screen-pop","data":{"id":51000000037}}"#)
        #expect(outcome.actions.first?.pop?.contact.id == "51000000037")
    }

    // MARK: D1: every offer links, not only lists of several

    /// A number stored under another country code only: one non-confident candidate.
    static func hintDirectory() -> ContactDirectory {
        ContactDirectory(TestDirectory.contacts() + [
            Contact(id: "C-GB", firstName: "Grace", lastName: "Bell", phones: [ContactPhone("+44 20 7946 0958")], region: "GB"),
        ])
    }

    @Test func aSelectionLinksToAnEngagementThatOfferedOneNonConfidentCandidate() throws {
        let engine = TestDirectory.engine(Self.hintDirectory())
        let offered = try engine.incoming("+332079460958", "E1")
        let choice = try #require(offered.actions.first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-GB"])
        let pop = try #require(try engine.select("C-GB").actions.first?.pop)
        #expect(pop.engagementId == "E1")
        #expect(pop.reason == .agentSelection)
        #expect(!pop.unsolicited)
        #expect(engine.engagement("E1")?.chosenContactID == "C-GB")
        #expect(engine.engagement("E1")?.awaitingSelection == false)
    }

    @Test func reSelectingAnAutoPoppedRecordLinksAndDoesNotPopAgain() throws {
        let engine = TestDirectory.engine()
        #expect(try engine.incoming("+16505550142", "E1").actions.first?.pop?.reason == .singleMatch)
        let again = try engine.select("C-MARY")
        #expect(again.actions.isEmpty)  // linked to E1, already popped there: not unsolicited
        #expect(engine.engagement("E1")?.selectedContactID == "C-MARY")
        #expect(engine.statistics.unsolicitedSelections == 0)
    }

    @Test func theAgentMaySwitchToAnotherOfferedRecord() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        #expect(try engine.select("C-MARY").actions.first?.pop?.contact.id == "C-MARY")
        let switched = try #require(try engine.select("C-JOHN").actions.first?.pop)
        #expect(switched.contact.id == "C-JOHN")
        #expect(switched.engagementId == "E1")
        #expect(engine.engagement("E1")?.chosenContactID == "C-JOHN")
        #expect(try engine.select("C-JOHN").actions.isEmpty)
    }

    @Test func anEngagementThatIsLoggedNoLongerTakesSelections() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.must(.phoneCallLog(PhoneCallLog(objectRecord: .init(), engagementId: "E1")))
        #expect(try engine.select("C-MARY").actions.first?.pop?.unsolicited == true)
    }

    @Test func anEndedEngagementInWrapUpStillTakesTheSelection() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E1")))
        _ = try engine.must(.engagementEnded(.voice, EngagementEnded(engagementId: "E1")))
        #expect(try engine.select("L-JOHN").actions.first?.pop?.engagementId == "E1")
        let log = try #require(try engine.must(.phoneCallLog(PhoneCallLog(objectRecord: .init(), engagementId: "E1"))).actions.first?.log)
        #expect(log.record?.id == "L-JOHN")
    }

    // MARK: D2: repeated unsolicited selections

    @Test func aRepeatedUnsolicitedSelectionPopsOnce() throws {
        let engine = TestDirectory.engine()
        #expect(try engine.select("C-HANS").actions.first?.pop?.unsolicited == true)
        #expect(try engine.select("C-HANS").actions.isEmpty)
        #expect(try engine.select("C-HANS").actions.isEmpty)
        #expect(engine.statistics.unsolicitedSelections == 1)
        // Another record still pops.
        #expect(try engine.select("C-JOHN").actions.first?.pop?.contact.id == "C-JOHN")
    }

    @Test func anUnsolicitedSelectionIsForgottenWithTheEngagementsTimeToLive() throws {
        let (clock, hand) = EngineClock.manual()
        let engine = TestDirectory.engine(clock: clock)  // time to live 3600 s
        #expect(try engine.select("C-HANS").actions.count == 1)
        hand.advance(by: 3601)
        #expect(try engine.select("C-HANS").actions.first?.pop?.unsolicited == true)
        #expect(engine.statistics.unsolicitedSelectionsEvicted == 1)
    }

    @Test func anOfferAfterAnUnsolicitedSelectionStillLinks() throws {
        let engine = TestDirectory.engine()
        #expect(try engine.select("C-MARY").actions.first?.pop?.unsolicited == true)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        let pop = try #require(try engine.select("C-MARY").actions.first?.pop)
        #expect(pop.engagementId == "E1")
        #expect(!pop.unsolicited)
    }

    // MARK: D3: with screenPopEvent CONNECTED, a selection waits for the connect

    @Test func withPopOnConnectASelectionBeforeTheConnectWaitsForIt() throws {
        let engine = TestDirectory.engine(event: .connected)
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.isEmpty)  // the choice is held
        #expect(try engine.select("C-MARY").actions.isEmpty)  // held too
        #expect(engine.engagement("E1")?.chosenContactID == "C-MARY")
        // A repeated request does not replace the agent's selection.
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.isEmpty)
        let connected = try engine.must(.callConnected(CallConnected(engagementId: "E1")))
        let pop = try #require(connected.actions.first?.pop)
        #expect(connected.actions.count == 1)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.reason == .agentSelection)
        #expect(pop.engagementId == "E1")
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
        #expect(try engine.select("C-MARY").actions.isEmpty)
    }

    @Test func withPopOnConnectASelectionAfterTheConnectPopsAtOnce() throws {
        let engine = TestDirectory.engine(event: .connected)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.first?.choice != nil)
        #expect(try engine.select("C-JOHN").actions.first?.pop?.contact.id == "C-JOHN")
    }

    @Test func withPopOnConnectAMissedCallNeverPopsTheSelection() throws {
        let engine = TestDirectory.engine(event: .connected)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.select("C-MARY")
        _ = try engine.must(.engagementEnded(.voice, EngagementEnded(engagementId: "E1")))  // hung up while ringing
        #expect(try engine.select("C-JOHN").actions.isEmpty)
        #expect(engine.engagement("E1")?.chosenContactID == "C-JOHN")  // still linked, for the log
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
    }
}
