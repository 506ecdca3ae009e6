package enum AccountLevelTokenRule: Rule {
    package static let description = RuleDescription(
        id: .accountLevelToken, title: "Account-level token", defaultSeverity: .warning,
        summary: "An account-level API account: it reaches every store of the parent account.",
        rationale:
            "A leaked account-level token exposes every store the account owns, and its scopes can manage users and subscriptions.",
        remediation:
            "Give a single-store integration a store-level API account (Settings > Store-level API accounts) with only the scopes its guide lists.",
        examples: [
            RuleExample(
                "An account-level account", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [↓{ name: "Agency", type: "account", scopes: ["account_stores_read"] }] }
                """),
            RuleExample(
                "A store-level account", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Feed", type: "store", scopes: ["store_v2_products_read_only"] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard context.account.type == .account else { return }
        findings.append(finding(in: context, at: context.account.position))
    }

    package static func message(for finding: Finding) -> String {
        "'\(Redactor.redact(finding.account ?? ""))' is an account-level API account: it reaches every store of the account. Use a store-level API account with only the scopes the integration needs."
    }
}
