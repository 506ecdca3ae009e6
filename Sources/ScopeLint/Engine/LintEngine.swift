/// Runs every rule over every account of the exports, in one pass, and builds the report.
public struct LintEngine: Sendable {
    public static let fallbackPolicyID = "least-privilege"

    package let catalog: Catalog
    /// The policies `--policy` named; empty means each account gets its matching policy.
    package let explicit: [ResolvedPolicy]
    package let fallback: ResolvedPolicy?
    private let canSwitchOff: Bool
    /// `fallback` as the list an unmatched account is checked against, built once.
    private let fallbackPolicies: [ResolvedPolicy]
    package let matcher: PolicyMatcher
    package let toolVersion: String
    package let configuration: Configuration
    /// The configuration's mappings, patterns compiled once, with their policies resolved, in its order.
    let mapped: [(pattern: Glob.Pattern, policies: [ResolvedPolicy])]

    /// How many distinct unknown names a report looks for suggestions for (see `Suggestions.Budget`).
    package var suggestionBudget = 1_000

    public init(
        library: PolicyLibrary, policyIDs: [String], configuration: Configuration = Configuration(),
        toolVersion: String = ScopeLintVersion.current
    ) throws(ScopeLintError) {
        catalog = library.catalog
        // Every policy is resolved once, here; the lists below pick from them.
        for id in policyIDs where library.policies[id] == nil {
            throw .unknownPolicy(id: id, suggestions: Suggestions.closest(to: id, in: library.ids))
        }
        let all = try library.resolveAll()
        let byID = Dictionary(all.map { ($0.id, $0) }) { first, _ in first }
        var explicit: [ResolvedPolicy] = []
        for id in policyIDs where !explicit.contains(where: { $0.id == id }) {
            if let policy = byID[id] { explicit.append(policy) }
        }
        self.explicit = explicit
        fallback = byID[Self.fallbackPolicyID]
        fallbackPolicies = fallback.map { [$0] } ?? []
        matcher = PolicyMatcher(policies: all)
        self.toolVersion = toolVersion
        self.configuration = configuration
        var mapped: [(pattern: Glob.Pattern, policies: [ResolvedPolicy])] = []
        for mapping in configuration.mappings {
            var policies: [ResolvedPolicy] = []
            for id in mapping.policies {
                guard let policy = byID[id] else {
                    throw .invalid(
                        file: configuration.file ?? Configuration.fileName, position: mapping.position,
                        message:
                            "the mapping names unknown policy '\(Redactor.redact(id))'\(Suggestions.hint(for: id, in: library.ids))"
                    )
                }
                policies.append(policy)
            }
            mapped.append((Glob.Pattern(mapping.pattern), policies))
        }
        self.mapped = mapped
        // Whether anything can switch a rule off: if nothing can, findings need no such check.
        canSwitchOff =
            !configuration.disabledRules.isEmpty || configuration.severity.values.contains(.off)
            || (explicit + mapped.flatMap(\.policies) + matcher.integrations + (fallback.map { [$0] } ?? [])).contains {
                $0.severity.values.contains(.off)
            }
    }

    /// Lints exports already in memory (library callers, tests).
    public func lint(_ exports: [Export]) throws(ScopeLintError) -> Report {
        try lint(exports.map(StoreSource.init))
    }

    /// Lints the sources on every core (see `Evaluation`): findings and checked accounts in input
    /// order; with `diffs`, also each account's table against each policy (`Report.diffs`), whose
    /// verdicts are the ones `diff INPUT` shows (the findings stay in the report, not the tables).
    package func lint(_ sources: [StoreSource], evaluation: Evaluation = Evaluation(), diffs: Bool = false)
        throws(ScopeLintError) -> Report
    {
        var units = try evaluate(
            sources, evaluation: evaluation, into: (accounts: [Report.CheckedAccount](), diffs: [AccountDiff]())
        ) { partial, context, _ in
            partial.accounts.append(Report.CheckedAccount(context))
            if diffs { partial.diffs += AccountDiff.make(context, findings: []) }
        }
        var tables: [AccountDiff] = []
        if diffs {
            tables.reserveCapacity(units.reduce(0) { $0 + $1.partial.diffs.count })
            for index in units.indices {
                tables += units[index].partial.diffs
                units[index].partial.diffs = []
            }
        }
        var result = report(consume units) { $0.accounts }
        if diffs { result.diffs = tables }
        return result
    }

    /// What one unit of work gave: its findings, in input order, what `visit` folded its
    /// accounts into, and how many stores it held.
    package struct UnitResult<Partial: Sendable>: Sendable {
        package var findings: [Finding] = []
        package var partial: Partial
        package var stores = 0
        /// How many findings of each severity the unit had, kept or not.
        package var errors = 0
        package var warnings = 0
        package var notes = 0
    }

    /// Runs every rule over every account of the sources, on every core, handing each
    /// account's context and findings to `visit` to fold into its unit's `Partial` (the
    /// report's checked accounts, the diff's tables). The units come back in input order.
    /// `keepFindings: false` counts the findings and lets them go once `visit` has seen them
    /// (the diff keeps what it shows in its own tables).
    package func evaluate<Partial: Sendable>(
        _ sources: [StoreSource], evaluation: Evaluation = Evaluation(), into initial: Partial,
        keepFindings: Bool = true,
        visit: @escaping @Sendable (inout Partial, AccountContext, ArraySlice<Finding>) -> Void
    ) throws(ScopeLintError) -> [UnitResult<Partial>] {
        try evaluation.run(sources) { (unit) throws(ScopeLintError) in
            var result = UnitResult(partial: initial)
            var names = PolicyMatcher.NameMemo()
            for (offset, store) in unit.stores.enumerated() {
                // The rules append straight to the unit's findings: no per-account array to copy.
                try evaluate(
                    store, file: unit.file, fileIndex: unit.fileIndex, storeIndex: unit.firstStore + offset,
                    names: &names, into: &result.findings
                ) { context, findings in
                    for finding in findings {
                        switch finding.severity {
                        case .error: result.errors += 1
                        case .warning: result.warnings += 1
                        case .note: result.notes += 1
                        }
                    }
                    visit(&result.partial, context, findings)
                }
                if !keepFindings { result.findings.removeAll(keepingCapacity: true) }
                result.stores += 1
            }
            return result
        }
    }

    /// The report of evaluated units, in their order; `accounts` picks each unit's checked accounts.
    package func report<Partial>(
        _ units: consuming [UnitResult<Partial>], accounts: (Partial) -> [Report.CheckedAccount]
    ) -> Report {
        var units = units
        // A fleet's findings and accounts are most of the memory a lint uses: each unit's
        // arrays become parts of the report's lists as they are, never copied into one.
        var findings = Joined<Finding>()
        var checked = Joined<Report.CheckedAccount>()
        var stores = 0
        var counts = Report.Summary()
        units.reverse()
        while let unit = units.popLast() {
            findings.append(part: unit.findings)
            checked.append(part: accounts(unit.partial))
            stores += unit.stores
            counts.errors += unit.errors
            counts.warnings += unit.warnings
            counts.notes += unit.notes
        }
        var budget = Suggestions.Budget(maximumWords: suggestionBudget)
        suggest(&findings, budget: &budget)
        var report = Report(toolVersion: toolVersion, findings: findings, accounts: checked, stores: stores)
        // The counts include findings a unit did not keep (see `evaluate(keepFindings:)`).
        (report.summary.errors, report.summary.warnings, report.summary.notes) = (
            counts.errors, counts.warnings, counts.notes
        )
        return report
    }

    /// Fills in what unknown scope names may be misspellings of, in the order of `findings`
    /// (input order), within `budget`; so which findings carry a hint depends on the input
    /// alone, not on which core linted which store first.
    package func suggest<List: MutableCollection<Finding>>(_ findings: inout List, budget: inout Suggestions.Budget) {
        for index in findings.indices where findings[index].rule == .unknownScope {
            guard case .unknown = findings[index].facts, let name = findings[index].scope else { continue }
            findings[index].facts = .unknown(suggestions: budget.suggestions(for: name, in: catalog.allSpellings))
        }
    }

    /// Runs every rule over the accounts of one store, appending to `findings`; `visit` gets
    /// each account's context and its findings (a slice of `findings`, gone before the next
    /// account's are added).
    func evaluate(
        _ store: Store, file: String, fileIndex: Int, storeIndex: Int, names: inout PolicyMatcher.NameMemo,
        into findings: inout [Finding], visit: (AccountContext, ArraySlice<Finding>) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let (assignments, presentCompanions) = assign(store, file: file, names: &names)
        for accountIndex in store.accounts.indices {
            let grants = try Grants.resolve(
                store.accounts[accountIndex].scopes, file: file, catalog: catalog,
                accountLevel: store.accounts[accountIndex].type == .account)
            let (policies, matching) = assignments[accountIndex]
            let context = AccountContext(
                catalog: catalog, file: file, store: store, account: store.accounts[accountIndex], grants: grants,
                policies: policies, matching: matching, presentCompanions: presentCompanions,
                order: Finding.Order(
                    file: fileIndex, store: storeIndex, account: accountIndex, rule: 0, scope: 0, policy: ""))
            let start = findings.count
            for rule in RuleID.allCases {
                rule.rule.check(context, into: &findings)
            }
            if canSwitchOff {
                var kept = start
                for index in start..<findings.count where !isSwitchedOff(findings[index], in: context) {
                    findings.swapAt(kept, index)
                    kept += 1
                }
                findings.removeSubrange(kept...)
            }
            applyConfiguredSeverity(&findings, from: start)
            try visit(context, findings[start...])
        }
    }

    /// Chooses each account's policies: the explicit ones, else `applies_to` matches, else the
    /// fallback. Accounts that satisfy a companion requirement of another account's policy
    /// are companions: they exist for that integration and carry no scopes of their own.
    func assign(_ store: Store, file: String, names: inout PolicyMatcher.NameMemo) -> (
        [([ResolvedPolicy], AccountContext.Matching)], Set<String>
    ) {
        let storeTypes = Set(store.accounts.map(\.type))
        // By index: accounts are read in place, not copied.
        var result: [([ResolvedPolicy], AccountContext.Matching)] = store.accounts.indices.map { index in
            if !explicit.isEmpty { return (explicit, .explicit) }
            if !mapped.isEmpty, case let name = Glob.Text(store.accounts[index].name),
                let mapping = mapped.first(where: { $0.pattern.matches(name) })
            {
                return (mapping.policies, .configured)
            }
            // Resolved here only for an account an `account_holds` rule asks about (CSM's); an
            // input error is thrown where the account itself is resolved, in `evaluate`.
            let matched = matcher.matches(
                for: store.accounts[index], storeTypes: storeTypes,
                levels: {
                    try? Grants.resolve(
                        store.accounts[index].scopes, file: file, catalog: catalog,
                        accountLevel: store.accounts[index].type == .account
                    ).levels
                }, names: &names)
            if matched.isEmpty { return (fallbackPolicies, .fallback) }
            return (matched, .matched)
        }
        // Each policy's companions are looked for once per store, however many accounts use it.
        var present: Set<String> = []
        var searched: Set<String> = []
        for index in store.accounts.indices where result[index].1 != .fallback {
            for policy in result[index].0 where searched.insert(policy.id).inserted {
                for (number, companion) in policy.companions.enumerated() {
                    for (other, candidate) in store.accounts.enumerated()
                    where PolicyMatcher.satisfies(candidate, companion) {
                        present.insert(PolicyMatcher.companionKey(policy, number))
                        if other == index { continue }
                        if case .companion = result[other].1 { continue }
                        result[other] = ([], .companion(of: policy.id))
                    }
                }
            }
        }
        return (result, present)
    }

    /// The configuration's severity overrides, over the policies'; an accepted risk stays a note.
    private func applyConfiguredSeverity(_ findings: inout [Finding], from start: Int) {
        guard !configuration.severity.isEmpty else { return }
        for index in start..<findings.count where !findings[index].isAccepted {
            if case .severity(let severity)? = configuration.severity[findings[index].rule] {
                findings[index].severity = severity
            }
        }
    }

    private func isSwitchedOff(_ finding: Finding, in context: AccountContext) -> Bool {
        if configuration.disabledRules.contains(finding.rule) || configuration.severity[finding.rule] == .off {
            return true
        }
        let policy = finding.policy.flatMap { id in context.policies.first { $0.id == id } }
        return context.override(finding.rule, policy: policy) == .off
    }
}
