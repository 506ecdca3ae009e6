import Foundation
import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

/// The parts of a `ScopeLintError.invalid`, so a test can compare the position and the message.
struct InvalidInput: Equatable, Sendable {
    var file: String
    var position: TextPosition?
    var message: String
    /// The error as the CLI prints it (`file:line:column: error: message`).
    var printed: String
}

/// Runs `body` and returns the `ScopeLintError.invalid` it throws. Records an issue (and
/// returns nil) when it throws nothing or something else, so callers can `try #require` it.
func captureInvalid<T>(sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> T)
    -> InvalidInput?
{
    do {
        let value = try body()
        Issue.record(
            "expected a ScopeLintError.invalid, but it succeeded with \(value)", sourceLocation: sourceLocation)
    } catch let error as ScopeLintError {
        if case .invalid(let file, let position, let message) = error {
            return InvalidInput(file: file, position: position, message: message, printed: error.description)
        }
        Issue.record("expected a ScopeLintError.invalid, got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a ScopeLintError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A malformed input, where its error must point and a phrase its message must contain.
struct LocatedErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var phrase: String

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ phrase: String) {
        self.init(name, bytes: Array(text.utf8), line, column, phrase)
    }

    init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ phrase: String) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.phrase = phrase
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var position: TextPosition { TextPosition(line: line, column: column) }
    var testDescription: String { name }
}

/// Everything a value holds, as `dump` prints it: nested stores, accounts, entries and sightings.
func dumped(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
}

/// A fresh empty folder under the system's temporary directory.
func temporaryDirectory(_ label: String = "tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scopelint-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The package's root folder, where Fixtures/ and Policies/ are.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Runs the CLI in-process, with `limits` in place of the standard ones. Paths are absolute:
/// tests run in parallel, so none changes the working directory.
func runCLI(
    _ arguments: [String], environment: [String: String] = [:], standardInput: [UInt8] = [],
    limits: Limits = .standard
) -> (code: Int32, out: String, err: String) {
    var console = Console(environment: environment, readStandardInput: { _ in InputBytes(copying: standardInput) })
    console.limits = limits
    let code = CLI.run(arguments, console: &console)
    return (code, console.out, console.err)
}

/// Lints bytes given on standard input, in-process.
func lintStandardInput(_ bytes: [UInt8], _ extra: [String] = [], limits: Limits = .standard) -> (
    code: Int32, out: String, err: String
) {
    runCLI(["lint", "-"] + extra, standardInput: bytes, limits: limits)
}
