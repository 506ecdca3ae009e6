import Testing

@testable import ScopeLint

/// An unknown scope cannot be judged, so it fails the run unless it grants nothing.
@Suite("unknown-scope severity")
struct UnknownScopeSeverityTests {
    @Test(
        "an error above none and as a bare parameter, a note at none",
        arguments: [
            (#"{ "Prodcts": "modify" }"#, Severity.error),
            (#"{ "Prodcts": "read-only" }"#, .error),
            (#"{ "Prodcts": "none" }"#, .note),
            (#"{ "Prodcts": "Non" }"#, .note),
            (#"{ "Prodcts": "standard" }"#, .error),
            (#""store_webhooks_manage""#, .error),
        ])
    func byLevel(_ scopes: String, _ expected: Severity) throws {
        let report = try lint(
            #"{ store_hash: "s", accounts: [{ name: "App", scopes: \#(scopes) }] }"#, policy: "least-privilege")
        #expect(report.findings.filter { $0.rule == .unknownScope }.map(\.severity) == [expected])
    }

    @Test("a configured severity applies at every level")
    func override() throws {
        let export = try ExportReader.read(
            Array(
                #"{ store_hash: "s", accounts: [{ name: "App", scopes: { "Prodcts": "modify", "Ordrs": "none" } }] }"#
                    .utf8),
            file: "e.json5")
        let configuration = try Configuration.load(
            Array(#"{ severity: { "unknown-scope": "warning" } }"#.utf8), file: "c.json5")
        let report = try LintEngine(
            library: try PolicyLibrary.bundled(), policyIDs: ["least-privilege"], configuration: configuration
        ).lint([export])
        #expect(report.findings.filter { $0.rule == .unknownScope }.map(\.severity) == [.warning, .warning])
    }
}
