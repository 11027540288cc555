import Histogram

/// A plain-text table of latency percentiles in microseconds.
struct LatencyTable {
    private var rows: [[String]] = [["", "count", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs"]]

    /// Adds a row for a histogram of nanoseconds.
    mutating func add(_ label: String, _ histogram: Histogram<UInt64>) {
        func micros(_ nanoseconds: UInt64) -> String { String(format1: Double(nanoseconds) / 1000) }
        rows.append([
            label, String(histogram.totalCount), micros(histogram.valueAtPercentile(50)), micros(histogram.valueAtPercentile(90)),
            micros(histogram.valueAtPercentile(99)), micros(histogram.valueAtPercentile(99.9)), micros(histogram.max),
        ])
    }

    /// Adds the writer's rows: upserts, their two parts (preparation, then the live directory's
    /// update), upserts by what they changed, and removals.
    mutating func addWrites(_ figures: UpdateWorkload.Figures, upsert: String, remove: String) {
        add(upsert, figures.upsert)
        add("  prepare (normalize)", figures.prepare)
        add("  apply (LiveDirectory)", figures.apply)
        for kind in UpdateWorkload.WriteKind.allCases {
            if let histogram = figures.upsertByKind[kind] { add("  \(kind.rawValue)", histogram) }
        }
        add(remove, figures.remove)
    }

    /// The table, columns aligned (the first to the left, the others to the right).
    var text: String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension String {
    /// A number with one decimal.
    init(format1 value: Double) {
        let scaled = Int((value * 10).rounded())
        self = "\(scaled / 10).\(abs(scaled % 10))"
    }
}
