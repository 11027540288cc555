// libFuzzer target over `ScreenPopEngine.handle(json:)`.
//
// Built by scripts/fuzz-screenpop.sh with `-sanitize=fuzzer,address -DFUZZING`:
// libFuzzer then provides `main` and calls `LLVMFuzzerTestOneInput` with each input. In a plain
// build this file is a small program that replays the files given as arguments through the
// same entry point (a corpus or crash regression check).
import ContactIndex
import ScreenPop

/// One engine for the whole run: state carries over between inputs, as in a real session.
let fuzzEngine: ScreenPopEngine = {
    let contacts = [
        Contact(id: "A1", firstName: "John", lastName: "Smith", phones: [ContactPhone("+16505551234")], emails: [ContactEmail("john@example.com")]),
        Contact(id: "A2", firstName: "Mary", lastName: "Smith", phones: [ContactPhone("+16505551234")], emails: [ContactEmail("mary@example.com")]),
        Contact(id: "A3", firstName: "Hans", lastName: "Müller", phones: [ContactPhone("030 1234567")], emails: [ContactEmail("hans@müller.de")], region: "DE"),
    ]
    return ScreenPopEngine(
        directory: ContactDirectory(contacts),
        configuration: ScreenPopConfiguration(engagementCapacity: 64, maximumMessageBytes: 8192))
}()

/// Runs one input; a crash or sanitizer report is a finding.
func fuzzOne(_ bytes: [UInt8]) {
    let outcome = fuzzEngine.handle(json: bytes)
    // The line must always be one JSON value.
    precondition(!outcome.line.isEmpty)
    if let error = outcome.error { precondition(!error.message.isEmpty) }
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
import Foundation

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
