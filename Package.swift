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
        // The core: catalog, inputs, policies, engine, rules, findings, reporters.
        .target(name: "ScopeLint", swiftSettings: strict),
        // The command line: argument parsing, commands, console, configuration and baseline files.
        .target(name: "ScopeLintCLI", dependencies: ["ScopeLint"], swiftSettings: strict),
        .executableTarget(name: "scopelint", dependencies: ["ScopeLintCLI"], swiftSettings: strict),
        // The benchmark's fleet generator (Benchmarks/run builds it in release).
        .executableTarget(name: "scopelint-fleet", dependencies: ["ScopeLint"], swiftSettings: strict),
        .testTarget(name: "ScopeLintTests", dependencies: ["ScopeLint", "ScopeLintCLI"], swiftSettings: strict),
        // Depends on the executable so `swift test` builds the binary the golden tests run.
        .testTarget(
            name: "EndToEndTests", dependencies: ["ScopeLint", "ScopeLintCLI", "scopelint"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
