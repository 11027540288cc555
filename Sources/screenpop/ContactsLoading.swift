import ArgumentParser
import ContactIndex
import Foundation

/// The contacts CSV of a command, loaded with the shared loader (`ContactCSVLoader`), and its
/// load report.
struct LoadedContacts {
    /// The directory.
    var directory: ContactDirectory
    /// What the load did, with every problem (line, column, reason).
    var report: CSVLoadReport
    /// The file.
    var path: String
    /// How long the load took.
    var elapsed: Duration

    /// Loads the file named by the options, with their region for national numbers.
    /// - Throws: `ContactsFileError` when the file cannot be loaded at all.
    static func load(_ options: DirectoryOptions) throws(ContactsFileError) -> LoadedContacts {
        var loaderOptions = ContactCSVLoader.Options(configuration: DirectoryConfiguration(defaultRegion: options.region))
        loaderOptions.encoding = options.textEncoding
        loaderOptions.strict = options.strict
        let loader = ContactCSVLoader(loaderOptions)
        let start = ContinuousClock.now
        do {
            let (directory, report) = try loader.load(path: options.contacts)
            return LoadedContacts(directory: directory, report: report, path: options.contacts, elapsed: ContinuousClock.now - start)
        } catch {
            throw ContactsFileError(path: options.contacts, reason: error)
        }
    }

    /// The load report for a person: where from, how long, the counts and at most
    /// `maximumProblems` problems.
    func reportText(maximumProblems: Int = 20) -> String {
        "contacts \(path): \(directory.count) records loaded in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))\n"
            + report.summary(maximumProblems: maximumProblems)
    }

    /// Writes the load report to standard error.
    func writeReportToStandardError() {
        FileHandle.standardError.write(Data((reportText() + "\n").utf8))
    }
}

/// A contacts file that could not be loaded at all (unreadable, no header, no id column).
struct ContactsFileError: Error, CustomStringConvertible {
    /// The file.
    var path: String
    /// Why.
    var reason: CSVLoadError

    /// "cannot load contacts from PATH: reason".
    var description: String { "cannot load contacts from \(path): \(reason)" }
}
