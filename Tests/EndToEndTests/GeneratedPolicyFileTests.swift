import Foundation
import Testing

/// The case `policies-generate-output` writes `Fixtures/usage/generate/catalog-sync.policy.json5`,
/// which docs/generate.md shows whole and other cases lint with. This test writes the same
/// command's policy elsewhere and compares it with the committed file, so a change in what the
/// generator writes fails here, whatever order the cases run in.
@Suite("The generated policy file in the docs")
struct GeneratedPolicyFileTests {
    @Test func committedFileIsWhatTheCommandWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = splitArguments(
            try String(
                contentsOf: FixtureCase.packageRoot.appendingPathComponent(
                    "Fixtures/cases/policies-generate-output/args"), encoding: .utf8))
        let output = try #require(arguments.firstIndex(of: "-o"))
        let committed = arguments[output + 1]
        var rerun = arguments
        rerun[output + 1] = folder.appendingPathComponent("policy.json5").path
        let result = try Executable.run(rerun)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("policy.json5"), encoding: .utf8)
        let expected = try String(
            contentsOf: FixtureCase.packageRoot.appendingPathComponent(committed), encoding: .utf8)
        #expect(written == expected, "run the case's command to rewrite \(committed), then Scripts/sync-docs")
    }
}
