/// Decides which policies an account is checked against when no `--policy` is given.
public struct PolicyMatcher: Sendable {
    public let integrations: [ResolvedPolicy]

    /// `policies` are all resolved policies; only those with `applies_to` take part.
    public init(policies: [ResolvedPolicy]) {
        integrations = policies.filter(\.isIntegration).sorted { $0.id < $1.id }
    }

    /// The integration policies whose `applies_to` matches the account. When one matching
    /// policy extends another (CSM with B2B Edition extends CSM), the refinement wins:
    /// that is one integration described twice, not a shared account.
    public func matches(for account: Account, in store: Store) -> [ResolvedPolicy] {
        matches(for: account, storeTypes: Set(store.accounts.map(\.type)))
    }

    /// `storeTypes` are the kinds of account the store has, computed once per store so a large
    /// store is not scanned again for each of its accounts.
    func matches(for account: Account, storeTypes: Set<AccountType>) -> [ResolvedPolicy] {
        let candidates = integrations.filter { policy in
            guard let rule = policy.appliesTo else { return false }
            return Self.applies(rule, to: account, storeTypes: storeTypes)
        }
        guard candidates.count > 1 else { return candidates }
        return candidates.filter { candidate in
            !candidates.contains { $0.id != candidate.id && $0.ancestors.contains(candidate.id) }
        }
    }

    static func applies(_ rule: Policy.AppliesTo, to account: Account, storeTypes: Set<AccountType>) -> Bool {
        if !rule.types.isEmpty && !rule.types.contains(account.type) { return false }
        if !rule.accountNames.isEmpty && !rule.accountNames.contains(where: { Glob.matches($0, account.name) }) { return false }
        if !rule.storeHasAccountTypes.isEmpty && storeTypes.isDisjoint(with: rule.storeHasAccountTypes) { return false }
        return true
    }

    /// A companion's identity within a store: its policy and its place in the policy's list.
    static func companionKey(_ policy: ResolvedPolicy, _ index: Int) -> String { "\(policy.id)#\(index)" }

    /// Does the account satisfy a companion requirement?
    static func satisfies(_ account: Account, _ companion: Policy.Companion) -> Bool {
        if !companion.types.isEmpty && !companion.types.contains(account.type) { return false }
        if !companion.accountNames.isEmpty && !companion.accountNames.contains(where: { Glob.matches($0, account.name) }) { return false }
        return true
    }
}

/// Shell-style patterns for account names: `*` any run, `?` one character, case ignored.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        // Iterative matching with one backtrack point: linear for the patterns people write,
        // never exponential.
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                starP = pi
                starT = ti
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starT += 1
                ti = starT
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
