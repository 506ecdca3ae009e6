/// One account set against one of its policies, scope by scope in control-panel order:
/// what the policy allows, what the account has, and the verdict. `scopelint diff INPUT`
/// renders these; the verdicts come from `ResolvedPolicy.verdict`, as the rules' findings do.
package struct AccountDiff: Sendable {
    package enum Verdict: String, Sendable {
        case asRequired = "as required"
        case missing
        case excessive
        case risky

        /// The diff column: `-` missing, `+` excessive, `!` risky, blank as required.
        package var symbol: String {
            switch self {
            case .asRequired: " "
            case .missing: "-"
            case .excessive: "+"
            case .risky: "!"
            }
        }
    }

    package struct Row: Sendable {
        package var scope: ScopeID
        package var name: String
        /// The policy's allowed range in words ("modify", "at most read-only").
        package var policy: String
        package var actual: String
        package var verdict: Verdict
        /// What to set in a replacement account, when the verdict is missing or excessive.
        package var target: String?
        /// The risk row the actual level reaches, accepted or not.
        package var risk: Policy.Risk?
        package var acceptedBecause: String?
        package var position: TextPosition?
    }

    package var store: String
    package var storeName: String?
    package var account: String
    package var type: AccountType
    package var matching: AccountContext.Matching
    /// nil for a companion account, which has no scopes of its own to compare.
    package var policy: ResolvedPolicy?
    package var rows: [Row]
    /// Findings that are not about one scope's level (unknown scopes, secrets, account kind...).
    package var otherFindings: [Finding]
    package var order: Finding.Order

    package func count(_ verdict: Verdict) -> Int { rows.count { $0.verdict == verdict } }
    package var hasDifferences: Bool { rows.contains { $0.verdict != .asRequired } }

    /// One table per policy the account is checked against (one for a companion, with no rows).
    package static func make(_ context: AccountContext, findings: [Finding]) -> [AccountDiff] {
        let levelRules: Set<RuleID> = [.missingScope, .excessiveScope, .riskyScope]
        let others = findings.filter { !levelRules.contains($0.rule) }
        let base = AccountDiff(
            store: context.storeLabel, storeName: context.store.name, account: context.account.name,
            type: context.account.type, matching: context.matching, policy: nil, rows: [],
            otherFindings: others, order: context.order)
        guard !context.policies.isEmpty, context.account.scopesKnown else { return [base] }
        let catalog = context.catalog
        // Account-level accounts hold account scopes; every other kind holds store scopes.
        let kind: ScopeKind = context.account.type == .account ? .account : .store
        return context.policies.map { policy in
            var diff = base
            diff.policy = policy
            for scope in catalog.scopes {
                let index = scope.id.index
                let actual = context.grants.levels[index]
                guard scope.kind == kind || actual > 0 else { continue }
                let verdict = policy.verdict(for: scope.id, at: actual)
                diff.rows.append(
                    Row(
                        scope: scope.id, name: scope.name,
                        policy: scope.rangeText(min: policy.minimum[index], max: policy.maximum[index]),
                        actual: scope.levelName(actual), verdict: verdict.summary,
                        target: verdict.target.map(scope.levelName), risk: verdict.risk,
                        acceptedBecause: verdict.acceptedBecause, position: context.grants.positions[index]))
            }
            return diff
        }
    }
}
