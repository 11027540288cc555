import ArgumentParser
import ContactIndex
import Histogram

/// `load-bench phones`: the differential check of the phone fast path against libphonenumber,
/// and the cost per number of each.
struct PhonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phones", abstract: "Differential check of the phone fast path against libphonenumber, and its cost.")

    @Option(help: "Numbers to generate.")
    var count = 1_000_000

    @Option(help: "Generator seed.")
    var seed: UInt64 = 1

    @Flag(help: "Draw the numbers from the regions whose national prefix has a transform rule (AR, BR, JP, the NANP islands, …) instead of the default 30.")
    var transformRuleRegions = false

    func run() throws {
        let start = monotonicNanoseconds()
        let regions = transformRuleRegions ? PhoneFastPathDifferential.transformRuleRegions : PhoneFastPathDifferential.regions
        let outcome = PhoneFastPathDifferential().run(count: count, seed: seed, regions: regions)
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        print("differential: \(outcome.total) numbers, fast path decided \(outcome.decided) (\(String(format2: 100 * Double(outcome.decided) / Double(max(outcome.total, 1))))%), mismatches \(outcome.mismatches.count), \(String(format2: seconds)) s")
        print("  declined numbers that libphonenumber parsed, checked with details from the compiled metadata: \(outcome.declinedChecked)")
        for (form, tally) in outcome.decidedByForm.sorted(by: { $0.key < $1.key }) {
            print("  \(form): decided \(tally.decided) of \(tally.total)")
        }
        for mismatch in outcome.mismatches.prefix(20) {
            print("  MISMATCH \(mismatch.text.debugDescription) in \(mismatch.region): fast \(mismatch.fast) / libphonenumber \(mismatch.library)")
        }
        let costs = PhoneFastPathDifferential().costPerNumber(count: min(count, 200_000), seed: seed &+ 1)
        print("cost per number (ns, mean over \(costs.numbers) numbers, details on): fast path \(costs.fastNanoseconds) (answers \(costs.fastDecided)), libphonenumber \(costs.libraryNanoseconds)")
        if !outcome.mismatches.isEmpty { throw ExitCode(1) }
    }
}
