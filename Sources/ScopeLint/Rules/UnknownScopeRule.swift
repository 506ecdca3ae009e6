public enum UnknownScopeRule: Rule {
    public static let description = RuleDescription(
        id: .unknownScope, title: "Unknown scope", defaultSeverity: .warning,
        summary: "A scope name or OAuth parameter the catalog does not know.",
        rationale:
            "A misspelt scope is access nobody reviewed; scopelint reports it rather than dropping it, because a parameter BigCommerce added after this release may grant anything.",
        remediation:
            "Check the spelling against the control panel (Settings > Store-level API accounts); `scopelint scopes` lists every known name and parameter.",
        examples: [
            RuleExample(
                "A parameter seen in app code but not in the catalog", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", type: "app", scopes: "store_v2_products ↓store_webhooks_manage" }] }
                """),
            RuleExample(
                "A misspelt UI name", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: { ↓"Prodcts": "read-only" } }] }
                """),
            RuleExample(
                "Implicit scopes are accepted silently", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", type: "app", scopes: "store_v2_default users_basic_information store_v2_orders_read_only" }] }
                """),
        ])

    public static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard !context.grants.unknown.isEmpty else { return }
        for entry in context.grants.unknown {
            let name = Redactor.redact(entry.key)
            var finding = context.finding(
                .unknownScope, severity: context.severity(.unknownScope, natural: description.defaultSeverity),
                actual: entry.level.map(Redactor.redact),
                message: message(name, hint: Suggestions.hint(for: entry.key, in: context.catalog.allSpellings)),
                at: entry.position)
            finding.scope = name
            findings.append(finding)
        }
    }

    static func message(_ name: String, hint: String) -> String {
        "'\(name)' is not a BigCommerce scope scopelint knows\(hint). Check it against the control panel: an unknown scope is access nobody has reviewed."
    }
}
