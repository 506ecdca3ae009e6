import Foundation
import Testing

@testable import ScopeLint

@Suite("Baseline, configuration and output files", .serialized)
struct BaselineAndConfigurationTests {
    let fleet = packageRoot.appendingPathComponent("Fixtures/exports/fleet/agency.json5").path

    @Test("a baseline written today makes tomorrow's run green")
    func writeThenSuppress() throws {
        let folder = try temporaryDirectory()
        let baseline = folder.appendingPathComponent("baseline.json").path
        let first = runCLI(
            ["lint", fleet, "--write-baseline", baseline], environment: ["SCOPELINT_TODAY": "2026-11-22"])
        // Writing the baseline is what was asked: a success, whatever it records.
        #expect(first.code == 0)
        #expect(first.err.contains("wrote 35 entries"))
        let next = runCLI(["lint", fleet, "--baseline", baseline], environment: ["SCOPELINT_TODAY": "2026-11-23"])
        #expect(next.code == 0)
        #expect(next.out.contains("no problems, 35 accepted by the baseline"))
        // Written twice from the same findings, the file is byte-identical: small diffs in git.
        let copy = folder.appendingPathComponent("again.json").path
        _ = runCLI(["lint", fleet, "--write-baseline", copy])
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == String(contentsOfFile: copy, encoding: .utf8))
    }

    @Test("an expired entry stops suppressing and the report says so; the day itself still counts")
    func expiry() throws {
        let folder = try temporaryDirectory()
        let baseline = folder.appendingPathComponent("baseline.json").path
        _ = runCLI(["lint", fleet, "--write-baseline", baseline])
        var text = try String(contentsOfFile: baseline, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"reason\": \"accepted when", with: "\"expires\": \"2026-11-30\", \"reason\": \"accepted when")
        try text.write(toFile: baseline, atomically: true, encoding: .utf8)
        #expect(
            runCLI(["lint", fleet, "--baseline", baseline], environment: ["SCOPELINT_TODAY": "2026-11-30"]).code == 0)
        let later = runCLI(["lint", fleet, "--baseline", baseline], environment: ["SCOPELINT_TODAY": "2026-12-01"])
        #expect(later.code == 1)
        #expect(later.out.contains("expired on 2026-11-30; its finding counts again"))
    }

    @Test("refreshing a baseline keeps each entry's reason and expiry")
    func refreshKeepsReasons() throws {
        let folder = try temporaryDirectory()
        let baseline = folder.appendingPathComponent("b.json").path
        _ = runCLI(["lint", fleet, "--write-baseline", baseline])
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
            .replacingOccurrences(
                of: "accepted when this baseline was written; replace with the real reason", with: "reviewed")
        try text.write(toFile: baseline, atomically: true, encoding: .utf8)
        #expect(runCLI(["lint", fleet, "--baseline", baseline, "--write-baseline", baseline]).code == 0)
        let refreshed = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(refreshed == text)
    }

    @Test("an entry accepts a finding of its own rule only: a secret's fingerprint labelled as a note accepts nothing")
    func ruleAndFingerprint() throws {
        let folder = try temporaryDirectory()
        let baseline = folder.appendingPathComponent("baseline.json").path
        _ = runCLI(["lint", fleet, "--write-baseline", baseline])
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("\"rule\": \"secret-in-export\""))
        #expect(runCLI(["lint", fleet, "--baseline", baseline, "--fail-on", "note"]).code == 0)
        try text.replacingOccurrences(of: "\"rule\": \"secret-in-export\"", with: "\"rule\": \"normalized-value\"")
            .write(toFile: baseline, atomically: true, encoding: .utf8)
        let relabelled = runCLI(["lint", fleet, "--baseline", baseline, "--format", "json", "--fail-on", "note"])
        #expect(relabelled.code == 1)
        #expect(relabelled.out.contains("\"rule\": \"secret-in-export\""))
        #expect(relabelled.out.contains("Baseline entry for normalized-value"))
        #expect(relabelled.out.contains("matches no finding"))
    }

    @Test(
        "invalid baselines are located errors",
        arguments: [
            (
                #"{ "entries": [{ "fingerprint": "x", "rule": "missing-scope", "store": "s", "reason": " " }] }"#,
                "2:3", "non-empty \"reason\""
            ),
            (
                #"{ "entries": [{ "fingerprint": "x", "rule": "r", "store": "s", "reason": "y", "expires": "next week" }] }"#,
                "1:90", "YYYY-MM-DD"
            ),
            (#"{ "entries": [], "entry": [] }"#, "1:18", "unknown key 'entry'"),
        ])
    func invalidBaseline(_ text: String, _ at: String, _ phrase: String) throws {
        let folder = try temporaryDirectory()
        let file = folder.appendingPathComponent("b.json").path
        try text.replacingOccurrences(
            of: "[{ \"fingerprint\": \"x\", \"rule\": \"missing-scope\"",
            with: "[\n  { \"fingerprint\": \"x\", \"rule\": \"missing-scope\""
        ).write(toFile: file, atomically: true, encoding: .utf8)
        let result = runCLI(["lint", fleet, "--baseline", file])
        #expect(result.code == 2)
        #expect(result.err.contains("\(file):\(at): error:"), "\(result.err)")
        #expect(result.err.contains(phrase))
    }

    @Test("several formats and outputs in one run, each written whole")
    func severalOutputs() throws {
        let folder = try temporaryDirectory()
        let sarif = folder.appendingPathComponent("r.sarif").path
        let junit = folder.appendingPathComponent("r.xml").path
        let result = runCLI(["lint", fleet, "--format", "sarif", "--output", sarif, "--format", "junit", "-o", junit])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).hasPrefix("{\n  \"$schema\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).hasPrefix("<?xml"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        // The README's CI recipe: SARIF to a file, annotations to standard output.
        let mixed = runCLI(["lint", fleet, "--format", "sarif", "-o", sarif, "--format", "github"])
        #expect(mixed.out.hasPrefix("::"))
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"version\": \"2.1.0\""))
    }

    @Test("an --output belongs to the --format before it; one before any --format to the text report")
    func outputFollowsItsFormat() throws {
        let folder = try temporaryDirectory()
        let json = folder.appendingPathComponent("x.json").path
        // The JSON report goes to x.json, the SARIF one (no --output after it) to standard output.
        let result = runCLI(["lint", fleet, "--format", "sarif", "--format", "json", "-o", json])
        #expect(result.code == 1)
        #expect(result.out.hasPrefix("{\n  \"$schema\""))
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"findings\""))
        #expect(try !String(contentsOfFile: json, encoding: .utf8).contains("$schema"))
        let text = folder.appendingPathComponent("x.txt").path
        let first = runCLI(["lint", fleet, "-o", text, "--format", "json"])
        #expect(first.code == 1)
        #expect(first.out.hasPrefix("{"))
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("Store a1b2c3"))
    }

    @Test("an output into a missing folder is a clear error")
    func unwritable() {
        let result = runCLI(["lint", fleet, "--format", "json", "--output", "/nonexistent-folder/r.json"])
        #expect(result.code == 2)
        #expect(result.err.contains("/nonexistent-folder/r.json: error: cannot write"))
    }

    @Test("configuration: mapping, severity, disabled rules and fail_on; flags win")
    func configuration() throws {
        let text =
            #"{ accounts: [{ name: "Zapier", policy: "read-only" }], severity: { "legacy-token": "error" }, disabled_rules: ["unmatched-account"], fail_on: "note" }"#
        let configuration = try Configuration.load(Array(text.utf8), file: "c.json5")
        #expect(configuration.failOn == .severity(.note))
        let library = try PolicyLibrary.bundled()
        let export = try ExportReader.read(try InputFile.read(fleet), file: fleet)
        let report = try LintEngine(library: library, policyIDs: [], configuration: configuration).lint([export])
        #expect(!report.findings.contains { $0.rule == .unmatchedAccount })
        #expect(report.findings.first { $0.rule == .legacyToken }?.severity == .error)
        #expect(report.accounts.first { $0.account == "Zapier" }?.policies == ["read-only"])
        // Accepted risks stay notes even when configuration raises risky-scope.
        let raised = try Configuration.load(Array(#"{ severity: { "risky-scope": "error" } }"#.utf8), file: "c.json5")
        let strict = try LintEngine(library: library, policyIDs: [], configuration: raised).lint([export])
        #expect(strict.findings.filter { $0.rule == .riskyScope && $0.isAccepted }.allSatisfy { $0.severity == .note })
        #expect(
            strict.findings.filter { $0.rule == .riskyScope && !$0.isAccepted }.allSatisfy { $0.severity == .error })
    }

    @Test(
        "configuration errors are located",
        arguments: [
            (#"{ fail_on: "sometimes" }"#, "1:12", "expected \"fail_on\" to be one of error, warning, note, never"),
            (
                #"{ severity: { "missing-scopes": "off" } }"#, "1:15",
                "unknown rule 'missing-scopes' (did you mean 'missing-scope'?)"
            ),
            (#"{ accounts: [{ name: "x" }] }"#, "1:14", "expected the mapping to have \"name\" and \"policy\""),
            (#"{ baseline: 3 }"#, "1:13", "expected \"baseline\" as a file path"),
        ])
    func invalidConfiguration(_ text: String, _ at: String, _ phrase: String) {
        #expect {
            try Configuration.load(Array(text.utf8), file: "c.json5")
        } throws: { error in
            String(describing: error).hasPrefix("c.json5:\(at): error: \(phrase)")
        }
    }
}
