import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// Incoming phone and email requests: identity matches only, `[]` when none, and a number
/// under another country code listed but never popped.
@Suite struct IncomingLookupTests {
    /// The test directory plus Grace, whose London number has the same national digits as the
    /// US number +1 207 946 0958.
    static func directory() -> ContactDirectory {
        ContactDirectory(TestDirectory.contacts() + [
            Contact(id: "C-GB", firstName: "Grace", lastName: "Bell", phones: [ContactPhone("+44 20 7946 0958")], region: "GB"),
        ])
    }

    static func json(_ outcome: JSONOutcome) -> String { String(decoding: outcome.line, as: UTF8.self) }

    /// Texts that a free-text search would match (a name, digits inside a number, the start of
    /// an address), but that are no caller's identity.
    @Test(arguments: [
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"Mary Smith","engagementId":"E1","channel":"voice"}}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"5551234","engagementId":"E1","channel":"voice"}}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1555","engagementId":"E1","channel":"sms"}}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"","engagementId":"E1"}}"#,
    ])
    func aPhoneRequestMatchesNumbersOnly(json: String) throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: json)
        #expect(Self.json(outcome) == #"{"type":"zcc-incomingPhone-response","data":[]}"#)
        #expect(outcome.actions.first?.offer != nil)
    }

    @Test(arguments: [
        #"{"type":"zcc-incomingEmail-request","data":{"email":"mary","engagementId":"C1","channel":"chat"}}"#,
        #"{"type":"zcc-incomingEmail-request","data":{"email":"mary@","engagementId":"C1","channel":"chat"}}"#,
        #"{"type":"zcc-incomingEmail-request","data":{"email":"Mary Smith","engagementId":"C1","channel":"video"}}"#,
        #"{"type":"zcc-incomingEmail-request","data":{"email":"nobody@example.com","engagementId":"C1"}}"#,
    ])
    func anEmailRequestMatchesAddressesOnly(json: String) throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: json)
        #expect(Self.json(outcome) == #"{"type":"zcc-incomingEmail-response","data":[]}"#)
        #expect(outcome.actions.first?.offer != nil)
    }

    /// A placeholder number ("000-000-0000") is no identity, and an over-long caller id is no
    /// number: neither pops the record that holds the placeholder (they shared one key).
    @Test(arguments: ["+4420794600180000000", "+4411111111111111111", "00000", "000-000-0000"])
    func aPlaceholderNumberIsNeverPopped(callerID: String) throws {
        let directory = ContactDirectory([
            Contact(id: "C-ZERO", firstName: "Zero", lastName: "Number", phones: [ContactPhone("000-000-0000")]),
            Contact(id: "C-UKZERO", firstName: "Zero", lastName: "Britain", phones: [ContactPhone("+44 0000")]),
        ])
        let engine = TestDirectory.engine(directory)
        let outcome = engine.handle(json: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(callerID)","engagementId":"E1"}}"#)
        #expect(Self.json(outcome) == #"{"type":"zcc-incomingPhone-response","data":[]}"#)
        #expect(outcome.actions.first?.pop == nil)
        #expect(outcome.actions.first?.offer != nil)
    }

    /// A caller on another extension of a stored number is another line: listed as a hint,
    /// never popped (it was a single match, popped).
    @Test func anotherExtensionIsListedButNeverPopped() throws {
        let directory = ContactDirectory([
            Contact(id: "C-101", firstName: "Alice", lastName: "Ext", phones: [ContactPhone("+1 650 555 1000 x101")])
        ])
        let engine = TestDirectory.engine(directory)
        let outcome = try engine.incoming("+16505551000;ext=102", "E1")
        #expect(outcome.items.map(\.id) == ["C-101"])
        #expect(outcome.actions.first?.pop == nil)
        #expect(outcome.actions.first?.choice != nil)
        #expect(try engine.incoming("+16505551000;ext=101", "E2").actions.first?.pop?.contact.id == "C-101")
    }

    @Test func everyItemOfAPhoneReplyIsAnIdentityMatch() throws {
        let directory = Self.directory()
        for number in [TestDirectory.shared, "+16505550142", "+332079460958", "(650) 555-1234"] {
            let matches = DirectoryQueries.phone(directory, number, region: "US", limit: 10)
            #expect(!matches.isEmpty, "\(number)")
            #expect(matches.rankings.allSatisfy { DirectoryQueries.phoneReasons.contains($0.reason) })
        }
        let canonical = DirectoryQueries.email(directory, "MARY@example.com", limit: 10)
        #expect(canonical.summaries.map(\.id) == ["C-MARY"])
    }

    @Test func aNumberUnderAnotherCountryCodeIsListedButNeverPopped() throws {
        let engine = TestDirectory.engine(Self.directory())
        let outcome = engine.handle(json: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+332079460958","engagementId":"E1"}}"#)
        #expect(Self.json(outcome) == #"{"type":"zcc-incomingPhone-response","data":[{"id":"C-GB","name":"Grace Bell","phone":"+442079460958","email":null,"entity":"contact"}]}"#)
        let choice = try #require(outcome.actions.first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-GB"])
        #expect(engine.engagement("E1")?.chosenContactID == nil)
    }

    @Test(arguments: [ChoicePolicy.ask, .remember, .automatic(.mostRecentlyUpdated), .automatic(.earliestCreated), .automatic(.mostRecentlyChosen)])
    func aHintNeverPopsWhateverThePolicyOrThreshold(policy: ChoicePolicy) throws {
        // Even with a threshold below the hint's score, a same-national-number match asks.
        let engine = ScreenPopEngine(
            directory: Self.directory(), configuration: ScreenPopConfiguration(confidentScore: 0.5, choicePolicy: policy))
        let outcome = try engine.incoming("+332079460958", "E1")
        #expect(outcome.items.map(\.id) == ["C-GB"])
        #expect(outcome.actions.first?.pop == nil)
        #expect(outcome.actions.first?.choice != nil)
    }

    @Test func anExactMatchPopsAndTheHintStaysAnAlternative() throws {
        var contacts = Self.directory().contacts.map { $0 }
        contacts.append(Contact(id: "C-US", firstName: "Una", lastName: "States", phones: [ContactPhone("+33 2079460958")]))
        let engine = TestDirectory.engine(ContactDirectory(contacts))
        let outcome = try engine.incoming("+332079460958", "E1")
        #expect(outcome.items.map(\.id) == ["C-US", "C-GB"])
        let pop = try #require(outcome.actions.first?.pop)
        #expect(pop.contact.id == "C-US")
        #expect(pop.reason == .singleMatch)
        #expect(pop.alternatives.map(\.id) == ["C-GB"])
    }

    @Test func theDeciderRefusesHintsAtAnyThreshold() {
        let decider = ScreenPopDecider(policy: .remember, confidentScore: 0)
        for reason in MatchReason.allCases {
            let match = MatchSummary(id: "X", name: "X", score: 1, reason: reason)
            #expect(decider.isConfident(match) == !ScreenPopDecider.hints.contains(reason), "\(reason)")
        }
        #expect(!decider.isConfident(MatchSummary(id: "X", name: "X", score: 0.82, reason: .sameNationalNumber)))
    }

    /// An engine listing at most `limit` records per reply.
    static func limitedEngine(_ limit: Int, policy: ChoicePolicy = .remember, directory: ContactDirectory = TestDirectory.directory()) -> ScreenPopEngine {
        ScreenPopEngine(directory: directory, configuration: ScreenPopConfiguration(resultLimit: limit, choicePolicy: policy))
    }

    /// A number two records share asks the agent even when replies list one record, and the
    /// reply then lists two: the softphone shows a choice (and sends `zcc-screen-pop`) only for
    /// several records.
    @Test func aReplyLimitedToOneRecordStillAsksWhenANumberIsShared() throws {
        let engine = Self.limitedEngine(1)
        let outcome = engine.handle(json: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}}"#)
        #expect(outcome.actions.count == 1)
        #expect(outcome.actions.first?.pop == nil)
        let choice = try #require(outcome.actions.first?.choice)
        #expect(choice.candidates.count == 2)
        #expect(Self.json(outcome).hasPrefix(#"{"type":"zcc-incomingPhone-response","data":[{"id":"C-JOHN","#))
        #expect(Self.json(outcome).components(separatedBy: #""id":"#).count == 3)
        #expect(engine.engagement("E1")?.chosenContactID == nil)
        // The agent's pick of the second record is taken.
        let picked = engine.handle(json: #"{"type":"zcc-screen-pop","data":{"id":"\#(choice.candidates[1].id)"}}"#)
        #expect(picked.actions.first?.pop?.contact.id == choice.candidates[1].id)
    }

    @Test func aReplyLimitedToOneRecordStillPopsTheOnlyMatch() throws {
        let engine = Self.limitedEngine(1)
        let outcome = engine.handle(json: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"E1"}}"#)
        let pop = try #require(outcome.actions.first?.pop)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.reason == .singleMatch)
    }

    @Test func anEmailReplyLimitedToOneRecordStillAsksWhenAnAddressIsShared() throws {
        let directory = ContactDirectory([
            Contact(id: "C-A", firstName: "Ann", lastName: "Shared", emails: [ContactEmail("shared@example.com")]),
            Contact(id: "C-B", firstName: "Bob", lastName: "Shared", emails: [ContactEmail("shared@example.com")]),
        ])
        let engine = Self.limitedEngine(1, directory: directory)
        let outcome = engine.handle(json: #"{"type":"zcc-incomingEmail-request","data":{"email":"shared@example.com","engagementId":"C1"}}"#)
        #expect(outcome.actions.first?.pop == nil)
        #expect(outcome.actions.first?.choice?.candidates.count == 2)
        #expect(Self.json(outcome).components(separatedBy: #""id":"#).count == 3)
    }

    @Test func aRecordPoppedBeyondTheLimitIsTheOneListed() throws {
        // Most recently updated among C-JOHN (5,000), C-MARY (9,000), L-JOHN (7,000): C-MARY, ranked second.
        let engine = Self.limitedEngine(1, policy: .automatic(.mostRecentlyUpdated))
        let outcome = try engine.incoming(TestDirectory.shared, "E1")
        let pop = try #require(outcome.actions.first?.pop)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.reason == .automatic)
        #expect(outcome.items.map(\.id) == ["C-MARY"])
    }
}
