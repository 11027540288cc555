import ArgumentParser
import ContactIndex
import Foundation

/// `screenpop check`: the load report and statistics of a contacts file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load a contacts CSV and print the load report and its statistics.")

    @OptionGroup var directoryOptions: DirectoryOptions

    @Option(name: .long, help: "The most problems listed.")
    var maximumProblems: Int = 1000

    func run() throws {
        let loaded = try LoadedContacts.load(directoryOptions)
        let report = loaded.report
        print(loaded.reportText(maximumProblems: maximumProblems))
        print("")
        print("columns: " + report.columnList())
        let contacts = Array(loaded.directory.contacts)
        let phones = contacts.reduce(0) { $0 + $1.phones.count }
        let indexedPhones = contacts.reduce(0) { $0 + $1.phones.filter { $0.normalized != nil }.count }
        let emails = contacts.reduce(0) { $0 + $1.emails.count }
        let indexedEmails = contacts.reduce(0) { $0 + $1.emails.filter { $0.normalized != nil }.count }
        var entities: [String: Int] = [:]
        for contact in contacts { entities[contact.entity.rawValue, default: 0] += 1 }
        print("records: \(loaded.directory.count)")
        // The directory's phones, then the load's work: every phone of a row with an id was
        // parsed, a row a later one replaced included, so the two counts differ (they were one
        // line, "1 (…; 2 of 2 by the E.164 fast path)", which read as one set of phones).
        print("phones: \(phones) (\(indexedPhones) indexed, \(phones - indexedPhones) kept raw)")
        print("phones parsed: \(report.phonesNormalized) (replaced rows included), \(report.phonesByFastPath) by the phone fast path, \(report.phonesNormalized - report.phonesByFastPath) by libphonenumber")
        print("emails: \(emails) (\(indexedEmails) indexed, \(emails - indexedEmails) kept raw)")
        print("entities: " + entities.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("bytes read: \(report.bytesRead)")
    }
}
