import ArgumentParser
import DirectoryGenerator

/// `match-bench queries`: labeled queries for an existing export.
struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "Writes labeled queries (JSON Lines) for a CSV export, drawn from its own records.",
        discussion: """
            Each line: {"class": "...", "kind": "phone"|"email"|"search", "query": "...", "expected": ["id", ...]}.
            kind phone is answered by lookupSummaries(phone:), email by lookupSummaries(email:), search by searchSummaries(_:).
            expected holds every correct id; it is empty for phone_unknown, email_unknown and name_unknown.
            """)

    @Option(help: "The CSV export.")
    var contacts: String

    @Option(help: "The JSON Lines file to write.")
    var out: String

    @Option(help: "Queries per class.")
    var queryCount = 1000

    @Option(help: "Seed of the draws.")
    var seed: UInt64 = 1

    @Option(help: "Default region of the directory; phone_national queries are numbers of this region.")
    var region = "US"

    func run() throws {
        let loaded = try DirectoryLoad.load(path: contacts, region: region, threads: nil)
        let set = LabeledQueryBuilder(seed: seed, perClass: queryCount, region: region).build(from: loaded.directory)
        try set.write(to: out)
        print("wrote \(out): \(set.queries.count) labeled queries (\(set.countsByClass))")
    }
}
