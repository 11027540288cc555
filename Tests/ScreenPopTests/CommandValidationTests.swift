import Foundation
import Testing

@testable import ScreenPop

/// Every rule the document states for host commands, passing and failing, as a table over the
/// JSON a host would post: a refused command is `invalid-input` naming the field.
@Suite struct CommandValidationTests {
    static let uuid = JSONValue.string("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c")

    static func s(_ text: String) -> JSONValue { .string(text) }

    /// A valid `data` for each command; the rows change one field at a time.
    static let valid: [String: [(String, JSONValue)]] = {
        let voice: [(String, JSONValue)] = [("engagementId", s("E1")), ("channelType", s("voice")), ("requestId", uuid)]
        return [
            "zcc-accept-engagement": voice,
            "zcc-reject-engagement": voice,
            "zcc-terminate-engagement": voice,
            "zcc-set-engagement-disposition": voice + [("dispositionId", s("D1"))],
            "zcc-close-engagement-wrapup": voice + [("note", s("ok"))],
            "zcc-engagement-status-request": [("requestId", uuid)],
            "zcc-agent-status-set-request": [("id", .number(1))],
            "zcc-set-mute": voice + [("mute", .bool(true))],
            "zcc-set-hold": voice + [("hold", .bool(true))],
            "zcc-send-dtmf": voice + [("digit", s("1"))],
            "zcc-set-recording": voice + [("action", s("pause"))],
            "zcc-transfer-engagement": voice + [("transferType", s("warm")), ("destination", s("+16505550199"))],
            "zcc-add-call": voice + [("destination", s("+16505550199"))],
            "zcc-cancel-consult": voice,
            "zcc-complete-transfer": voice,
            "zcc-merge-consult": voice,
            "zcc-upgrade-to-video": voice + [("method", s("email")), ("destination", s("mary@example.com"))],
            "zcc-get-disposition-codes": [("requestId", uuid), ("engagementId", s("E1"))],
            "zcc-send-chat-message": [
                ("engagementId", s("C1")), ("channelType", s("chat")), ("requestId", uuid), ("messagePayload", .object([("textBody", s("Hello"))])),
            ],
            "zcc-get-variables": [("engagementId", s("E1"))],
            "onclicktoact": [("phone", s("+16505551234"))],
        ]
    }()

    /// One row: a command, the fields changed (nil removes one), and the field named by the
    /// error, or nil when the command passes.
    struct Row: Sendable, CustomTestStringConvertible {
        var type: String
        var changes: [(String, JSONValue?)]
        var field: String?
        var testDescription: String {
            let change = changes.map { "\($0.0)=\($0.1.map { String("\($0)".prefix(30)) } ?? "absent")" }.joined(separator: ",")
            return "\(type) \(change) → \(field.map { "refused at \($0)" } ?? "ok")"
        }

        func json() throws -> [UInt8] {
            var data = CommandValidationTests.valid[type] ?? []
            for (key, value) in changes {
                data.removeAll { $0.0 == key }
                if let value { data.append((key, value)) }
            }
            return Array(try JSONEncoder().encode(JSONValue.object([("type", .string(type)), ("data", .object(data.map { ($0.0, $0.1) }))])))
        }
    }

    static func ok(_ type: String, _ changes: [(String, JSONValue?)] = []) -> Row { Row(type: type, changes: changes, field: nil) }
    static func refused(_ type: String, _ changes: [(String, JSONValue?)], at field: String) -> Row { Row(type: type, changes: changes, field: field) }

    static let voiceOnly = [
        "zcc-set-mute", "zcc-set-hold", "zcc-send-dtmf", "zcc-set-recording", "zcc-transfer-engagement", "zcc-add-call", "zcc-cancel-consult",
        "zcc-complete-transfer", "zcc-merge-consult", "zcc-upgrade-to-video",
    ]
    static let anyChannel = [
        "zcc-accept-engagement", "zcc-reject-engagement", "zcc-terminate-engagement", "zcc-set-engagement-disposition", "zcc-close-engagement-wrapup",
    ]
    static let needEngagement = anyChannel + voiceOnly + ["zcc-send-chat-message", "zcc-get-variables"]
    static let needRequestID = anyChannel + voiceOnly + ["zcc-engagement-status-request", "zcc-get-disposition-codes", "zcc-send-chat-message"]

    static let rows: [Row] = {
        var rows: [Row] = valid.keys.sorted().map { ok($0) }
        // requestId: a 128-bit UUID, in any case; required.
        for type in needRequestID {
            rows.append(refused(type, [("requestId", nil)], at: "data.requestId"))
            rows.append(refused(type, [("requestId", s("req-1"))], at: "data.requestId"))
        }
        rows += [
            ok("zcc-set-mute", [("requestId", s("9B7F2C1A-3E4D-4F8A-9B2C-5D6E7F8A9B0C"))]),
            refused("zcc-set-mute", [("requestId", s("9b7f2c1a3e4d4f8a9b2c5d6e7f8a9b0c"))], at: "data.requestId"),
            refused("zcc-set-mute", [("requestId", s("{9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c}"))], at: "data.requestId"),
            refused("zcc-set-mute", [("requestId", .number(42))], at: "data.requestId"),
        ]
        // channelType: voice, video, chat or sms; required where the document says so.
        for type in anyChannel {
            for channel in ["voice", "video", "chat", "sms"] { rows.append(ok(type, [("channelType", s(channel))])) }
            rows.append(refused(type, [("channelType", s("fax"))], at: "data.channelType"))
            rows.append(refused(type, [("channelType", nil)], at: "data.channelType"))
        }
        rows.append(refused("zcc-accept-engagement", [("channelType", s("Voice"))], at: "data.channelType"))
        // Voice only, chat only.
        for type in voiceOnly {
            rows.append(refused(type, [("channelType", s("video"))], at: "data.channelType"))
            rows.append(refused(type, [("channelType", s("chat"))], at: "data.channelType"))
            rows.append(refused(type, [("channelType", nil)], at: "data.channelType"))
        }
        rows.append(refused("zcc-send-chat-message", [("channelType", s("voice"))], at: "data.channelType"))
        rows.append(refused("zcc-send-chat-message", [("channelType", s("sms"))], at: "data.channelType"))
        // The engagement-status request: channelType optional (the example has none), checked when given.
        rows.append(ok("zcc-engagement-status-request", [("channelType", s("chat"))]))
        rows.append(ok("zcc-engagement-status-request", [("engagementId", s("E1"))]))
        rows.append(refused("zcc-engagement-status-request", [("channelType", s("fax"))], at: "data.channelType"))
        rows.append(refused("zcc-engagement-status-request", [("engagementId", s(""))], at: "data.engagementId"))
        // engagementId: required where the document requires it; a non-empty string.
        for type in needEngagement {
            rows.append(refused(type, [("engagementId", nil)], at: "data.engagementId"))
            rows.append(refused(type, [("engagementId", s(" "))], at: "data.engagementId"))
            rows.append(refused(type, [("engagementId", .number(7))], at: "data.engagementId"))
        }
        // mute and hold: JSON Booleans.
        for (type, key) in [("zcc-set-mute", "mute"), ("zcc-set-hold", "hold")] {
            rows.append(ok(type, [(key, .bool(false))]))
            rows.append(refused(type, [(key, s("true"))], at: "data.\(key)"))
            rows.append(refused(type, [(key, .number(1))], at: "data.\(key)"))
            rows.append(refused(type, [(key, nil)], at: "data.\(key)"))
        }
        // DTMF: exactly one of 0-9, *, #.
        for digit in DTMFDigit.allCases { rows.append(ok("zcc-send-dtmf", [("digit", s(digit.rawValue))])) }
        for digit in ["", "55", "A", " 5", "5 ", "٣", "+", "**"] { rows.append(refused("zcc-send-dtmf", [("digit", s(digit))], at: "data.digit")) }
        rows.append(refused("zcc-send-dtmf", [("digit", .number(5))], at: "data.digit"))
        rows.append(refused("zcc-send-dtmf", [("digit", nil)], at: "data.digit"))
        // Recording action: pause, resume, stop, any case.
        for action in ["pause", "resume", "stop", "PAUSE", "Resume", "sToP"] { rows.append(ok("zcc-set-recording", [("action", s(action))])) }
        for action in ["start", "", "paused"] { rows.append(refused("zcc-set-recording", [("action", s(action))], at: "data.action")) }
        rows.append(refused("zcc-set-recording", [("action", nil)], at: "data.action"))
        // transferType: direct or warm; required for a transfer, warm by default for add call.
        for type in ["zcc-transfer-engagement", "zcc-add-call"] {
            rows.append(ok(type, [("transferType", s("direct"))]))
            rows.append(ok(type, [("transferType", s("warm"))]))
            rows.append(refused(type, [("transferType", s("blind"))], at: "data.transferType"))
            rows.append(refused(type, [("transferType", s("direct r warm"))], at: "data.transferType"))
        }
        rows.append(refused("zcc-transfer-engagement", [("transferType", nil)], at: "data.transferType"))
        rows.append(ok("zcc-add-call", [("transferType", nil)]))
        // destination: required for transfer, add call, upgrade to video.
        for type in ["zcc-transfer-engagement", "zcc-add-call", "zcc-upgrade-to-video"] {
            rows.append(refused(type, [("destination", nil)], at: "data.destination"))
            rows.append(refused(type, [("destination", s(""))], at: "data.destination"))
        }
        // Upgrade method: sms, email, manual, any case.
        for method in ["sms", "email", "manual", "EMAIL", "Sms"] { rows.append(ok("zcc-upgrade-to-video", [("method", s(method))])) }
        rows.append(refused("zcc-upgrade-to-video", [("method", s("whatsapp"))], at: "data.method"))
        rows.append(refused("zcc-upgrade-to-video", [("method", nil)], at: "data.method"))
        // Close wrap-up note: at most 2,000 characters (UTF-16 code units, as JavaScript counts).
        rows.append(ok("zcc-close-engagement-wrapup", [("note", nil)]))
        rows.append(ok("zcc-close-engagement-wrapup", [("note", s(String(repeating: "a", count: 2000)))]))
        rows.append(ok("zcc-close-engagement-wrapup", [("note", s(String(repeating: "😀", count: 1000)))]))
        rows.append(refused("zcc-close-engagement-wrapup", [("note", s(String(repeating: "a", count: 2001)))], at: "data.note"))
        rows.append(refused("zcc-close-engagement-wrapup", [("note", s(String(repeating: "😀", count: 1001)))], at: "data.note"))
        rows.append(refused("zcc-close-engagement-wrapup", [("note", .number(1))], at: "data.note"))
        // Disposition: dispositionId required. Disposition codes: engagementId or queueId.
        rows.append(refused("zcc-set-engagement-disposition", [("dispositionId", nil)], at: "data.dispositionId"))
        rows.append(ok("zcc-set-engagement-disposition", [("dispositionId", .number(12))]))
        rows.append(ok("zcc-get-disposition-codes", [("engagementId", nil), ("queueId", s("Q1"))]))
        rows.append(ok("zcc-get-disposition-codes", [("queueId", .number(7))]))
        rows.append(ok("zcc-get-disposition-codes", [("channelType", s("sms"))]))
        rows.append(refused("zcc-get-disposition-codes", [("engagementId", nil)], at: "data.engagementId"))
        rows.append(refused("zcc-get-disposition-codes", [("channelType", s("phone"))], at: "data.channelType"))
        rows.append(refused("zcc-get-disposition-codes", [("engagementId", nil), ("queueId", s(""))], at: "data.queueId"))
        // Chat message: messagePayload.textBody not empty.
        rows.append(ok("zcc-send-chat-message", [("conversationId", s("CONV")), ("participantId", .number(3))]))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", .object([("textBody", s(""))]))], at: "data.messagePayload.textBody"))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", .object([("textBody", s(" \n"))]))], at: "data.messagePayload.textBody"))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", .object([]))], at: "data.messagePayload.textBody"))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", .object([("textBody", .number(1))]))], at: "data.messagePayload.textBody"))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", nil)], at: "data.messagePayload"))
        rows.append(refused("zcc-send-chat-message", [("messagePayload", s("Hello"))], at: "data.messagePayload"))
        // Agent status set: a status code.
        rows.append(ok("zcc-agent-status-set-request", [("id", s("15"))]))
        rows.append(refused("zcc-agent-status-set-request", [("id", nil)], at: "data.id"))
        rows.append(refused("zcc-agent-status-set-request", [("id", .bool(true))], at: "data.id"))
        // onclicktoact: a phone that can be dialled for a call; an email alone is another channel.
        rows.append(ok("onclicktoact", [("id", s("0035g00000AbCdF")), ("name", s("Mary Smith")), ("email", s("mary@example.com"))]))
        rows.append(ok("onclicktoact", [("phone", nil), ("email", s("mary@example.com"))]))
        rows.append(refused("onclicktoact", [("phone", nil)], at: "data.phone"))
        rows.append(refused("onclicktoact", [("phone", nil), ("email", s(""))], at: "data.phone"))
        rows.append(refused("onclicktoact", [("phone", s("call me"))], at: "data.phone"))
        rows.append(refused("onclicktoact", [("phone", s(""))], at: "data.phone"))
        rows.append(refused("onclicktoact", [("phone", .number(16_505_551_234))], at: "data.phone"))
        return rows
    }()

    @Test(arguments: rows)
    func theRuleHolds(row: Row) throws {
        let json = try row.json()
        let verdict = MessageValidation(json: json)
        #expect(verdict.type == row.type)
        #expect(verdict.known)
        if let field = row.field {
            let error = try #require(verdict.error, "accepted: \(String(decoding: json, as: UTF8.self))")
            #expect(error.code == .invalidInput)
            #expect(error.field == field, "\(error)")
            #expect(error.messageType == row.type)
            #expect(!error.message.isEmpty)
            #expect(throws: ScreenPopError.self) { try HostMessage.decode(json: json) }
        } else {
            #expect(verdict.error == nil, "refused: \(verdict.error.map { "\($0)" } ?? "")")
            #expect(verdict.direction == .fromHost)
            // A valid command is written back to the same command.
            let message = try HostMessage.decode(json: json)
            #expect(try HostMessage.decode(json: ScreenPopEngine.encode(message)) == message)
        }
    }

    @Test func addCallIsWarmByDefault() throws {
        let json = try Row(type: "zcc-add-call", changes: [("transferType", nil)], field: nil).json()
        guard case .addCall(let command) = try HostMessage.decode(json: json) else {
            Issue.record("expected zcc-add-call")
            return
        }
        #expect(command.transferType == .warm)
        #expect(try Golden.value(ScreenPopEngine.encode(command.message))["data"]?["transferType"] == .string("warm"))
    }

    @Test func caseInsensitiveValuesAreWrittenInLowerCase() throws {
        let recording = try Row(type: "zcc-set-recording", changes: [("action", Self.s("STOP"))], field: nil).json()
        #expect(try Golden.value(ScreenPopEngine.encode(try HostMessage.decode(json: recording)))["data"]?["action"] == .string("stop"))
        let upgrade = try Row(type: "zcc-upgrade-to-video", changes: [("method", Self.s("Manual"))], field: nil).json()
        #expect(try Golden.value(ScreenPopEngine.encode(try HostMessage.decode(json: upgrade)))["data"]?["method"] == .string("manual"))
    }

    @Test func dataMustBeAnObject() throws {
        for data in [#""x""#, "[]", "null", "3"] {
            let verdict = MessageValidation(json: Array(#"{"type":"zcc-set-mute","data":\#(data)}"#.utf8))
            #expect(verdict.error?.code == .invalidInput)
            #expect(verdict.error?.field == "data")
        }
        let missing = MessageValidation(json: Array(#"{"type":"zcc-set-mute"}"#.utf8))
        #expect(missing.error?.field == "data")
    }
}
