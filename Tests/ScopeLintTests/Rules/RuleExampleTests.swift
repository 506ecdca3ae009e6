import Foundation
import Testing

@testable import ScopeLint

/// One example of one rule, as a test argument with a readable name.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    let rule: RuleID
    let example: RuleExample
    var testDescription: String { "\(rule.rawValue): \(example.title)" }

    static var all: [RuleExampleCase] {
        RuleID.allCases.flatMap { rule in rule.description.examples.map { RuleExampleCase(rule: rule, example: $0) } }
    }
}

/// Removes the `↓` markers and returns the text with the positions they marked.
func stripMarkers(_ text: String) -> (text: String, positions: [TextPosition]) {
    var clean = ""
    var positions: [TextPosition] = []
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
        if Character(scalar) == RuleExample.marker {
            positions.append(TextPosition(line: line, column: column))
            continue
        }
        clean.unicodeScalars.append(scalar)
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
    return (clean, positions)
}

/// Lints a one-store JSON5 export with the bundled policies.
func lint(_ text: String, policy: String?) throws -> Report {
    let library = try PolicyLibrary.bundled()
    let export = try ExportReader.read(Array(text.utf8), file: "example.json5")
    let engine = try LintEngine(library: library, policyIDs: policy.map { [$0] } ?? [])
    return try engine.lint([export])
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("every rule has a triggering and a non-triggering example", arguments: RuleID.allCases)
    func examplesCoverBothWays(_ rule: RuleID) {
        let examples = rule.description.examples
        #expect(examples.contains { $0.triggers }, "\(rule.rawValue) has no triggering example")
        #expect(examples.contains(where: { !$0.triggers }), "\(rule.rawValue) has no non-triggering example")
    }

    @Test("each example finds exactly the marked positions", arguments: RuleExampleCase.all)
    func example(_ item: RuleExampleCase) throws {
        let (text, expected) = stripMarkers(item.example.export)
        let report = try lint(text, policy: item.example.policy)
        let found = report.findings.filter { $0.rule == item.rule }.compactMap { $0.location?.position }
        #expect(found.sorted() == expected.sorted(), "\(item.testDescription): found \(found), expected \(expected)")
    }

    @Test(
        "each triggering example also triggers minified onto one line",
        arguments: RuleExampleCase.all.filter { $0.example.triggers })
    func minified(_ item: RuleExampleCase) throws {
        // Metamorphic variant: the same export with its line breaks removed gives the same
        // number of findings of the rule, every one on line 1.
        let (text, expected) = stripMarkers(item.example.export)
        let oneLine = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let report = try lint(oneLine, policy: item.example.policy)
        let found = report.findings.filter { $0.rule == item.rule }
        #expect(found.count == expected.count)
        #expect(found.allSatisfy { $0.location?.line == 1 })
    }

    @Test("rule descriptions are complete", arguments: RuleID.allCases)
    func descriptionComplete(_ rule: RuleID) {
        let d = rule.description
        #expect(d.id == rule)
        #expect(!d.title.isEmpty && !d.summary.isEmpty && !d.rationale.isEmpty && !d.remediation.isEmpty)
    }

    @Test("default severities match PRODUCT.md's table")
    func defaultSeverities() {
        let expected: [RuleID: Severity] = [
            .missingScope: .error, .excessiveScope: .error, .riskyScope: .warning, .unknownScope: .error,
            .normalizedValue: .note, .conflictingScope: .error, .secretInExport: .error, .accountLevelToken: .warning,
            .legacyToken: .warning, .missingAccount: .error, .unmatchedAccount: .note, .sharedAccount: .warning,
            .tooManyAccounts: .warning,  // ours: BigCommerce caps store-level accounts at 50
        ]
        for rule in RuleID.allCases { #expect(rule.description.defaultSeverity == expected[rule], "\(rule.rawValue)") }
    }
}
