/// What changed between two exports of the same stores: stores and accounts added or removed,
/// each scope whose level rose or fell, and levels that became risky. Stores match by hash
/// (or name); accounts by client id when both sides have one, else by name.
package struct ExportDiff: Sendable {
    package enum Status: String, Sendable {
        case added, removed, changed
    }

    package struct LevelChange: Sendable {
        package var scope: ScopeID
        package var name: String
        package var old: String
        package var new: String
        package var raised: Bool
        /// Set when the new level reaches a risk row the old level did not.
        package var newRisk: Policy.Risk?
    }

    package struct AccountChange: Sendable {
        package var account: String
        /// The old name, when an account matched by client id was renamed.
        package var oldName: String? = nil
        package var status: Status
        package var oldType: AccountType?
        package var type: AccountType
        package var changes: [LevelChange]
        /// Whether this account's access grew: a raised level, a broader kind, or a new account with any scope.
        package var escalates: Bool
    }

    package struct StoreChange: Sendable {
        package var store: String
        package var name: String?
        package var status: Status
        package var accounts: [AccountChange]
    }

    package var oldFile: String
    package var newFile: String
    package var stores: [StoreChange]

    package var escalates: Bool { stores.contains { $0.accounts.contains(where: \.escalates) } }

    package struct Summary: Sendable, Equatable {
        package var storesAdded = 0, storesRemoved = 0, accountsAdded = 0, accountsRemoved = 0
        package var levelsRaised = 0, levelsLowered = 0, newRisks = 0
    }

    package var summary: Summary {
        var s = Summary()
        for store in stores {
            if store.status == .added { s.storesAdded += 1 }
            if store.status == .removed { s.storesRemoved += 1 }
            for account in store.accounts {
                if account.status == .added { s.accountsAdded += 1 }
                if account.status == .removed { s.accountsRemoved += 1 }
                for change in account.changes {
                    if account.status == .changed {
                        if change.raised { s.levelsRaised += 1 } else { s.levelsLowered += 1 }
                    }
                    if change.newRisk != nil { s.newRisks += 1 }
                }
            }
        }
        return s
    }

    /// Compares `old` with `new`; `risks` is the risk catalog that decides which levels are risky.
    package static func compare(old: Export, new: Export, risks: ResolvedPolicy, catalog: Catalog)
        throws(ScopeLintError)
        -> ExportDiff
    {
        var oldStores: [String: Store] = [:]
        for store in old.stores { oldStores[store.label] = store }
        var stores: [StoreChange] = []
        var matchedOld: Set<String> = []
        for store in new.stores {
            let key = store.label
            if let previous = oldStores[key], !matchedOld.contains(key) {
                matchedOld.insert(key)
                let accounts = try compareAccounts(
                    old: previous, oldFile: old.file, new: store, newFile: new.file, risks: risks, catalog: catalog)
                if !accounts.isEmpty {
                    stores.append(StoreChange(store: key, name: store.name, status: .changed, accounts: accounts))
                }
            } else {
                var accounts: [AccountChange] = []
                for account in store.accounts {
                    accounts.append(try added(account, file: new.file, risks: risks, catalog: catalog))
                }
                stores.append(StoreChange(store: key, name: store.name, status: .added, accounts: accounts))
            }
        }
        for store in old.stores where !matchedOld.contains(store.label) {
            matchedOld.insert(store.label)
            let accounts = store.accounts.map {
                AccountChange(
                    account: $0.name, status: .removed, oldType: $0.type, type: $0.type, changes: [], escalates: false)
            }
            stores.append(StoreChange(store: store.label, name: store.name, status: .removed, accounts: accounts))
        }
        return ExportDiff(oldFile: old.file, newFile: new.file, stores: stores)
    }

    private static func compareAccounts(
        old: Store, oldFile: String, new: Store, newFile: String, risks: ResolvedPolicy, catalog: Catalog
    ) throws(ScopeLintError) -> [AccountChange] {
        var byClientID: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, account) in old.accounts.enumerated() {
            if let id = account.clientID, byClientID[id] == nil { byClientID[id] = index }
            if byName[account.name] == nil { byName[account.name] = index }
        }
        var used = Set<Int>()
        var result: [AccountChange] = []
        for account in new.accounts {
            var match = account.clientID.flatMap { byClientID[$0] }
            if match == nil, let index = byName[account.name],
                old.accounts[index].clientID == nil || account.clientID == nil
            {
                match = index
            }
            guard let index = match, !used.contains(index) else {
                result.append(try added(account, file: newFile, risks: risks, catalog: catalog))
                continue
            }
            used.insert(index)
            let previous = old.accounts[index]
            let before = try Grants.resolve(
                previous.scopes, file: oldFile, catalog: catalog, accountLevel: previous.type == .account
            ).levels
            let after = try Grants.resolve(
                account.scopes, file: newFile, catalog: catalog, accountLevel: account.type == .account
            ).levels
            var changes: [LevelChange] = []
            for scope in catalog.scopes where before[scope.id.index] != after[scope.id.index] {
                let was = before[scope.id.index]
                let now = after[scope.id.index]
                changes.append(
                    LevelChange(
                        scope: scope.id, name: scope.name, old: scope.levelName(was), new: scope.levelName(now),
                        raised: now > was, newRisk: newRisk(scope.id, from: was, to: now, risks: risks)))
            }
            let broader = previous.type != account.type && (account.type == .account || account.type == .legacy)
            let renamed = previous.name != account.name
            if !changes.isEmpty || previous.type != account.type || renamed {
                result.append(
                    AccountChange(
                        account: account.name, oldName: renamed ? previous.name : nil, status: .changed,
                        oldType: previous.type,
                        type: account.type, changes: changes, escalates: broader || changes.contains(where: \.raised)))
            }
        }
        for (index, account) in old.accounts.enumerated() where !used.contains(index) {
            result.append(
                AccountChange(
                    account: account.name, status: .removed, oldType: account.type, type: account.type, changes: [],
                    escalates: false))
        }
        return result
    }

    private static func added(_ account: Account, file: String, risks: ResolvedPolicy, catalog: Catalog)
        throws(ScopeLintError) -> AccountChange
    {
        let levels = try Grants.resolve(
            account.scopes, file: file, catalog: catalog, accountLevel: account.type == .account
        ).levels
        var changes: [LevelChange] = []
        for scope in catalog.scopes where levels[scope.id.index] > 0 {
            let now = levels[scope.id.index]
            changes.append(
                LevelChange(
                    scope: scope.id, name: scope.name, old: scope.levelName(0), new: scope.levelName(now),
                    raised: true, newRisk: newRisk(scope.id, from: 0, to: now, risks: risks)))
        }
        let escalates = !changes.isEmpty || account.type == .legacy || account.type == .account
        return AccountChange(
            account: account.name, status: .added, oldType: nil, type: account.type, changes: changes,
            escalates: escalates)
    }

    private static func newRisk(_ scope: ScopeID, from old: Int, to new: Int, risks: ResolvedPolicy) -> Policy.Risk? {
        guard new > old, let risk = risks.risk(for: scope, at: new) else { return nil }
        if let before = risks.risk(for: scope, at: old), before.level == risk.level { return nil }
        return risk
    }
}
