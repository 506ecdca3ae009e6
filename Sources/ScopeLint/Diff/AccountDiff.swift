/// One account set against one of its policies, scope by scope in control-panel order:
/// what the policy allows, what the account has, and the verdict. `scopelint diff INPUT`
/// renders these; the verdicts come from `ResolvedPolicy.verdict`, as the rules' findings do.
public struct AccountDiff: Sendable {
    public enum Verdict: String, Sendable {
        case asRequired = "as required"
        case missing
        case excessive
        case risky

        /// The diff column: `-` missing, `+` excessive, `!` risky, blank as required.
        public var symbol: String {
            switch self {
            case .asRequired: " "
            case .missing: "-"
            case .excessive: "+"
            case .risky: "!"
            }
        }
    }

    public struct Row: Sendable {
        public var scope: ScopeID
        public var name: String
        /// The policy's allowed range in words ("modify", "at most read-only").
        public var policy: String
        public var actual: String
        public var verdict: Verdict
        /// What to set in a replacement account, when the verdict is missing or excessive.
        public var target: String?
        /// The risk row the actual level reaches, accepted or not.
        public var risk: Policy.Risk?
        public var acceptedBecause: String?
        public var position: TextPosition?
    }

    public var store: String
    public var storeName: String?
    public var account: String
    public var type: AccountType
    public var matching: AccountContext.Matching
    /// nil for a companion account, which has no scopes of its own to compare.
    public var policy: ResolvedPolicy?
    public var rows: [Row]
    /// Findings that are not about one scope's level (unknown scopes, secrets, account kind...).
    public var otherFindings: [Finding]
    public var order: Finding.Order

    public func count(_ verdict: Verdict) -> Int { rows.count { $0.verdict == verdict } }
    public var hasDifferences: Bool { rows.contains { $0.verdict != .asRequired } }

    /// One table per policy the account is checked against (one for a companion, with no rows).
    public static func make(_ context: AccountContext, findings: [Finding]) -> [AccountDiff] {
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
