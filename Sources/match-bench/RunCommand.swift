import ArgumentParser
import ContactIndex
import DirectoryGenerator
import Foundation  // JSONEncoder, Date

/// `match-bench run`: loads an export, then measures each class of labeled queries.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Loads a CSV export and measures look-up latency, recall, throughput, load time and memory per query class.",
        discussion: """
            Latency is measured around the single look-up call, which returns the ranked summaries a
            reply to the softphone lists: lookupSummaries(phone:) for kind phone,
            lookupSummaries(email:) for kind email, searchSummaries(_:) for kind search. Without --queries, labeled
            queries are drawn from the loaded directory (see `match-bench queries`).

            A queries file has one JSON object a line: {"class": ..., "kind": ..., "query": ...,
            "expected": [ids]}. Only "query" is required. Any class name is a class of its own
            (default: the kind); the kind defaults to the generator class's call, else search;
            ids may be strings or whole numbers, one or a list; an empty "expected" means that
            no record answers the query (reported as the unknown classes are), and without
            "expected" (or with null) a query is timed but not scored.
            """)

    @Option(help: "The CSV export to load.")
    var contacts: String

    @Option(help: "Labeled queries (JSON Lines); drawn from the directory when absent.")
    var queries: String?

    @Option(help: "Measure throughput on 1 up to this many threads.")
    var threads = 2

    @Option(help: "Threads that load the export (default: the loader's choice; 1 under valgrind).")
    var loadThreads: Int?

    @Option(help: "Write the figures as JSON here.")
    var json: String?

    @Option(help: "Default region for national numbers (of the load and of phone queries).")
    var region = "US"

    @Option(help: "Times each class is run for latency and throughput (after one warm-up pass).")
    var rounds = 3

    @Option(help: "Queries per class when they are drawn from the directory.")
    var queryCount = 1000

    @Option(help: "Seed of drawn queries.")
    var seed: UInt64 = 1

    @Option(help: "Print up to this many missed queries per class (expected ids not in the first --misses-within), with the answers.")
    var showMisses = 0

    @Option(help: "What --show-misses counts as a miss: no expected id in this many first answers (1 for misses at rank one).")
    var missesWithin = 5

    @Option(help: "Write every query's answers here, a JSON line each (id, reason, score), to compare builds with diff.")
    var answers: String?

    @Option(help: "Print up to this many slowest queries per class, and each class's p50 and p99 over the queries' fastest call of the rounds.")
    var showSlowest = 0

    @Flag(help: "Run the rounds through every class in turn (round 1 of each class, then round 2, …) instead of each class's rounds one after another: each query's calls spread over the whole run (a slow spell of the machine disturbs few of them), and each call meets the caches as the other classes' queries left them, not as its own class's last round did.")
    var interleave = false

    func validate() throws {
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64") }
        guard rounds > 0 else { throw ValidationError("--rounds must be positive") }
        guard (1...5).contains(missesWithin) else { throw ValidationError("--misses-within must be between 1 and 5") }
        if let loadThreads, !(1...64).contains(loadThreads) { throw ValidationError("--load-threads must be between 1 and 64") }
    }

    func run() throws {
        let report = try Self.bench(
            contacts: contacts, queries: queries, threads: threads, region: region, rounds: rounds, queryCount: queryCount, seed: seed,
            showMisses: showMisses, missesWithin: missesWithin, showSlowest: showSlowest, answers: answers, loadThreads: loadThreads,
            interleave: interleave, quiet: false)
        print(report.table())
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
    }

    /// The whole run: load, queries, measurement. Used by the command and its smoke test.
    static func bench(
        contacts: String, queries: String?, threads: Int, region: String, rounds: Int, queryCount: Int, seed: UInt64,
        showMisses: Int = 0, missesWithin: Int = 5, showSlowest: Int = 0, answers: String? = nil, loadThreads: Int? = nil,
        interleave: Bool = false, quiet: Bool
    ) throws -> BenchReport {
        let before = residentBytes()
        let loaded = try DirectoryLoad.load(path: contacts, region: region, threads: loadThreads, quiet: quiet)
        let after = residentBytes()
        if !quiet {
            print("loaded \(loaded.directory.count) contacts from \(loaded.report.rowsRead) rows, \(loaded.report.bytesRead >> 20) MiB in \(format(loaded.seconds, 2)) s")
        }
        let set: LabeledQuerySet
        if let queries {
            set = try LabeledQuerySet.read(path: queries)
        } else {
            set = LabeledQueryBuilder(seed: seed, perClass: queryCount, region: region).build(from: loaded.directory)
            if !quiet { print("drew \(set.queries.count) labeled queries (\(set.countsByClass))") }
        }
        var runner = BenchRunner(directory: loaded.directory, region: region, rounds: rounds, threadCounts: Array(1...threads))
        runner.failuresPerClass = showMisses
        runner.missesWithin = missesWithin
        runner.keepsAnswers = answers != nil
        runner.slowestPerClass = showSlowest
        runner.interleavesClasses = interleave
        let status = ProgressBar(label: "measure", total: 1, unit: "")
        let measured = runner.measure(set.queries) { name in if !quiet { status.status("measuring \(name)") } }
        if !quiet { status.status("") }
        for miss in measured.misses {
            print("MISS \(miss.query.className) \(miss.query.query.debugDescription) expected \((miss.query.expected ?? []).prefix(4).joined(separator: " "))")
            for id in (miss.query.expected ?? []).prefix(2) {
                if let contact = loaded.directory.contact(id: id) { print("     expected \(id): \(contact.firstName ?? "") | \(contact.lastName ?? "")") }
            }
            for answer in miss.answers {
                print("     got \(answer.id): \(answer.name) score \(format(answer.score, 3)) \(answer.reason.rawValue)")
            }
        }
        if let answers {
            try measured.answers.write(to: answers)
            if !quiet { print("wrote the answers to \(answers)") }
        }
        for slow in measured.slowest {
            print("SLOW \(slow.query.className) \(format(Double(slow.nanoseconds) / 1000, 1)) µs \(slow.query.query.debugDescription)")
        }
        for figures in measured.steady {
            print("STEADY \(figures.queryClass) p50 \(format(Double(figures.p50Nanoseconds) / 1000, 1)) µs p99 \(format(Double(figures.p99Nanoseconds) / 1000, 1)) µs (each query's fastest of \(rounds) rounds\(interleave ? ", interleaved" : ""))")
        }
        var problems: [String: Int] = [:]
        for problem in loaded.report.problems { problems[Self.kindName(problem.kind), default: 0] += 1 }
        #if DEBUG
        let mode = "debug"
        #else
        let mode = "release"
        #endif
        return BenchReport(
            contactsFile: contacts, queriesFile: queries, region: region, rowsRead: loaded.report.rowsRead, contactsLoaded: loaded.directory.count,
            bytesRead: loaded.report.bytesRead, loadSeconds: loaded.seconds,
            loadMBPerSecond: Double(loaded.report.bytesRead) / 1_048_576 / max(loaded.seconds, 1e-9), loadProblems: problems,
            residentBytesBeforeLoad: before, residentBytesAfterLoad: after, peakResidentBytes: peakResidentBytes(),
            warmupQueries: measured.warmup, rounds: rounds, classes: measured.classes, mixedThroughput: measured.mixed,
            buildMode: mode, date: ISO8601DateFormatter().string(from: Date()))
    }

    /// "unknownRegion", "invalidPhone"…
    static func kindName(_ kind: CSVLoadProblem.Kind) -> String {
        let text = String(describing: kind)
        return String(text.prefix { $0 != "(" })
    }
}

/// A number with a fixed count of decimals.
func format(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let sign = scaled < 0 ? "-" : ""
    let magnitude = abs(scaled)
    let fraction = String(magnitude % Int(scale))
    return sign + String(magnitude / Int(scale)) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}
