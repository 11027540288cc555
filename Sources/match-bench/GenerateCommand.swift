import ArgumentParser
import DirectoryGenerator

/// `match-bench generate`: writes a deterministic, realistic CRM export, and optionally its
/// labeled queries.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes a deterministic, realistic CRM export (CSV) and, with --queries, its labeled queries.")

    @Option(help: "Rows to write.")
    var contacts: Int

    @Option(help: "Seed: the same seed writes the same file.")
    var seed: UInt64 = 1

    @Option(help: "Column layout: canonical, salesforce or hubspot.")
    var style: CRMStyle = .canonical

    @Option(help: "The CSV file to write.")
    var out: String

    @Option(help: "Also write labeled queries (JSON Lines) for the file, here (loads the file back to label them).")
    var queries: String?

    @Option(help: "Queries per class, with --queries.")
    var queryCount = 1000

    @Option(help: "The region whose numbers phone_national queries are written in (the run's default region).")
    var region = "US"

    @Flag(help: "Also print phone texts that did not read back (replaced by the international format).")
    var verbose = false

    @Option(help: "Threads that make rows.")
    var threads = 2

    func validate() throws {
        guard contacts > 0 else { throw ValidationError("--contacts must be positive") }
        guard threads > 0 else { throw ValidationError("--threads must be positive") }
        guard queryCount > 0 else { throw ValidationError("--query-count must be positive") }
    }

    func run() throws {
        let factory = RecordFactory(seed: seed, contactCount: contacts)
        let bar = ProgressBar(label: "generate", total: contacts, unit: "rows")
        let report = try DirectoryWriter(factory: factory, style: style, threads: threads).write(count: contacts, to: out) { bar.update($0) }
        bar.finish()
        print("wrote \(out) (\(style.rawValue), seed \(seed))")
        print(report.summary)
        if verbose { for sample in report.phoneTexts.samples { print("  replaced: \(sample)") } }
        if let queries {
            let loaded = try DirectoryLoad.load(path: out, region: region, threads: threads)
            let set = LabeledQueryBuilder(seed: seed, perClass: queryCount, region: region).build(from: loaded.directory)
            try set.write(to: queries)
            print("wrote \(queries): \(set.queries.count) labeled queries (\(set.countsByClass))")
        }
    }
}

extension CRMStyle: ExpressibleByArgument {}
