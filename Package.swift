// swift-tools-version: 6.2
import PackageDescription

// Warnings are defects: every target treats them as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "scopelint",
    products: [
        .library(name: "ScopeLint", targets: ["ScopeLint"]),
        .executable(name: "scopelint", targets: ["scopelint"]),
    ],
    targets: [
        .target(name: "ScopeLint", swiftSettings: strict),
        .executableTarget(name: "scopelint", dependencies: ["ScopeLint"], swiftSettings: strict),
        // The benchmark's fleet generator (Benchmarks/run builds it in release).
        .executableTarget(name: "scopelint-fleet", dependencies: ["ScopeLint"], swiftSettings: strict),
        .testTarget(name: "ScopeLintTests", dependencies: ["ScopeLint"], swiftSettings: strict),
        // Depends on the executable so `swift test` builds the binary the golden tests run.
        .testTarget(name: "EndToEndTests", dependencies: ["ScopeLint", "scopelint"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
