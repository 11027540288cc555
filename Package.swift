// swift-tools-version: 6.1
import PackageDescription

// Layering (see ../shared/STYLE.md):
//   CICU, CPhoneNumber      thin C / C++ shims over system ICU and libphonenumber; never products
//   CMeCab                  a thin C shim over MeCab (readings of Japanese names); never a product
//   CMemoryHints            a header-only prefetch hint for look-ups' record reads; never a product
//   CBranchFreeSearch       header-only binary searches compiled without branches; never a product
//   ContactIndex            the directory, normalizers, indexes and matchers (public library)
let package = Package(
    name: "ContactMatch",
    products: [
        .library(name: "ContactIndex", targets: ["ContactIndex"]),
        .library(name: "ScreenPop", targets: ["ScreenPop"]),
        .executable(name: "screenpop", targets: ["screenpop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "CPhoneNumber",
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("protobuf"), .linkedLibrary("stdc++")]
        ),
        .target(name: "CMeCab", linkerSettings: [.linkedLibrary("mecab")]),
        .target(name: "CMemoryHints"),
        .target(name: "CBranchFreeSearch"),
        .target(
            name: "ContactIndex",
            dependencies: ["CICU", "CPhoneNumber", "CMeCab", "CMemoryHints", "CBranchFreeSearch"],
            resources: [.copy("Resources/nicknames.csv"), .copy("Resources/NOTICE.md")]
        ),
        // Release-mode measurements of bulk loading and live updates (not a test; see docs/loading.md).
        .executableTarget(
            name: "load-bench",
            dependencies: [
                "ContactIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(
            name: "ContactIndexTests",
            dependencies: ["ContactIndex", "ContactFixtures", "CBranchFreeSearch"],
            exclude: ["CSVFuzz"],
            resources: [.copy("Fixtures")]
        ),
        // libFuzzer entry point over the CSV loader; built only by scripts/fuzz-csv.sh (-sanitize=fuzzer -DFUZZING).
        .executableTarget(name: "csv-fuzz", dependencies: ["ContactIndex"]),
        // Seeded multi-locale directories and labeled queries for tests and benchmarks; not a product.
        .target(
            name: "ContactFixtures",
            dependencies: ["ContactIndex"],
            resources: [.copy("Resources/names")]
        ),
        // ScreenPop: the Smart Embed protocol layer (messages, engagements, screen-pop decisions).
        .target(name: "ScreenPop", dependencies: ["ContactIndex", "CMemoryHints"]),
        .executableTarget(
            name: "screenpop",
            dependencies: ["ScreenPop", "ContactIndex", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "screenpop-bench",
            dependencies: ["ScreenPop", "ContactIndex", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        // libFuzzer entry point; built only by scripts/fuzz-screenpop.sh (-sanitize=fuzzer -DFUZZING).
        .executableTarget(name: "screenpop-fuzz", dependencies: ["ScreenPop", "ContactIndex"]),
        .testTarget(name: "ScreenPopTests", dependencies: ["ScreenPop", "ContactIndex", "ContactFixtures"], exclude: ["Golden", "Fuzz"]),
        // ScreenPopServer: the host bridge's HTTP and WebSocket sidecar over the engine (issue 8).
        .target(
            name: "ScreenPopServer",
            dependencies: [
                "ScreenPop", "ContactIndex",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "screenpop-server",
            dependencies: [
                "ScreenPopServer", "ScreenPop", "ContactIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ScreenPopServerTests",
            dependencies: [
                "ScreenPopServer", "ScreenPop", "ContactIndex",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // match-bench (issue 6): realistic directories, labeled queries, and measured look-ups.
        .target(
            name: "DirectoryGenerator",
            dependencies: ["ContactIndex"],
            exclude: ["Tools"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "match-bench",
            dependencies: [
                "DirectoryGenerator", "ContactIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(name: "MatchBenchTests", dependencies: ["match-bench", "DirectoryGenerator", "ContactIndex"]),
        // Micro-benchmarks (package-benchmark): `make bench`.
        .executableTarget(
            name: "ContactMatchBenchmarks",
            dependencies: [
                "ContactIndex", "ScreenPop", "DirectoryGenerator",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ContactMatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

// Strict settings for every Swift target, applied in one place.
for target in package.targets where target.type != .system {
    guard !["CICU", "CPhoneNumber", "CMemoryHints", "CBranchFreeSearch"].contains(target.name) else { continue }
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.unsafeFlags(["-warnings-as-errors"]))
    target.swiftSettings = settings
}
