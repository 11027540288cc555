import Foundation
import Testing

@testable import ScreenPop

#if canImport(Glibc)
import Glibc
#endif

/// `screenpop replay` as a host runs it: a helper process answering one line at a time, long
/// lines, and its options.
@Suite struct ReplayTests {
    typealias CLI = ScreenPopCommandTests

    /// Reads from `descriptor` until a line break or `timeout` seconds; the line without it, or
    /// nil when none came in time.
    static func readLine(_ descriptor: Int32, timeout: Double) -> String? {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 100) > 0 else { continue }
            var byte: UInt8 = 0
            guard read(descriptor, &byte, 1) == 1 else { return nil }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }

    /// Starts `screenpop replay` over the test contacts with `arguments` added, its input and
    /// output piped (stderr dropped), for a test that drives it line by line.
    static func startReplay(_ arguments: [String]) throws -> (process: Process, input: Pipe, output: Pipe) {
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["replay", "--contacts", CLI.contacts] + arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, input, output)
    }

    @Test func aHelperProcessGetsEachReplyBeforeItWritesTheNextLine() throws {
        let actions = CLI.temporaryPath("actions.jsonl")
        defer { try? FileManager.default.removeItem(atPath: actions) }
        let (process, input, output) = try Self.startReplay(["--actions", actions])
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let request = #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505550142","engagementId":"E9"}}"#
        input.fileHandleForWriting.write(Data((request + "\n").utf8))
        // stdin stays open: the reply must come without the end of the input.
        let reply = Self.readLine(output.fileHandleForReading.fileDescriptor, timeout: 60)
        #expect(reply?.hasPrefix(#"{"type":"zcc-incomingPhone-response","data":[{"id":"0035g00000AbCdF""#) == true)
        // Its action is in the file already, too.
        let written = try String(contentsOfFile: actions, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 1)
        #expect(written.contains(#""action":"pop""#))
        input.fileHandleForWriting.write(Data(#"{"type":"zcc-init-config-request"}"#.utf8 + [0x0A]))
        #expect(Self.readLine(output.fileHandleForReading.fileDescriptor, timeout: 60)?.hasPrefix(#"{"type":"zcc-init-config-response""#) == true)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A `zcc-add-note` line of `size` bytes.
    static func longNote(_ size: Int) -> [UInt8] {
        let head = Array(#"{"type":"zcc-add-note","data":{"comment":""#.utf8), tail = Array(#""}}"#.utf8)
        return head + [UInt8](repeating: UInt8(ascii: "b"), count: size - head.count - tail.count) + tail
    }

    /// The peak resident set of a running process (`VmHWM`), in KiB.
    static func peakKiB(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }

    @Test func anOverLongLineIsOneErrorAndIsNeverKeptWhole() throws {
        let size = 64 << 20
        var input = Array(#"{"type":"zcc-init-config-request"}"#.utf8) + [0x0A]
        input += Self.longNote(size) + [0x0D, 0x0A]
        input += Array(#"{"type":"zcc-init-config-request"}"#.utf8) + [0x0A]
        input += Self.longNote(70_000)  // the last line, without a line break
        let run = try CLI.run(["replay", "--contacts", CLI.contacts], input: input)
        #expect(run.status == 0)
        try #require(run.lines.count == 4)
        let lines = try run.lines.map(CLI.json)
        #expect(lines[0]["type"] == .string("zcc-init-config-response"))
        #expect(lines[1]["error"]?["code"] == .string("message-too-large"))
        #expect(lines[1]["error"]?["message"] == .string("the message has \(size) bytes; the maximum is 65536"))
        #expect(lines[2]["type"] == .string("zcc-init-config-response"))
        #expect(lines[3]["error"]?["message"] == .string("the message has 70000 bytes; the maximum is 65536"))
    }

    @Test func anOverLongLineTakesBoundedMemory() throws {
        let (process, input, output) = try Self.startReplay([])
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data(#"{"type":"zcc-init-config-request"}"#.utf8 + [0x0A]))
        _ = Self.readLine(output.fileHandleForReading.fileDescriptor, timeout: 60)
        let before = try Self.peakKiB(of: process.processIdentifier)
        input.fileHandleForWriting.write(Data(Self.longNote(64 << 20) + [0x0A]))
        let reply = Self.readLine(output.fileHandleForReading.fileDescriptor, timeout: 300)
        #expect(reply?.contains("message-too-large") == true)
        // Kept whole, the 64 MiB line (and its copy) would add at least 64 MiB.
        let after = try Self.peakKiB(of: process.processIdentifier)
        #expect(after - before < 16 << 10, "peak RSS \(before) KiB before the line, \(after) KiB after")
        try input.fileHandleForWriting.close()
    }

    @Test func aLineAtTheLimitIsStillAMessage() throws {
        let input = Self.longNote(65_536) + [0x0D, 0x0A] + Self.longNote(65_537) + [0x0A]
        let run = try CLI.run(["replay", "--contacts", CLI.contacts], input: input)
        try #require(run.lines.count == 2)
        #expect(run.lines[0] == "null")
        #expect(try CLI.json(run.lines[1])["error"]?["message"] == .string("the message has 65537 bytes; the maximum is 65536"))
    }

    @Test func validateAppliesTheMessageLimitOfReplay() throws {
        let input = Self.longNote(20 << 20) + [0x0A] + Self.longNote(65_537) + [0x0A] + Self.longNote(65_536) + [0x0A]
        let run = try CLI.run(["validate"], input: input)
        try #require(run.lines.count == 3)
        #expect(run.lines[0] == #"{"ok":false,"error":{"code":"message-too-large","message":"the message has 20971520 bytes; the maximum is 65536"}}"#)
        #expect(run.lines[1] == #"{"ok":false,"error":{"code":"message-too-large","message":"the message has 65537 bytes; the maximum is 65536"}}"#)
        #expect(run.lines[2] == #"{"ok":true,"type":"zcc-add-note"}"#)
        #expect(!MessageValidation(json: Self.longNote(65_537)).ok)
        #expect(MessageValidation(json: Self.longNote(65_537), maximumMessageBytes: 70_000).ok)
    }

    @Test func thePolicyFlagTakesTheDocumentedNamesAndHelpListsThem() throws {
        let help = try CLI.run(["replay", "--help"])
        let names = ["ask", "remember"] + ConflictResolution.allCases.map(\.rawValue)
        let text = help.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("(values: \(names.joined(separator: ", ")); default: remember)"), "\(help.stdout)")
        let request = Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}}"#.utf8) + [0x0A]
        for name in names + ["Most-Recently-Updated"] {
            let run = try CLI.run(["replay", "--contacts", CLI.contacts, "--policy", name], input: request)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.lines.count == 1)
        }
        let auto = try CLI.run(["replay", "--contacts", CLI.contacts, "--policy", "auto"], input: request)
        #expect(auto.status == 64)
        for name in names { #expect(auto.stderr.contains("'\(name)'"), "\(auto.stderr)") }
    }

    @Test(arguments: [("UK", "use GB"), ("uk", "use GB"), ("USA", "use US"), ("XX", "such as US, GB or DE"), ("", "such as US, GB or DE"), ("001", "such as US")])
    func aRegionLibphonenumberDoesNotKnowIsAUsageError(region: String, advice: String) throws {
        let run = try CLI.run(["replay", "--contacts", CLI.contacts, "--region", region], input: Array("{}\n".utf8))
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("is not a region libphonenumber knows"), "\(run.stderr)")
        #expect(run.stderr.contains(advice), "\(run.stderr)")
        #expect(try CLI.run(["search", "--contacts", CLI.contacts, "--region", region, "smith"]).status == 64)
    }

    @Test func aKnownRegionIsTakenInAnyCase() throws {
        let request = #"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"020 7946 0018","engagementId":"E1"}}"#
        let run = try CLI.run(["replay", "--contacts", CLI.contacts, "--region", "gb"], input: Array((request + "\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 1)
    }

    @Test func theEncodingAndStrictFlagsReachTheLoader() throws {
        // "José" in Latin-1: one byte 0xE9.
        let path = CLI.temporaryPath("latin1.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Array("id,first_name,last_name,phone\nL1,Jos".utf8) + [0xE9] + Array(",Nunez,+16505550111\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let latin1 = try CLI.run(["search", "--contacts", path, "--encoding", "latin1", "--json", "jose"], input: [])
        #expect(latin1.status == 0, "\(latin1.stderr)")
        #expect(latin1.stdout.contains("José"), "\(latin1.stdout)")
        let unknown = try CLI.run(["check", "--contacts", path, "--encoding", "ebcdic"], input: [])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        // The same file read as UTF-8 has an invalid byte: strict mode refuses the whole load.
        let strict = try CLI.run(["check", "--contacts", path, "--strict"], input: [])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("strict mode"), "\(strict.stderr)")
    }
}
