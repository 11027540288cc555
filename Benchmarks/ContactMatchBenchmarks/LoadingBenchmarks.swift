import Benchmark
import ContactIndex

/// Parsing and loading a CRM export: bytes per second over the whole load (parse, normalize,
/// index) of 20,000 generated rows.
func registerLoadingBenchmarks() {
    Benchmark(
        "load-csv-export-20k-rows-mb-per-s",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal, .throughput], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(10), maxIterations: 5,
            thresholds: [
                .wallClock: BenchmarkThresholds(relative: [.p50: 100.0], absolute: [:]),
                .mallocCountTotal: BenchmarkThresholds(relative: [.p50: 5.0], absolute: [:]),
            ])
    ) { benchmark, csv in
        let loader = ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"), threads: 1))
        let clock = ContinuousClock()
        let start = clock.now
        benchmark.startMeasurement()
        let result = try? loader.load(bytes: csv)
        benchmark.stopMeasurement()
        let elapsed = start.duration(to: clock.now)
        blackHole(result)
        // Megabytes per second of the whole load, as a custom metric.
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(.custom("MB/s", polarity: .prefersLarger), Int(Double(csv.count) / 1_048_576 / max(seconds, 1e-9)))
    } setup: {
        Fixtures.csv
    }
}
