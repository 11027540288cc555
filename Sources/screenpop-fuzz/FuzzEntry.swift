// libFuzzer target over `ScreenPopEngine.handle(json:)`, and over decoding and validating
// messages of either direction (`MessageValidation`, `SmartEmbedMessage`, `HostMessage`).
//
// Built by scripts/fuzz-screenpop.sh with `-sanitize=fuzzer,address -DFUZZING`:
// libFuzzer then provides `main` and calls `LLVMFuzzerTestOneInput` with each input. In a plain
// build this file is a small program that replays the files given as arguments through the
// same entry point (a corpus or crash regression check).
import ContactIndex
import Foundation
import ScreenPop

/// One engine for the whole run: state carries over between inputs, as in a real session. The
/// records and bounds are those of `FuzzFindingsTests.engine()`, which replays the findings.
let fuzzEngine: ScreenPopEngine = {
    let contacts = [
        Contact(
            id: "C-JOHN", firstName: "John", lastName: "Smith", phones: [ContactPhone("(650) 555-1234")], emails: [ContactEmail("john@example.com")]),
        Contact(
            id: "C-MARY", firstName: "Mary", lastName: "Smith", phones: [ContactPhone("+1 650 555 1234"), ContactPhone("+1 650 555 0142")],
            emails: [ContactEmail("mary@example.com")]),
        Contact(
            id: "L-JOHN", firstName: "John", lastName: "Smith", phones: [ContactPhone("650-555-1234")], emails: [ContactEmail("jsmith@acme.example")],
            entity: .lead),
        Contact(id: "C-HANS", firstName: "Hans", lastName: "Müller", phones: [ContactPhone("030 1234567")], emails: [ContactEmail("hans@müller.de")], region: "DE"),
        Contact(id: "C-GB", firstName: "Grace", lastName: "Bell", phones: [ContactPhone("+44 20 7946 0958")], region: "GB"),
    ]
    return ScreenPopEngine(
        directory: ContactDirectory(contacts),
        configuration: ScreenPopConfiguration(engagementCapacity: 64, maximumMessageBytes: 8192))
}()

/// Runs one input; a crash, a sanitizer report or a broken invariant is a finding.
func fuzzOne(_ bytes: [UInt8]) {
    let outcome = fuzzEngine.handle(json: bytes)
    let line = outcome.line
    // The line is one JSON value on one line: the reply, null, or an error line.
    precondition(!line.isEmpty && !line.contains(0x0A), "the line is empty or holds a line break")
    precondition((try? JSONDecoder().decode(JSONValue.self, from: Data(line))) != nil, "the line is not JSON")
    if let error = outcome.error {
        precondition(!error.message.isEmpty && outcome.reply == nil, "an error without a message, or with a reply")
    }
    precondition(fuzzEngine.statistics.engagements <= 64, "the tracker outgrew its bound")
    fuzzValidation(bytes)
}

/// Decoding and validation of either direction: the verdict is one JSON line that names the
/// field of an `invalid-input` error, and a message that decodes is written back to itself.
func fuzzValidation(_ bytes: [UInt8]) {
    let verdict = MessageValidation(json: bytes)
    let line = verdict.line
    precondition(!line.contains(0x0A), "the verdict holds a line break")
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line)) else { preconditionFailure("the verdict is not JSON") }
    precondition(value["ok"] == .bool(verdict.ok), "the verdict's ok is wrong")
    if let error = verdict.error {
        precondition(!error.message.isEmpty, "an error without a message")
        precondition(error.code == .invalidInput || error.code == .malformed, "an error code outside the contract: \(error.code)")
        if error.code == .invalidInput {
            precondition(error.field != nil && verdict.type != nil, "an invalid-input error without its field or type")
        }
    }
    switch try? SmartEmbedMessage.decode(json: bytes) {
    case .fromHost(let message)?:
        precondition(verdict.ok && verdict.direction == .fromHost, "the verdict and the decoder disagree")
        let written = ScreenPopEngine.encode(message)
        guard let again = try? HostMessage.decode(json: written) else { preconditionFailure("a host message is written as one that fails: \(message.type)") }
        precondition(again == message, "a host message is not written back to itself: \(message.type)")
    case .fromSoftphone(let message)?:
        precondition(verdict.ok && verdict.direction == .fromSoftphone, "the verdict and the decoder disagree")
        guard case .unknown = message else {
            guard let written = try? Array(JSONEncoder().encode(message)) else { preconditionFailure("a softphone message cannot be encoded: \(message.type)") }
            guard let again = try? ScreenPopEngine.decode(json: written) else { preconditionFailure("a softphone message is written as one that fails: \(message.type)") }
            precondition(again == message, "a softphone message is not written back to itself: \(message.type)")
            return
        }
    case .unknown?:
        precondition(verdict.ok && !verdict.known, "the verdict and the decoder disagree")
    case nil:
        precondition(!verdict.ok, "the verdict and the decoder disagree")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point under this name: hand over to libFuzzer's driver.
@_cdecl("screenpop_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzerTestOneInput)
}
#else
/// Without libFuzzer: replays the files given as arguments.
@main
enum ReplayInputs {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            fuzzOne(Array(data))
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
    }
}
#endif
