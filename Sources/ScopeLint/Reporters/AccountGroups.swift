/// The report's findings grouped by store and account, in input order: the shape the text,
/// JUnit and Markdown reports share.
struct AccountGroups {
    struct AccountGroup {
        var account: Report.CheckedAccount
        /// A slice of the report's findings: no finding is copied.
        var findings: ArraySlice<Finding>
    }

    struct StoreGroup {
        var store: String
        var name: String?
        var file: String
        var accounts: [AccountGroup]
    }

    var stores: [StoreGroup] = []

    init(_ report: Report) {
        // An account's findings lie in one part of the list (see `Joined`).
        let parts = report.findings.parts
        var part = 0
        var index = 0
        var lastKey: (Int, Int)?
        for account in report.accounts {
            if part < parts.count, index == parts[part].count { (part, index) = (part + 1, 0) }
            let first = index
            while part < parts.count, index < parts[part].count, Self.same(parts[part][index].order, account.order) {
                index += 1
            }
            let own = part < parts.count ? parts[part][first..<index] : []
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
    static func planCommand(for findings: ArraySlice<Finding>, failOn: FailThreshold, commands: CommandContext)
        -> String?
    {
        var policies: [String] = []
        for finding in findings
        where (finding.rule == .missingScope || finding.rule == .excessiveScope) && failOn.fails(finding.severity) {
            if let id = finding.policy, !policies.contains(id) { policies.append(id) }
        }
        return policies.isEmpty ? nil : commands.plan(policies)
    }

    /// "Store abc123 (Acme Outdoor)", its parts escaped with `mode`.
    static func writeStoreTitle(_ store: StoreGroup, _ mode: ByteStream.Escape, to stream: ByteStream) {
        stream.write("Store " as StaticString)
        stream.write(store.store, mode)
        if let name = store.name {
            stream.write(" (" as StaticString)
            stream.write(name, mode)
            stream.write(byte: UInt8(ascii: ")"))
        }
    }
}
