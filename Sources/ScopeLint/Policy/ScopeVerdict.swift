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

/// The one thing to do about a scope, whatever findings it has under a policy: every rule that
/// reports the scope (excessive, missing, risky) gives this remedy, so no two lines of a
/// report ask for different levels, and a report that shows one line per scope shows it.
package enum ScopeRemedy: Sendable, Equatable {
    /// Nothing to do: within the policy's bounds, no unaccepted risk.
    case keep
    /// Set the scope to this level in a replacement account: it clears every finding on it.
    case set(level: Int)
    /// Within bounds but risky: lower it to this level (the policy's minimum) unless the
    /// integration needs what it holds; if it does, the risk must be accepted in a policy.
    case lowerUnlessNeeded(level: Int)
    /// No level the policy allows is free of the risk: set this level (the bound) and accept
    /// the risk in a policy.
    case setAndAccept(level: Int)
}

extension ScopeRemedy {
    /// The level the remedy names; nil for `keep`.
    package var level: Int? {
        switch self {
        case .keep: nil
        case .set(let level), .lowerUnlessNeeded(let level), .setAndAccept(let level): level
        }
    }
}

extension ResolvedPolicy {
    /// The remedy for `scope` held at `level`: above the maximum, the highest allowed level
    /// without an unaccepted risk; below the minimum, the minimum; within bounds but risky,
    /// the minimum unless the integration needs more.
    package func remedy(for scope: ScopeID, at level: Int) -> ScopeRemedy {
        let index = scope.index
        let low = minimum[index]
        let high = maximum[index]
        func clean(_ candidate: Int) -> Bool {
            risk(for: scope, at: candidate) == nil || accepted[index] != nil
        }
        if level > high {
            for candidate in stride(from: high, through: low, by: -1) where clean(candidate) {
                return .set(level: candidate)
            }
            return .setAndAccept(level: high)
        }
        if level < low { return clean(low) ? .set(level: low) : .setAndAccept(level: low) }
        if clean(level) { return .keep }
        return clean(low) ? .lowerUnlessNeeded(level: low) : .setAndAccept(level: low)
    }

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
