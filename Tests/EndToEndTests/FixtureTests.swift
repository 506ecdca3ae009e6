import Foundation
import Testing

/// Runs the real `scopelint` binary on every case in `Fixtures/cases/`. A case is a folder
/// holding `args` (the command line after `scopelint`, paths relative to the package root),
/// `expected.stdout`, `expected.exit`, and optionally `expected.stderr`, `stdin` and `env`
/// (KEY=VALUE lines). Adding a case needs no Swift code.
struct FixtureCase: CustomTestStringConvertible, Sendable {
    let name: String
    let directory: URL
    var testDescription: String { name }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var all: [FixtureCase] {
        let casesDirectory = packageRoot.appendingPathComponent("Fixtures/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []
        return names.sorted().map { FixtureCase(name: $0, directory: casesDirectory.appendingPathComponent($0)) }
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
    func text(_ name: String) -> String? { try? String(contentsOf: file(name), encoding: .utf8) }
}

/// The built executable: beside the test bundle in the same build folder.
enum Executable {
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("scopelint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return FixtureCase.packageRoot.appendingPathComponent(".build/debug/scopelint")
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs scopelint from `directory` (the package root unless told) with a clean environment (no NO_COLOR, no TERM)
    /// plus `environment`, feeding `stdin`.
    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
        directory: URL = FixtureCase.packageRoot
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new }
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large report cannot block the child.
        let errorData = ReadAll(error.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errorData.wait(), as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Reads a pipe on another thread.
    final class ReadAll: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)
        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}

/// Splits an `args` file: whitespace separates arguments, double quotes group them.
func splitArguments(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quoted = false
    var any = false
    for character in text {
        if character == "\"" {
            quoted.toggle()
            any = true
            continue
        }
        if !quoted, character.isWhitespace {
            if any || !current.isEmpty { result.append(current) }
            current = ""
            any = false
            continue
        }
        current.append(character)
    }
    if any || !current.isEmpty { result.append(current) }
    return result
}

@Suite("Fixture goldens: the real CLI on Fixtures/cases")
struct FixtureTests {
    @Test("every case has args and expected files")
    func casesAreComplete() {
        #expect(!FixtureCase.all.isEmpty)
        for fixture in FixtureCase.all {
            #expect(fixture.text("args") != nil, "\(fixture.name) has no args")
            #expect(fixture.text("expected.exit") != nil || Golden.recording, "\(fixture.name) has no expected.exit")
        }
    }

    @Test(arguments: FixtureCase.all)
    func fixture(_ fixture: FixtureCase) throws {
        let arguments = splitArguments(try #require(fixture.text("args")))
        var environment: [String: String] = [:]
        for line in (fixture.text("env") ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { environment[parts[0]] = parts[1] }
        }
        let stdin = (try? Data(contentsOf: fixture.file("stdin"))) ?? Data()
        let result = try Executable.run(arguments, stdin: stdin, environment: environment)
        if let problem = Golden.compare(result.stdout, with: fixture.file("expected.stdout")) {
            Issue.record("\(fixture.name): \(problem)")
        }
        if result.stderr.isEmpty && fixture.text("expected.stderr") == nil {
            // Nothing expected on stderr and nothing printed.
        } else if let problem = Golden.compare(result.stderr, with: fixture.file("expected.stderr")) {
            Issue.record("\(fixture.name): \(problem)")
        }
        if let problem = Golden.compare("\(result.status)\n", with: fixture.file("expected.exit")) {
            Issue.record("\(fixture.name): \(problem)")
        }
    }
}

@Suite("No secret reaches any output")
struct SecretSafetyTests {
    /// Every credential value written in any fixture input.
    static var secrets: [String] {
        let root = FixtureCase.packageRoot.appendingPathComponent("Fixtures")
        let pattern = try! NSRegularExpression(
            pattern:
                #"(?:(?:access_token|client_secret|accessToken|clientSecret)"?\s*:\s*"([^"]+)"|(?:ACCESS TOKEN|CLIENT SECRET)\s*:\s*(\S+)|[?&]code=([^&\s]+))"#
        )
        var found: Set<String> = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasPrefix("exports/") || path.hasPrefix("inputs/") || path.hasSuffix("/stdin") else { continue }
            guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
                continue
            }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...3 where match.range(at: group).location != NSNotFound {
                    found.insert((text as NSString).substring(with: match.range(at: group)))
                }
            }
        }
        return found.sorted()
    }

    @Test("the fixtures do hold secrets to test with")
    func fixturesHoldSecrets() {
        #expect(Self.secrets.count >= 5)
    }

    @Test("no case's output in any format contains a secret value", arguments: FixtureCase.all)
    func noSecretInOutput(_ fixture: FixtureCase) throws {
        var arguments = splitArguments(try #require(fixture.text("args")))
        let stdin = (try? Data(contentsOf: fixture.file("stdin"))) ?? Data()
        // A lint that chooses no format writes every format in one run: text to standard
        // output, the others to files.
        var files: [URL] = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if arguments.first == "lint", !arguments.contains("--format"), !arguments.contains("--output"),
            !arguments.contains("--help"),
            !arguments.contains("-o")
        {
            for format in ["json", "sarif", "junit", "github", "markdown"] {
                files.append(folder.appendingPathComponent("report.\(format)"))
                arguments += ["--format", format, "--output", files[files.count - 1].path]
            }
            arguments += ["--format", "text"]
        }
        let result = try Executable.run(arguments, stdin: stdin)
        var outputs = [result.stdout, result.stderr]
        // A run that fails (exit 2) writes no report files; any other writes them all.
        for file in files {
            let text = try? String(contentsOf: file, encoding: .utf8)
            #expect(text != nil || result.status == 2, "\(fixture.name): no \(file.lastPathComponent)")
            outputs += [text].compactMap { $0 }
        }
        for secret in Self.secrets {
            #expect(!outputs.contains { $0.contains(secret) }, "\(fixture.name) printed a secret")
        }
    }
}

/// Every input a user may hand scopelint, other than malformed ones and credentials files
/// (which hold no scopes to convert).
var convertibleInputs: [String] {
    let root = FixtureCase.packageRoot.appendingPathComponent("Fixtures")
    var paths: [String] = []
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let path = walker?.nextObject() as? String {
        guard path.hasPrefix("exports/") || path.hasPrefix("inputs/"), !path.hasPrefix("exports/malformed"),
            !path.hasPrefix("inputs/malformed"),
            path.hasSuffix(".json") || path.hasSuffix(".json5") || path.hasSuffix(".txt") || path.hasSuffix(".csv"),
            !path.hasSuffix("credentials.txt")
        else { continue }
        paths.append("Fixtures/" + path)
    }
    return paths.sorted()
}

@Suite("convert round-trips")
struct ConvertRoundTripTests {
    /// The findings that must survive conversion: everything but where they point, their
    /// wording, and the secrets, which convert drops on purpose.
    static func findings(_ json: String) throws -> [String] {
        let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let findings = report["findings"] as! [[String: Any]]
        return findings.filter { $0["rule"] as? String != "secret-in-export" }.map { finding in
            ["rule", "severity", "store", "account", "policy", "scope", "expected", "actual"].map {
                "\(finding[$0] ?? "-")"
            }.joined(separator: "|")
        }
    }

    @Test("every input shape converts to an export that lints to the same findings", arguments: convertibleInputs)
    func roundTrip(_ input: String) throws {
        let original = try Executable.run(["lint", input, "--format", "json", "--fail-on", "never"])
        #expect(original.status == 0, "\(input): \(original.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let converted = folder.appendingPathComponent("export.json").path
        let conversion = try Executable.run(["convert", input, "-o", converted])
        #expect(conversion.status == 0, "\(input): \(conversion.stderr)")
        let again = try Executable.run(["lint", converted, "--format", "json", "--fail-on", "never"])
        #expect(try Self.findings(original.stdout) == Self.findings(again.stdout), "\(input)")
        // A converted export converts to itself: the format is a fixed point.
        let twice = try Executable.run(["convert", converted])
        #expect(twice.stdout == (try String(contentsOfFile: converted, encoding: .utf8)))
        let text = try String(contentsOfFile: converted, encoding: .utf8)
        for secret in SecretSafetyTests.secrets { #expect(!text.contains(secret), "\(input): convert wrote a secret") }
    }
}
