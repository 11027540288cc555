import ArgumentParser
import ContactIndex
import Foundation
import ScreenPop

/// `screenpop replay`: JSON Lines of softphone messages on stdin, one reply line per input line.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay softphone messages (JSON Lines on stdin); print one reply line per input line.",
        discussion: """
            Each output line is the reply message, `null` when the message needs none, or \
            {"type":"error","error":{code, field, type, message}} for a line that is not a valid \
            message (replay goes on). The load report goes to stderr.
            """)

    /// How the actions file is written.
    enum ActionsFormat: String, ExpressibleByArgument, CaseIterable {
        /// JSON Lines: `{"action":…, "index":…, "type":…, …}`.
        case json
        /// One sentence per action, for a person.
        case text
    }

    @OptionGroup var directoryOptions: DirectoryOptions

    @Option(name: .long, help: "The most records in a reply.")
    var limit: Int = 10

    @Option(name: .long, help: "Write index<TAB>nanoseconds per message (raw line to encoded reply) to this file.")
    var timings: String?

    @Option(name: .long, help: "Write the host actions to this file (JSON Lines by default).")
    var actions: String?

    @Option(name: .long, help: "How the actions file is written: json or text.")
    var actionsFormat: ActionsFormat = .json

    @Option(
        name: .long,
        help: ArgumentHelp(
            "When several records match confidently: ask the agent, pop the record remembered for the number or address, or pop the one an automatic rule picks.",
            discussion: "The automatic rules are most-recently-chosen, most-recently-updated and earliest-created (ScreenPop's ConflictResolution)."))
    var policy: PolicyOption = .remember

    @Option(name: .long, help: "When to pop: RINGING or CONNECTED.")
    var screenPopEvent: String = "RINGING"

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        guard ScreenPopEvent(rawValue: screenPopEvent.uppercased()) != nil else { throw ValidationError("--screen-pop-event is RINGING or CONNECTED") }
    }

    func run() throws {
        let loaded = try LoadedContacts.load(directoryOptions)
        loaded.writeReportToStandardError()
        let engine = ScreenPopEngine(
            directory: loaded.directory,
            configuration: ScreenPopConfiguration(
                screenPopEvent: ScreenPopEvent(rawValue: screenPopEvent.uppercased()) ?? .ringing,
                region: directoryOptions.region, resultLimit: limit, choicePolicy: policy.choicePolicy))
        var output = LineWriter(handle: .standardOutput)
        var timingOutput = try timings.map { try LineWriter(path: $0) }
        var actionOutput = try actions.map { try LineWriter(path: $0) }
        let actionEncoder = JSONEncoder()
        actionEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Whatever ends the replay, nothing written stays in a buffer.
        defer {
            output.flush()
            timingOutput?.flush()
            actionOutput?.flush()
        }
        // A host that runs replay as a helper writes a line and waits for its reply: unless
        // stdout is a regular file, every reply (and its actions and timing) is flushed at once.
        let flushesEachReply = !LineWriter.isRegularFile(1)
        // A line over the message limit is answered from its size, never kept whole.
        let maximum = engine.configuration.maximumMessageBytes
        var input = LineReader(descriptor: 0, maximumLineBytes: maximum)
        var index = 0
        while let read = input.next() {
            let start = ContinuousClock.now
            let outcome: JSONOutcome
            switch read {
            case .line(let line):
                outcome = engine.handle(json: line)
            case .tooLong(let byteCount):
                outcome = JSONOutcome(messageType: nil, reply: nil, actions: [], error: .messageTooLarge(byteCount: byteCount, maximum: maximum))
            }
            let reply = outcome.line
            let elapsed = ContinuousClock.now - start
            output.write(reply)
            if timingOutput != nil {
                let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
                timingOutput?.write(Array("\(index)\t\(nanoseconds)".utf8))
            }
            if actionOutput != nil {
                for action in outcome.actions {
                    switch actionsFormat {
                    case .json:
                        actionOutput?.write(Array(try actionEncoder.encode(ActionLine(index: index, type: outcome.messageType, action: action))))
                    case .text:
                        actionOutput?.write(Array(ActionText.sentence(for: action, index: index, messageType: outcome.messageType).utf8))
                    }
                }
            }
            index += 1
            if flushesEachReply {
                timingOutput?.flush()
                actionOutput?.flush()
                output.flush()
            }
        }
    }
}

/// One line of the actions file: the input line's index and type, then the action's fields.
struct ActionLine: Encodable {
    var index: Int
    var type: String?
    var action: HostAction

    private enum CodingKeys: String, CodingKey { case index, type }

    func encode(to encoder: any Encoder) throws {
        try action.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encodeIfPresent(type, forKey: .type)
    }
}

/// The `--policy` values: `ask`, `remember`, and the automatic rules by their
/// `ConflictResolution` names (`most-recently-chosen`, `most-recently-updated`,
/// `earliest-created`), read in any case; `--help` lists them, and any other value (`auto`) is
/// a usage error that lists them too.
enum PolicyOption: String, ExpressibleByArgument, CaseIterable {
    /// `ChoicePolicy.ask`.
    case ask
    /// `ChoicePolicy.remember`.
    case remember
    /// `ChoicePolicy.automatic(.mostRecentlyChosen)`.
    case mostRecentlyChosen = "most-recently-chosen"
    /// `ChoicePolicy.automatic(.mostRecentlyUpdated)`.
    case mostRecentlyUpdated = "most-recently-updated"
    /// `ChoicePolicy.automatic(.earliestCreated)`.
    case earliestCreated = "earliest-created"

    /// Reads a value in any case.
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    /// The engine's policy.
    var choicePolicy: ChoicePolicy {
        switch self {
        case .ask: .ask
        case .remember: .remember
        case .mostRecentlyChosen: .automatic(.mostRecentlyChosen)
        case .mostRecentlyUpdated: .automatic(.mostRecentlyUpdated)
        case .earliestCreated: .automatic(.earliestCreated)
        }
    }
}
