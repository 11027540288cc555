import ContactIndex
import DirectoryGenerator

/// What the benchmarks run on, built once (outside every measured loop): a generated CRM
/// export of 20,000 rows, the directory loaded from it, and labeled queries drawn from it.
enum Fixtures {
    /// Rows of the generated export.
    static let rows = 20_000

    /// The export as CSV bytes (canonical style, seed 1).
    static let csv: [UInt8] = {
        var bytes: [UInt8] = []
        let writer = DirectoryWriter(factory: RecordFactory(seed: 1, contactCount: rows), style: .canonical, threads: 2)
        _ = writer.generate(count: rows) { batch, _ in bytes += batch }
        return bytes
    }()

    /// The directory loaded from `csv`.
    static let directory: ContactDirectory = {
        guard let (directory, _) = try? ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: csv) else {
            fatalError("the generated export did not load")
        }
        return directory
    }()

    /// Labeled queries by class name.
    static let queries: [String: [LabeledQuery]] = {
        let set = LabeledQueryBuilder(seed: 1, perClass: 200, region: "US").build(from: directory)
        return Dictionary(grouping: set.queries, by: \.className)
    }()

    /// The query texts of a class (at least one).
    static func texts(_ queryClass: QueryClass) -> [String] {
        let texts = (queries[queryClass.rawValue] ?? []).map(\.query)
        precondition(!texts.isEmpty, "no \(queryClass.rawValue) queries in the fixture")
        return texts
    }
}

/// Cycles through texts, one per iteration.
struct Cycle {
    let items: [String]
    private var index = 0

    init(_ items: [String]) { self.items = items }

    mutating func next() -> String {
        defer { index = index + 1 == items.count ? 0 : index + 1 }
        return items[index]
    }
}
