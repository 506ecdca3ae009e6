/// A check over one API account. Rules are pure: they read the context and append
/// findings; severity overrides from configuration are applied afterwards by the engine.
package protocol Rule {
    static var description: RuleDescription { get }
    static func check(_ context: AccountContext, into findings: inout [Finding])
    /// The finding's message, from its fields and the facts this rule gave it.
    static func message(for finding: Finding) -> String
}

extension Rule {
    static var id: RuleID { description.id }

    /// This rule's severity in `context`: the policy's override for the rule, else `natural`
    /// (the rule's default severity unless the finding brings its own, as a risk row does).
    static func severity(in context: AccountContext, policy: ResolvedPolicy? = nil, natural: Severity? = nil)
        -> Severity
    {
        context.severity(id, natural: natural ?? description.defaultSeverity, policy: policy)
    }

    /// A finding of this rule, at `severity(in:policy:)` unless told otherwise.
    static func finding(
        in context: AccountContext, severity: Severity? = nil, policy: ResolvedPolicy? = nil, scope: ScopeID? = nil,
        expected: String? = nil, actual: String? = nil, facts: Finding.Facts = .none, subject: String? = nil,
        at position: TextPosition?
    ) -> Finding {
        context.finding(
            id, severity: severity ?? self.severity(in: context, policy: policy), policy: policy, scope: scope,
            expected: expected, actual: actual, facts: facts, subject: subject, at: position)
    }

    /// The findings of a bound rule (missing, excessive): one for each policy and scope whose
    /// verdict crosses the bound `crossed` picks out, with that bound as the expected level.
    static func checkBounds(
        _ context: AccountContext, into findings: inout [Finding], crossed: (ScopeVerdict.Bound) -> Int?
    ) {
        guard context.account.scopesKnown else { return }
        for policy in context.policies {
            // By index: the scope's definition is read only for the few that produce a finding.
            for index in context.grants.levels.indices {
                let actual = context.grants.levels[index]
                guard let bound = crossed(policy.verdict(for: ScopeID(index), at: actual).bound) else { continue }
                let scope = context.catalog.scopes[index]
                findings.append(
                    finding(
                        in: context, policy: policy, scope: scope.id, expected: scope.levelName(bound),
                        actual: scope.levelName(actual),
                        facts: .bound(
                            policyTitle: policy.title,
                            remedy: policy.remedy(for: scope.id, at: actual).level.map(scope.levelName)),
                        at: context.grants.positions[index]))
            }
        }
    }

    /// For a finding whose facts are not the ones the rule makes: a bug in the rule, not in the
    /// input. Tests stop on it; a release build says what it can rather than end the run.
    static func unexpected(_ finding: Finding) -> String {
        assertionFailure("a \(id.rawValue) finding with facts \(finding.facts)")
        return description.title + (finding.scope.map { ": \($0)" } ?? "") + "."
    }
}
