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
            object with a string type. The exit status is 0 whatever the verdicts.
            """)

    func run() throws {
        var output = LineWriter(handle: .standardOutput)
        var input = LineReader(descriptor: 0)
        while let line = input.next() {
            output.write(MessageValidation(json: line).line)
        }
        output.flush()
    }
}
