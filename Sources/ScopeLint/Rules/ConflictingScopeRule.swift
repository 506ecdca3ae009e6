package enum ConflictingScopeRule: Rule {
    package static let description = RuleDescription(
        id: .conflictingScope, title: "Conflicting scope", defaultSeverity: .error,
        summary: "One account lists the same scope more than once with different levels.",
        rationale:
            "An export that contradicts itself cannot be reviewed; scopelint checks the highest level listed, because a token granted both has the larger access.",
        remediation: "Keep one entry per scope, with the level the control panel shows for this account.",
        examples: [
            RuleExample(
                "A UI name and a parameter that disagree", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: { Orders: "read-only", ↓store_v2_orders: "modify" } }] }
                """),
            RuleExample(
                "Both levels of a scope in a parameter list", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: ["store_v2_products_read_only", "↓store_v2_products"] }] }
                """),
            RuleExample(
                "The same level twice is only redundant", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: ["store_v2_products", "store_v2_products"] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        for conflict in context.grants.conflicts {
            let scope = context.catalog[conflict.scope]
            let listed = zip(conflict.levels, conflict.positions).map {
                Finding.ListedLevel(level: scope.levelName($0.0), position: $0.1)
            }
            findings.append(
                finding(
                    in: context, scope: conflict.scope, actual: scope.levelName(conflict.levels.max() ?? 0),
                    facts: .conflict(listed: listed), at: conflict.positions.last))
        }
    }

    package static func message(for finding: Finding) -> String {
        guard case .conflict(let listed) = finding.facts else { return unexpected(finding) }
        let scope = finding.scope ?? ""
        let highest = finding.actual ?? ""
        let levels = listed.map { "\($0.level) at \($0.position.line):\($0.position.column)" }
        return
            "\(scope) is listed \(listed.count) times with different levels: \(levels.joined(separator: ", ")). scopelint checks the highest, \(highest); keep one entry with the level the account really has."
    }
}
