/// The result of a lint run: sorted findings, what was checked, and the exit code they imply.
public struct Report: Sendable {
    public struct Summary: Sendable, Equatable {
        public var errors = 0
        public var warnings = 0
        public var notes = 0
        public var stores = 0
        public var accounts = 0
        /// Findings a baseline accepted; nil when no baseline was used.
        public var suppressed: Int?
    }

    /// A finding a baseline entry accepts: kept out of the counts and the exit code, but
    /// never lost (SARIF lists it as suppressed; the text report counts it).
    package struct SuppressedFinding: Sendable {
        package var finding: Finding
        package var reason: String
    }

    /// What a baseline did: where it is, and its entries that expired or match nothing.
    package struct BaselineOutcome: Sendable {
        package var file: String
        package var notices: [BaselineNotice]
    }

    package struct BaselineNotice: Sendable {
        package enum Kind: String, Sendable { case expired, stale }
        package var kind: Kind
        package var message: String
        package var position: TextPosition
    }

    /// One checked account, so reports can group findings and say which policy applied.
    package struct CheckedAccount: Sendable {
        /// Sorts like the account's findings (file, store, account).
        package var order: Finding.Order
        package var matching: AccountContext.Matching
        package var file: String
        package var store: String
        package var storeName: String?
        package var account: String
        package var type: AccountType
        package var policies: [String]
        package var location: SourceLocation

        package init(_ context: borrowing AccountContext) {
            order = context.order
            matching = context.matching
            file = context.file
            store = context.store.label
            storeName = context.store.name
            account = context.account.name
            type = context.account.type
            policies = context.policies.map(\.id)
            location = SourceLocation(file: context.file, position: context.account.position)
        }
    }

    package var toolName = "scopelint"
    public var toolVersion: String
    public var findings: Joined<Finding>
    package var accounts: Joined<CheckedAccount>
    public var summary: Summary
    package var suppressed: [SuppressedFinding] = []
    package var baseline: BaselineOutcome?
    /// Each account against each of its policies (as `diff INPUT` shows them), when a report
    /// asked for them (`LintEngine.lint(_:diffs:)`): the HTML report's grid and tables.
    package var diffs: [AccountDiff]?

    package init(
        toolVersion: String = ScopeLintVersion.current, findings: Joined<Finding>, accounts: Joined<CheckedAccount>,
        stores: Int
    ) {
        self.toolVersion = toolVersion
        // Engines produce findings in order already; checking is linear, sorting is not.
        self.findings =
            findings.isSorted { $0.order < $1.order } ? findings : Joined(findings.sorted { $0.order < $1.order })
        self.accounts =
            accounts.isSorted { $0.order < $1.order } ? accounts : Joined(accounts.sorted { $0.order < $1.order })
        var summary = Summary()
        summary.stores = stores
        summary.accounts = accounts.count
        for index in findings.indices {
            switch findings[index].severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .note: summary.notes += 1
            }
        }
        self.summary = summary
    }

    /// 0 when no finding reaches the threshold, 1 otherwise (2 is for runs that could not happen).
    public func exitCode(failOn threshold: FailThreshold) -> Int32 {
        let counts: [(Severity, Int)] = [
            (.error, summary.errors), (.warning, summary.warnings), (.note, summary.notes),
        ]
        return counts.contains { $1 > 0 && threshold.fails($0) } ? 1 : 0
    }
}
