package enum UnmatchedAccountRule: Rule {
    package static let description = RuleDescription(
        id: .unmatchedAccount, title: "Unmatched account", defaultSeverity: .note,
        summary: "No integration policy's applies_to matches the account, so only the least-privilege risk checks ran.",
        rationale:
            "Without a policy scopelint cannot tell a missing scope from an excessive one; only known risks are reported.",
        remediation:
            "Run with --policy ID, map the account to a policy in configuration, or name the account as its integration's guide says (scopelint policies list shows the names each policy matches).",
        examples: [
            RuleExample(
                "An account no bundled policy describes",
                """
                { store_hash: "abc123", accounts: [↓{ name: "Zapier", scopes: ["store_v2_orders_read_only"] }] }
                """),
            RuleExample(
                "An account named as Modern Retail's guide says",
                """
                { store_hash: "abc123", accounts: [{ name: "Modern Retail Integration", scopes: {} }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard context.matching == .fallback else { return }
        findings.append(finding(in: context, policy: context.policies.first, at: context.account.position))
    }

    package static func message(for finding: Finding) -> String {
        let name = Redactor.redact(finding.account ?? "")
        // Written piece by piece, not interpolated: a fleet has one per unmatched account.
        return String { put in
            put("No integration policy matches '")
            put(name)
            put(
                "'; only the least-privilege risk checks ran. Pass --policy ID for the integration that uses it (scopelint policies list)."
            )
        }
    }
}
