import Testing

@testable import ScopeLint

/// A finding stores facts, not text: its message is rendered from its fields each time, so
/// changing a field changes the message and the message never decides equality.
@Suite("finding messages")
struct FindingMessageTests {
    @Test("the message follows the finding's fields")
    func messageFollowsFields() throws {
        let report = try lint(
            #"{ store_hash: "s", accounts: [{ name: "Reports", scopes: "store_v2_orders_read_only store_v2_products" }] }"#,
            policy: "read-only")
        var finding = try #require(report.findings.first { $0.rule == .excessiveScope })
        #expect(
            finding.message
                == "Products is modify but Read-only reporting needs at most read-only; set Products to read-only in the replacement API account."
        )
        finding.scope = "Orders"
        finding.actual = "read-only"
        finding.expected = "none"
        finding.facts = .bound(policyTitle: "Read-only reporting", remedy: "none")
        #expect(
            finding.message
                == "Orders is read-only but Read-only reporting needs at most none; set Orders to none in the replacement API account."
        )
        finding.facts = .bound(policyTitle: "Another policy")
        #expect(finding.message.contains("but Another policy needs at most none"))
    }

    @Test("accepting a risk changes the message and the acceptance together")
    func riskMessageFollowsAcceptance() throws {
        let report = try lint(
            #"{ store_hash: "s", accounts: [{ name: "Helper", scopes: { "Customers Login": "login" } }] }"#,
            policy: "least-privilege")
        var finding = try #require(report.findings.first { $0.rule == .riskyScope })
        guard case .risk(let harm, nil, nil, let advice) = finding.facts else {
            Issue.record("expected an unaccepted risk of the risk catalog, got \(finding.facts)")
            return
        }
        #expect(!finding.isAccepted)
        #expect(
            finding.message
                == "Customers Login at login \(harm). Set it to none unless the integration using this account needs it; if it does, map the account to a policy that accepts it in the configuration's \"accounts\", or accept this finding in a baseline."
        )
        finding.facts = .risk(harm: harm, acceptedBecause: "it signs customers in", integration: nil, advice: advice)
        #expect(finding.isAccepted)
        #expect(
            finding.message == "Customers Login at login \(harm). Accepted by least-privilege: it signs customers in")
    }

    @Test("an unmatched account's configuration snippet escapes its name as JSON")
    func unmatchedSnippetEscapesName() {
        #expect(UnmatchedAccountRule.jsonEscaped("Sync") == "Sync")
        #expect(UnmatchedAccountRule.jsonEscaped(#"My "ERP" \ sync"#) == #"My \"ERP\" \\ sync"#)
        #expect(UnmatchedAccountRule.jsonEscaped(#"é"\"#) == #"é\"\\"#)
    }

    @Test("findings are equal by their fields; the message plays no part")
    func equalityIgnoresWording() throws {
        let report = try lint(
            #"{ store_hash: "s", accounts: [{ name: "Reports", scopes: "store_v2_products" }] }"#, policy: "read-only")
        let finding = try #require(report.findings.first { $0.rule == .excessiveScope })
        var same = finding
        same.facts = .bound(policyTitle: "Read-only reporting", remedy: "read-only")
        #expect(same == finding)
        var other = finding
        other.facts = .bound(policyTitle: "Renamed", remedy: "read-only")
        #expect(other != finding)
        #expect(other.fingerprint == finding.fingerprint, "the fingerprint ignores the wording too")
    }
}
