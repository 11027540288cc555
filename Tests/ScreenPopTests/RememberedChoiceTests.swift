import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// Remembered choices under each policy; a changed or removed record is never popped from memory.
@Suite struct RememberedChoiceTests {
    /// Offers the shared number on E1 and has the agent pick Mary.
    func chooseMary(_ engine: ScreenPopEngine) throws {
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.select("C-MARY")
    }

    @Test func rememberPopsTheRememberedRecordAndListsTheOthers() throws {
        let engine = TestDirectory.engine(policy: .remember)
        try chooseMary(engine)
        let next = try engine.incoming(TestDirectory.shared, "E2")
        #expect(next.items.map(\.id) == ["C-MARY", "C-JOHN", "L-JOHN"])
        let pop = try #require(next.actions.first?.pop)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.reason == .remembered)
        #expect(pop.alternatives.map(\.id) == ["C-JOHN", "L-JOHN"])
        // The agent confirming the remembered record in the softphone does not pop twice.
        #expect(try engine.select("C-MARY").actions.isEmpty)
    }

    @Test func askListsTheRememberedRecordFirst() throws {
        let engine = TestDirectory.engine(policy: .ask)
        try chooseMary(engine)
        let next = try engine.incoming(TestDirectory.shared, "E2")
        let choice = try #require(next.actions.first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-MARY", "C-JOHN", "L-JOHN"])
        #expect(choice.rememberedID == "C-MARY")
    }

    @Test func theSameNumberWrittenDifferentlyFindsTheChoice() throws {
        let engine = TestDirectory.engine(policy: .remember)
        try chooseMary(engine)
        #expect(try engine.incoming("(650) 555-1234", "E2").actions.first?.pop?.contact.id == "C-MARY")
    }

    @Test func aChangedRecordIsNotPoppedFromMemory() throws {
        let live = LiveTestDirectory(TestDirectory.directory())
        let engine = ScreenPopEngine(directory: live, configuration: ScreenPopConfiguration(choicePolicy: .remember))
        try chooseMary(engine)
        live.update { directory in
            var mary = directory.contact(id: "C-MARY")!
            mary.lastName = "Smith-Jones"
            directory.upsert(mary)
        }
        let next = try engine.incoming(TestDirectory.shared, "E2")
        #expect(next.actions.first?.choice != nil)
        #expect(next.actions.first?.choice?.rememberedID == nil)
    }

    @Test func aRemovedRecordIsNotPoppedFromMemory() throws {
        let live = LiveTestDirectory(TestDirectory.directory())
        let engine = ScreenPopEngine(directory: live, configuration: ScreenPopConfiguration(choicePolicy: .remember))
        try chooseMary(engine)
        live.update { $0.remove(id: "C-MARY") }
        let next = try engine.incoming(TestDirectory.shared, "E2")
        #expect(next.items.map(\.id) == ["C-JOHN", "L-JOHN"])
        #expect(next.actions.first?.choice?.candidates.map(\.id) == ["C-JOHN", "L-JOHN"])
    }

    @Test func choicesExpireWithAge() throws {
        let (clock, hand) = EngineClock.manual()
        let engine = ScreenPopEngine(
            directory: TestDirectory.directory(),
            configuration: ScreenPopConfiguration(choicePolicy: .remember, rememberedChoiceMaximumAge: 100, clock: clock))
        try chooseMary(engine)
        hand.advance(by: 101)
        #expect(try engine.incoming(TestDirectory.shared, "E2").actions.first?.choice != nil)
    }

    @Test func choicesAreBoundedInCount() throws {
        // Two shared numbers; room for one remembered choice.
        let directory = ContactDirectory([
            Contact(id: "A1", firstName: "Ann", lastName: "One", phones: [ContactPhone("+16505550001")]),
            Contact(id: "A2", firstName: "Al", lastName: "One", phones: [ContactPhone("+16505550001")]),
            Contact(id: "B1", firstName: "Bea", lastName: "Two", phones: [ContactPhone("+16505550002")]),
            Contact(id: "B2", firstName: "Bob", lastName: "Two", phones: [ContactPhone("+16505550002")]),
        ])
        let engine = ScreenPopEngine(directory: directory, configuration: ScreenPopConfiguration(choicePolicy: .remember, rememberedChoiceCapacity: 1))
        #expect(try engine.incoming("+16505550001", "E1").actions.first?.choice != nil)
        #expect(try engine.select("A2").actions.first?.pop?.reason == .agentSelection)
        #expect(engine.statistics.rememberedChoices == 1)
        #expect(try engine.incoming("+16505550002", "E2").actions.first?.choice != nil)
        #expect(try engine.select("B2").actions.first?.pop?.reason == .agentSelection)
        #expect(engine.statistics.rememberedChoices == 1)
        // The second choice pushed the first out: number 1 asks again, number 2 pops Bob.
        let first = try engine.incoming("+16505550001", "E3")
        #expect(first.actions.first?.choice?.rememberedID == nil)
        #expect(try engine.incoming("+16505550002", "E4").actions.first?.pop?.contact.id == "B2")
    }

    @Test(arguments: [
        (ConflictResolution.mostRecentlyUpdated, "C-MARY"),
        (ConflictResolution.earliestCreated, "L-JOHN"),
    ])
    func automaticRulesPickByTheRecordsDates(rule: ConflictResolution, expected: String) throws {
        let engine = TestDirectory.engine(policy: .automatic(rule))
        let pop = try #require(try engine.incoming(TestDirectory.shared, "E1").actions.first?.pop)
        #expect(pop.contact.id == expected)
        #expect(pop.reason == .automatic)
        #expect(pop.resolution == rule)
    }

    @Test func automaticRuleAsksWhenDatesTie() throws {
        let contacts = TestDirectory.contacts().map { contact -> Contact in
            var copy = contact
            copy.updatedAt = Date(timeIntervalSince1970: 42)
            return copy
        }
        let engine = TestDirectory.engine(ContactDirectory(contacts), policy: .automatic(.mostRecentlyUpdated))
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.first?.choice != nil)
    }

    /// A candidate without the date cannot be compared: the rule asks, even when another
    /// candidate has the date (ChoicePolicy's documentation).
    @Test(arguments: [ConflictResolution.mostRecentlyUpdated, .earliestCreated])
    func automaticRuleAsksWhenADateIsMissing(rule: ConflictResolution) throws {
        let contacts = TestDirectory.contacts().map { contact -> Contact in
            var copy = contact
            if contact.id != "C-MARY" {
                copy.updatedAt = nil
                copy.createdAt = nil
            }
            return copy
        }
        let engine = TestDirectory.engine(ContactDirectory(contacts), policy: .automatic(rule))
        let outcome = try engine.incoming(TestDirectory.shared, "E1")
        #expect(outcome.actions.first?.choice?.candidates.count == 3)
        #expect(outcome.actions.first?.pop == nil)
    }

    @Test func mostRecentlyChosenAsksWhenNothingWasChosen() throws {
        let engine = TestDirectory.engine(policy: .automatic(.mostRecentlyChosen))
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.first?.choice != nil)
    }

    @Test func mostRecentlyChosenUsesChoicesForAnyKey() throws {
        let engine = TestDirectory.engine(policy: .automatic(.mostRecentlyChosen))
        #expect(try engine.incoming(TestDirectory.shared, "E1").actions.first?.choice != nil)
        _ = try engine.select("L-JOHN")
        let pop = try #require(try engine.incoming(TestDirectory.shared, "E2").actions.first?.pop)
        #expect(pop.contact.id == "L-JOHN")
    }
}

/// A directory that changes between reads, as a live directory does.
final class LiveTestDirectory: DirectoryReading, @unchecked Sendable {
    private let lock = NSLock()
    private var directory: ContactDirectory

    init(_ directory: ContactDirectory) { self.directory = directory }

    func withDirectory<R>(_ body: (ContactDirectory) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(directory)
    }

    func update(_ change: (inout ContactDirectory) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&directory)
    }
}
