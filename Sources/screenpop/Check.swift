import ArgumentParser
import ContactIndex
import Foundation

/// `screenpop check`: the load report and statistics of a contacts file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load a contacts CSV and print the load report and its statistics.")

    @OptionGroup var directoryOptions: DirectoryOptions

    func run() throws {
        let start = ContinuousClock.now
        let file = try ContactsFile.load(path: directoryOptions.contacts, region: directoryOptions.region)
        let elapsed = ContinuousClock.now - start
        print(file.report(path: directoryOptions.contacts))
        let contacts = Array(file.directory.contacts)
        let phones = contacts.reduce(0) { $0 + $1.phones.count }
        let indexedPhones = contacts.reduce(0) { $0 + $1.phones.filter { $0.normalized != nil }.count }
        let emails = contacts.reduce(0) { $0 + $1.emails.count }
        let indexedEmails = contacts.reduce(0) { $0 + $1.emails.filter { $0.normalized != nil }.count }
        var entities: [String: Int] = [:]
        for contact in contacts { entities[contact.entity.rawValue, default: 0] += 1 }
        print("records: \(file.directory.count)")
        print("phones: \(phones) (\(indexedPhones) indexed, \(phones - indexedPhones) kept raw)")
        print("emails: \(emails) (\(indexedEmails) indexed, \(emails - indexedEmails) kept raw)")
        print("entities: " + entities.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("problems: \(file.directory.problems.count + file.rowProblems.count)")
        print("load time: \(elapsed)")
    }
}
