import ContactIndex
import DirectoryGenerator
import Dispatch
import Histogram
import Synchronization

/// Measures look-ups on a loaded directory, class by class: latency of each call (HdrHistogram),
/// recall@1 and recall@5 against the labels, and throughput on 1…n threads.
struct BenchRunner {
    let directory: ContactDirectory
    let region: String
    /// Times each class's queries are run for latency (after one warm-up pass over everything).
    let rounds: Int
    /// Thread counts for throughput.
    let threadCounts: [Int]
    /// Misses to keep per class (queries whose expected ids are not in the first `missesWithin`).
    var failuresPerClass = 0
    /// How many first answers a kept miss has no expected id in (1 to 5).
    var missesWithin = 5
    /// Slowest queries to keep per class, for profiling: by each query's fastest call over the
    /// rounds, which a busy machine disturbs least.
    var slowestPerClass = 0
    /// Whether every query's answers of the first round are kept (`AnswerLog`).
    var keepsAnswers = false
    /// Whether the rounds go through every class in turn (the first round of every class, then
    /// the second, …) rather than each class's rounds one after another. Each query's calls
    /// are then spread over the whole run, so that a slow spell of the host disturbs few of
    /// them (a class's 20 rounds of exact names take a fifth of a second), and each call meets
    /// the caches as the other classes left them: a class run back to back keeps its own
    /// working set in them (its index blocks, records, foldings), as repeated look-ups would.
    var interleavesClasses = false

    /// A labeled query the engine missed, with what it answered.
    struct Miss: Sendable {
        var query: LabeledQuery
        var answers: [MatchSummary]
    }

    /// One of a class's slowest queries, with its fastest timed call.
    struct Slow: Sendable {
        var query: LabeledQuery
        var nanoseconds: UInt64
    }

    /// A class's latency percentiles over each query's fastest call (see `slowestPerClass`).
    struct Steady: Sendable {
        var queryClass: String
        var p50Nanoseconds: UInt64
        var p99Nanoseconds: UInt64
    }

    /// The figures of every class present in `queries`, and of all of them mixed.
    func measure(
        _ queries: [LabeledQuery], progress: (String) -> Void = { _ in }
    ) -> (
        classes: [BenchReport.ClassFigures], mixed: [String: Double], warmup: Int, misses: [Miss], slowest: [Slow], steady: [Steady],
        answers: AnswerLog
    ) {
        var answers = AnswerLog()
        var misses: [Miss] = []
        var slowest: [Slow] = []
        var steady: [Steady] = []
        let call = QueryCall(directory: directory, region: region)
        // Warm-up: every query once, results discarded (caches, lazily built tables, ICU handles).
        var sink = 0
        for query in queries { sink &+= call(query).count }
        blackHole(sink)

        var byClass: [String: [LabeledQuery]] = [:]
        for query in queries { byClass[query.className, default: []].append(query) }
        var runs = LabeledQuerySet.classOrder(of: queries).compactMap { className in
            byClass[className].flatMap { $0.isEmpty ? nil : ClassRun(name: className, queries: $0) }
        }
        if interleavesClasses {
            for round in 0..<rounds {
                progress("round \(round + 1) of \(rounds)")
                for index in runs.indices { runRound(round, of: &runs[index], call: call, answers: &answers, misses: &misses) }
            }
        } else {
            for index in runs.indices {
                progress(runs[index].name)
                for round in 0..<rounds { runRound(round, of: &runs[index], call: call, answers: &answers, misses: &misses) }
            }
        }
        var figures: [BenchReport.ClassFigures] = []
        for run in runs {
            let className = run.name
            let classQueries = run.queries
            let histogram = run.histogram
            if slowestPerClass > 0 {
                let fastestCalls = run.fastestCalls
                let worst = classQueries.indices.sorted { fastestCalls[$0] > fastestCalls[$1] }
                slowest += worst.prefix(slowestPerClass).map { Slow(query: classQueries[$0], nanoseconds: fastestCalls[$0]) }
                let ascending = worst.reversed().map { fastestCalls[$0] }
                let p99 = ascending[min(ascending.count - 1, (ascending.count * 99 + 99) / 100 - 1)]
                steady.append(Steady(queryClass: className, p50Nanoseconds: ascending[(ascending.count - 1) / 2], p99Nanoseconds: p99))
            }
            progress("\(className) throughput")
            var throughput: [String: Double] = [:]
            for threads in threadCounts { throughput[String(threads)] = Self.throughput(classQueries, call: call, threads: threads, rounds: rounds) }
            let kinds = Set(classQueries.map(\.kind))
            figures.append(BenchReport.ClassFigures(
                queryClass: className, kind: kinds.count == 1 ? kinds.first!.rawValue : "mixed", queries: classQueries.count,
                samples: Int(histogram.totalCount),
                p50Micros: micros(histogram.valueAtPercentile(50)), p90Micros: micros(histogram.valueAtPercentile(90)),
                p99Micros: micros(histogram.valueAtPercentile(99)), p999Micros: micros(histogram.valueAtPercentile(99.9)),
                maxMicros: micros(histogram.max), meanMicros: histogram.mean / 1000,
                recallAt1: run.labeled > 0 ? Double(run.hitsAt1) / Double(run.labeled) : nil,
                recallAt5: run.labeled > 0 ? Double(run.hitsAt5) / Double(run.labeled) : nil,
                anyResultRate: run.unanswerable > 0 ? Double(run.anyResult) / Double(run.unanswerable) : nil,
                confidentResultRate: run.unanswerable > 0 ? Double(run.confident) / Double(run.unanswerable) : nil,
                throughput: throughput))
        }
        progress("mixed")
        var mixed: [String: Double] = [:]
        for threads in threadCounts { mixed[String(threads)] = Self.throughput(queries, call: call, threads: threads, rounds: rounds) }
        return (figures, mixed, queries.count, misses, slowest, steady, answers)
    }

    /// One class's measurement under way: its latencies, its recall counts (from the first
    /// round) and each query's fastest call.
    struct ClassRun {
        let name: String
        let queries: [LabeledQuery]
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        // Recall over the queries with answers; the share with any and with a confident
        // result over those that no record answers (`expected` empty); the unlabeled ones
        // are only timed.
        var labeled = 0
        var hitsAt1 = 0
        var hitsAt5 = 0
        var unanswerable = 0
        var anyResult = 0
        var confident = 0
        var misses = 0
        var fastestCalls: [UInt64]

        init(name: String, queries: [LabeledQuery]) {
            self.name = name
            self.queries = queries
            fastestCalls = Array(repeating: UInt64.max, count: queries.count)
        }
    }

    /// Times every query of `run` once; the first round also scores them and keeps their
    /// answers and misses.
    func runRound(_ round: Int, of run: inout ClassRun, call: QueryCall, answers: inout AnswerLog, misses: inout [Miss]) {
        for (position, query) in run.queries.enumerated() {
            let (nanoseconds, matches) = call.timed(query)
            _ = run.histogram.record(max(nanoseconds, 1))
            run.fastestCalls[position] = min(run.fastestCalls[position], nanoseconds)
            if round == 0, keepsAnswers { answers.record(query, answers: matches) }
            guard round == 0, let expectedIDs = query.expected else { continue }
            if expectedIDs.isEmpty {
                run.unanswerable += 1
                if !matches.isEmpty { run.anyResult += 1 }
                if let top = matches.first, top.score >= MatchReason.confidentScore { run.confident += 1 }
            } else {
                run.labeled += 1
                let expected = Set(expectedIDs)
                if let top = matches.first, expected.contains(top.id) { run.hitsAt1 += 1 }
                if matches.prefix(5).contains(where: { expected.contains($0.id) }) { run.hitsAt5 += 1 }
                if run.misses < failuresPerClass, !matches.prefix(missesWithin).contains(where: { expected.contains($0.id) }) {
                    run.misses += 1
                    misses.append(Miss(query: query, answers: Array(matches.prefix(3))))
                }
            }
        }
    }

    /// Queries per second: the queries split over `threads` threads, each thread running its
    /// share `rounds` times; total calls over the wall time.
    static func throughput(_ queries: [LabeledQuery], call: QueryCall, threads: Int, rounds: Int) -> Double {
        let calls = Atomic<Int>(0)
        let start = monotonicNanoseconds()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var done = 0
            var sink = 0
            for _ in 0..<rounds {
                var index = worker
                while index < queries.count {
                    sink &+= call(queries[index]).count
                    done += 1
                    index += threads
                }
            }
            blackHole(sink)
            calls.add(done, ordering: .relaxed)
        }
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        return Double(calls.load(ordering: .relaxed)) / max(seconds, 1e-9)
    }
}

private func micros(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1000 }

/// Keeps a value alive so that the optimizer cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
