package enum SecretInExportRule: Rule {
    package static let description = RuleDescription(
        id: .secretInExport, title: "Secret in export", defaultSeverity: .error,
        summary: "An access token or client secret is stored in the input. Its value is never printed.",
        rationale:
            "Scope exports get committed, attached to tickets and pasted into chats; a store-level access token never expires, so one copy is enough to use the account's scopes forever.",
        remediation:
            "Delete the value from the file. If the file was ever shared or committed, revoke the token: create a new API account, move the integration to it, and delete this one. A B2B Edition V2 token is the exception: a deleted V2 account cannot be recreated, so refresh its token in the B2B Edition panel instead.",
        examples: [
            RuleExample(
                "An access token next to the scopes", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", ↓access_token: "0123456789abcdefghijklmnopqrstu", scopes: ["store_v2_orders_read_only"] }] }
                """),
            RuleExample(
                "A client id alone is not a secret", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", client_id: "abc", scopes: ["store_v2_orders_read_only"] }] }
                """),
            RuleExample(
                "A B2B Edition V2 token: refreshed, never deleted", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "B2B V2", type: "b2b-v2", ↓access_token: "0123456789abcdefghijklmnopqrstu", scopes: [] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        for sighting in context.account.secrets {
            findings.append(
                finding(
                    in: context,
                    facts: .secret(sighting.kind, hint: sighting.hint, refresh: context.account.type == .b2bV2),
                    subject: sighting.key,
                    at: sighting.position))
        }
    }

    package static func message(for finding: Finding) -> String {
        guard case .secret(let kind, let hint, let refresh) = finding.facts else { return unexpected(finding) }
        // A deleted B2B Edition V2 account cannot be recreated (issue 14): its token is refreshed.
        let revoke =
            refresh
            ? "refresh this B2B Edition V2 token in the B2B Edition panel to revoke it; do not delete the account, which cannot be recreated."
            : "create a new API account and delete this one to revoke it."
        return
            "\("aeiou".contains(kind.rawValue.prefix(1)) ? "An" : "A") \(kind.rawValue) is stored under '\(finding.subject ?? "")' (value not shown). Delete it from this file; if the file was ever shared or committed, \(revoke)"
            + (hint.map { " " + $0 } ?? "")
    }
}
