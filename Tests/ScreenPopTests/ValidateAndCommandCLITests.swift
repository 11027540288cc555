import Foundation
import Testing

@testable import ScreenPop

/// `screenpop validate` and `screenpop command` end to end: their fixed output contracts.
@Suite struct ValidateAndCommandCLITests {
    typealias CLI = ScreenPopCommandTests

    @Test func validateWritesOneVerdictPerLineInOrder() throws {
        let lines = [
            try String(decoding: Golden.bytes("zcc-send-dtmf"), as: UTF8.self).trimmingCharacters(in: .newlines),
            try String(decoding: Golden.bytes("zcc-call-ringing"), as: UTF8.self).trimmingCharacters(in: .newlines),
            #"{"type":"zcc-send-dtmf","data":{"engagementId":"E1","channelType":"voice","requestId":"9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c","digit":"55"}}"#,
            "not json {",
            #"{"type":"zcc-something-new","data":{}}"#,
            "",
            #"{"type":"zcc-close-engagement-wrapup","data":{"engagementId":"E1","recordingUrl":"https://zoom.us/log/E1"}}"#,
            #"{"type":"zcc-call-ended","data":{}}"#,
            #"{"no":"type"}"#,
        ]
        let input = Array((lines.joined(separator: "\n") + "\r\n").utf8)
        let run = try CLI.run(["validate"], input: input)
        #expect(run.status == 0)
        #expect(run.lines.count == lines.count)
        let verdicts = try run.lines.map(CLI.json)
        #expect(run.lines[0] == #"{"ok":true,"type":"zcc-send-dtmf"}"#)
        #expect(run.lines[1] == #"{"ok":true,"type":"zcc-call-ringing"}"#)
        #expect(verdicts[2]["ok"] == .bool(false))
        #expect(verdicts[2]["type"] == .string("zcc-send-dtmf"))
        #expect(verdicts[2]["error"]?["code"] == .string("invalid-input"))
        #expect(verdicts[2]["error"]?["field"] == .string("data.digit"))
        #expect(verdicts[2]["error"]?["message"]?.stringValue?.isEmpty == false)
        #expect(verdicts[3]["ok"] == .bool(false))
        #expect(verdicts[3]["type"] == nil)
        #expect(verdicts[3]["error"]?["code"] == .string("malformed"))
        #expect(run.lines[4] == #"{"ok":true,"type":"zcc-something-new","known":false}"#)
        #expect(verdicts[5]["error"]?["code"] == .string("malformed"))
        #expect(run.lines[6] == #"{"ok":true,"type":"zcc-close-engagement-wrapup"}"#)
        #expect(verdicts[7]["error"]?["field"] == .string("data.engagementId"))
        #expect(verdicts[8]["error"]?["code"] == .string("malformed"))
    }

    @Test func validateAcceptsEveryGoldenMessage() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var input: [UInt8] = []
        for name in names {
            var bytes = try Golden.bytes(String(name.dropLast(5)))
            while bytes.last == 0x0A { bytes.removeLast() }
            input += bytes + [0x0A]
        }
        let run = try CLI.run(["validate"], input: input)
        #expect(run.lines.count == names.count)
        for (name, line) in zip(names, run.lines) {
            #expect(try CLI.json(line)["ok"] == .bool(true), "\(name): \(line)")
        }
    }

    @Test func commandPrintsOneValidatedCommand() throws {
        let run = try CLI.run(["command", "send-dtmf", "--engagement-id", "E1", "--digit", "5"])
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        let json = try CLI.json(run.lines[0])
        #expect(json["type"] == .string("zcc-send-dtmf"))
        #expect(json["data"]?["engagementId"] == .string("E1"))
        #expect(json["data"]?["channelType"] == .string("voice"))
        #expect(json["data"]?["digit"] == .string("5"))
        #expect(RequestID(json["data"]?["requestId"]?.stringValue ?? "") != nil)
        // What it prints validates.
        #expect(MessageValidation(json: Array(run.lines[0].utf8)).ok)
    }

    @Test func commandTakesEveryField() throws {
        let chat = try CLI.run([
            "command", "zcc-send-chat-message", "--engagement-id", "C1", "--text-body", "Hello", "--conversation-id", "CONV",
            "--request-id", "9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c",
        ])
        #expect(chat.status == 0)
        let json = try CLI.json(chat.lines.first ?? "")
        #expect(json["data"]?["messagePayload"]?["textBody"] == .string("Hello"))
        #expect(json["data"]?["conversationId"] == .string("CONV"))
        #expect(json["data"]?["requestId"] == .string("9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c"))
        let dial = try CLI.run(["command", "onclicktoact", "--phone", "+16505551234", "--name", "Mary Smith", "--id", "0035g00000AbCdF"])
        #expect(dial.status == 0)
        #expect(try CLI.json(dial.lines.first ?? "")["data"]?["name"] == .string("Mary Smith"))
    }

    @Test(arguments: [
        (["command", "send-dtmf", "--engagement-id", "E1", "--digit", "55"], "data.digit"),
        (["command", "set-mute", "--engagement-id", "E1", "--mute", "perhaps"], "data.mute"),
        (["command", "send-dtmf", "--digit", "5"], "data.engagementId"),
        (["command", "set-hold", "--engagement-id", "E1", "--hold", "true", "--digit", "5"], "data.digit"),
        (
            ["command", "close-engagement-wrapup", "--engagement-id", "E1", "--channel-type", "voice", "--note", String(repeating: "x", count: 2001)],
            "data.note"
        ),
        (["command", "no-such-command"], "type"),
    ])
    func commandRefusesWithTheFieldAndANonZeroExit(arguments: [String], field: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let error = try CLI.json(run.stderr.trimmingCharacters(in: .newlines))
        #expect(error["ok"] == .bool(false))
        #expect(error["error"]?["code"] == .string("invalid-input"))
        #expect(error["error"]?["field"] == .string(field))
    }
}
