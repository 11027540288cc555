import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// Validation of incoming JSON: typed errors naming the field, loose fields tolerated, size
/// limit, unknown types.
@Suite struct MessageValidationTests {
    static let failures: [(json: String, code: ScreenPopError.Code, field: String?)] = [
        (#"{"type":"zcc-call-ended","data":{"completeTs":1}}"#, .invalidInput, "data.engagementId"),
        (#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1","channel":"voice"}}"#, .invalidInput, "data.engagementId"),
        (#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1","engagementId":"E","channel":"chat"}}"#, .invalidInput, "data.channel"),
        (#"{"type":"zcc-incomingEmail-request","data":{"email":"a@b.c","engagementId":"E","channel":"voice"}}"#, .invalidInput, "data.channel"),
        (#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1","engagementId":{"x":1}}}"#, .invalidInput, "data.engagementId"),
        (#"{"type":"zcc-call-ringing","data":{"engagementId":"E","isTransfer":"maybe"}}"#, .invalidInput, "data.isTransfer"),
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E","direction":"sideways"}}"#, .invalidInput, "data.direction"),
        (#"{"type":"zcc-phone-call-log","data":{"engagementId":"E","objectRecord":{"notes":[1]}}}"#, .invalidInput, "data.objectRecord.notes[0]"),
        (#"{"type":"zcc-screen-pop","data":{}}"#, .invalidInput, "data.id"),
        (#"{"type":"zcc-screen-pop"}"#, .invalidInput, "data"),
        (#"{"type":"zcc-chat-ended","data":[]}"#, .invalidInput, "data"),
        (#"{"type":7}"#, .invalidInput, "type"),
        (#"{"data":{}}"#, .invalidInput, "type"),
        (#"[1,2]"#, .malformed, nil),
        (#"{"type":"zcc-call-ended""#, .malformed, nil),
        ("", .malformed, nil),
        ("\u{FEFF}", .malformed, nil),
    ]

    @Test(arguments: failures)
    func badMessagesAreTypedErrors(json: String, code: ScreenPopError.Code, field: String?) throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == code)
        #expect(error.field == field)
        #expect(outcome.reply == nil)
        let line = try Golden.value(outcome.line)
        #expect(line["type"] == .string("error"))
        #expect(line["error"]?["code"] == .string(code.rawValue))
    }

    @Test(arguments: ["null", " null ", "[]", #""x""#, "1", "true"])
    func aMessageThatIsNotAnObjectIsMalformed(json: String) throws {
        let outcome = TestDirectory.engine().handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == .malformed)
        #expect(error.field == nil)
        #expect(error.message == "a message is a JSON object")
        #expect(outcome.line == TestDirectory.engine().handle(json: "[]").line)
        #expect(MessageValidation(json: Array(json.utf8)).error?.message == "a message is a JSON object")
    }

    @Test(arguments: [
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"","channel":"voice"}}"#,
        #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"  "}}"#,
        #"{"type":"zcc-incomingEmail-request","data":{"email":"mary@example.com","engagementId":"","channel":"chat"}}"#,
        #"{"type":"zcc-call-ringing","data":{"engagementId":"","from":"+16505550142"}}"#,
        #"{"type":"zcc-call-connected","data":{"engagementId":"\t"}}"#,
        #"{"type":"zcc-call-ended","data":{"engagementId":""}}"#,
        #"{"type":"zcc-chat-started","data":{"engagementId":""}}"#,
        #"{"type":"zcc-inbound-not-connected","data":{"engagementId":""}}"#,
        #"{"type":"zcc-phone-call-log","data":{"engagementId":"","objectRecord":{}}}"#,
        #"{"type":"zcc-call-recording","data":{"engagementId":"","recordingUrl":"https://x.example/r"}}"#,
        #"{"type":"zcc-end-post-engagement","data":{"engagementId":"\u00a0"}}"#,
    ])
    func anEmptyEngagementIdIsRefusedLikeAHostCommands(json: String) throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == .invalidInput)
        #expect(error.field == "data.engagementId")
        #expect(error.message == "data.engagementId must not be empty")
        #expect(outcome.actions.isEmpty)
        let verdict = MessageValidation(json: Array(json.utf8))
        #expect(verdict.error?.field == "data.engagementId")
        // The same rule as a host command's.
        #expect(throws: ScreenPopError.self) { try AcceptEngagement(engagementId: "", channelType: .voice) }
    }

    @Test(arguments: [
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E1","acceptTs":true}}"#, "data.acceptTs"),
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E1","acceptTs":{"at":1}}}"#, "data.acceptTs"),
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E1","acceptTs":1e400}}"#, "data.acceptTs"),
        (#"{"type":"zcc-call-ringing","data":{"engagementId":"E1","createTs":[1]}}"#, "data.createTs"),
        (#"{"type":"zcc-phone-call-log","data":{"engagementId":"E1","objectRecord":{"callDuration":false}}}"#, "data.objectRecord.callDuration"),
    ])
    func aTimeOfAnotherKindMustBeANumberOrAString(json: String, field: String) throws {
        let error = try #require(TestDirectory.engine().handle(json: json).error)
        #expect(error.code == .invalidInput)
        #expect(error.field == field)
        #expect(error.message == "\(field) must be a number or a string")
    }

    /// A refusal's message names the field it refuses (the one in `field`), and says what the
    /// field may hold.
    @Test(arguments: [
        (#"{"type":"zcc-phone-call-log","data":{"engagementId":"E","objectRecord":{"callType":"sideways"}}}"#,
         "data.objectRecord.callType", #"data.objectRecord.callType must be inbound or outbound, not "sideways""#),
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E","direction":"sideways"}}"#,
         "data.direction", #"data.direction must be inbound or outbound, not "sideways""#),
        (#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1","engagementId":"E","channel":"chat"}}"#,
         "data.channel", #"data.channel must be one of voice, sms, not "chat""#),
        (#"{"type":"zcc-incomingEmail-request","data":{"email":"a@b.c","engagementId":"E","channel":"sms"}}"#,
         "data.channel", #"data.channel must be one of chat, video, not "sms""#),
        (#"{"type":"zcc-screen-pop","data":{"id":true}}"#, "data.id", "data.id must be a number or a string"),
        (#"{"type":"zcc-call-connected","data":{"engagementId":"E","from":["+1"]}}"#, "data.from", "data.from must be a number or a string"),
    ])
    func aRefusalNamesItsField(json: String, field: String, message: String) throws {
        let error = try #require(TestDirectory.engine().handle(json: json).error)
        #expect(error.code == .invalidInput)
        #expect(error.field == field)
        #expect(error.message == message)
        #expect(MessageValidation(json: Array(json.utf8)).error?.message == message)
    }

    /// JSON leaves repeated names undefined (JSONDecoder keeps the first, a browser the last):
    /// a repeated field of the message or of its `data` is refused, on every path.
    @Test(arguments: [
        (#"{"type":"zcc-screen-pop","data":{"id":"NOPE"},"data":{"id":"C-MARY"}}"#, "data"),
        (#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","incomingPhoneNumber":"+442079460018","engagementId":"E1"}}"#, "data.incomingPhoneNumber"),
        (#"{"type":"zcc-call-ended","data":{"engagementId":"E1","engagement\u0049d":"E2"}}"#, "data.engagementId"),
        (#"{"type":"zcc-send-dtmf","data":{"engagementId":"E1","channelType":"voice","requestId":"9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c","digit":"5","digit":"6"}}"#, "data.digit"),
    ])
    func aRepeatedFieldIsRefused(json: String, field: String) throws {
        let outcome = TestDirectory.engine().handle(json: json)
        let error = try #require(outcome.error)
        #expect(error.code == .invalidInput)
        #expect(error.field == field)
        #expect(outcome.actions.isEmpty)
        #expect(MessageValidation(json: Array(json.utf8)).error?.field == field)
    }

    @Test func aRepeatedTypeIsMalformed() throws {
        let json = #"{"type":"zcc-init-config-request","type":"zcc-resize"}"#
        let error = try #require(TestDirectory.engine().handle(json: json).error)
        #expect(error.code == .malformed)
        #expect(error.message == "type appears more than once; a message has one type")
        #expect(MessageValidation(json: Array(json.utf8)).error?.code == .malformed)
    }

    @Test func theSameNameAtOtherDepthsIsNoRepeat() throws {
        let json = #"{"type":"zcc-phone-call-log","data":{"engagementId":"E1","objectRecord":{"type":"phone","notes":["a"]},"user":{"id":"C-MARY","type":"x"}}}"#
        #expect(TestDirectory.engine().handle(json: json).error == nil)
        #expect(RepeatedFieldCheck.firstRepeatedField(in: Array(#"{"data":{"a":[{"a":1},{"a":2}],"b":"a\"a"},"type":"x"}"#.utf8)) == nil)
        #expect(RepeatedFieldCheck.firstRepeatedField(in: Array("not json".utf8)) == nil)
    }

    @Test func aNullDataSaysWhatItMustBe() throws {
        let error = try #require(TestDirectory.engine().handle(json: #"{"type":"zcc-call-ended","data":null}"#).error)
        #expect(error.field == "data")
        #expect(error.message == "data must be an object, not null")
    }

    @Test func theErrorNamesTheMessageType() {
        let outcome = TestDirectory.engine().handle(json: #"{"type":"zcc-call-ended","data":{}}"#)
        #expect(outcome.error?.messageType == "zcc-call-ended")
    }

    @Test func looseFieldsAreTolerated() throws {
        let engine = TestDirectory.engine()
        let json = #"""
            {"type":"zcc-call-connected","data":{"engagementId":"E1","acceptTs":"2026-11-25T06:00:00Z","direction":"INBOUND","queueId":42,"from":16505551234}}
            """#
        let outcome = engine.handle(json: json)
        #expect(outcome.error == nil)
        let record = try #require(engine.engagement("E1"))
        #expect(record.connectedAt == .text("2026-11-25T06:00:00Z"))
        #expect(record.connectedAt?.date == Date(timeIntervalSince1970: 1_795_586_400))
        #expect(record.direction == .inbound)
        #expect(Timestamp.number(1_718_000_000_000).date == Date(timeIntervalSince1970: 1_718_000_000))
        #expect(Timestamp.text("1718000000").date == Date(timeIntervalSince1970: 1_718_000_000))
    }

    @Test func optionalFieldsMayBeAbsentOrNull() {
        let engine = TestDirectory.engine()
        #expect(engine.handle(json: #"{"type":"zcc-call-ringing","data":{"engagementId":"E1","from":null}}"#).error == nil)
        #expect(engine.handle(json: #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"E2"}}"#).error == nil)
        #expect(engine.engagement("E2")?.channel == .voice)
    }

    @Test func unknownTypesAreKeptRawAndNeedNoReply() throws {
        let engine = TestDirectory.engine()
        // As received: keys out of order, spacing, a number spelled with an exponent, and an
        // integer beyond 2^53 that a Double would round.
        let json = #"{ "data": {"x":[1,"two",{"three":3e0}], "big": 9007199254740993}, "type":"zcc-brand-new" }"#
        let message = try ScreenPopEngine.decode(json: Array(json.utf8))
        guard case .unknown(let type, let raw) = message else {
            Issue.record("expected .unknown")
            return
        }
        #expect(type == "zcc-brand-new")
        #expect(raw.bytes == Array(json.utf8))
        #expect(raw.isVerbatim)
        #expect(raw.text.contains("9007199254740993"))
        let outcome = engine.handle(json: json)
        #expect(outcome.error == nil)
        #expect(outcome.line == Array("null".utf8))
    }

    @Test func messagesAboveTheLimitAreRefused() {
        let engine = ScreenPopEngine(directory: TestDirectory.directory(), configuration: ScreenPopConfiguration(maximumMessageBytes: 100))
        let big = #"{"type":"zcc-add-note","data":{"comment":""# + String(repeating: "x", count: 200) + #""}}"#
        #expect(engine.handle(json: big).error?.code == .messageTooLarge)
    }

    @Test func deepNestingDoesNotCrash() throws {
        let engine = TestDirectory.engine()
        // Deeper than JSONDecoder allows (512 levels): a typed error, not a crash.
        let deep = #"{"type":"zcc-x","data":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}"
        let outcome = engine.handle(json: deep)
        #expect(outcome.error?.code == .malformed)
        #expect(outcome.reply == nil)
        let line = try Golden.value(outcome.line)
        #expect(line["type"] == .string("error"))
        // Within the limit, an unknown type is kept and needs no reply.
        let shallow = #"{"type":"zcc-x","data":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        let kept = engine.handle(json: shallow)
        #expect(kept.error == nil)
        #expect(kept.line == Array("null".utf8))
    }
}
