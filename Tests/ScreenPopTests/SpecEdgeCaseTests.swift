import Testing
@testable import ScreenPop

/// Messages at the edges of the document's rules: JSON a browser refuses, a close-wrap-up
/// command that also carries a URL, and a link event without its address.
@Suite struct SpecEdgeCaseTests {
    /// A comma before `}` or `]` is not JSON (a page's `JSON.parse` throws), on every path: the
    /// hot requests' fast scanner, the general decoder, and `screenpop validate`'s reading.
    @Test(arguments: [
        #"{"type":"zcc-init-config-request",}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"T1","channel":"voice",}}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"T1"},}"#,
        #"{"type":"zcc-phone-call-log","data":{"engagementId":"E","objectRecord":{"notes":["a",]}}}"#,
        #"{"type":"zcc-set-mute","data":{"mute":true,"channelType":"voice",}}"#,
    ])
    func aTrailingCommaIsMalformed(json: String) throws {
        let outcome = TestDirectory.engine().handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == .malformed)
        #expect(outcome.reply == nil)
        let verdict = MessageValidation(json: Array(json.utf8))
        #expect(verdict.error?.code == .malformed)
    }

    /// Commas inside strings are text, and a message without a trailing comma still passes.
    @Test func commasInsideStringsAreText() throws {
        let json = #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1 650 555 1234,}","engagementId":"T\",}1"}}"#
        #expect(!TrailingCommaCheck.hasTrailingComma(in: Array(json.utf8)))
        #expect(MessageValidation(json: Array(#"{"type":"zcc-init-config-request"}"#.utf8)).ok)
    }

    /// A close-wrap-up with the command's own fields is the command, URL or not: its rules
    /// apply (before, the URL made it the log-URL event, and a bad channel passed).
    @Test(arguments: [
        (#"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","channelType":"fax","requestId":"nope","recordingUrl":"https://x"}}"#, "data.channelType"),
        (#"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","channelType":"voice","requestId":"nope","url":"https://x"}}"#, "data.requestId"),
    ])
    func aCloseWrapUpWithTheCommandsFieldsIsCheckedAsTheCommand(json: String, field: String) throws {
        let verdict = MessageValidation(json: Array(json.utf8))
        let error = try #require(verdict.error)
        #expect(error.code == .invalidInput)
        #expect(error.field == field)
    }

    /// The document's own log-URL example still reads as the softphone's event.
    @Test func theDocumentsLogURLExampleIsTheEvent() {
        let json = #"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","recordingUrl":"https://example.com/log/E1"}}"#
        let verdict = MessageValidation(json: Array(json.utf8))
        #expect(verdict.ok)
        #expect(verdict.direction == .fromSoftphone)
        #expect(TestDirectory.engine().handle(json: json).actions.count == 1)
    }

    /// A recording or log page without its address is refused, naming the field.
    @Test(arguments: [
        #"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","recordingUrl":""}}"#,
        #"{"type":"zcc-engagement-log-url","data":{"engagementId":"E1","url":"  "}}"#,
    ])
    func aLinkWithoutItsAddressIsRefused(json: String) throws {
        let outcome = TestDirectory.engine().handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == .invalidInput)
        #expect(error.field == "data.recordingUrl")
        #expect(outcome.actions.isEmpty)
    }
}
