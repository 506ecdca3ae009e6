/// Decides which policies an account is checked against when no `--policy` is given.
package struct PolicyMatcher: Sendable {
    package let integrations: [ResolvedPolicy]

    /// `policies` are all resolved policies; only those with `applies_to` take part.
    /// Each integration alone, built once: most accounts match exactly one, and handing out
    /// a shared array costs nothing per account.
    private let single: [[ResolvedPolicy]]
    private let rules: [Policy.AppliesTo]
    /// Each rule's name patterns, compiled once.
    private let patterns: [[Glob.Pattern]]

    package init(policies: [ResolvedPolicy]) {
        integrations = policies.filter(\.isIntegration).sorted { $0.id < $1.id }
        single = integrations.map { [$0] }
        rules = integrations.map { $0.appliesTo ?? Policy.AppliesTo() }
        patterns = rules.map { $0.accountNames.map(Glob.Pattern.init) }
    }

    /// The integration policies whose `applies_to` matches the account. When one matching
    /// policy extends another (CSM with B2B Edition extends CSM), the refinement wins:
    /// that is one integration described twice, not a shared account.
    /// `levels` are the account's resolved levels (`Grants.levels`), for `account_holds`; an
    /// account given without them holds nothing.
    package func matches(for account: Account, in store: Store, levels: [Int]? = nil) -> [ResolvedPolicy] {
        var names = NameMemo()
        return matches(for: account, storeTypes: Set(store.accounts.map(\.type)), levels: { levels }, names: &names)
    }

    /// Which rules' name patterns each account name matches, remembered across the accounts of
    /// one unit of work: a fleet's stores name the same integrations again and again, and
    /// matching every pattern against every account was an eighth of a fleet's lint.
    package struct NameMemo {
        /// Enough for the integrations of many stores; a unit of unique names (one large store)
        /// starts over when it is full rather than holding them all.
        var capacity = 4_096
        fileprivate var byName: [String: [Bool]] = [:]

        package init() {}
    }

    /// `storeTypes` are the kinds of account the store has, computed once per store so a large
    /// store is not scanned again for each of its accounts.
    /// `levels` is asked only when a rule with `account_holds` is otherwise met: most accounts'
    /// levels are never needed here, and a store's are not all held at once.
    func matches(
        for account: Account, storeTypes: Set<AccountType>, levels: () -> [Int]?, names: inout NameMemo
    ) -> [ResolvedPolicy] {
        let named: [Bool]
        if let known = names.byName[account.name] {
            named = known
        } else {
            let name = Glob.Text(account.name)
            named = patterns.map { $0.isEmpty || $0.contains { $0.matches(name) } }
            if names.byName.count >= names.capacity { names.byName.removeAll(keepingCapacity: true) }
            names.byName[account.name] = named
        }
        var matched: [Int] = []
        for index in rules.indices
        where named[index] && Self.applies(rules[index], to: account, storeTypes: storeTypes, levels: levels) {
            matched.append(index)
        }
        if matched.isEmpty { return [] }
        if matched.count == 1 { return single[matched[0]] }
        let candidates = matched.map { integrations[$0] }
        return candidates.filter { candidate in
            !candidates.contains { $0.id != candidate.id && $0.ancestors.contains(candidate.id) }
        }
    }

    /// Whether the rule's conditions other than its name patterns hold (`matches` checks those).
    static func applies(
        _ rule: Policy.AppliesTo, to account: Account, storeTypes: Set<AccountType>, levels: () -> [Int]?
    ) -> Bool {
        if !rule.types.isEmpty && !rule.types.contains(account.type) { return false }
        // Two routes to one fact: either is enough, and with neither written there is no condition.
        if rule.storeHasAccountTypes.isEmpty && rule.accountHolds.isEmpty { return true }
        if !rule.storeHasAccountTypes.isEmpty && !storeTypes.isDisjoint(with: rule.storeHasAccountTypes) { return true }
        if !rule.accountHolds.isEmpty, let levels = levels(), rule.accountHolds.allSatisfy({ $0.isHeld(in: levels) }) {
            return true
        }
        return false
    }

    /// A companion's identity within a store: its policy and its place in the policy's list.
    static func companionKey(_ policy: ResolvedPolicy, _ index: Int) -> String { "\(policy.id)#\(index)" }

    /// Does the account satisfy a companion requirement?
    static func satisfies(_ account: Account, _ companion: Policy.Companion) -> Bool {
        if !companion.types.isEmpty && !companion.types.contains(account.type) { return false }
        if !companion.accountNames.isEmpty
            && !companion.accountNames.contains(where: { Glob.matches($0, account.name) })
        {
            return false
        }
        return true
    }
}

/// Shell-style patterns for account names: `*` any run, `?` one character, case ignored.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        Pattern(pattern).matches(Text(text))
    }

    /// A pattern lower-cased once; ASCII patterns (the usual case) also as bytes.
    struct Pattern: Sendable {
        let characters: [Character]
        let bytes: [UInt8]?

        init(_ pattern: String) {
            let lowered = pattern.lowercased()
            characters = Array(lowered)
            bytes = lowered.utf8.allSatisfy { $0 < 0x80 } ? Array(lowered.utf8) : nil
        }

        func matches(_ text: Text) -> Bool {
            if let bytes, text.isASCII {
                var name = text.text
                return name.withUTF8 {
                    Glob.match(bytes, FoldedASCII(bytes: $0), star: UInt8(ascii: "*"), any: UInt8(ascii: "?"))
                }
            }
            return Glob.match(characters, Array(text.text.lowercased()), star: "*", any: "?")
        }
    }

    /// An account name, checked once for whether its bytes can be compared directly.
    /// ("\r\n" is one character to `?`, so a name holding a CR is compared as characters.)
    struct Text {
        let text: String
        let isASCII: Bool

        init(_ text: String) {
            self.text = text
            isASCII = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// ASCII text seen lower-cased, without a lower-cased copy.
    struct FoldedASCII: RandomAccessCollection {
        let bytes: UnsafeBufferPointer<UInt8>
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        subscript(index: Int) -> UInt8 { Glob.lower(bytes[index]) }
    }

    /// Iterative matching with one backtrack point: linear for the patterns people write,
    /// never exponential.
    private static func match<Text: RandomAccessCollection>(
        _ p: [Text.Element], _ t: Text, star: Text.Element, any: Text.Element
    ) -> Bool
    where Text.Index == Int, Text.Element: Equatable {
        var pi = 0
        var ti = 0
        var starP = -1
        var starT = 0
        while ti < t.count {
            if pi < p.count && p[pi] != star && (p[pi] == any || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == star {
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
        while pi < p.count && p[pi] == star { pi += 1 }
        return pi == p.count
    }
}
