import Foundation
import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

/// Names that try to drive a terminal, forge CI workflow commands, hide or reorder text, or
/// render as links and mentions: no output medium may carry them out live.
@Suite("Output injection")
struct OutputInjectionTests {
    static let export = packageRoot.appendingPathComponent("Fixtures/exports/hostile/injection.json").path
    static let markup = packageRoot.appendingPathComponent("Fixtures/exports/hostile/markup.json").path

    /// Every command and format that prints names from an input.
    static let runs: [[String]] = {
        var runs: [[String]] = ["text", "markdown", "junit", "github", "sarif", "json", "html"].map {
            ["lint", export, "--policy", "read-only", "--format", $0]
        }
        runs.append(["lint", markup, "--policy", "read-only", "--format", "html"])
        runs.append(["diff", export, "--policy", "read-only", "--all"])
        runs.append(["diff", export, export])
        runs.append(["convert", export])
        return runs
    }()

    /// Scalars that no human-facing output may carry raw.
    static func isLive(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || (0x200B...0x200F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    @Test("no ESC, control, bidi or zero-width character and no forged workflow command", arguments: runs)
    func inert(_ arguments: [String]) {
        let result = runCLI(arguments, environment: ["NO_COLOR": "1"])
        #expect(result.code != 2, "\(result.err)")
        let machine = arguments.contains("json") || arguments.contains("sarif") || arguments[0] == "convert"
        for (number, line) in (result.out + result.err).split(separator: "\n").enumerated() {
            if !machine { #expect(!line.unicodeScalars.contains(where: Self.isLive), "line \(number + 1): \(line)") }
            let trimmed = line.drop { $0.isWhitespace }
            if !arguments.contains("github") {
                #expect(!trimmed.hasPrefix("::"), "line \(number + 1) reads as a workflow command: \(line)")
            } else {
                #expect(trimmed.hasPrefix("::") || trimmed.hasPrefix("Checked"), "\(line)")
            }
            #expect(!line.contains("##["), "line \(number + 1): \(line)")
        }
        if arguments.contains("markdown") {
            // Input reaches the comment only inside code spans: no link, mention or reference renders.
            #expect(!result.out.contains("](https://evil.example) @octocat #1 ##[warning]"))
        }
    }

    @Test("a policy's source reaches policies list and show, diff and plan escaped; JSON carries it as data")
    func policySource() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-hostile-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hostile.json5").path
        let policy = #"""
            { id: "hostile-source", extends: ["least-privilege"], unlisted: "any",
              source: { title: "Guide\u001B[31m\n::error::forged ##[warning]\u202Egpj.exe", url: "https://vendor.example/a?b=1", read: "2026-11-29" } }
            """#
        try Data(policy.utf8).write(to: URL(fileURLWithPath: file))
        let runs = [
            ["policies", "list", "--policies", folder.path],
            ["policies", "show", "hostile-source", "--policies", folder.path],
            ["plan", "--policy", file], ["diff", Self.export, "--policy", file],
        ]
        for arguments in runs {
            let result = runCLI(arguments, environment: ["NO_COLOR": "1"])
            #expect(result.code != 2, "\(arguments): \(result.err)")
            #expect(
                result.out.contains("Guide\\u{1B}[31m\\u{A}::error::forged ##\\u{5B}warning]\\u{202E}gpj.exe"),
                "\(arguments)")
            for line in (result.out + result.err).split(separator: "\n") {
                #expect(!line.unicodeScalars.contains(where: Self.isLive), "\(arguments): \(line)")
                #expect(!line.drop { $0.isWhitespace }.hasPrefix("::"), "\(arguments): \(line)")
                #expect(!line.contains("##["), "\(arguments): \(line)")
            }
        }
        let json = runCLI(["plan", "--policy", file, "--format", "json"])
        #expect(json.out.contains(#""source": "Guide\u001b[31m\n::error::forged ##\u005bwarning]"#), "\(json.out)")
        #expect(json.out.contains(#""source_url": "https://vendor.example/a?b=1""#))
    }

    @Test("HTML: names made of markup show as text; the page's only tags and script are its own")
    func html() {
        let result = runCLI(["lint", Self.export, Self.markup, "--policy", "read-only", "--format", "html"])
        #expect(result.code == 1, "\(result.err)")
        let page = result.out
        #expect(page.components(separatedBy: "<script").count == 2, "only the page's own filter script")
        #expect(page.components(separatedBy: "</style>").count == 2)
        for live in ["<img", "<!--", "<b>", "' onmouseover", "##["] {
            #expect(!page.contains(live), "\(live)")
        }
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &#39; onmouseover=&#39;alert(3)"))
        #expect(page.contains("&amp;lt;b&amp;gt; &amp;amp;"))
        // No address of any kind in an attribute: the page asks for nothing from elsewhere.
        for attribute in ["<script src", "<link", "<iframe", "href=\"http", "href=\"/"] {
            #expect(!page.contains(attribute), "\(attribute)")
        }
        let style = page.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first ?? ""
        #expect(!style.contains("url(") && !style.contains("@import"))
    }

    @Test("policies generate: unmapped calls and file names reach standard error escaped, never the policy")
    func generate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopelint-hostile-calls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("calls\u{1B}[31m\u{202E}.txt").path
        // Controls cannot reach a call (no request target holds one: the readers refuse them,
        // at exit 2); invisible and bidi characters and forged workflow commands can.
        let calls = [
            "GET /v3/catalog/products", "GET /v3/evil\u{202E}gpj.exe", "GET /::error::forged",
            "GET /v3/##[warning]x", "GET /v3/\u{200B}\u{2066}y",
        ]
        let controls = folder.appendingPathComponent("controls\u{1B}[2J.txt").path
        try Data(calls.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        try Data("GET /v3/\u{1B}]8;;https://evil.example\u{7}x\u{85}\n".utf8).write(to: URL(fileURLWithPath: controls))
        let runs = [[file], [file, "--against", "read-only"], [file, "--against", "read-only", "--format", "json"]]
        for arguments in runs + [[controls]] {
            let result = runCLI(["policies", "generate"] + arguments, environment: ["NO_COLOR": "1"])
            #expect(result.code == (arguments[0] == controls ? 2 : 1), "\(result.err)")
            for line in (result.out + result.err).split(separator: "\n") {
                #expect(!line.unicodeScalars.contains(where: Self.isLive), "\(line)")
                #expect(!line.drop { $0.isWhitespace }.hasPrefix("::"), "\(line)")
                #expect(!line.contains("##["), "\(line)")
            }
            #expect(!result.out.contains("evil") && !result.out.contains("forged"))
        }
    }

    @Test("a file name reaches standard error escaped, in every format")
    func fileName() {
        for format in ["text", "github"] {
            let result = runCLI(["lint", "/nowhere/a\n::error title=x::b\u{1B}[31m.json", "--format", format])
            #expect(result.code == 2)
            #expect(result.err.hasPrefix("/nowhere/a\\u{A}::error title=x::b\\u{1B}[31m.json: error: cannot read"))
            #expect(!result.err.dropLast().contains("\n::"))
        }
    }
}
