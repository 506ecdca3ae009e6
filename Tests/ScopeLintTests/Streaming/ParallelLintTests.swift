import Foundation
import Testing

@testable import ScopeLint

/// `scopelint lint A B C...` lints its inputs at once (each streamed, a large one through the
/// reading thread) and must report exactly what linting them one after another reports; and
/// when several inputs are invalid, the error must be the first one's in argument order.
@Suite("Streaming: parallel lint")
struct StreamingParallelLintTests {
    static let root = packageRoot

    /// Every valid fixture export (Fixtures/exports/*/*.json and .json5, malformed ones aside).
    static let fixtures: [String] = {
        let exports = root.appendingPathComponent("Fixtures/exports")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []).filter {
            $0 != "malformed"
        }.sorted()
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: exports.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".json5") }.sorted()
                .map { exports.appendingPathComponent(folder).appendingPathComponent($0).path }
        }
    }()

    static func malformed(_ name: String) -> String {
        root.appendingPathComponent("Fixtures/exports/malformed/\(name)").path
    }

    /// The CLI in this process: exit code, standard output, standard error.
    static func lint(_ inputs: [String], standardInput: [UInt8] = []) -> (code: Int32, out: String, err: String) {
        var console = Console(readStandardInput: { standardInput })
        let code = CLI.run(["lint"] + inputs + ["--format", "json"], console: &console)
        return (code, console.out, console.err)
    }

    /// The same inputs read whole, one after another, linted in one call, rendered as JSON.
    static func sequential(_ inputs: [String], standardInput: [UInt8] = []) throws -> (code: Int32, out: String) {
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        var exports: [Export] = []
        for path in inputs {
            let bytes = path == "-" ? standardInput : try InputFile.read(path)
            exports.append(try InputFormat.read(bytes, file: InputFile.displayName(for: path)))
        }
        let report = try engine.lint(exports)
        return (report.exitCode(failOn: .severity(.error)), JSONReporter.render(report, options: ReportOptions()))
    }

    /// The error reading this input alone gives, as the CLI prints it.
    static func sequentialError(_ path: String) -> String? {
        let error = StreamingSupport.error { () throws(ScopeLintError) in
            _ = try InputFormat.read(try InputFile.read(path), file: InputFile.displayName(for: path))
        }
        return error.map { $0.description + "\n" }
    }

    /// An export above the reading-thread threshold: real accounts, padded with long store notes.
    static func largeExport(broken: Bool = false) -> [UInt8] {
        var text = "{\"format\": \"scopelint-export/1\", \"stores\": [\n"
        let names = ["Modern Retail Integration", "Stone Edge Order Manager", "Reporting", "CSM Business Central"]
        let levels = ["modify", "read-only", "none"]
        var stores: [String] = []
        for store in 0..<12 {
            // Six notes of 800 kB (a string may hold at most 1 MiB): past the threshold.
            let padding = store % 2 == 0 ? String(repeating: "padding ", count: 100_000) : "short"
            var accounts: [String] = []
            for account in 0..<4 {
                accounts.append(
                    "{\"name\": \"\(names[(store + account) % 4]) \(account)\", \"scopes\": {\"Customers\": \"\(levels[(store + account) % 3])\", "
                        + "\"Orders\": \"modify\", \"Products\": \"\(levels[store % 3])\", \"Not A Scope \(account)\": \"none\", \"Carts\": \"read-only\"}}"
                )
            }
            stores.append(
                "  {\"store_hash\": \"big\(store)\", \"notes\": \"\(padding)\",\n   \"accounts\": [\n    "
                    + accounts.joined(separator: ",\n    ") + "]}")
        }
        text += stores.joined(separator: ",\n") + "\n]}\n"
        if broken {
            // The very end is wrong: the error comes after everything else was read.
            text.removeLast(4)
            text += "\n  {\"store_hash\": 7 ]}\n"
        }
        return Array(text.utf8)
    }

    @Test("the fixtures exist: there is something to lint in parallel")
    func fixturesExist() {
        #expect(Self.fixtures.count >= 10, "\(Self.fixtures)")
        #expect(
            !FileManager.default.fileExists(atPath: Configuration.fileName),
            "a \(Configuration.fileName) in the working folder would change what the CLI lints against")
    }

    @Test("every fixture export at once: the same JSON report as reading them in order and linting them together")
    func allFixtures() throws {
        let expected = try Self.sequential(Self.fixtures)
        for _ in 0..<3 {
            let result = Self.lint(Self.fixtures)
            #expect(result.err == "")
            #expect(result.code == expected.code)
            #expect(result.out == expected.out)
        }
    }

    /// Orders and subsets of the fixtures, a repeated file and standard input among them.
    static let commandLines: [[Int]] = [
        [1, 0], [0, 1, 2, 3], [5, 4, 3, 2, 1, 0], [2, 2], [0, -1, 3], [-1, 4], [3, 0, 0, 3, 1],
    ]

    @Test(
        "subsets, other orders, a file given twice and standard input: the report follows the command line",
        arguments: commandLines)
    func orders(_ order: [Int]) throws {
        let standardInput = try InputFile.read(Self.fixtures[Self.fixtures.count - 1])
        let inputs = order.map { $0 < 0 ? "-" : Self.fixtures[$0 % Self.fixtures.count] }
        let expected = try Self.sequential(inputs, standardInput: standardInput)
        let result = Self.lint(inputs, standardInput: standardInput)
        #expect(result.err == "")
        #expect(result.code == expected.code)
        #expect(result.out == expected.out)
    }

    @Test("a large input (read on its own thread) among small ones: the same report as reading in order")
    func largeAmongSmall() throws {
        let large = Self.largeExport()
        #expect(large.count >= CommandSupport.pipelineThreshold)
        let (folder, path) = try StreamingSupport.writeScratchFile(large, name: "large.json", label: "parallel-large")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [Self.fixtures[0], path, Self.fixtures[1], path]
        let expected = try Self.sequential(inputs)
        #expect(expected.out.contains("big11"))
        let result = Self.lint(inputs)
        #expect(result.err == "")
        #expect(result.code == expected.code)
        #expect(result.out == expected.out)
        // The large input alone takes the single-input path with the reading thread.
        let alone = Self.lint([path])
        #expect(alone.out == (try Self.sequential([path])).out)
    }

    @Test("two invalid inputs: the first one's error in argument order, every time (20 runs each way)")
    func firstErrorWins() throws {
        let unknownKey = Self.malformed("unknown-key.json")
        let unclosed = Self.malformed("unclosed-account.json")
        let unknownKeyError = try #require(Self.sequentialError(unknownKey))
        let unclosedError = try #require(Self.sequentialError(unclosed))
        #expect(unknownKeyError != unclosedError)
        let valid = Array(Self.fixtures.prefix(3))
        for _ in 0..<20 {
            let forward = Self.lint([valid[0], unknownKey, valid[1], unclosed, valid[2]])
            #expect(forward.code == 2)
            #expect(forward.out == "")
            #expect(forward.err == unknownKeyError)

            let backward = Self.lint([valid[0], unclosed, valid[1], unknownKey, valid[2]])
            #expect(backward.code == 2)
            #expect(backward.out == "")
            #expect(backward.err == unclosedError)
        }
    }

    @Test(
        "the first invalid input wins even when it is slow to fail (large, wrong at its end) and the second fails at once"
    )
    func slowFirstError() throws {
        let large = Self.largeExport(broken: true)
        #expect(large.count >= CommandSupport.pipelineThreshold)
        let (folder, slow) = try StreamingSupport.writeScratchFile(large, name: "slow.json", label: "parallel-slow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fast = Self.malformed("not-an-export.json")
        let missing = folder.appendingPathComponent("missing.json").path
        let slowError = try #require(Self.sequentialError(slow))
        let fastError = try #require(Self.sequentialError(fast))
        let missingError = try #require(Self.sequentialError(missing))
        // The slow error is where the file was broken: its last lines.
        #expect(slowError.hasPrefix("\(slow):"))
        // The race that matters, repeated: the second input fails long before the first.
        for run in 0..<6 {
            let slowFirst = Self.lint([Self.fixtures[0], slow, fast, Self.fixtures[1]])
            #expect(slowFirst.code == 2)
            #expect(slowFirst.err == slowError, "run \(run)")
            #expect(slowFirst.out == "")
        }
        #expect(Self.lint([fast, slow]).err == fastError)
        #expect(Self.lint([slow, missing]).err == slowError)
        #expect(Self.lint([Self.fixtures[2], missing, slow]).err == missingError)
    }
}
