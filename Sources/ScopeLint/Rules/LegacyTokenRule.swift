package enum LegacyTokenRule: Rule {
    package static let description = RuleDescription(
        id: .legacyToken, title: "Legacy token", defaultSeverity: .warning,
        summary: "A legacy API account that authenticates with HTTP basic auth.",
        rationale:
            "Legacy accounts are all-or-nothing and deprecated: they cannot be narrowed to the scopes an integration needs.",
        remediation:
            "Create a store-level API account with the integration's scopes, move the integration to it, then delete the legacy account.",
        examples: [
            RuleExample(
                "A basic-auth account", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [↓{ name: "Old ERP", type: "legacy", scopes: [] }] }
                """),
            RuleExample(
                "An OAuth store-level account", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "New ERP", scopes: ["store_v2_orders_read_only"] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard context.account.type == .legacy else { return }
        findings.append(finding(in: context, at: context.account.position))
    }

    package static func message(for finding: Finding) -> String {
        "'\(Redactor.redact(finding.account ?? ""))' is a legacy basic-auth API account with all-or-nothing access. Create a store-level API account with the integration's scopes, move the integration to it, then delete this one."
    }
}
