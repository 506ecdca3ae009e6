/// Decides which policies an account is checked against when no `--policy` is given.
public struct PolicyMatcher: Sendable {
    public let integrations: [ResolvedPolicy]

    /// `policies` are all resolved policies; only those with `applies_to` take part.
    /// Each integration alone, built once: most accounts match exactly one, and handing out
    /// a shared array costs nothing per account.
    private let single: [[ResolvedPolicy]]
    private let rules: [Policy.AppliesTo]

    public init(policies: [ResolvedPolicy]) {
        integrations = policies.filter(\.isIntegration).sorted { $0.id < $1.id }
        single = integrations.map { [$0] }
        rules = integrations.map { $0.appliesTo ?? Policy.AppliesTo() }
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
        var matched: [Int] = []
        for index in rules.indices where Self.applies(rules[index], to: account, storeTypes: storeTypes) { matched.append(index) }
        if matched.isEmpty { return [] }
        if matched.count == 1 { return single[matched[0]] }
        let candidates = matched.map { integrations[$0] }
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
        // Every account is matched against every integration's patterns: ASCII, the usual
        // case, is compared byte by byte without lower-casing copies. ("\r\n" is one
        // character to `?`, so text holding a CR takes the general path.)
        var pattern = pattern
        var text = text
        let ascii: Bool? = pattern.withUTF8 { p in
            text.withUTF8 { t in
                guard !p.contains(where: { $0 >= 0x80 }), !t.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
                return match(p, t, equal: { $0 == UInt8(ascii: "?") || lower($0) == lower($1) }, isStar: { $0 == UInt8(ascii: "*") })
            }
        }
        if let ascii { return ascii }
        return match(Array(pattern.lowercased()), Array(text.lowercased()), equal: { $0 == "?" || $0 == $1 }, isStar: { $0 == "*" })
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Iterative matching with one backtrack point: linear for the patterns people write,
    /// never exponential.
    private static func match<C: RandomAccessCollection>(_ p: C, _ t: C, equal: (C.Element, C.Element) -> Bool, isStar: (C.Element) -> Bool) -> Bool where C.Index == Int {
        var pi = p.startIndex, ti = t.startIndex
        var starP = -1, starT = 0
        while ti < t.endIndex {
            if pi < p.endIndex && !isStar(p[pi]) && equal(p[pi], t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.endIndex && isStar(p[pi]) {
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
        while pi < p.endIndex && isStar(p[pi]) { pi += 1 }
        return pi == p.endIndex
    }
}
