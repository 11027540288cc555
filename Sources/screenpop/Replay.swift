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
            {"type":"error","error":…} for a malformed line. Load problems go to stderr.
            """)

    @OptionGroup var directoryOptions: DirectoryOptions

    @Option(name: .long, help: "The most records in a reply.")
    var limit: Int = 10

    @Option(name: .long, help: "Write index<TAB>nanoseconds per message (raw line to encoded reply) to this file.")
    var timings: String?

    @Option(name: .long, help: "Write the host actions as JSON Lines to this file.")
    var actions: String?

    @Option(name: .long, help: "When several records match: ask, remember, most-recently-chosen, most-recently-updated, earliest-created.")
    var policy: String = "remember"

    @Option(name: .long, help: "When to pop: RINGING or CONNECTED.")
    var screenPopEvent: String = "RINGING"

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        guard PolicyOption.parse(policy) != nil else { throw ValidationError("unknown --policy \(policy)") }
        guard ScreenPopEvent(rawValue: screenPopEvent.uppercased()) != nil else { throw ValidationError("--screen-pop-event is RINGING or CONNECTED") }
    }

    func run() throws {
        let file = try ContactsFile.load(path: directoryOptions.contacts, region: directoryOptions.region)
        FileHandle.standardError.write(Data((file.report(path: directoryOptions.contacts) + "\n").utf8))
        let engine = ScreenPopEngine(
            directory: file.directory,
            configuration: ScreenPopConfiguration(
                screenPopEvent: ScreenPopEvent(rawValue: screenPopEvent.uppercased()) ?? .ringing,
                region: directoryOptions.region, resultLimit: limit, choicePolicy: PolicyOption.parse(policy) ?? .remember))
        var output = LineWriter(handle: .standardOutput)
        var timingOutput = try timings.map { try LineWriter(path: $0) }
        var actionOutput = try actions.map { try LineWriter(path: $0) }
        let actionEncoder = JSONEncoder()
        actionEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var index = 0
        while let line = readLine(strippingNewline: true) {
            let bytes = Array(line.utf8)
            let start = ContinuousClock.now
            let outcome = engine.handle(json: bytes)
            let reply = outcome.line
            let elapsed = ContinuousClock.now - start
            output.write(reply)
            if timingOutput != nil {
                let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
                timingOutput?.write(Array("\(index)\t\(nanoseconds)".utf8))
            }
            if actionOutput != nil {
                for action in outcome.actions {
                    let json = try actionEncoder.encode(ActionLine(index: index, type: outcome.messageType, action: action))
                    actionOutput?.write(Array(json))
                }
            }
            index += 1
        }
        output.flush()
        timingOutput?.flush()
        actionOutput?.flush()
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

enum PolicyOption {
    static func parse(_ text: String) -> ChoicePolicy? {
        switch text.lowercased() {
        case "ask": .ask
        case "remember": .remember
        default: ConflictResolution(rawValue: text.lowercased()).map { .automatic($0) }
        }
    }
}

/// Buffered line output to a file handle.
struct LineWriter {
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(handle: FileHandle) { self.handle = handle }

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        self.handle = handle
    }

    mutating func write(_ line: [UInt8]) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
