import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// `zcc-phone-call-log` → `logEngagement`, links and notes, and the HTML stripping.
@Suite struct CallLogTests {
    static let log = PhoneCallLog(
        objectRecord: .init(
            callType: .inbound, from: "+16505551234", to: "+18005550100", callDuration: .text("00:02:00"), callStartTime: .number(1_718_000_005_000),
            callEndTime: .number(1_718_000_125_000), callQueue: "Support", agentName: "Alex",
            notes: ["<p>Asked about <b>billing</b> &amp; refunds.</p><script>alert(1)</script>"], dispositionCode: "Resolved", dispositionId: "D1"),
        engagementId: "E1", smartNotes: ["<ul><li>Billing</li><li>Refund &#8364;20</li></ul>"],
        user: ContactItem(id: "FROM-LOG", name: "Someone"))

    @Test func theLogUsesTheEngagementsChosenRecord() throws {
        let engine = TestDirectory.engine()
        _ = try engine.incoming(TestDirectory.shared, "E1")
        _ = try engine.select("C-MARY")
        let log = try #require(try engine.must(.phoneCallLog(Self.log)).actions.first?.log)
        #expect(log.record?.id == "C-MARY")
        #expect(log.recordSource == .engagement)
        #expect(log.direction == .inbound)
        #expect(log.from == "+16505551234")
        #expect(log.durationSeconds == 120)
        #expect(log.dispositionCode == "Resolved")
        #expect(log.channel == .voice)
        #expect(log.notesHTML == Self.log.objectRecord.notes)
        #expect(log.notesPlainText == ["Asked about billing & refunds."])
        #expect(log.smartNotesPlainText == ["Billing\nRefund €20"])
    }

    @Test func withoutAChoiceTheLogsUserIsUsed() throws {
        let engine = TestDirectory.engine()
        let log = try #require(try engine.must(.phoneCallLog(Self.log)).actions.first?.log)
        #expect(log.record?.id == "FROM-LOG")
        #expect(log.recordSource == .callLog)
    }

    @Test func aRepeatedLogGivesNoSecondActionAndAChangedOneIsAnUpdate() throws {
        let engine = TestDirectory.engine()
        let line = #"{"type":"zcc-phone-call-log","data":{"objectRecord":{"callType":"inbound","notes":["<p>a</p>"],"type":"phone"},"engagementId":"G1","user":{"id":"C-MARY"}}}"#
        let first = engine.handle(json: line)
        #expect(first.actions.count == 1)
        #expect(first.actions.first?.log?.isUpdate == false)
        let repeated = engine.handle(json: line)
        #expect(repeated.error == nil)
        #expect(repeated.actions.isEmpty)
        let changed = line.replacingOccurrences(of: "<p>a</p>", with: "<p>a, then b</p>")
        let update = try #require(engine.handle(json: changed).actions.first?.log)
        #expect(update.isUpdate)
        #expect(update.notesPlainText == ["a, then b"])
        let encoded = String(decoding: try JSONEncoder().encode(HostAction.logEngagement(update)), as: UTF8.self)
        #expect(encoded.contains(#""update":true"#))
        #expect(engine.handle(json: changed).actions.isEmpty)
        // Another engagement's identical log is its own.
        #expect(engine.handle(json: line.replacingOccurrences(of: "G1", with: "G2")).actions.count == 1)
    }

    @Test func aLogsUserIsFilledFromTheDirectoryWhenItsIdResolves() throws {
        let engine = TestDirectory.engine()
        let line = #"{"type":"zcc-phone-call-log","data":{"objectRecord":{"callType":"inbound"},"engagementId":"G1","user":{"id":"C-MARY"}}}"#
        let log = try #require(engine.handle(json: line).actions.first?.log)
        #expect(log.recordSource == .callLog)
        let mary = try #require(TestDirectory.directory().contact(id: "C-MARY"))
        #expect(log.record == ContactItem(contact: mary))
        #expect(log.record?.name == "Mary Smith")
        #expect(log.record?.email == "mary@example.com")
        #expect(log.record?.entity == "contact")
        #expect(log.record?.phone != nil)
        // What the log gives is kept; an id the directory does not have stays as given.
        let named = #"{"type":"zcc-phone-call-log","data":{"objectRecord":{},"engagementId":"G2","user":{"id":"C-MARY","name":"M. Smith"}}}"#
        #expect(try #require(engine.handle(json: named).actions.first?.log).record?.name == "M. Smith")
        #expect(engine.handle(json: named).actions.isEmpty)
        let unknown = #"{"type":"zcc-phone-call-log","data":{"objectRecord":{},"engagementId":"G3","user":{"id":"NOPE"}}}"#
        #expect(try #require(engine.handle(json: unknown).actions.first?.log).record == ContactItem(id: "NOPE"))
    }

    @Test func recordingsAndLogPagesAreLinks() throws {
        let engine = TestDirectory.engine()
        let recording = try engine.must(.callRecording(CallRecording(engagementId: "E1", recordingUrl: "https://r")))
        #expect(recording.actions == [.attachLink(LinkAction(engagementId: "E1", kind: .recording, url: "https://r"))])
        let page = engine.handle(json: #"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","recordingUrl":"https://p"}}"#)
        #expect(page.actions == [.attachLink(LinkAction(engagementId: "E1", kind: .engagementLog, url: "https://p"))])
    }

    /// A redelivered recording or log-page message attaches nothing more; another URL, another
    /// kind or another engagement does.
    @Test func aRepeatedLinkIsAttachedOnce() throws {
        let engine = TestDirectory.engine()
        let recording = #"{"type":"zcc-call-recording","data":{"engagementId":"E1","recordingUrl":"https://r/1"}}"#
        #expect(engine.handle(json: recording).actions == [.attachLink(LinkAction(engagementId: "E1", kind: .recording, url: "https://r/1"))])
        #expect(engine.handle(json: recording).actions.isEmpty)
        let second = engine.handle(json: #"{"type":"zcc-call-recording","data":{"engagementId":"E1","recordingUrl":"https://r/2"}}"#)
        #expect(second.actions == [.attachLink(LinkAction(engagementId: "E1", kind: .recording, url: "https://r/2"))])
        let other = engine.handle(json: #"{"type":"zcc-call-recording","data":{"engagementId":"E2","recordingUrl":"https://r/1"}}"#)
        #expect(other.actions == [.attachLink(LinkAction(engagementId: "E2", kind: .recording, url: "https://r/1"))])
        let page = #"{"type":"zcc-engagement-log-url","data":{"engagementId":"E1","recordingUrl":"https://r/1"}}"#
        #expect(engine.handle(json: page).actions == [.attachLink(LinkAction(engagementId: "E1", kind: .engagementLog, url: "https://r/1"))])
        #expect(engine.handle(json: page).actions.isEmpty)
        // The log page in the document's own spelling is the same link.
        #expect(engine.handle(json: #"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","recordingUrl":"https://r/1"}}"#).actions.isEmpty)
    }

    @Test func notesAttachToTheConnectedEngagement() throws {
        let engine = TestDirectory.engine()
        _ = try engine.must(.callConnected(CallConnected(engagementId: "E7")))
        let outcome = try engine.must(.addNote(AddNote(comment: "<p>Call back</p><p>tomorrow</p>")))
        #expect(outcome.actions == [.addNote(NoteAction(engagementId: "E7", html: "<p>Call back</p><p>tomorrow</p>", plainText: "Call back\ntomorrow"))])
    }
}
