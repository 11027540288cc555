import Foundation
import Testing
@testable import ScreenPop

/// The `screenpop` executable end to end: the replay contract on examples/session.jsonl and on
/// malformed input, `--timings`, `--actions`, the load report on stderr, `search` and `check`.
///
/// It runs the executable built next to the test bundle (`swift build --build-tests` and
/// `swift test` build every product); `SCREENPOP` names another one.
@Suite struct ScreenPopCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contacts = root.appendingPathComponent("examples/contacts.csv").path
    static let session = root.appendingPathComponent("examples/session.jsonl")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["SCREENPOP"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = bundle.appendingPathComponent("screenpop")
        try #require(FileManager.default.isExecutableFile(atPath: candidate.path), "no screenpop executable at \(candidate.path); build the package first")
        return candidate
    }

    /// Runs `screenpop arguments` with `input` on stdin.
    static func run(_ arguments: [String], input: [UInt8] = []) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("screenpop-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdin = folder.appendingPathComponent("in"), stdout = folder.appendingPathComponent("out"), stderr = folder.appendingPathComponent("err")
        try Data(input).write(to: stdin)
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8))
    }

    static func json(_ line: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("screenpop-\(UUID().uuidString)-\(name)").path
    }

    @Test func replayingTheSessionKeepsTheContract() throws {
        let input = try Data(contentsOf: Self.session)
        let inputLines = String(decoding: input, as: UTF8.self).split(separator: "\n").map(String.init)
        let timings = Self.temporaryPath("timings.tsv"), actions = Self.temporaryPath("actions.jsonl")
        defer {
            try? FileManager.default.removeItem(atPath: timings)
            try? FileManager.default.removeItem(atPath: actions)
        }
        let run = try Self.run(["replay", "--contacts", Self.contacts, "--timings", timings, "--actions", actions], input: Array(input))
        #expect(run.status == 0)

        // One line per input line, in order: the reply, or null.
        let replies = try run.lines.map(Self.json)
        try #require(replies.count == inputLines.count)
        let expectedTypes: [String?] = inputLines.map { line in
            switch try? Self.json(line)["type"]?.stringValue {
            case "zcc-init-config-request": "zcc-init-config-response"
            case "zcc-incomingPhone-request": "zcc-incomingPhone-response"
            case "zcc-incomingEmail-request": "zcc-incomingEmail-response"
            case "zcc-contact-search-event": "zcc-contact-search-response"
            default: nil
            }
        }
        #expect(replies.map { $0["type"]?.stringValue } == expectedTypes)
        for (reply, type) in zip(replies, expectedTypes) where type == nil { #expect(reply == .null) }
        // The ringing call's number: every record that has it, ranked; the SMS: Mary alone.
        let ringing = try #require(replies.firstIndex { $0["type"] == .string("zcc-incomingPhone-response") })
        guard case .array(let items)? = replies[ringing]["data"] else { throw Failure("no array") }
        #expect(items.map { $0["id"] } == [.string("0035g00000AbCdE"), .string("0035g00000AbCdF"), .string("00Q5g00000LeAd1")])
        #expect(items.allSatisfy { $0["phone"] == .string("+16505551234") })

        // --timings: index<TAB>nanoseconds, one per message.
        let timingLines = try String(contentsOfFile: timings, encoding: .utf8).split(separator: "\n")
        #expect(timingLines.count == inputLines.count)
        for (index, line) in timingLines.enumerated() {
            let fields = line.split(separator: "\t")
            #expect(fields.count == 2)
            #expect(fields.first.flatMap { Int($0) } == index)
            #expect((fields.last.flatMap { Int($0) } ?? -1) > 0)
        }

        // --actions: JSON Lines naming the input line and its type.
        let actionLines = try String(contentsOfFile: actions, encoding: .utf8).split(separator: "\n").map { try Self.json(String($0)) }
        #expect(actionLines.map { $0["index"] } == [2, 3, 6, 8, 12, 14].map { JSONValue.number($0) })
        #expect(actionLines.map { $0["action"]?.stringValue } == ["chooseAmong", "pop", "logEngagement", "pop", "pop", "addNote"])
        let selection = actionLines[1]
        #expect(selection["type"] == .string("zcc-screen-pop"))
        #expect(selection["engagementId"] == .string("ENG-1001"))
        #expect(selection["reason"] == .string("agent-selection"))
        #expect(selection["contact"]?["id"] == .string("0035g00000AbCdF"))
        let log = actionLines[2]
        #expect(log["record"]?["id"] == .string("0035g00000AbCdF"))
        #expect(log["recordSource"] == .string("engagement"))
        #expect(log["notesPlainText"] == .array([.string("Mary asked about the November invoice & a refund.\nCall back Friday.")]))

        // The load report of the real loader, on stderr.
        #expect(run.stderr.contains("rows read 22, loaded 21, updated 0, rejected 1; 4 problems"))
        #expect(run.stderr.contains(#"line 20, column "phone": phone "call me maybe" kept raw and not indexed"#))
        #expect(run.stderr.contains("line 23: the row has no id, so it was skipped"))
    }

    @Test func malformedLinesGiveErrorLinesAndReplayGoesOn() throws {
        var input: [UInt8] = []
        for line in [
            #"{"type":"zcc-init-config-request"}"#,
            "not json",
            "",
            #"{"type":"zcc-call-ended","data":{}}"#,
            #"{"type":"zcc-screen-pop","data":{"id":"NOPE"}}"#,
        ] { input += Array(line.utf8) + [0x0A] }
        input += [0xFF, 0xFE, 0x7B, 0x0A]  // not UTF-8
        input += Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"E9"}}"#.utf8) + [0x0D, 0x0A]
        input += Array(#"{"type":"zcc-brand-new","data":{}}"#.utf8)  // the last line has no line break
        let run = try Self.run(["replay", "--contacts", Self.contacts], input: input)
        #expect(run.status == 0)
        let lines = try run.lines.map(Self.json)
        try #require(lines.count == 8)
        #expect(lines[0]["type"] == .string("zcc-init-config-response"))
        for index in [1, 2, 5] {
            #expect(lines[index]["type"] == .string("error"))
            #expect(lines[index]["error"]?["code"] == .string("malformed"))
        }
        #expect(lines[3]["error"]?["code"] == .string("invalid-input"))
        #expect(lines[3]["error"]?["field"] == .string("data.engagementId"))
        #expect(lines[3]["error"]?["type"] == .string("zcc-call-ended"))
        #expect(lines[4]["error"]?["code"] == .string("unknown-contact"))
        #expect(lines[4]["error"]?["field"] == .string("data.id"))
        #expect(lines[6]["data"]?.arrayCount == 1)
        #expect(lines[6]["data"]?.first?["id"] == .string("0035g00000AbCdF"))
        #expect(lines[7] == .null)
    }

    @Test func theActionsCanBeWrittenForAPerson() throws {
        let actions = Self.temporaryPath("actions.txt")
        defer { try? FileManager.default.removeItem(atPath: actions) }
        let run = try Self.run(
            ["replay", "--contacts", Self.contacts, "--actions", actions, "--actions-format", "text"], input: Array(try Data(contentsOf: Self.session)))
        #expect(run.status == 0)
        let text = try String(contentsOfFile: actions, encoding: .utf8)
        #expect(text.contains("#2 zcc-incomingPhone-request: let the agent choose for ENG-1001 among 3 records"))
        #expect(text.contains("#3 zcc-screen-pop: open Mary Smith (contact 0035g00000AbCdF"))
        #expect(text.contains("#6 zcc-phone-call-log: log ENG-1001 against Mary Smith"))
    }

    @Test func searchPrintsATableOrJSON() throws {
        let table = try Self.run(["search", "--contacts", Self.contacts, "0142"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("#  id") == true)
        #expect(rows.count >= 3)
        #expect(rows[2].contains("0035g00000AbCdF") && rows[2].contains("Mary Smith") && rows[2].contains("phone_fragment"))
        let json = try Self.run(["search", "--contacts", Self.contacts, "--json", "hans@müller.de"])
        #expect(json.status == 0)
        let reply = try Self.json(json.stdout.trimmingCharacters(in: .newlines))
        #expect(reply["type"] == .string("zcc-contact-search-response"))
        #expect(reply["data"]?.first?["id"] == .string("51000000037"))
    }

    /// A very long value is cut in the table (whole in `--json`), and no line ends in padding:
    /// a 50,000-letter name took the table 9.5 s to trim with a regular expression.
    @Test func searchCutsLongCellsInTheTable() throws {
        let path = Self.temporaryPath("long.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = String(repeating: "abcdefghij", count: 500)
        try "id,first_name,last_name,phone\nx1,\(long),Lee,+16505550100\n".write(toFile: path, atomically: true, encoding: .utf8)
        let table = try Self.run(["search", "--contacts", path, "+16505550100"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.last != " " })
        #expect(rows.allSatisfy { $0.count < 200 })
        #expect(rows[2].contains(String(long.prefix(59)) + "…"))
        let json = try Self.run(["search", "--contacts", path, "--json", "+16505550100"])
        #expect(json.stdout.contains(long))
    }

    @Test func checkPrintsTheLoadReportAndStatistics() throws {
        let run = try Self.run(["check", "--contacts", Self.contacts])
        #expect(run.status == 0)
        #expect(run.stdout.contains("rows read 22, loaded 21, updated 0, rejected 1; 4 problems"))
        #expect(run.stdout.contains(#"line 20, column "email": email "bob.smith-jones@example" kept raw and not indexed"#))
        #expect(run.stdout.contains("records: 21"))
        #expect(run.stdout.contains("entities: contact 18, lead 3"))
    }

    /// The directory's phones and the phones the load parsed are two counts, each labelled: a
    /// replaced row's phone was parsed but is not in the directory, and a rejected row's was
    /// neither (they read "phones: 1 (1 indexed, 0 kept raw; 2 of 2 by the E.164 fast path)").
    @Test func checkCountsTheDirectorysPhonesApartFromThoseParsed() throws {
        let path = Self.temporaryPath("dup.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "id,first_name,last_name,phone\na,A,A,+1 650 555 0001\na,A,B,+1 650 555 0002\n,N,N,+1 650 555 0003\nb,B,B,000-000-0000\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Self.run(["check", "--contacts", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\nphones: 2 (1 indexed, 1 kept raw)\n"))
        #expect(run.stdout.contains("\nphones parsed: 3 (replaced rows included), 2 by the phone fast path, 1 by libphonenumber\n"))
    }

    @Test func aFileThatCannotBeLoadedIsAnErrorNamingIt() throws {
        let run = try Self.run(["replay", "--contacts", "/nonexistent/contacts.csv"], input: Array("{}\n".utf8))
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("cannot load contacts from /nonexistent/contacts.csv"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let run = try Self.run(["replay", "--contacts", Self.contacts, "--limit", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--limit must be positive"))
        #expect(try Self.run(["replay", "--contacts", Self.contacts, "--actions-format", "xml"]).status == 64)
    }
}

/// A failed expectation that stops a test.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    /// The number of items of an array; nil for other values.
    var arrayCount: Int? {
        if case .array(let items) = self { return items.count }
        return nil
    }

    /// The first item of an array; nil for other values.
    var first: JSONValue? {
        if case .array(let items) = self { return items.first }
        return nil
    }
}
