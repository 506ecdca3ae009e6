/// What a policy says about one scope at the level an account holds. The one place that
/// decides "below the minimum is missing, above the maximum is excessive, a risk row is risky
/// unless accepted": the rules report it and `scopelint diff` shows it, so they cannot disagree.
package struct ScopeVerdict: Sendable, Equatable {
    package enum Bound: Sendable, Equatable {
        case within
        /// Below the policy's minimum: the level the integration needs.
        case missing(minimum: Int)
        /// Above the policy's maximum: the most it allows.
        case excessive(maximum: Int)
    }

    package var bound: Bound
    /// The risk row the level reaches, accepted or not: an accepted risk is still reported, as a note.
    package var risk: Policy.Risk?
    /// Why the policy accepts that risk; nil when there is no risk or it is not accepted.
    package var acceptedBecause: String?

    /// The risk, only when the policy does not accept it.
    package var unacceptedRisk: Policy.Risk? { acceptedBecause == nil ? risk : nil }

    /// The one word of the diff: a bound crossed comes first, then an unaccepted risk.
    package var summary: AccountDiff.Verdict {
        switch bound {
        case .missing: .missing
        case .excessive: .excessive
        case .within: unacceptedRisk == nil ? .asRequired : .risky
        }
    }

    /// The level to set in a replacement account, when a bound is crossed.
    package var target: Int? {
        switch bound {
        case .within: nil
        case .missing(let minimum): minimum
        case .excessive(let maximum): maximum
        }
    }
}

extension ResolvedPolicy {
    /// The verdict on `scope` held at `level`.
    package func verdict(for scope: ScopeID, at level: Int) -> ScopeVerdict {
        let index = scope.index
        let bound: ScopeVerdict.Bound =
            if level < minimum[index] {
                .missing(minimum: minimum[index])
            } else if level > maximum[index] {
                .excessive(maximum: maximum[index])
            } else {
                .within
            }
        let risk = self.risk(for: scope, at: level)
        return ScopeVerdict(bound: bound, risk: risk, acceptedBecause: risk == nil ? nil : accepted[index])
    }
}
