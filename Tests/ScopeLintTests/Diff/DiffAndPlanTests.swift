import Testing

@testable import ScopeLint

/// Reads a one-store JSON5 export for tests.
func export(_ text: String, file: String = "test.json5") throws -> Export {
    try ExportReader.read(Array(text.utf8), file: file)
}

@Suite("diff and plan")
struct DiffAndPlanTests {
    let library: PolicyLibrary
    let catalog = Catalog.bigCommerce

    init() throws { library = try PolicyLibrary.bundled() }

    func scope(_ name: String) -> ScopeID { catalog.scope(named: name)! }

    /// The diff tables of every account, as `scopelint diff INPUT` builds them.
    func accountDiffs(_ input: Export) throws -> [AccountDiff] {
        let units = try LintEngine(library: library, policyIDs: []).evaluate(
            [StoreSource(input)], into: [AccountDiff]()
        ) { diffs, context, findings in diffs += AccountDiff.make(context, findings: Array(findings)) }
        return units.flatMap(\.partial)
    }

    @Test("account rows: missing, excessive, risky and as required, in control-panel order")
    func accountRows() throws {
        let input = try export(
            #"{ store_hash: "s", accounts: [{ name: "Modern Retail Integration", scopes: { Themes: "modify", Orders: "read-only", Customers: "modify", "Storefront API Tokens": "manage", Content: "read-only" } }] }"#
        )
        let diffs = try accountDiffs(input)
        let diff = try #require(diffs.first)
        #expect(diff.policy?.id == "modern-retail")
        let verdicts = Dictionary(uniqueKeysWithValues: diff.rows.map { ($0.name, $0.verdict) })
        #expect(verdicts["Orders"] == .missing)
        #expect(verdicts["Themes"] == .excessive)
        #expect(verdicts["Content"] == .excessive)
        #expect(verdicts["Customers"] == .asRequired)  // risky, but accepted by the policy
        #expect(verdicts["Storefront API Tokens"] == .asRequired)
        #expect(verdicts["Marketing"] == .missing)
        #expect(diff.rows.map(\.scope) == diff.rows.map(\.scope).sorted())
        #expect(diff.rows.first { $0.name == "Themes" }?.target == "none")
        #expect(diff.rows.allSatisfy { catalog[$0.scope].kind == .store })
    }

    @Test("a risky level the policy allows but does not accept is a ! row")
    func riskyRow() throws {
        let input = try export(
            #"{ store_hash: "s", accounts: [{ name: "CSM", scopes: { Customers: "modify", Orders: "modify", Products: "modify", "Store Inventory": "modify", "Customers Login": "login" } }] }"#
        )
        let diffs = try accountDiffs(input)
        let row = try #require(diffs.first?.rows.first { $0.name == "Customers Login" })
        #expect(row.verdict == .risky)
        #expect(row.risk?.severity == .error)
    }

    @Test("exports: accounts match by client id across a rename, levels raised and lowered, new risks")
    func exportDiff() throws {
        let old = try export(
            #"{ store_hash: "s", accounts: [{ name: "A", client_id: "c1", scopes: ["store_v2_orders"] }, { name: "Gone", scopes: [] }] }"#,
            file: "old.json5")
        let new = try export(
            #"{ store_hash: "s", accounts: [{ name: "A renamed", client_id: "c1", scopes: ["store_v2_orders_read_only", "store_v2_customers_login"] }, { name: "New", scopes: [] }] }"#,
            file: "new.json5")
        let diff = try ExportDiff.compare(
            old: old, new: new, risks: try library.resolve("least-privilege"), catalog: catalog)
        let store = try #require(diff.stores.first)
        #expect(store.status == .changed)
        let renamed = try #require(store.accounts.first { $0.account == "A renamed" })
        #expect(renamed.oldName == "A")
        #expect(renamed.changes.map(\.name) == ["Customers Login", "Orders"])
        #expect(renamed.changes.map(\.raised) == [true, false])
        #expect(renamed.changes[0].newRisk?.severity == .error)
        #expect(renamed.escalates)
        // A new account with no scope grants nothing; a removed one never escalates.
        #expect(store.accounts.first { $0.account == "New" }?.escalates == false)
        #expect(store.accounts.first { $0.account == "Gone" }?.status == .removed)
        #expect(diff.escalates)
        #expect(
            diff.summary
                == ExportDiff.Summary(
                    storesAdded: 0, storesRemoved: 0, accountsAdded: 1, accountsRemoved: 1, levelsRaised: 1,
                    levelsLowered: 1, newRisks: 1))
    }

    @Test("exports: only lowered levels are not an escalation")
    func loweredOnly() throws {
        let old = try export(#"{ store_hash: "s", accounts: [{ name: "A", scopes: ["store_v2_orders"] }] }"#)
        let new = try export(#"{ store_hash: "s", accounts: [{ name: "A", scopes: ["store_v2_orders_read_only"] }] }"#)
        let diff = try ExportDiff.compare(
            old: old, new: new, risks: try library.resolve("least-privilege"), catalog: catalog)
        #expect(!diff.escalates)
        #expect(diff.summary.levelsLowered == 1)
    }

    @Test("policies: levels only one side allows")
    func policyComparison() throws {
        let comparison = PolicyComparison.compare(
            try library.resolve("read-only"), try library.resolve("modern-retail"), catalog: catalog)
        let orders = try #require(comparison.rows.first { $0.name == "Orders" })
        #expect(orders.onlyA == ["none", "read-only"])
        #expect(orders.onlyB == ["modify"])
        let logs = try #require(comparison.rows.first { $0.name == "Store Logs" })
        #expect(logs.onlyA == ["read-only"] && logs.onlyB.isEmpty)
        #expect(comparison.rows.first { $0.name == "Create Payments" }?.differs == false)
    }

    @Test("plan: the least level meeting every minimum, in control-panel order and spelling")
    func plan() throws {
        let plan = try Plan.make(
            [try library.resolve("csm-business-central"), try library.resolve("celigo-integrator-io")], catalog: catalog
        )
        let levels = Dictionary(uniqueKeysWithValues: plan.settings.map { ($0.name, $0.panelLevel) })
        #expect(levels["Customers"] == "Modify")
        // csm-business-central no longer requires Store Inventory: the guide names no resource.
        #expect(levels["Store Inventory"] == "None")
        #expect(levels["Customers Login"] == "None")
        #expect(levels["Metafields Access"] == "Standard")
        #expect(plan.settings.map(\.scope) == plan.settings.map(\.scope).sorted())
        #expect(plan.settings.allSatisfy { catalog[$0.scope].kind == .store })
        // App Extensions needs an app-level account: a store-level plan never lists it.
        #expect(levels["App Extensions"] == nil)
        #expect(plan.parameters == ["store_v2_customers", "store_v2_orders", "store_v2_products"])
    }

    @Test("plan: policies that cannot share an account name both, at the scope's line")
    func planConflict() throws {
        #expect {
            try Plan.make([try library.resolve("stone-edge"), try library.resolve("modern-retail")], catalog: catalog)
        } throws: { error in
            guard case ScopeLintError.invalid(let file, let position, let message) = error else { return false }
            return SourceLocation.bundledPolicyID(file) == "stone-edge" && position != nil
                && message.contains("stone-edge") && message.contains("modern-retail")
                && String(describing: error).hasPrefix("bundled policy stone-edge, line ")
        }
    }

    @Test("plan: a companion with another route is planned by that route (B2B Edition scope, no panel tokens)")
    func planCompanionRoute() throws {
        let plan = try Plan.make([try library.resolve("csm-business-central-b2b")], catalog: catalog)
        #expect(
            PlanRenderer.steps(plan, commands: CommandContext()).map(\.text).filter { $0.hasPrefix("Also create") }
                .isEmpty)
        let b2b = try #require(catalog.scope(named: "B2B Edition"))
        let setting = try #require(plan.settings.first { $0.scope == b2b })
        #expect(setting.level == 1 && setting.changed)
        // Never advise deleting a B2B Edition V2 token: the only deletion step is the old store-level account.
        #expect(
            !PlanRenderer.steps(plan, commands: CommandContext()).map(\.text).contains {
                $0.contains("V2") && $0.contains("Delete")
            })
    }

    @Test("plan: a policy that caps the other route's scope keeps the companion accounts")
    func planRouteCapped() throws {
        let capped = try PolicyLoader.load(
            Array(
                #"{ id: "no-b2b", extends: "least-privilege", unlisted: "any", scopes: { "B2B Edition": "none" } }"#
                    .utf8),
            file: "no-b2b.json5")
        var library = self.library
        _ = library.add(capped)
        let plan = try Plan.make(
            [try library.resolve("csm-business-central-b2b"), try library.resolve("no-b2b")], catalog: catalog)
        #expect(plan.companions.count == 2)
        let b2b = try #require(catalog.scope(named: "B2B Edition"))
        #expect(plan.settings.first { $0.scope == b2b }?.level == 0)
    }

    @Test("plan: a policy requiring an app-only scope (App Extensions) cannot be a store-level plan")
    func planAppOnly() throws {
        let policy = try PolicyLoader.load(
            Array(#"{ id: "ext", extends: "least-privilege", scopes: { "App Extensions": "manage" } }"#.utf8),
            file: "ext.json5")
        var library = self.library
        _ = library.add(policy)
        #expect {
            try Plan.make([try library.resolve("ext")], catalog: catalog)
        } throws: { error in
            guard case ScopeLintError.invalid(_, _, let message) = error else { return false }
            return message == "App Extensions: ext needs an app-only scope, which a store-level account cannot have"
        }
    }

    @Test("plan: companion accounts without another route become steps, in the policy's order")
    func planCompanions() throws {
        let policy = try PolicyLoader.load(
            Array(
                #"""
                { id: "two", extends: "least-privilege", companions: [
                  { title: "a V3 token", types: ["b2b-v3"], how: "panel V3" },
                  { title: "a V2 token", types: ["b2b-v2"], how: "panel V2" } ] }
                """#.utf8), file: "two.json5")
        var library = self.library
        _ = library.add(policy)
        let plan = try Plan.make([try library.resolve("two")], catalog: catalog)
        let steps = PlanRenderer.steps(plan, commands: CommandContext()).map(\.text).filter {
            $0.hasPrefix("Also create")
        }
        #expect(steps.count == 2)
        #expect(steps.first?.contains("V3") == true && steps.last?.contains("V2") == true)
    }

    @Test("plan: the suggested name is matched by the policy's applies_to")
    func planName() throws {
        for id in ["modern-retail", "stone-edge", "csm-business-central", "celigo-integrator-io"] {
            let policy = try library.resolve(id)
            let plan = try Plan.make([policy], catalog: catalog)
            let account = Account(name: plan.suggestedName, position: .start, scopes: [])
            let store = Store(hash: "s", name: nil, position: .start, accounts: [account])
            #expect(
                PolicyMatcher(policies: [policy]).matches(for: account, in: store).map(\.id) == [id],
                "\(id): \(plan.suggestedName)")
        }
    }
}
