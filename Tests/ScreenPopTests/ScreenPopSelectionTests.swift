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
}
