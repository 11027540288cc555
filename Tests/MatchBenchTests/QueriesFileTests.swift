import DirectoryGenerator
import Foundation
import Testing

@testable import match_bench

/// A host's own queries file: only `query` is required, any class name is a class of its own,
/// `expected` may be one id, a list, empty (no record answers) or absent (timed only), and a
/// line that is no query is reported with its number and what is wrong with it.
@Suite("match-bench queries files")
struct QueriesFileTests {
    /// A folder of its own for each test, removed after it.
    private static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("match-bench-queries-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private static func write(_ text: String, in folder: URL, name: String = "queries.jsonl") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func keysMayBeLeftOut() throws {
        let lines = [
            "\u{FEFF}{\"query\": \"john smi\"}",  // a byte order mark, then only the text
            "",
            "{\"class\": \"vip callers\", \"query\": \"Ada Lovelace\", \"expected\": \"C1\"}",
            "{\"class\": \"vip callers\", \"kind\": \"phone\", \"query\": \"+44 20 7946 0000\", \"expected\": [\"C1\", \"C2\"]}",
            "{\"class\": \"name_prefix\", \"query\": \"Ada Lov\", \"expected\": []}",
            "{\"class\": \"phone_e164\", \"query\": \"+442079460000\"}",
            "   ",
            "{\"class\": \"vip callers\", \"query\": \"Ada\", \"expected\": [1042, \"C1\"]}",
            "{\"query\": \"Ada L\", \"expected\": 7, \"kind\": \"search\"}",
            "{\"query\": \"Lovelace\", \"expected\": null}",
        ]
        let queries = try Self.withFolder { folder in
            try LabeledQuerySet.read(path: Self.write(lines.joined(separator: "\r\n"), in: folder)).queries
        }
        #expect(queries == [
            LabeledQuery(className: "search", kind: .search, query: "john smi", expected: nil),
            LabeledQuery(className: "vip callers", kind: .search, query: "Ada Lovelace", expected: ["C1"]),
            LabeledQuery(className: "vip callers", kind: .phone, query: "+44 20 7946 0000", expected: ["C1", "C2"]),
            LabeledQuery(className: "name_prefix", kind: .search, query: "Ada Lov", expected: []),
            LabeledQuery(className: "phone_e164", kind: .phone, query: "+442079460000", expected: nil),
            LabeledQuery(className: "vip callers", kind: .search, query: "Ada", expected: ["1042", "C1"]),
            LabeledQuery(className: "search", kind: .search, query: "Ada L", expected: ["7"]),
            LabeledQuery(className: "search", kind: .search, query: "Lovelace", expected: nil),
        ])
        #expect(queries.map(\.queryClass) == [nil, nil, nil, .namePrefix, .phoneE164, nil, nil, nil])
        // The generator's classes first, in their order, then the others as they come.
        #expect(LabeledQuerySet.classOrder(of: queries) == ["phone_e164", "name_prefix", "search", "vip callers"])
        // Written back, with `expected` only where it was, and read again the same.
        let reread = try Self.withFolder { folder in
            let path = folder.appendingPathComponent("again.jsonl").path
            try LabeledQuerySet(queries).write(to: path)
            return try LabeledQuerySet.read(path: path).queries
        }
        #expect(reread == queries)
        #expect(!LabeledQuerySet([queries[0]]).jsonLines().contains("expected"))
    }

    @Test(arguments: [
        ("{\"class\": \"x\", \"expected\": []}", "no \"query\" key"),
        ("{\"kind\": \"name\", \"query\": \"Ada\"}", "kind \"name\" is none of phone, email, search"),
        ("{\"query\": \"Ada\", \"expected\": 7.5}", "\"expected\" is not a list of ids"),
        ("{\"query\": \"Ada\", \"expected\": [\"C1\", {\"id\": 2}]}", "\"expected\" is not a list of ids"),
        ("{\"query\": 42}", "\"query\" is not a string"),
        ("[\"Ada\"]", "not a JSON object"),
        ("query: Ada", "not JSON"),
    ])
    func aBadLineIsReportedWithItsNumber(line: String, reason: String) throws {
        let text = "{\"query\": \"fine\"}\n\n" + line + "\n{\"query\": \"also fine\"}\n"
        try Self.withFolder { folder in
            let path = try Self.write(text, in: folder)
            let error = #expect(throws: LabeledQuerySet.ReadError.self) { try LabeledQuerySet.read(path: path) }
            let description = error.map(String.init(describing:)) ?? ""
            #expect(description.hasPrefix("\(path):3: not a labeled query: ") && description.contains(reason), "\(description)")
        }
    }

    /// A run over a host's own classes: recall where ids are expected, the share with any and
    /// with a confident result where none is, and only latency for the unlabeled queries.
    @Test func aRunReportsEachClassAsItIsLabeled() throws {
        let csv = """
            id,first_name,last_name,phone,email
            C1,Ada,Lovelace,+44 20 7946 0018,ada@example.org
            C2,Alan,Turing,+44 20 7946 0019,alan@example.org
            C3,Grace,Hopper,+1 212 555 0100,grace@example.com

            """
        let queries = """
            {"class": "people", "query": "Ada Lovelace", "expected": "C1"}
            {"class": "people", "query": "Alan Turnig", "expected": ["C2"]}
            {"class": "people", "query": "Grace Hopper", "expected": ["C2"]}
            {"class": "strangers", "query": "Zebediah Quux", "expected": []}
            {"class": "strangers", "query": "Grace Hopper", "expected": []}
            {"class": "typed", "query": "gra hop"}
            {"class": "typed", "kind": "phone", "query": "+1 212 555 0100"}
            {"class": "phone_e164", "query": "+12125550100", "expected": ["C3"]}

            """
        let report = try Self.withFolder { folder in
            try RunCommand.bench(
                contacts: Self.write(csv, in: folder, name: "contacts.csv"), queries: Self.write(queries, in: folder), threads: 1,
                region: "US", rounds: 2, queryCount: 1, seed: 1, quiet: true)
        }
        #expect(report.classes.map(\.queryClass) == ["phone_e164", "people", "strangers", "typed"])
        let byClass = Dictionary(uniqueKeysWithValues: report.classes.map { ($0.queryClass, $0) })
        let people = try #require(byClass["people"])
        #expect(people.queries == 3 && people.samples == 6 && people.kind == "search")
        #expect(people.recallAt1 == 2.0 / 3 && people.recallAt5 == 2.0 / 3)
        #expect(people.anyResultRate == nil && people.confidentResultRate == nil)
        let strangers = try #require(byClass["strangers"])
        #expect(strangers.recallAt1 == nil && strangers.anyResultRate == 0.5 && strangers.confidentResultRate == 0.5)
        let typed = try #require(byClass["typed"])
        #expect(typed.kind == "mixed" && typed.queries == 2 && typed.samples == 4)
        #expect(typed.recallAt1 == nil && typed.anyResultRate == nil)
        #expect(byClass["phone_e164"]?.recallAt1 == 1.0)
        let table = report.table()
        #expect(table.contains("strangers") && table.contains("any 0.50"))
    }
}
