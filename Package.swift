// swift-tools-version: 6.1
import PackageDescription

// Layering (see ../shared/STYLE.md):
//   CICU, CPhoneNumber      thin C / C++ shims over system ICU and libphonenumber; never products
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
        .target(
            name: "ContactIndex",
            dependencies: ["CICU", "CPhoneNumber"],
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
            dependencies: ["ContactIndex", "ContactFixtures"],
            resources: [.copy("Fixtures")]
        ),
        // Seeded multi-locale directories and labeled queries for tests and benchmarks; not a product.
        .target(
            name: "ContactFixtures",
            dependencies: ["ContactIndex"],
            resources: [.copy("Resources/names")]
        ),
        // ScreenPop: the Smart Embed protocol layer (messages, engagements, screen-pop decisions).
        .target(name: "ScreenPop", dependencies: ["ContactIndex"]),
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
        .testTarget(name: "ScreenPopTests", dependencies: ["ScreenPop", "ContactIndex"], exclude: ["Golden", "Fuzz"]),
    ],
    cxxLanguageStandard: .cxx17
)

// Strict settings for every Swift target, applied in one place.
for target in package.targets where target.type != .system {
    guard target.name != "CICU", target.name != "CPhoneNumber" else { continue }
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.unsafeFlags(["-warnings-as-errors"]))
    target.swiftSettings = settings
}
