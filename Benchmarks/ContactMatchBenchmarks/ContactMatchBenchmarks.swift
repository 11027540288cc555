import Benchmark

/// Micro-benchmarks of the engine, run with `make bench` (`swift package benchmark`).
///
/// Every benchmark records wall clock and malloc counts. Thresholds (Benchmarks/Thresholds):
/// malloc counts are gated tightly (they do not depend on the machine), wall clock loosely,
/// because this 2-core machine is shared and noisy. Fixtures are built in `setup`, outside the
/// measured loop, and results go through `blackHole`.
///
/// Names have no spaces or slashes: package-benchmark 1.38.1 writes a threshold file under the
/// name with " " and "/" replaced by "_", but `thresholds check` looks for the name as written,
/// so a name with either would never find its thresholds.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000,
        thresholds: [
            .wallClock: BenchmarkThresholds(relative: [.p50: 100.0], absolute: [:]),
            .throughput: BenchmarkThresholds(relative: [:], absolute: [:]),
            .mallocCountTotal: BenchmarkThresholds(relative: [.p50: 5.0, .p90: 10.0], absolute: [.p50: 2, .p90: 4]),
        ]
    )
    registerNormalizationBenchmarks()
    registerLookupBenchmarks()
    registerLoadingBenchmarks()
    registerScreenPopBenchmarks()
}
