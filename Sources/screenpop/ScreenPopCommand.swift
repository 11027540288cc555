import ArgumentParser
import ContactIndex
import Foundation

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

    @Option(name: .long, help: "The region for national numbers: an ISO 3166 alpha-2 code libphonenumber knows (US, GB, DE…), any case.")
    var region: String = "US"

    @Option(name: .long, help: "The file's encoding when it has no byte-order mark: utf-8 (default), windows-1252 or iso-8859-1 (latin1).")
    var encoding: String = "utf-8"

    @Flag(name: .long, help: "Fail the whole load at the first problem (bad row, unparseable phone, invalid email) instead of reporting it.")
    var strict = false

    /// The encoding named by `--encoding` (checked by `validate`).
    var textEncoding: CSVTextEncoding { CSVTextEncoding(name: encoding) ?? .utf8 }

    /// Refuses a region libphonenumber has no metadata for (`UK`, `USA`, `XX`, empty): every
    /// national number would be read without one. The region is kept in upper case. Refuses an
    /// encoding the loader does not read.
    mutating func validate() throws {
        guard CSVTextEncoding(name: encoding) != nil else {
            throw ValidationError("--encoding \(encoding.debugDescription) is not one the loader reads: utf-8, windows-1252 or iso-8859-1")
        }
        let code = region.trimmingCharacters(in: .whitespaces).uppercased()
        guard PhoneNormalizer.isSupported(region: code) else {
            throw ValidationError(RegionOption.refusal(region))
        }
        region = code
    }
}

/// What `--region` says about a region it refuses.
enum RegionOption {
    /// Codes people write for a region whose ISO 3166 code is another one.
    static let usualMistakes: [String: String] = ["UK": "GB", "EN": "GB", "USA": "US", "GBR": "GB", "DEU": "DE", "FRA": "FR", "CAN": "CA"]

    /// "--region UK is not a region libphonenumber knows; use GB (ISO 3166 alpha-2) instead".
    static func refusal(_ region: String) -> String {
        let code = region.trimmingCharacters(in: .whitespaces).uppercased()
        if let suggestion = usualMistakes[code] {
            return "--region \(region) is not a region libphonenumber knows; use \(suggestion) (ISO 3166 alpha-2) instead"
        }
        return "--region \(region.debugDescription) is not a region libphonenumber knows; give an ISO 3166 alpha-2 code such as US, GB or DE"
    }
}
