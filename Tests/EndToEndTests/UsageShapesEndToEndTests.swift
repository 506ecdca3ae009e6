import Foundation
import Testing

/// Issue 16's promise: a call list, an access log, a HAR file and a Postman collection of the
/// same calls generate the same policy, through the real executable. Only the description,
/// which names the file read, may differ; the unmapped call is reported in each at its own place.
@Suite("policies generate: the same calls in four shapes")
struct UsageShapesEndToEndTests {
    static let folder = "Fixtures/usage/same-calls/"
    static let shapes = ["calls.txt", "access.log", "session.har", "collection.postman.json"]

    private func generate(_ file: String) throws -> Executable.Result {
        try Executable.run(["policies", "generate", Self.folder + file, "--id", "same", "--title", "Same calls"])
    }

    /// The policy without its description line, which names the input.
    private func body(_ policy: String) -> String {
        policy.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("  description: ") }.joined(separator: "\n")
    }

    @Test func everyShapeGeneratesTheSamePolicy() throws {
        let reference = try generate(Self.shapes[0])
        #expect(reference.status == 1, "the nonexistent call is unmapped: \(reference.stderr)")
        #expect(reference.stdout.contains("\"Products\": \"modify\""))
        #expect(reference.stdout.contains("\"Orders\": \"modify\""))
        #expect(reference.stdout.contains("\"Customers\": \"read-only\""))
        for shape in Self.shapes.dropFirst() {
            let result = try generate(shape)
            #expect(result.status == reference.status, "\(shape): \(result.stderr)")
            #expect(body(result.stdout) == body(reference.stdout), "\(shape)")
            #expect(
                result.stderr.hasSuffix(
                    "scopelint: 13 calls read: 11 mapped, 1 to other hosts (passed over), 1 unmapped\n"),
                "\(shape): \(result.stderr)")
            #expect(result.stderr.contains(Self.folder + shape + ":"), "the unmapped call is located in \(shape)")
        }
    }

    /// Standard input (`-`, streamed from the process's descriptor) reads as the file does.
    @Test func standardInputReadsAsTheFile() throws {
        let log = try Data(contentsOf: FixtureCase.packageRoot.appendingPathComponent(Self.folder + "access.log"))
        let piped = try Executable.run(
            ["policies", "generate", "-", "--id", "same", "--title", "Same calls"], stdin: log)
        #expect(piped.status == 1, "\(piped.stderr)")
        #expect(body(piped.stdout) == body(try generate("access.log").stdout))
        #expect(piped.stderr.contains("<stdin>:13:47: GET /stores/abc123/v3/nonexistent"))
    }

    /// The generated policy passes an account that holds exactly its scopes, whatever shape it
    /// came from: the lint's verdict is the policy's, not the reader's.
    @Test(arguments: shapes)
    func theGeneratedPolicyChecks(_ shape: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-shapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = folder.appendingPathComponent("same.json5").path
        let written = try Executable.run([
            "policies", "generate", Self.folder + shape, "--id", "same", "-o", policy,
        ])
        #expect(written.status == 1, "\(written.stderr)")
        let check = try Executable.run(["policies", "check", policy])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
