import ArgumentParser
import Glibc

@_silgen_name("malloc_trim") func cMallocTrim(_ pad: Int) -> Int32
import ContactIndex

/// `load-bench load FILE`: loads a CSV export and prints wall time, peak RSS and the report.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Loads a CSV file into a directory and times it.")

    @Argument(help: "The CSV export to load.")
    var path: String

    @Option(help: "Default region for national numbers.")
    var region = "US"

    @Option(help: "Worker threads (default: the active cores).")
    var threads: Int?

    @Flag(help: "Skip validity and type of stored numbers (phoneDetails off).")
    var noPhoneDetails = false

    func run() throws {
        let options = ContactCSVLoader.Options(
            configuration: .init(defaultRegion: region, phoneDetails: !noPhoneDetails), threads: threads)
        let start = monotonicNanoseconds()
        let startCPU = processCPUNanoseconds()
        let startThreadCPU = threadCPUNanoseconds()
        let (directory, report) = try ContactCSVLoader(options).load(path: path)
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        let cpu = Double(processCPUNanoseconds() - startCPU) / 1e9
        let threadCPU = Double(threadCPUNanoseconds() - startThreadCPU) / 1e9
        print("contacts \(directory.count), wall \(String(format2: seconds)) s, peak RSS \(ProcessMemory.peakResidentBytes >> 20) MiB")
        // On a shared machine wall time includes waiting for a core; CPU time does not. The
        // calling thread builds the directory in file order (the serial part of the load).
        print("CPU \(String(format2: cpu)) s (all threads), calling thread \(String(format2: threadCPU)) s; load average \(MachineLoad.text)")
        print("phones \(report.phonesNormalized), by fast path \(report.phonesByFastPath) (\(String(format2: 100 * Double(report.phonesByFastPath) / Double(max(report.phonesNormalized, 1))))%)")
        print(report.summary(maximumProblems: 5))
        print("resident after load \(ProcessMemory.residentBytes >> 20) MiB (directory, report and allocator slack)")
        _ = cMallocTrim(0); print("resident after malloc_trim \(ProcessMemory.residentBytes >> 20) MiB")
        print("directory \(directory.approximateBytes / max(directory.count, 1)) bytes a contact (approximate heap), name indexes \(directory.approximateNameIndexBytes / max(directory.count, 1))")
        let parts = directory.approximateNameIndexBytesByPart.map { "\($0.part) \($0.bytes / max(directory.count, 1))" }
        print("name indexes, bytes a contact: " + parts.joined(separator: ", "))
        withExtendedLifetime(directory) {}
    }
}

extension String {
    /// A number with two decimals.
    init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let whole = Int(scaled / 100)
        let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: 100))
        self = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
