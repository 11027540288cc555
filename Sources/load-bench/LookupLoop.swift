import ContactIndex
import Dispatch
import Histogram
import Synchronization

/// Reader threads that look up sampled queries in a live directory as fast as they can, and the
/// latency of each call.
enum LookupLoop {
    /// Latencies (nanoseconds) of one phase.
    struct Figures: Sendable {
        var overall = LookupLoop.histogram()
        var byKind: [QueryKind: Histogram<UInt64>] = [:]
        /// The reader threads' CPU time of each look-up, without the waits for a core.
        var overallCPU = LookupLoop.histogram()
        /// Look-ups whose matches did not include the sampled contact, by kind.
        var misses: [QueryKind: Int] = [:]

        mutating func add(_ other: Figures) {
            overall.add(other.overall)
            overallCPU.add(other.overallCPU)
            for (kind, histogram) in other.byKind { byKind[kind, default: LookupLoop.histogram()].add(histogram) }
            misses.merge(other.misses, uniquingKeysWith: +)
        }
    }

    /// An empty histogram of nanoseconds up to a minute, 3 significant digits.
    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    }

    /// Runs `readers` threads for `nanoseconds`, each going round the queries from its own offset.
    static func run(live: LiveDirectory, queries: [SampledQuery], readers: Int, nanoseconds: UInt64) -> Figures {
        let merged = Mutex(Figures())
        let group = DispatchGroup()
        let deadline = monotonicNanoseconds() + nanoseconds
        for reader in 0..<readers {
            DispatchQueue.global().async(group: group) {
                let figures = lookUp(live: live, queries: queries, from: reader * queries.count / readers, until: deadline)
                merged.withLock { $0.add(figures) }
            }
        }
        group.wait()
        return merged.withLock { $0 }
    }

    private static func lookUp(live: LiveDirectory, queries: [SampledQuery], from offset: Int, until deadline: UInt64) -> Figures {
        var figures = Figures()
        for query in queries where figures.byKind[query.kind] == nil { figures.byKind[query.kind] = histogram() }
        var index = offset
        var now = monotonicNanoseconds()
        while now < deadline, !queries.isEmpty {
            let query = queries[index % queries.count]
            index += 1
            let cpuStart = threadCPUNanoseconds()
            let matches = live.withDirectory { directory in
                switch query.kind {
                case .phone: directory.lookup(phone: query.text)
                case .email: directory.lookup(email: query.text)
                case .name: directory.lookup(name: query.text)
                }
            }
            let end = monotonicNanoseconds()
            _ = figures.overallCPU.record(max(threadCPUNanoseconds() - cpuStart, 1))
            let elapsed = max(end - now, 1)
            _ = figures.overall.record(elapsed)
            _ = figures.byKind[query.kind]!.record(elapsed)
            if !matches.contains(where: { $0.contact.id == query.expectedID }) { figures.misses[query.kind, default: 0] += 1 }
            now = end
        }
        return figures
    }
}
