import ContactIndex
import DirectoryGenerator
import Foundation
import Testing

@testable import match_bench

/// Generates 2,000 contacts, writes labeled queries, and runs the bench end to end, so that
/// the tool cannot rot.
@Suite("match-bench smoke")
struct MatchBenchSmokeTests {
    @Test func generateQueriesAndRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("match-bench-smoke-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("contacts.csv").path
        let queries = folder.appendingPathComponent("queries.jsonl").path

        let generated = try DirectoryWriter(factory: RecordFactory(seed: 5, contactCount: 2000), style: .canonical).write(count: 2000, to: csv)
        #expect(generated.rows == 2000)

        let loaded = try DirectoryLoad.load(path: csv, region: "US", threads: 2, quiet: true)
        let set = LabeledQueryBuilder(seed: 5, perClass: 40, region: "US").build(from: loaded.directory)
        try set.write(to: queries)
        let reread = try LabeledQuerySet.read(path: queries)
        #expect(reread.queries == set.queries)
        let firstLine = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("{\"class\": \"phone_e164\", \"kind\": \"phone\", \"query\": \"+"))

        let present = Set(set.queries.compactMap(\.queryClass))
        #expect(present == Set(QueryClass.allCases))
        for query in set.queries {
            #expect(query.queryClass?.isUnknown == query.expected?.isEmpty, "\(query)")
            #expect(!query.query.isEmpty)
        }

        let report = try RunCommand.bench(
            contacts: csv, queries: queries, threads: 2, region: "US", rounds: 1, queryCount: 40, seed: 5, quiet: true)
        #expect(report.contactsLoaded == 2000)
        #expect(report.classes.map(\.queryClass) == QueryClass.allCases.map(\.rawValue))
        let byClass = Dictionary(uniqueKeysWithValues: report.classes.map { ($0.queryClass, $0) })
        for row in report.classes {
            #expect(row.queries > 0)
            #expect(row.samples == row.queries)
            #expect(row.p50Micros <= row.p90Micros && row.p90Micros <= row.p99Micros && row.p99Micros <= row.maxMicros)
            #expect(row.throughput["1"] ?? 0 > 0 && row.throughput["2"] ?? 0 > 0)
            let unknown = QueryClass(rawValue: row.queryClass)!.isUnknown
            #expect((row.recallAt1 == nil) == unknown)
            if let r1 = row.recallAt1, let r5 = row.recallAt5 { #expect(r1 <= r5) }
        }
        #expect(byClass["phone_e164"]?.recallAt1 == 1.0)
        #expect((byClass["phone_national"]?.recallAt1 ?? 0) >= 0.98)
        #expect((byClass["email_exact"]?.recallAt1 ?? 0) >= 0.98)
        #expect((byClass["name_exact"]?.recallAt1 ?? 0) >= 0.99)
        #expect(byClass["phone_unknown"]?.anyResultRate == 0)
        #expect(report.peakResidentBytes > 0)

        let json = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(BenchReport.self, from: json)
        #expect(decoded.classes.count == report.classes.count)
        #expect(report.table().contains("name_typo2"))

        // The rounds run through the classes in turn: the same classes, samples and recall.
        let interleaved = try RunCommand.bench(
            contacts: csv, queries: queries, threads: 1, region: "US", rounds: 2, queryCount: 40, seed: 5, interleave: true, quiet: true)
        #expect(interleaved.classes.map(\.queryClass) == report.classes.map(\.queryClass))
        for (row, other) in zip(interleaved.classes, report.classes) {
            #expect(row.samples == 2 * row.queries)
            #expect(row.recallAt1 == other.recallAt1 && row.recallAt5 == other.recallAt5, "\(row.queryClass)")
            #expect(row.anyResultRate == other.anyResultRate, "\(row.queryClass)")
        }
    }
}
