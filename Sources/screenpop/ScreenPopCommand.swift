import ArgumentParser

/// `screenpop`: the Smart Embed protocol engine from the command line.
@main
struct ScreenPopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenpop",
        abstract: "Answer Smart Embed softphone messages from a contacts CSV, show what the host would do, and check or build messages.",
        subcommands: [Replay.self, Search.self, Check.self, Validate.self, Command.self])
}

/// The contacts file and region, shared by the subcommands.
struct DirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "The contacts CSV.")
    var contacts: String

    @Option(name: .long, help: "The region for national numbers (ISO 3166 alpha-2).")
    var region: String = "US"
}
