import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// A contact removed or changed is never handed to the host in its old form: a decision held
/// for the connect, and an agent's selection pop, name their records as the directory holds
/// them when the action is given (`ScreenPopEngine+CurrentRecords`).
@Suite struct CurrentRecordsTests {
    static func live() -> LiveDirectory {
        LiveDirectory(ContactDirectory(TestDirectory.contacts(), configuration: DirectoryConfiguration(defaultRegion: "US")))
    }

    /// Renames a record in place (same phones and emails).
    static func rename(_ live: LiveDirectory, _ id: String, firstName: String) throws {
        var contact = try #require(live.withDirectory { $0.contact(id: id) })
        contact.firstName = firstName
        live.upsert(contact)
    }

    static func connect(_ engine: ScreenPopEngine, _ engagement: String) throws -> [HostAction] {
        try engine.must(.callConnected(CallConnected(engagementId: engagement))).actions
    }

    // MARK: Held for the connect

    @Test func aHeldPopGivesTheRecordAsItIsAtTheConnect() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        #expect(try engine.incoming("+16505550142", "E1").actions.isEmpty)  // Mary's own mobile: held
        try Self.rename(live, "C-MARY", firstName: "Marianne")
        let pop = try #require(try Self.connect(engine, "E1").first?.pop)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.contact.firstName == "Marianne")
        #expect(pop.reason == .singleMatch)
    }

    @Test func aHeldPopOfARemovedRecordBecomesTheNewRecordOffer() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        _ = try engine.incoming("+16505550142", "E1")
        live.remove(id: "C-MARY")
        let actions = try Self.connect(engine, "E1")
        #expect(actions.count == 1)
        let offer = try #require(actions.first?.offer)
        #expect(offer.engagementId == "E1")
        #expect(offer.phone == "+16505550142")
        #expect(engine.engagement("E1")?.chosenContactID == nil)
    }

    @Test func aHeldChoiceListsTheCandidatesAsTheyAreAndDropsTheRemoved() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.isEmpty)
        live.remove(id: "C-JOHN")
        try Self.rename(live, "L-JOHN", firstName: "Jonathan")
        let choice = try #require(try Self.connect(engine, "E1").first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-MARY", "L-JOHN"])
        #expect(choice.candidates.map(\.name) == ["Mary Smith", "Jonathan Smith"])
        #expect(choice.candidates.last?.phone == "+16505551234")  // the number that matched, still the record's
    }

    @Test func aHeldChoiceWithEveryCandidateRemovedBecomesTheNewRecordOffer() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        for id in ["C-JOHN", "C-MARY", "L-JOHN"] { live.remove(id: id) }
        let offer = try #require(try Self.connect(engine, "E1").first?.offer)
        #expect(offer.phone == TestDirectory.shared)
        #expect(engine.engagement("E1")?.awaitingSelection == false)
    }

    @Test func aSelectionHeldForTheConnectPopsTheRecordAsItIsThen() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        #expect(try engine.select("C-MARY").actions.isEmpty)  // held
        try Self.rename(live, "C-MARY", firstName: "Marianne")
        live.remove(id: "L-JOHN")
        let pop = try #require(try Self.connect(engine, "E1").first?.pop)
        #expect(pop.reason == .agentSelection)
        #expect(pop.contact.firstName == "Marianne")
        #expect(pop.alternatives.map(\.id) == ["C-JOHN"])
    }

    @Test func aHeldSelectionOfARemovedRecordAsksAmongTheOthers() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live, event: .connected)
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.select("C-MARY")
        live.remove(id: "C-MARY")
        let actions = try Self.connect(engine, "E1")
        #expect(actions.count == 1)
        let choice = try #require(actions.first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-JOHN", "L-JOHN"])
        let engagement = try #require(engine.engagement("E1"))
        #expect(engagement.chosenContactID == nil)
        #expect(engagement.selectedContactID == nil)
        #expect(engagement.awaitingSelection)
        // The agent picks again: that pops at once (the call is connected).
        #expect(try engine.select("C-JOHN").actions.first?.pop?.contact.id == "C-JOHN")
    }

    // MARK: The agent's selection

    @Test func aSelectionPopListsTheOtherRecordsAsTheyAreNow() throws {
        let live = Self.live()
        let engine = TestDirectory.engine(live)
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.first?.choice != nil)
        try Self.rename(live, "L-JOHN", firstName: "Jonathan")
        live.remove(id: "C-JOHN")
        let pop = try #require(try engine.select("C-MARY").actions.first?.pop)
        #expect(pop.reason == .agentSelection)
        #expect(pop.alternatives.map(\.id) == ["L-JOHN"])
        #expect(pop.alternatives.first?.name == "Jonathan Smith")
    }
}
