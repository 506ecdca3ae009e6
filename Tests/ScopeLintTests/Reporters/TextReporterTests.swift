import Foundation
import Testing

@testable import ScopeLint

/// The text report's quiet view (`TextProblems`): one line per scope problem, accepted risks and
/// normalized spellings counted, and nothing that fails the run left out.
@Suite("Text report")
struct TextReporterTests {
    /// Read-only reporting with Content at modify (excessive and risky), Customers Login at login
    /// (excessive and risky, an error), a scope name in another letter case and an alias level.
    static let export = """
        { store_hash: "abc123", accounts: [{ name: "Reports", scopes: {
          "customers login": "login", Content: "modify", Products: "non" } }] }
        """

    func render(_ report: Report, _ options: ReportOptions = ReportOptions()) -> [String] {
        TextReporter.render(report, options: options).split(separator: "\n").map(String.init)
    }

    @Test("an excessive scope that is also risky is one line naming both rules, with the higher severity")
    func merged() throws {
        let report = try lint(Self.export, policy: "read-only")
        #expect(report.findings.count { $0.rule == .excessiveScope } == 2)
        #expect(report.findings.count { $0.rule == .riskyScope } == 2)
        let lines = render(report).filter { $0.hasPrefix("    example.json5") }
        #expect(lines.count == 2)
        // Control-panel order: Content comes before Customers Login.
        #expect(lines[0].contains("error: Content is modify but Read-only reporting needs at most read-only; modify "))
        #expect(lines[1].contains("error: Customers Login is login but Read-only reporting needs at most none; login "))
        #expect(lines.allSatisfy { $0.hasSuffix("[excessive-scope, risky-scope]") })
        #expect(lines.allSatisfy { $0.components(separatedBy: "Set ").count == 2 }, "one remedy per line")
    }

    @Test("letter case alone is neither listed nor counted; another spelling is counted, and listed with verbose")
    func normalized() throws {
        let report = try lint(Self.export, policy: "read-only")
        #expect(report.findings.count { $0.rule == .normalizedValue } == 2, "machine formats keep both")
        let quiet = render(report)
        #expect(!quiet.contains { $0.contains("normalized-value") })
        #expect(
            quiet.last
                == "Checked 1 account in 1 store: 2 errors, 0 warnings, 0 notes; 1 normalized spelling (--verbose lists them)."
        )
        let verbose = render(report, ReportOptions(verbose: true))
        #expect(verbose.filter { $0.contains("[normalized-value]") }.count == 1)
        #expect(verbose.contains { $0.contains("Read 'non' as 'none'") })
        #expect(verbose.last == "Checked 1 account in 1 store: 2 errors, 0 warnings, 0 notes; 1 normalized spelling.")
    }

    @Test("a conforming account prints the summary line alone; what fails the run is always listed")
    func conforming() throws {
        let path = packageRoot.appendingPathComponent("Fixtures/exports/modern-retail/conforming.json").path
        let report = try lint(String(contentsOfFile: path, encoding: .utf8), policy: nil)
        let accepted = report.findings.count { $0.isAccepted }
        #expect(accepted > 0)
        #expect(
            render(report) == [
                "Checked 1 account in 1 store: no problems; \(accepted) accepted risks (--verbose lists them)."
            ])
        let failing = render(report, ReportOptions(failOn: .severity(.note)))
        #expect(failing.filter { $0.contains("[risky-scope]") }.count == accepted)
        #expect(failing.last == "Checked 1 account in 1 store: 0 errors, 0 warnings, \(accepted) notes.")
    }
}
