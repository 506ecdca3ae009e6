import Foundation
import Testing

/// Every scopelint example in README.md and docs/*.md is a golden case's output, so the docs
/// cannot drift from the tool. A block is marked by an HTML comment on the line before its
/// fence:
///
///     <!-- golden: lint-stone-edge-over-privileged -->
///     ```
///     $ scopelint lint Fixtures/exports/stone-edge/over-privileged.json
///     ...the case's expected.stdout...
///     ```
///
/// `<!-- golden: CASE head=N -->` shows the first N lines of the output and then a line `...`.
/// `<!-- golden: CASE stderr -->` shows the case's standard error instead (an error example).
/// `<!-- golden-file: PATH -->` marks a block that shows a fixture file whole.
/// The command line is the case's `args`, shell-quoted, so it runs as printed from the
/// repository root. `Scripts/sync-docs` rewrites every marked block from the goldens.
struct DocExample: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var caseName: String
    var head: Int?
    var stderr = false
    var body: [String]
    var testDescription: String { "\(file):\(line) \(caseName)" }

    /// The documentation files: README.md and every docs/*.md.
    static var files: [String] {
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("docs").path))
            ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    static let packageRoot = FixtureCase.packageRoot

    /// Every fenced block of the documentation, with the marker before it if any.
    static func blocks() -> [(file: String, line: Int, marker: String?, shown: String?, body: [String])] {
        var result: [(String, Int, String?, String?, [String])] = []
        for file in files {
            guard let text = try? String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
            else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var index = 0
            while index < lines.count {
                let line = lines[index]
                guard line.hasPrefix("```") else {
                    index += 1
                    continue
                }
                let start = index
                var body: [String] = []
                index += 1
                while index < lines.count && !lines[index].hasPrefix("```") {
                    body.append(lines[index])
                    index += 1
                }
                index += 1
                let previous = start > 0 ? lines[start - 1].trimmingCharacters(in: .whitespaces) : ""
                result.append(
                    (file, start + 1, comment(previous, "golden:"), comment(previous, "golden-file:"), body))
            }
        }
        return result
    }

    /// The words of `<!-- KEYWORD words -->`, or nil.
    static func comment(_ line: String, _ keyword: String) -> String? {
        guard line.hasPrefix("<!-- " + keyword), line.hasSuffix("-->") else { return nil }
        return String(line.dropFirst("<!-- ".count + keyword.count).dropLast("-->".count))
            .trimmingCharacters(in: .whitespaces)
    }

    static var all: [DocExample] {
        blocks().compactMap { block in
            guard let marker = block.marker else { return nil }
            let words = marker.split(separator: " ").map(String.init)
            let head = words.dropFirst().first { $0.hasPrefix("head=") }.flatMap { Int($0.dropFirst(5)) }
            return DocExample(
                file: block.file, line: block.line, caseName: words.first ?? "", head: head,
                stderr: words.contains("stderr"), body: block.body)
        }
    }

    /// An argument as a POSIX shell reads it back.
    static func quote(_ argument: String) -> String {
        let plain = argument.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_-./=:@%+,".unicodeScalars.contains($0)
        }
        if plain && !argument.isEmpty { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// What the block must hold, from the case's files; nil with the reason when the case
    /// cannot be shown as a command that runs as printed.
    static func expected(caseName: String, head: Int?, stderr: Bool = false) -> (lines: [String]?, problem: String?) {
        let folder = packageRoot.appendingPathComponent("Fixtures/cases").appendingPathComponent(caseName)
        guard let args = try? String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8),
            let stdout = try? String(
                contentsOf: folder.appendingPathComponent(stderr ? "expected.stderr" : "expected.stdout"),
                encoding: .utf8)
        else { return (nil, "no case Fixtures/cases/\(caseName)") }
        for extra in ["stdin", "env"]
        where FileManager.default.fileExists(atPath: folder.appendingPathComponent(extra).path) {
            return (nil, "case \(caseName) has a \(extra) file: its command does not run as printed")
        }
        let arguments = splitArguments(args)
        var output = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if output.last == "" { output.removeLast() }
        if let head, head < output.count { output = Array(output.prefix(head)) + ["..."] }
        return (["$ scopelint " + arguments.map(quote).joined(separator: " ")] + output, nil)
    }
}

@Suite("Examples in README.md and docs/")
struct DocExampleTests {
    @Test("every marked example is its golden case's command and output", arguments: DocExample.all)
    func example(_ example: DocExample) {
        let (lines, problem) = DocExample.expected(
            caseName: example.caseName, head: example.head, stderr: example.stderr)
        guard let lines else {
            Issue.record("\(example.file):\(example.line): \(problem ?? "")")
            return
        }
        if lines != example.body {
            let difference = Golden.diff(lines.joined(separator: "\n"), example.body.joined(separator: "\n"))
            Issue.record(
                "\(example.file):\(example.line) differs from Fixtures/cases/\(example.caseName) (run Scripts/sync-docs):\n\(difference)"
            )
        }
    }

    @Test("every block marked as a fixture file shows that file whole")
    func shownFiles() throws {
        for block in DocExample.blocks() {
            guard let path = block.shown else { continue }
            let text = try String(
                contentsOf: DocExample.packageRoot.appendingPathComponent(path), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            #expect(lines == block.body, "\(block.file):\(block.line) differs from \(path) (run Scripts/sync-docs)")
        }
    }

    @Test("no example shows scopelint's output without a golden marker")
    func unmarked() {
        for block in DocExample.blocks() where block.marker == nil {
            #expect(
                !block.body.contains { $0.hasPrefix("$ scopelint") },
                "\(block.file):\(block.line): a block showing `$ scopelint` needs a <!-- golden: CASE --> marker")
        }
    }

    @Test("the docs have marked examples, and the marker syntax is read")
    func found() {
        #expect(DocExample.all.count >= 5)
        #expect(DocExample.quote("it's") == "'it'\\''s'")
        #expect(DocExample.quote("Fixtures/a.json") == "Fixtures/a.json")
    }
}
