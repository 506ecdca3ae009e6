/// Everything a user can learn about a rule: what `scopelint explain` prints and what the
/// rule-example tests run.
package struct RuleDescription: Sendable {
    package let id: RuleID
    package let title: String
    package let defaultSeverity: Severity
    /// One sentence: when the rule fires.
    package let summary: String
    /// Why it matters for a store's credentials.
    package let rationale: String
    /// What to do about a finding, in control-panel words.
    package let remediation: String
    package let examples: [RuleExample]
}

/// A small export that does or does not trigger a rule. In `export`, each `↓` marks the
/// position of one expected finding of the rule; an example with no marker must trigger none.
package struct RuleExample: Sendable, CustomStringConvertible {
    package static let marker: Character = "↓"

    package let title: String
    /// A one-store export in JSON5.
    package let export: String
    /// `--policy` for the example; nil lets `applies_to` choose.
    package let policy: String?

    package init(_ title: String, policy: String? = nil, _ export: String) {
        self.title = title
        self.export = export
        self.policy = policy
    }

    package var triggers: Bool { export.contains(Self.marker) }
    package var description: String { title }
}
