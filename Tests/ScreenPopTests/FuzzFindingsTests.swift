import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// Replays every file in `Tests/ScreenPopTests/Fuzz/` through `handle(json:)` and through the
/// validator of either direction: the seed corpus of `scripts/fuzz-screenpop.sh` and every
/// crash, timeout or interesting input libFuzzer found (copy a finding there to keep it). Each
/// must give one JSON line, never a crash, and the checks of the fuzz target must hold.
@Suite struct FuzzFindingsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// The engine of the fuzz target (Sources/screenpop-fuzz): the same records and bounds.
    static func engine() -> ScreenPopEngine {
        ScreenPopEngine(
            directory: ContactDirectory(TestDirectory.contacts() + [
                Contact(id: "C-GB", firstName: "Grace", lastName: "Bell", phones: [ContactPhone("+44 20 7946 0958")], region: "GB"),
            ]),
            configuration: ScreenPopConfiguration(engagementCapacity: 64, maximumMessageBytes: 8192))
    }

    /// What every outcome must be: one JSON value, the reply, `null`, or an error line.
    static func check(_ outcome: JSONOutcome, _ name: String) throws {
        let line = outcome.line
        #expect(!line.contains(0x0A), "\(name): the line holds a line break")
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(line))
        if let error = outcome.error {
            #expect(outcome.reply == nil, "\(name)")
            #expect(!error.message.isEmpty, "\(name)")
            #expect(value["type"] == .string("error"), "\(name)")
            #expect(value["error"]?["code"] == .string(error.code.rawValue), "\(name)")
        } else if outcome.reply == nil {
            #expect(value == .null, "\(name)")
        } else {
            #expect(value["type"]?.stringValue?.hasPrefix("zcc-") == true, "\(name)")
        }
    }

    /// The fuzz target's checks of decoding and validation (Sources/screenpop-fuzz).
    static func checkValidation(_ bytes: [UInt8], _ name: String) throws {
        let verdict = MessageValidation(json: bytes)
        let line = verdict.line
        #expect(!line.contains(0x0A), "\(name): the verdict holds a line break")
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(line))
        #expect(value["ok"] == .bool(verdict.ok), "\(name)")
        if let error = verdict.error {
            #expect(!error.message.isEmpty, "\(name)")
            #expect(error.code == .invalidInput || error.code == .malformed, "\(name): \(error.code)")
            if error.code == .invalidInput { #expect(error.field != nil && verdict.type != nil, "\(name): \(error)") }
        }
        switch try? SmartEmbedMessage.decode(json: bytes) {
        case .fromHost(let message)?:
            #expect(verdict.ok && verdict.direction == .fromHost, "\(name)")
            #expect(try HostMessage.decode(json: ScreenPopEngine.encode(message)) == message, "\(name): not written back to itself")
        case .fromSoftphone(let message)?:
            #expect(verdict.ok && verdict.direction == .fromSoftphone, "\(name)")
            if case .unknown = message { break }
            #expect(try ScreenPopEngine.decode(json: Array(JSONEncoder().encode(message))) == message, "\(name): not written back to itself")
        case .unknown?:
            #expect(verdict.ok && !verdict.known, "\(name)")
        case nil:
            #expect(!verdict.ok, "\(name)")
        }
    }

    @Test func everyInputKeepsTheValidatorsContract() throws {
        for (name, bytes) in try Self.inputs() {
            try Self.checkValidation(bytes, name)
        }
    }

    @Test func theCorpusIsThere() throws {
        let names = try Self.inputs().map(\.name)
        // The seed corpus: every golden message (both directions) and the example session at least.
        #expect(names.filter { $0.hasPrefix("seed-") }.count >= 80)
        #expect(names.contains("seed-golden-zcc-send-dtmf.json"))
    }

    @Test func everyInputGivesOneJSONLineOnAFreshEngine() throws {
        for (name, bytes) in try Self.inputs() {
            try Self.check(Self.engine().handle(json: bytes), name)
        }
    }

    @Test func everyInputGivesOneJSONLineOnOneEngineInOrder() throws {
        // As in a fuzzing run: the state carries over from input to input.
        let engine = Self.engine()
        for (name, bytes) in try Self.inputs() {
            try Self.check(engine.handle(json: bytes), name)
        }
        #expect(engine.statistics.engagements <= 64)
    }
}
