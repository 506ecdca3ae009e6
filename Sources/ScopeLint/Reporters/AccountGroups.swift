/// The report's findings grouped by store and account, in input order: the shape the text,
/// JUnit and Markdown reports share.
struct AccountGroups {
    struct AccountGroup {
        var account: Report.CheckedAccount
        var findings: [Finding]
    }

    struct StoreGroup {
        var store: String
        var name: String?
        var file: String
        var accounts: [AccountGroup]
    }

    var stores: [StoreGroup] = []

    init(_ report: Report) {
        var index = 0
        var lastKey: (Int, Int)?
        for account in report.accounts {
            var own: [Finding] = []
            while index < report.findings.count, Self.same(report.findings[index].order, account.order) {
                own.append(report.findings[index])
                index += 1
            }
            let key = (account.order.file, account.order.store)
            if lastKey.map({ $0 != key }) ?? true {
                stores.append(
                    StoreGroup(store: account.store, name: account.storeName, file: account.file, accounts: []))
                lastKey = key
            }
            stores[stores.count - 1].accounts.append(AccountGroup(account: account, findings: own))
        }
    }

    static func same(_ a: Finding.Order, _ b: Finding.Order) -> Bool {
        a.file == b.file && a.store == b.store && a.account == b.account
    }

    /// `scopelint plan --policy ...` for the policies whose levels the account must change.
    static func planCommand(for findings: [Finding], failOn: FailThreshold) -> String? {
        var policies: [String] = []
        for finding in findings
        where (finding.rule == .missingScope || finding.rule == .excessiveScope) && failOn.fails(finding.severity) {
            if let id = finding.policy, !policies.contains(id) { policies.append(id) }
        }
        return policies.isEmpty ? nil : "scopelint plan " + policies.map { "--policy \($0)" }.joined(separator: " ")
    }

    /// "Store abc123 (Acme Outdoor)".
    static func storeTitle(_ store: StoreGroup) -> String {
        "Store \(store.store)" + (store.name.map { " (\($0))" } ?? "")
    }
}
