import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// The engine over a `LiveDirectory`: contacts upserted and removed between messages are seen
/// by the next message.
@Suite struct LiveDirectoryEngineTests {
    static func reply(_ engine: ScreenPopEngine, _ json: String) -> String {
        String(decoding: engine.handle(json: json).line, as: UTF8.self)
    }

    static func phoneRequest(_ number: String, _ engagement: String) -> String {
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(number)","engagementId":"\#(engagement)","channel":"voice"}}"#
    }

    @Test func upsertsAndRemovalsAreSeenByTheNextMessage() throws {
        let live = LiveDirectory(ContactDirectory(TestDirectory.contacts(), configuration: DirectoryConfiguration(defaultRegion: "US")))
        let engine = TestDirectory.engine(live)
        let newNumber = "+14155550123"

        // Unknown number: nothing, and a new-record offer.
        #expect(Self.reply(engine, Self.phoneRequest(newNumber, "E1")) == #"{"type":"zcc-incomingPhone-response","data":[]}"#)

        // The CRM creates the record: the next call finds and pops it.
        live.upsert(Contact(id: "C-NEW", firstName: "Nina", lastName: "New", phones: [ContactPhone("(415) 555-0123")]))
        let found = engine.handle(json: Self.phoneRequest(newNumber, "E2"))
        #expect(String(decoding: found.line, as: UTF8.self).contains(#""id":"C-NEW""#))
        #expect(found.actions.first?.pop?.contact.id == "C-NEW")

        // The CRM renames her: a search by the new name finds her, the old name does not.
        live.upsert(Contact(id: "C-NEW", firstName: "Nina", lastName: "Neumann", phones: [ContactPhone("(415) 555-0123")]))
        #expect(try engine.must(.contactSearch(ContactSearchEvent(query: "Nina Neumann"))).items.first?.id == "C-NEW")
        #expect(engine.search("Nina New").first?.contact.lastName != "New")

        // The CRM deletes her: the next call no longer finds her, and selecting her is an error.
        live.remove(id: "C-NEW")
        #expect(Self.reply(engine, Self.phoneRequest(newNumber, "E3")) == #"{"type":"zcc-incomingPhone-response","data":[]}"#)
        #expect(engine.handle(json: #"{"type":"zcc-screen-pop","data":{"id":"C-NEW"}}"#).error?.code == .unknownContact)
    }

    @Test func aRemovedRecordLeavesASharedNumber() throws {
        let live = LiveDirectory(ContactDirectory(TestDirectory.contacts()))
        let engine = TestDirectory.engine(live)
        #expect(try engine.incoming(TestDirectory.shared, "E1").items.map(\.id) == ["C-JOHN", "C-MARY", "L-JOHN"])
        live.remove(id: "C-JOHN")
        live.remove(id: "L-JOHN")
        let next = try engine.incoming(TestDirectory.shared, "E2")
        #expect(next.items.map(\.id) == ["C-MARY"])
        #expect(next.actions.first?.pop?.reason == .singleMatch)
    }

    @Test func theCallLogUsesTheRecordAsItIsNow() throws {
        let live = LiveDirectory(ContactDirectory(TestDirectory.contacts()))
        let engine = TestDirectory.engine(live)
        _ = try engine.incoming("+16505550142", "E1")  // pops Mary
        var mary = try #require(live.withDirectory { $0.contact(id: "C-MARY") })
        mary.emails = [ContactEmail("mary.new@example.com")]
        live.upsert(mary)
        let log = try #require(try engine.must(.phoneCallLog(PhoneCallLog(objectRecord: .init(), engagementId: "E1"))).actions.first?.log)
        #expect(log.record?.email == "mary.new@example.com")
    }
}
