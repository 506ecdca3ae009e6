/// Everything a user can learn about a rule: what `scopelint explain` prints and what the
/// rule-example tests run.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let title: String
    public let defaultSeverity: Severity
    /// One sentence: when the rule fires.
    public let summary: String
    /// Why it matters for a store's credentials.
    public let rationale: String
    /// What to do about a finding, in control-panel words.
    public let remediation: String
    public let examples: [RuleExample]
}

/// A small export that does or does not trigger a rule. In `export`, each `↓` marks the
/// position of one expected finding of the rule; an example with no marker must trigger none.
public struct RuleExample: Sendable, CustomStringConvertible {
    public static let marker: Character = "↓"

    public let title: String
    /// A one-store export in JSON5.
    public let export: String
    /// `--policy` for the example; nil lets `applies_to` choose.
    public let policy: String?

    public init(_ title: String, policy: String? = nil, _ export: String) {
        self.title = title
        self.export = export
        self.policy = policy
    }

    public var triggers: Bool { export.contains(Self.marker) }
    public var description: String { title }
}
