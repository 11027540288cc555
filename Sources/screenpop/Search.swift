import ArgumentParser
import ContactIndex
import Foundation
import ScreenPop

/// `screenpop search`: ranked matches for a query, as a table or JSON.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the contacts as zcc-contact-search-event does: an id, a number or 4+ of its digits, an address or its start, a name, or a mix.")

    @OptionGroup var directoryOptions: DirectoryOptions

    @Flag(name: .long, help: "Print the contact-search response as JSON.")
    var json = false

    @Option(name: .long, help: "The most records.")
    var limit: Int = 10

    @Argument(help: "The query (several words are joined by spaces).")
    var query: [String]

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let loaded = try LoadedContacts.load(directoryOptions)
        loaded.writeReportToStandardError()
        let engine = ScreenPopEngine(directory: loaded.directory, configuration: ScreenPopConfiguration(region: directoryOptions.region, resultLimit: limit))
        let text = query.joined(separator: " ")
        let matches = engine.search(text)
        if json {
            let reply = ScreenPopEngine.encode(.contactSearchResponse(ContactSearchResponse(items: matches.map(ContactItem.init(match:)))))
            print(String(decoding: reply, as: UTF8.self))
            return
        }
        let rows = matches.enumerated().map { index, match -> [String] in
            let item = ContactItem(match: match)
            return ["\(index + 1)", item.id, item.name ?? "", item.phone ?? "", item.email ?? "", item.entity ?? "", match.reason.rawValue, String(format: "%.2f", match.score)]
        }
        print(Table.render(header: ["#", "id", "name", "phone", "email", "entity", "reason", "score"], rows: rows))
        if matches.isEmpty { print("no match for \(text.debugDescription)") }
    }
}

/// A plain text table with columns padded to their widest cell. A cell longer than
/// `maximumCellWidth` characters is cut with an ellipsis (`--json` prints values whole).
enum Table {
    static let maximumCellWidth = 60

    static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map(cut) }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(all[0]), line(widths.map { String(repeating: "-", count: $0) })] + all.dropFirst().map(line)).joined(separator: "\n")
    }

    private static func cut(_ cell: String) -> String {
        cell.count > maximumCellWidth ? String(cell.prefix(maximumCellWidth - 1)) + "…" : cell
    }
}
