package enum UnmatchedAccountRule: Rule {
    package static let description = RuleDescription(
        id: .unmatchedAccount, title: "Unmatched account", defaultSeverity: .note,
        summary: "No integration policy's applies_to matches the account, so only the least-privilege risk checks ran.",
        rationale:
            "Without a policy scopelint cannot tell a missing scope from an excessive one; only known risks are reported.",
        remediation:
            "Map the account to its integration's policy in the configuration's \"accounts\" (accounts: [{ name: \"Zapier\", policy: \"read-only\" }] in .scopelint.json5), or name the account as its integration's guide says (`scopelint policies list` shows the names each policy matches). Not --policy: it applies to every account of the run.",
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
            // The configuration's mapping, not --policy: that applies to every account, and
            // following it on a store with other integrations stops checking them.
            put("'; only the least-privilege risk checks ran. Map it to its integration's policy in .scopelint.json5: ")
            put("accounts: [{ name: \"")
            put(jsonEscaped(name))
            put("\", policy: \"POLICY-ID\" }] (`scopelint policies list` shows the ids).")
        }
    }

    /// The name as the inside of a JSON string, so the snippet pastes as written.
    /// A fleet asks this once per unmatched account, and almost no name has either character.
    static func jsonEscaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
