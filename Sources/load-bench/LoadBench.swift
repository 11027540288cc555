import ArgumentParser

/// Release-mode measurements of bulk CSV loading and live updates.
@main
struct LoadBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-bench",
        abstract: "Measures CSV bulk loading and live directory updates (build with -c release).",
        subcommands: [LoadCommand.self, UpdatesCommand.self, PhonesCommand.self]
    )
}
