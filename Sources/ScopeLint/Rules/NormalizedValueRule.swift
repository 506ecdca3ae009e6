package enum NormalizedValueRule: Rule {
    package static let description = RuleDescription(
        id: .normalizedValue, title: "Normalized value", defaultSeverity: .note,
        summary:
            "A scope name, level or parameter was written differently from the control panel and was read as the nearest known spelling.",
        rationale:
            "Guides and older UIs spell scopes many ways (\"non\" for none, \"Checkout content\", spec-only parameters such as store_checkouts); scopelint accepts them and says how it read them, so a wrong guess is visible.",
        remediation:
            "Write the name and level exactly as the control panel shows them, or the guide's OAuth parameter.",
        examples: [
            RuleExample(
                "A guide's misspelling of none", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Modern Retail Integration", scopes: { ↓"Get Payment Methods": "non" } }] }
                """),
            RuleExample(
                "A parameter spelt as in BigCommerce's spec rather than its guide", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: ["↓store_checkouts_read_only"] }] }
                """),
            RuleExample(
                "Letter case of a scope name", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Stone Edge", scopes: { ↓"checkout content": "modify" } }] }
                """),
            RuleExample(
                "The control panel's own capitalization of a level", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "App", scopes: { Products: "Modify", Orders: "Read-only" } }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        for item in context.grants.normalized {
            findings.append(
                finding(
                    in: context, scope: item.scope, expected: item.readAs, actual: Redactor.redact(item.written),
                    facts: .normalized(item.kind), at: item.position))
        }
    }

    package static func message(for finding: Finding) -> String {
        guard case .normalized(let kind) = finding.facts else { return unexpected(finding) }
        // As written (redacted), as read, and the scope it belongs to.
        let written = finding.actual ?? ""
        let readAs = finding.expected ?? ""
        let scope = finding.scope ?? ""
        return switch kind {
        case .scopeName: "Read '\(written)' as the scope '\(readAs)'; write it as the control panel does."
        case .level: "Read '\(written)' as '\(readAs)' (\(scope)); write the level as the control panel shows it."
        case .parameter:
            "Read '\(written)' as '\(readAs)' (\(scope)): the spelling of BigCommerce's API specs, not of its scope guide."
        }
    }
}
