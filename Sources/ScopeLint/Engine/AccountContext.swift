/// Everything the rules may look at for one account, and the one way they build findings.
package struct AccountContext: Sendable {
    /// How the account came to be checked against its policies.
    package enum Matching: Sendable, Equatable {
        /// `--policy` named the policies for every account.
        case explicit
        /// `applies_to` chose them (more than one means a shared account).
        case matched
        /// The configuration's `accounts` mapping chose them.
        case configured
        /// Nothing matched; the account is checked against `least-privilege` alone.
        case fallback
        /// The account is a companion another account's policy requires (CSM's B2B tokens).
        case companion(of: String)
    }

    package let catalog: Catalog
    package let file: String
    package let store: Store
    package let account: Account
    package let grants: Grants
    package let policies: [ResolvedPolicy]
    package let matching: Matching
    /// The companion requirements (`policy#index`) some account of the store satisfies.
    package var presentCompanions: Set<String> = []
    package let order: Finding.Order

    package var storeLabel: String { store.label }

    package func location(_ position: TextPosition?) -> SourceLocation {
        SourceLocation(file: file, position: position ?? account.position)
    }

    /// The finding's severity: the policy's override for the rule, else `natural`. Findings
    /// that belong to no one policy take the first override among the account's policies.
    package func severity(_ rule: RuleID, natural: Severity, policy: ResolvedPolicy? = nil) -> Severity {
        switch override(rule, policy: policy) {
        case .severity(let severity)?: severity
        default: natural
        }
    }

    func override(_ rule: RuleID, policy: ResolvedPolicy?) -> Policy.SeverityOverride? {
        if let policy { return policy.severity[rule] }
        return policies.lazy.compactMap { $0.severity[rule] }.first
    }

    /// A finding of `rule` about this account; rules call it through `Rule.finding(in:...)`.
    package func finding(
        _ rule: RuleID, severity: Severity, policy: ResolvedPolicy? = nil, scope: ScopeID? = nil,
        expected: String? = nil, actual: String? = nil, facts: Finding.Facts = .none, subject: String? = nil,
        at position: TextPosition?
    ) -> Finding {
        var order = self.order
        order.rule = rule.order
        order.scope = scope?.index ?? -1
        order.policy = policy?.id ?? ""
        return Finding(
            rule: rule, severity: severity, store: storeLabel, account: account.name, policy: policy?.id,
            scope: scope.map { catalog[$0].name }, expected: expected, actual: actual,
            facts: facts, location: location(position), subject: subject, order: order)
    }

    /// The account's level for a scope, as the control panel labels it.
    package func levelName(_ scope: ScopeID) -> String {
        catalog[scope].levelName(grants.levels[scope.index])
    }
}
