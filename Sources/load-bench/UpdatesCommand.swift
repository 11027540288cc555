import ArgumentParser

/// `load-bench updates`: upsert and look-up percentiles on a live directory (see below).
struct UpdatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "updates", abstract: "Upsert and look-up percentiles under updates.")
    func run() throws {}
}

