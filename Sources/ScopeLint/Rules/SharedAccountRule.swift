package enum SharedAccountRule: Rule {
    package static let description = RuleDescription(
        id: .sharedAccount, title: "Shared account", defaultSeverity: .warning,
        summary: "Several integration policies match one account: one token serves several integrations.",
        rationale:
            "A shared token carries the union of every integration's access, so a leak at any one vendor exposes all of it, and no single policy can keep it narrow.",
        remediation:
            "Create one API account per integration, each with its own guide's scopes, then delete the shared one. The account is checked against each matching policy.",
        examples: [
            RuleExample(
                "One account named for two integrations",
                """
                { store_hash: "abc123", accounts: [↓{ name: "Stone Edge / Celigo", scopes: ["store_v2_orders"] }] }
                """),
            RuleExample(
                "One account per integration",
                """
                { store_hash: "abc123", accounts: [{ name: "Celigo", scopes: ["store_v2_orders"] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard context.matching == .matched, context.policies.count > 1 else { return }
        findings.append(
            finding(in: context, facts: .shared(policies: context.policies.map(\.id)), at: context.account.position))
    }

    package static func message(for finding: Finding) -> String {
        guard case .shared(let ids) = finding.facts else { return unexpected(finding) }
        return
            "'\(Redactor.redact(finding.account ?? ""))' matches the policies \(ids.joined(separator: " and ")): one token serving several integrations carries all their access. Create one API account per integration."
    }
}
