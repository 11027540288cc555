import ContactIndex
import DirectoryGenerator
import Foundation

/// Every query's answers as one JSON line each (`match-bench run --answers`), class by class in
/// the order the run measures them, and in the queries file's order within a class: the same
/// order for the same queries file, so that two builds' answers compare with `diff`, query by
/// query, where recall alone hides the changes past the expected contacts (a filler dropped,
/// two answers swapped).
struct AnswerLog {
    /// One line: the query and its ranked answers, each as "id reason score" (score to 4 places).
    private struct Line: Encodable {
        var `class`: String
        var query: String
        var answers: [String]
    }

    private var lines: [String] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Adds a query's answers.
    mutating func record(_ query: LabeledQuery, answers: [MatchSummary]) {
        let line = Line(
            class: query.className, query: query.query,
            answers: answers.map { "\($0.id) \($0.reason.rawValue) \(String(format: "%.4f", $0.score))" })
        if let data = try? encoder.encode(line) { lines.append(String(decoding: data, as: UTF8.self)) }
    }

    /// Writes the lines to `path`.
    func write(to path: String) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }
}
