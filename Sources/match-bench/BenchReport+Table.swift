extension BenchReport {
    /// The report as a terminal table.
    func table() -> String {
        var lines: [String] = []
        let threadKeys = mixedThroughput.keys.sorted { Int($0)! < Int($1)! }
        var header = pad("class", 20) + pad("n", 6, right: true) + pad("p50µs", 9, right: true) + pad("p90µs", 9, right: true)
        header += pad("p99µs", 9, right: true) + pad("p99.9µs", 10, right: true) + pad("maxµs", 10, right: true)
        header += pad("R@1", 7, right: true) + pad("R@5", 7, right: true)
        for key in threadKeys { header += pad("qps@\(key)t", 11, right: true) }
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count))
        for row in classes {
            var line = pad(row.queryClass, 20) + pad(String(row.queries), 6, right: true)
            for value in [row.p50Micros, row.p90Micros, row.p99Micros] { line += pad(format(value, 1), 9, right: true) }
            line += pad(format(row.p999Micros, 1), 10, right: true) + pad(format(row.maxMicros, 1), 10, right: true)
            if let r1 = row.recallAt1, let r5 = row.recallAt5 {
                line += pad(format(r1, 3), 7, right: true) + pad(format(r5, 3), 7, right: true)
            } else if let any = row.anyResultRate, let confident = row.confidentResultRate {
                // Unknown classes: share with any result / with a confident (wrong) result.
                line += pad("any " + format(any, 2), 7, right: true) + pad("c " + format(confident, 2), 7, right: true)
            } else {
                // Unlabeled queries: timed only.
                line += pad("-", 7, right: true) + pad("-", 7, right: true)
            }
            for key in threadKeys { line += pad(format(row.throughput[key] ?? 0, 0), 11, right: true) }
            lines.append(line)
        }
        var mixed = pad("all (mixed)", 20) + String(repeating: " ", count: 6 + 9 * 3 + 10 * 2 + 14)
        for key in threadKeys { mixed += pad(format(mixedThroughput[key] ?? 0, 0), 11, right: true) }
        lines.append(mixed)
        lines.append("")
        lines.append("load: \(contactsLoaded) contacts (\(rowsRead) rows, \(bytesRead >> 20) MiB) in \(format(loadSeconds, 2)) s, \(format(loadMBPerSecond, 1)) MB/s, \(format(Double(rowsRead) / max(loadSeconds, 1e-9), 0)) rows/s")
        lines.append("memory: RSS \(resident(residentBytesBeforeLoad)) before load, \(resident(residentBytesAfterLoad)) after (directory ≈ \(resident(residentBytesAfterLoad - residentBytesBeforeLoad))), peak RSS \(resident(peakResidentBytes))")
        if !loadProblems.isEmpty {
            lines.append("load problems: " + loadProblems.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("latency: one call, \(rounds) rounds per class after a warm-up of \(warmupQueries) queries; \(buildMode) build; R@k for unknown classes (no record answers): share with any result / with a confident result; - for unlabeled queries")
        return lines.joined(separator: "\n")
    }

    private func resident(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return right ? " " + text : text + " " }
        let fill = String(repeating: " ", count: width - count)
        return right ? fill + text : text + fill
    }
}
