import ArgumentParser

/// Generates realistic CRM directories and labeled queries, and measures look-ups on them.
@main
struct MatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-bench",
        abstract: "Realistic contact directories, labeled queries, and measured look-up latency, recall and memory.",
        discussion: """
            match-bench generate --contacts 1000000 --seed 1 --style canonical --out contacts.csv --queries queries.jsonl
            match-bench queries --contacts contacts.csv --out queries.jsonl
            match-bench run --contacts contacts.csv --queries queries.jsonl --json report.json
            Build with -c release for any figure you quote.
            """,
        subcommands: [GenerateCommand.self, QueriesCommand.self, RunCommand.self]
    )
}
