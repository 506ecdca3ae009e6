import Foundation
import Testing

@testable import ScopeLint

/// Large inputs take paths small fixtures never do: the reading thread (4 MiB and up), pages
/// handed back to the system (every 8 MiB), the report rendered on every core (20,000
/// findings and up). Their results must be the ones the plain paths give.
@Suite("Large inputs")
struct LargeInputTests {
    /// A fleet big enough for every large-input path: about 12 MB, 25,000 findings.
    static let fleet: String = {
        let names = ["Modern Retail Integration", "Stone Edge Order Manager", "Reporting", "Zapier"]
        var text = "{\n  \"format\": \"scopelint-export/1\",\n  \"stores\": [\n"
        for store in 0..<600 {
            text += "    {\n      \"store_hash\": \"s\(store)\",\n      \"accounts\": [\n"
            for account in 0..<10 {
                let level = (store + account) % 3 == 0 ? "modify" : "read-only"
                text +=
                    "        {\n          \"name\": \"\(names[account % 4]) \(account)\",\n          \"scopes\": {\n"
                text +=
                    "            \"Customers\": \"\(level)\",\n            \"Orders\": \"modify\",\n            \"Products\": \"\(level)\",\n"
                text +=
                    "            \"Marketing\": \"modify\",\n            \"Order Transactions\": \"modify\",\n            \"Carts\": \"modify\",\n"
                text +=
                    "            \"Storefront API Tokens\": \"manage\",\n            \"Information & Settings\": \"read-only\",\n"
                for filler in 0..<40 { text += "            \"Not A Scope \(filler % 3)\": \"none\",\n" }
                text +=
                    "            \"Checkouts\": \"\(account % 2 == 0 ? "modify" : "none")\"\n          }\n        }\(account < 9 ? "," : "")\n"
            }
            text += "      ]\n    }\(store < 599 ? "," : "")\n"
        }
        return text + "  ]\n}\n"
    }()

    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-large-\(UUID().uuidString).json"
        ).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the streamed, pipelined lint of a large file equals reading it whole and linting")
    func streamedEqualsWhole() throws {
        let path = try Self.temporaryFile(Self.fleet)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.fleet.utf8.count > InputBytes.releaseStep)

        var console = Console()
        let code = CLI.run(["lint", path, "--format", "json"], console: &console)
        #expect(code == 1)

        let library = try PolicyLibrary.bundled()
        let engine = try LintEngine(library: library, policyIDs: [])
        let export = try ExportReader.read(Array(Self.fleet.utf8), file: path)
        let report = try engine.lint([export])
        #expect(console.out == JSONReporter.render(report, options: ReportOptions()))
    }
}

/// The pipeline's other behaviour is in Streaming/PipelineRunTests; this is the one bug found.
@Suite("Pipeline regressions")
struct PipelineRegressionTests {
    // Regression: the producer can take one more slot after the consumer has stopped, and
    // libdispatch trapped when the queue was freed below its starting count. Many short
    // cancelled runs make that interleaving likely; a trap would end the test process.
    @Test("cancelled runs free their queue cleanly however the threads interleave", .timeLimit(.minutes(1)))
    func cancelledRuns() {
        for _ in 0..<300 {
            let error = captureInvalid {
                try Pipeline.run(
                    produce: { send in for item in 0..<2_000 { send(item) } },
                    consume: { (item: Int) throws(ScopeLintError) in
                        if item == 40 { throw .invalid(file: "f", position: nil, message: "stop") }
                    })
            }
            #expect(error?.message == "stop")
        }
    }
}
