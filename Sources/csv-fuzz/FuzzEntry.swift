// libFuzzer target over the streaming CSV loader (`ContactCSVLoader.load(bytes:)`): any bytes,
// with load options chosen by the first two bytes (`CSVFuzzInput`), end in a load report or a
// typed `CSVLoadError` whose promises hold (`CSVFuzzCheck`), never in a crash or a hang.
//
// Built by scripts/fuzz-csv.sh with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer then
// provides `main` and calls `LLVMFuzzerTestOneInput` with each input. In a plain build this file
// is a small program that replays the files given as arguments through the same checks.
import Foundation

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    CSVFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point under this name: hand over to libFuzzer's driver.
@_cdecl("csv_fuzz_main")
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
            CSVFuzzCheck.run(Array(data))
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
    }
}
#endif
