/// Runs every rule over every account of the exports, in one pass, and builds the report.
public struct LintEngine: Sendable {
    public static let fallbackPolicyID = "least-privilege"

    public let catalog: Catalog
    /// The policies `--policy` named; empty means each account gets its matching policy.
    public let explicit: [ResolvedPolicy]
    public let fallback: ResolvedPolicy?
    public let matcher: PolicyMatcher
    public let toolVersion: String

    public init(library: PolicyLibrary, policyIDs: [String], toolVersion: String = ScopeLintVersion.current) throws(ScopeLintError) {
        catalog = library.catalog
        var explicit: [ResolvedPolicy] = []
        for id in policyIDs where !explicit.contains(where: { $0.id == id }) { explicit.append(try library.resolve(id)) }
        self.explicit = explicit
        fallback = library.policies[Self.fallbackPolicyID] == nil ? nil : try library.resolve(Self.fallbackPolicyID)
        matcher = PolicyMatcher(policies: try library.resolveAll())
        self.toolVersion = toolVersion
    }

    public func lint(_ exports: [Export]) throws(ScopeLintError) -> Report {
        var findings: [Finding] = []
        var checked: [Report.CheckedAccount] = []
        var storeCount = 0
        for (fileIndex, export) in exports.enumerated() {
            for (storeIndex, store) in export.stores.enumerated() {
                storeCount += 1
                let assignments = assign(store)
                for (accountIndex, account) in store.accounts.enumerated() {
                    let grants = try Grants.resolve(account.scopes, file: export.file, catalog: catalog)
                    let (policies, matching) = assignments[accountIndex]
                    let context = AccountContext(
                        catalog: catalog, file: export.file, store: store, account: account, grants: grants,
                        policies: policies, matching: matching,
                        order: Finding.Order(file: fileIndex, store: storeIndex, account: accountIndex, rule: 0, scope: 0, policy: ""))
                    var accountFindings: [Finding] = []
                    for rule in RuleID.allCases {
                        rule.rule.check(context, into: &accountFindings)
                    }
                    for finding in accountFindings where !isSwitchedOff(finding, in: context) {
                        findings.append(finding)
                    }
                    checked.append(Report.CheckedAccount(
                        order: context.order, matching: matching, file: export.file, store: store.label, storeName: store.name, account: account.name, type: account.type,
                        policies: policies.map(\.id), location: SourceLocation(file: export.file, position: account.position)))
                }
            }
        }
        return Report(toolVersion: toolVersion, findings: findings, accounts: checked, stores: storeCount)
    }

    /// Chooses each account's policies: the explicit ones, else `applies_to` matches, else the
    /// fallback. Accounts that satisfy a companion requirement of another account's policy
    /// are companions: they exist for that integration and carry no scopes of their own.
    func assign(_ store: Store) -> [([ResolvedPolicy], AccountContext.Matching)] {
        var result: [([ResolvedPolicy], AccountContext.Matching)] = store.accounts.map { account in
            if !explicit.isEmpty { return (explicit, .explicit) }
            let matched = matcher.matches(for: account, in: store)
            if matched.isEmpty { return (fallback.map { [$0] } ?? [], .fallback) }
            return (matched, .matched)
        }
        for index in store.accounts.indices {
            guard result[index].1 != .fallback else { continue }
            for policy in result[index].0 {
                for companion in policy.companions {
                    for (other, candidate) in store.accounts.enumerated() where other != index && PolicyMatcher.satisfies(candidate, companion) {
                        if case .companion = result[other].1 { continue }
                        result[other] = ([], .companion(of: policy.id))
                    }
                }
            }
        }
        return result
    }

    private func isSwitchedOff(_ finding: Finding, in context: AccountContext) -> Bool {
        let policy = finding.policy.flatMap { id in context.policies.first { $0.id == id } }
        return context.override(finding.rule, policy: policy) == .off
    }
}
