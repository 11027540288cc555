import ArgumentParser
import Foundation
import ScreenPop

/// `screenpop validate`: checks JSON Lines of Smart Embed messages of either direction.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check Smart Embed messages of either direction (JSON Lines on stdin); print one verdict line per input line.",
        discussion: """
            Each output line is {"ok":true,"type":"…"} for a valid message, \
            {"ok":true,"type":"…","known":false} for a type the protocol does not name, \
            {"ok":false,"type":"…","error":{"code":"invalid-input","field":"…","message":"…"}} for a \
            message that breaks a rule (host commands are checked by the document's rules), or \
            {"ok":false,"error":{"code":"malformed","message":"…"}} for a line that is not a JSON \
            object with a string type, or {"ok":false,"error":{"code":"message-too-large",…}} for a line \
            over 64 KiB (the limit replay applies). The exit status is 0 whatever the verdicts.
            """)

    func run() throws {
        var output = LineWriter(handle: .standardOutput)
        // The engine's limit: a message replay would refuse as too large is not valid.
        let maximum = ScreenPopConfiguration.defaultMaximumMessageBytes
        var input = LineReader(descriptor: 0, maximumLineBytes: maximum)
        while let read = input.next() {
            switch read {
            case .line(let line):
                output.write(MessageValidation(json: line, maximumMessageBytes: maximum).line)
            case .tooLong(let byteCount):
                output.write(MessageValidation(tooLarge: byteCount, maximum: maximum).line)
            }
        }
        output.flush()
    }
}
