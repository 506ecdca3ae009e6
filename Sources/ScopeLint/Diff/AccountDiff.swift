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
    }

    package var store: String
    package var storeName: String?
    package var account: String
    package var type: AccountType
    package var matching: AccountContext.Matching
    /// nil for a companion account, which has no scopes of its own to compare.
    package var policy: ResolvedPolicy?
    /// Findings that are not about one scope's level (unknown scopes, secrets, account kind...).
    package var otherFindings: [Finding]
    package var order: Finding.Order
    /// The account's level of each catalog scope, a byte each: what the rows are worked out
    /// from when they are rendered. A fleet's diff keeps these per account, not 25 rows of text.
    private var levels: [UInt8] = []
    private var scopes: [ScopeDefinition] = []

    /// The policy's range, the account's level and the verdict for each scope of the account's
    /// kind (and any other scope it holds), in control-panel order.
    package var rows: [Row] {
        compared { scope, actual, verdict, policy in
            Row(
                scope: scope.id, name: scope.name,
                policy: scope.rangeText(min: policy.minimum[scope.id.index], max: policy.maximum[scope.id.index]),
                actual: scope.levelName(actual), verdict: verdict.summary,
                target: verdict.target.map(scope.levelName), risk: verdict.risk,
                acceptedBecause: verdict.acceptedBecause)
        }
    }

    /// The rows' verdicts alone, for counting: no text is made.
    package var verdicts: [Verdict] { compared { _, _, verdict, _ in verdict.summary } }

    /// Each compared scope's verdict, whether its risk is accepted and whether the account holds
    /// it at all: the HTML report's grid cells, with no text made.
    package var marks: [(scope: ScopeID, verdict: Verdict, accepted: Bool, held: Bool)] {
        compared { scope, actual, verdict, _ in (scope.id, verdict.summary, verdict.acceptedBecause != nil, actual > 0)
        }
    }

    package func count(_ verdict: Verdict) -> Int { verdicts.count { $0 == verdict } }
    /// Scopes at a level with a risk the policy does not accept, whatever their verdict: a
    /// row shows "risky" for each, an excessive one included, and the totals count the same.
    package var unacceptedRisks: Int { compared { _, _, verdict, _ in verdict.unacceptedRisk != nil }.count { $0 } }
    package var hasDifferences: Bool { verdicts.contains { $0 != .asRequired } }

    /// `row` for each scope compared: those of the account's kind, and any other it holds.
    private func compared<T>(_ row: (ScopeDefinition, Int, ScopeVerdict, ResolvedPolicy) -> T) -> [T] {
        guard let policy else { return [] }
        // Account-level accounts hold account scopes; every other kind holds store scopes.
        let kind: ScopeKind = type == .account ? .account : .store
        return scopes.compactMap { scope in
            let actual = Int(levels[scope.id.index])
            guard scope.kind == kind || actual > 0 else { return nil }
            return row(scope, actual, policy.verdict(for: scope.id, at: actual), policy)
        }
    }

    /// One table per policy the account is checked against (one for a companion, with no rows).
    package static func make(_ context: AccountContext, findings: [Finding]) -> [AccountDiff] {
        let levelRules: Set<RuleID> = [.missingScope, .excessiveScope, .riskyScope]
        let others = findings.filter { !levelRules.contains($0.rule) }
        var base = AccountDiff(
            store: context.storeLabel, storeName: context.store.name, account: context.account.name,
            type: context.account.type, matching: context.matching, policy: nil, otherFindings: others,
            order: context.order)
        guard !context.policies.isEmpty, context.account.scopesKnown else { return [base] }
        base.levels = context.grants.levels.map { UInt8(clamping: $0) }
        base.scopes = context.catalog.scopes
        return context.policies.map { policy in
            var diff = base
            diff.policy = policy
            return diff
        }
    }
}
