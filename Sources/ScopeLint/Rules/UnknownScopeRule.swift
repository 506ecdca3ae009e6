package enum UnknownScopeRule: Rule {
    package static let description = RuleDescription(
        id: .unknownScope, title: "Unknown scope", defaultSeverity: .error,
        summary:
            "A scope name or OAuth parameter the catalog does not know: an error, or a note when its level is none.",
        rationale:
            "A misspelt scope is access nobody reviewed; scopelint reports it rather than dropping it, because a parameter BigCommerce added after this release may grant anything. A grant it cannot identify is a grant it cannot judge, so it fails the run; one at none grants nothing and is only noted. A severity override in a policy or the configuration applies to both.",
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
                "A misspelt UI name at none: a note", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: { ↓"Prodcts": "none" } }] }
                """),
            RuleExample(
                "Implicit scopes are accepted silently", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", type: "app", scopes: "store_v2_default users_basic_information store_v2_orders_read_only" }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard !context.grants.unknown.isEmpty else { return }
        for entry in context.grants.unknown {
            // A bare parameter grants what it names; only a level that is none grants nothing.
            let natural: Severity = entry.level.map(Catalog.isNone) == true ? .note : description.defaultSeverity
            var found = finding(
                in: context, severity: severity(in: context, natural: natural),
                actual: entry.level.map(Redactor.redact),
                // What it may be a misspelling of is looked for when the report is put together,
                // in report order (LintEngine.suggest).
                facts: .unknown(suggestions: []),
                at: entry.position)
            // The name as written (redacted): it is no catalog scope.
            found.scope = Redactor.redact(entry.key)
            findings.append(found)
        }
    }

    package static func message(for finding: Finding) -> String {
        guard case .unknown(let suggestions) = finding.facts else { return unexpected(finding) }
        return
            "'\(finding.scope ?? "")' is not a BigCommerce scope scopelint knows\(Suggestions.hint(suggestions)). Check it against the control panel: an unknown scope is access nobody has reviewed."
    }
}
