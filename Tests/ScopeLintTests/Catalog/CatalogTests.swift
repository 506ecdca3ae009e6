import Foundation
import Testing

@testable import ScopeLint

private let catalog = Catalog.bigCommerce

/// The reference the catalog encodes: shared/reference/bigcommerce-scopes.md beside the
/// package (shared/ in CI).
private let referenceFile = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/reference/bigcommerce-scopes.md"
).path

private let referenceExists = FileManager.default.fileExists(atPath: referenceFile)

private struct ReferenceRow {
    var line: Int
    var name: String
    var levels: [String]
    var parameters: [String]
}

/// The rows of the reference's store and account scope tables: lines starting with `| `
/// whose second column is a list of levels (`none, read-only, modify`; `standard, full`).
private func scopeTableRows() throws -> [ReferenceRow] {
    let text = try String(contentsOfFile: referenceFile, encoding: .utf8)
    var rows: [ReferenceRow] = []
    for (index, line) in text.components(separatedBy: "\n").enumerated() where line.hasPrefix("| ") {
        let cells = line.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 4 else { continue }
        let levels = cells[2].components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let isLevelList =
            ["none", "standard"].contains(levels[0])
            && levels.allSatisfy { level in
                !level.isEmpty && level.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" || $0 == " " }
            }
        guard isLevelList else { continue }
        let parameters = cells[3].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        rows.append(ReferenceRow(line: index + 1, name: cells[1], levels: levels, parameters: parameters))
    }
    return rows
}

private func scope(_ name: String) -> ScopeID {
    guard let id = catalog.scope(named: name) else { preconditionFailure("no scope \(name) in the catalog") }
    return id
}

@Suite("Catalog: lookups")
struct CatalogTests {
    // MARK: Names

    @Test(
        "UI names are found ignoring case, spacing, punctuation and & versus and",
        arguments: [
            ("Sites & Routes", "Sites & Routes"), ("sites and routes", "Sites & Routes"),
            ("SITES&ROUTES", "Sites & Routes"),
            ("Sites-&-Routes", "Sites & Routes"), ("sites AND routes", "Sites & Routes"),
            ("Information and Settings", "Information & Settings"),
            ("information&settings", "Information & Settings"), ("  order   transactions  ", "Order Transactions"),
            ("Order_Transactions", "Order Transactions"), ("storefront-api-tokens", "Storefront API Tokens"),
            ("STOREFRONT API CUSTOMER IMPERSONATION TOKENS", "Storefront API Customer Impersonation Tokens"),
            ("customers.login", "Customers Login"), ("Customer Login", "Customers Login"), ("Logs", "Store Logs"),
            ("payments: get accepted methods", "Get Payment Methods"),
            ("Get Accepted Payment Methods", "Get Payment Methods"),
            ("Orders\u{A0}", "Orders"), ("Sites\u{A0}&\u{A0}Routes", "Sites & Routes"),
            ("account users", "Account Users (read)"),
            ("Infrastructure-Deployments", "Infrastructure Deployments"), ("catalog", "Products"), ("Cart", "Carts"),
            // A plural's "s" on any word, as pages write the labels.
            ("Order", "Orders"), ("Order transaction", "Order Transactions"), ("Customers Logins", "Customers Login"),
            ("Store log", "Store Logs"), ("Get payment method", "Get Payment Methods"),
        ])
    func namedLookups(_ written: String, _ name: String) throws {
        let id = try #require(catalog.scope(named: written))
        #expect(catalog[id].name == name)
        #expect(catalog.scope(forKey: written) == id)
    }

    @Test(
        "names that are not scopes are not guessed",
        arguments: [
            "Orderz", "Orde", "", "   ", "Webhooks", "Sites Routes", "Customers Loginz", "store_v2_orders", "Acces",
            String(repeating: "Orders ", count: 30),
        ])
    func unknownNames(_ written: String) {
        #expect(catalog.scope(named: written) == nil)
    }

    @Test("scope(forKey:) takes a UI name or an OAuth parameter")
    func forKey() {
        #expect(catalog.scope(forKey: "store_v2_orders_read_only") == scope("Orders"))
        #expect(catalog.scope(forKey: "STORE_V2_ORDERS") == scope("Orders"))
        #expect(catalog.scope(forKey: "Orders") == scope("Orders"))
        #expect(catalog.scope(forKey: "store_webhooks_manage") == nil)
    }

    // MARK: Parameters and levels, every one

    @Test(
        "every parameter of every level maps back to its scope and level",
        arguments: Catalog.bigCommerce.scopes.map(\.name))
    func parameterRoundTrip(_ name: String) throws {
        let id = scope(name)
        let definition = catalog[id]
        #expect(definition.id == id)
        let parameters = definition.levels.compactMap(\.parameter)
        #expect(!parameters.isEmpty || definition.levels.contains(where: \.parameterUnpublished))
        for (level, definitionLevel) in definition.levels.enumerated() {
            guard let parameter = definitionLevel.parameter else {
                #expect(
                    level == 0 || definitionLevel.parameterUnpublished,
                    "only level 0, or a level whose parameter the docs do not publish, may lack a parameter")
                continue
            }
            for written in [parameter, parameter.uppercased()] {
                let match = try #require(catalog.parameter(written), "\(written)")
                #expect(match.scope == id, "\(written)")
                #expect(match.level == level, "\(written)")
                #expect(match.canonical == nil, "\(written)")
            }
            #expect(catalog.scope(forKey: parameter) == id)
        }
    }

    @Test(
        "every level name maps back to its level, as written and in the panel's spelling",
        arguments: Catalog.bigCommerce.scopes.map(\.name))
    func levelRoundTrip(_ name: String) throws {
        let id = scope(name)
        let definition = catalog[id]
        #expect(catalog.levelNames(of: id) == definition.levels.map(\.name))
        for (index, level) in definition.levels.enumerated() {
            #expect(
                catalog.level(level.name, of: id) == Catalog.LevelMatch(level: index, normalized: false),
                "\(name): \(level.name)")
            #expect(
                catalog.level(definition.panelSpelling(index), of: id)
                    == Catalog.LevelMatch(level: index, normalized: false))
            #expect(
                catalog.level(level.name.uppercased(), of: id) == Catalog.LevelMatch(level: index, normalized: false))
            #expect(definition.levelName(index) == level.name)
            for spelling in level.spellings {
                #expect(catalog.level(spelling, of: id)?.level == index, "\(name): \(spelling)")
            }
        }
        #expect(definition.highestLevel == definition.levels.count - 1)
    }

    @Test(
        "alias parameters from BigCommerce's specs map to the guide's parameter",
        arguments: [
            ("store_checkouts", "Checkouts", 2, "store_checkout"),
            ("store_checkouts_read_only", "Checkouts", 1, "store_checkout_read_only"),
            ("store_checkout_content", "Checkout Content", 2, "store_content_checkout"),
            ("store_checkout_content_read_only", "Checkout Content", 1, "store_content_checkout_read_only"),
            ("STORE_CHECKOUTS", "Checkouts", 2, "store_checkout"),
        ])
    func aliasParameters(_ alias: String, _ name: String, _ level: Int, _ canonical: String) throws {
        let match = try #require(catalog.parameter(alias))
        #expect(match.scope == scope(name))
        #expect(match.level == level)
        #expect(match.canonical == canonical)
        #expect(catalog.parameter(canonical)?.canonical == nil)
        #expect(
            catalog[scope(name)].parameterAliases.contains { $0.parameter == alias.lowercased() && $0.level == level })
    }

    @Test("an alias parameter resolves, and the grants say it was normalized")
    func aliasNormalization() throws {
        let entry = ScopeEntry(key: "store_checkouts", level: nil, position: TextPosition(line: 2, column: 7))
        let grants = try Grants.resolve([entry], file: "in", catalog: catalog)
        #expect(grants.levels[scope("Checkouts").index] == 2)
        #expect(grants.unknown.isEmpty)
        #expect(grants.normalized.map(\.readAs) == ["store_checkout"])
        #expect(grants.normalized.map(\.written) == ["store_checkouts"])
        #expect(grants.normalized.map(\.position) == [TextPosition(line: 2, column: 7)])
    }

    @Test(
        "level spellings from the UI, the docs and the guides",
        arguments: [
            ("Get Payment Methods", "non", 0, true), ("Orders", "non", 0, true), ("Orders", "no", 0, true),
            ("Orders", "None", 0, false), ("Orders", "NONE", 0, false), ("Orders", "Read Only", 1, true),
            ("Orders", "READ-ONLY", 1, false), ("Orders", "Read-only", 1, false), ("Orders", "read_only", 1, true),
            ("Orders", "readonly", 1, true), ("Orders", " read-only ", 1, true), ("Orders", "Modify", 2, false),
            ("Customers Login", "Login", 1, false), ("Customers Login", "modify", 1, true),
            ("Customers Login", "token login", 1, true),
            ("Create Payments", "create", 1, false), ("Create Payments", "modify", 1, true),
            ("Storefront API Tokens", "generate tokens", 1, true),
            ("Themes", "manage", 2, true), ("Get Payment Methods", "get", 1, true), ("Store Logs", "read", 1, true),
            ("Metafields Access", "standard", 0, false), ("Metafields Access", "default", 0, true),
            ("Metafields Access", "all", 1, true),
            ("Account Subscriptions (cancel)", "cancel", 1, false),
            ("Account Subscriptions (cancel)", "modify", 1, true), ("Account Checkouts (create)", "create", 1, false),
            ("Account Users (read)", "read-only", 1, true),
            ("Infrastructure Deployments", "Create Preview", 2, false),
            ("Infrastructure Deployments", "modify", 3, true),
        ] as [(String, String, Int, Bool)])
    func levelSpellings(_ name: String, _ text: String, _ level: Int, _ normalized: Bool) {
        #expect(catalog.level(text, of: scope(name)) == Catalog.LevelMatch(level: level, normalized: normalized))
    }

    @Test(
        "levels a scope does not have are not guessed",
        arguments: [
            ("Store Logs", "modify"), ("Orders", "manage"), ("Orders", "write"), ("Orders", ""), ("Orders", "full"),
            ("Account Users (read)", "write"), ("Account Users (write)", "delete"), ("Account Users (delete)", "write"),
            ("Account Users (write)", "read-write"), ("Get Payment Methods", "create"),
            ("Get Payment Methods", "modify"), ("Metafields Access", "read-only"),
        ])
    func impossibleLevels(_ name: String, _ text: String) {
        #expect(catalog.level(text, of: scope(name)) == nil)
    }

    @Test("account-level permissions are separate scopes: delete is not write, read with delete is no conflict")
    func accountPermissions() throws {
        func grants(_ entries: [(String, String?)], accountLevel: Bool = true) throws -> Grants {
            try Grants.resolve(
                entries.map { ScopeEntry(key: $0.0, level: $0.1, position: .start) }, file: "in", catalog: catalog,
                accountLevel: accountLevel)
        }
        let write = scope("Account Users (write)")
        let delete = scope("Account Users (delete)")
        let onlyDelete = try grants([("account_users_delete", nil)])
        #expect(onlyDelete.levels[delete.index] == 1 && onlyDelete.levels[write.index] == 0)
        let readAndDelete = try grants([("account_users_read", nil), ("account_users_delete", nil)])
        #expect(readAndDelete.conflicts.isEmpty)
        // The docs' spellings: a resource's name with a permission as its level.
        let named = try grants([("Users", "delete"), ("Subscriptions", "cancel"), ("Checkouts", "create")])
        #expect(named.levels[delete.index] == 1 && named.levels[write.index] == 0)
        #expect(named.levels[scope("Account Subscriptions (cancel)").index] == 1)
        #expect(named.levels[scope("Account Checkouts (create)").index] == 1)
        #expect(named.unknown.isEmpty && named.normalized.isEmpty)
        // Any letter case of a resource's name is its name, not a variant of one permission's.
        #expect(try grants([("users", "write")]).normalized.isEmpty)
        // The short names mean the account resources on account-level accounts only: elsewhere
        // "Checkouts" is the store scope, and "Users" no scope at all.
        #expect(catalog.scope(named: "Users") == nil)
        #expect(catalog.accountLevelScope(named: "users") == scope("Account Users (read)"))
        let store = try grants([("Checkouts", "read-only")], accountLevel: false)
        #expect(store.levels[scope("Checkouts").index] == 1)
        // A policy requiring write is not met by delete.
        let policy = try PolicyLoader.load(
            Array(#"{ id: "p", scopes: { "Account Users (write)": "write" } }"#.utf8), file: "p.json5")
        var library = PolicyLibrary()
        _ = library.add(policy)
        let resolved = try library.resolve("p")
        #expect(resolved.verdict(for: write, at: onlyDelete.levels[write.index]).bound == .missing(minimum: 1))
    }

    @Test("a scope string of only account_* parameters is an account-level account")
    func accountLevelInference() throws {
        let export = try InputFormat.read(Array("account_users_read account_stores_read".utf8), file: "in")
        #expect(export.stores.first?.accounts.first?.type == .account)
        let mixed = try InputFormat.read(Array("account_users_read store_v2_orders".utf8), file: "in")
        #expect(mixed.stores.first?.accounts.first?.type == .store)
    }

    @Test("names: & and 'and', older labels, aliases from BigCommerce's specs, implicit scopes")
    func names() {
        #expect(catalog.scope(named: "Sites and Routes") == catalog.scope(named: "Sites & Routes"))
        #expect(catalog.scope(named: "Payments - Get accepted methods") == catalog.scope(named: "Get Payment Methods"))
        #expect(
            catalog.scope(named: "  " + "Sites & Routes".uppercased() + " ") == catalog.scope(named: "Sites & Routes"))
        #expect(catalog.implicitParameters == ["store_v2_default", "users_basic_information"])
        #expect(catalog.scope(named: "Webhooks") == nil)
    }

    @Test(
        "unknown parameters are not guessed",
        arguments: ["store_webhooks_manage", "store_v2_order", "store_v2_orders_read", "", "orders"])
    func unknownParameters(_ parameter: String) {
        #expect(catalog.parameter(parameter) == nil)
    }

    // MARK: Implicit parameters

    @Test("implicit parameters are known, belong to no scope, and resolve silently")
    func implicitParameters() throws {
        #expect(catalog.implicitParameters == ["store_v2_default", "users_basic_information"])
        for parameter in catalog.implicitParameters {
            #expect(catalog.parameter(parameter) == nil)
            #expect(catalog.scope(forKey: parameter) == nil)
        }
        let entries = ["store_v2_default", "users_basic_information", "store_v2_orders_read_only"].enumerated().map {
            ScopeEntry(key: $0.element, level: nil, position: TextPosition(line: 1, column: 1 + 30 * $0.offset))
        }
        let grants = try Grants.resolve(entries, file: "in", catalog: catalog)
        #expect(grants.unknown.isEmpty)
        #expect(grants.normalized.isEmpty)
        #expect(grants.levels.reduce(0, +) == 1)
        #expect(grants.levels[scope("Orders").index] == 1)
    }

    @Test("implicit parameters in another letter case are still accepted silently, as other parameters are")
    func implicitParametersIgnoreCase() throws {
        let entries = ["STORE_V2_DEFAULT", "Users_Basic_Information"].map {
            ScopeEntry(key: $0, level: nil, position: .start)
        }
        let grants = try Grants.resolve(entries, file: "in", catalog: catalog)
        #expect(grants.unknown.map(\.key) == [], "implicit parameters must never be reported as unknown")
        #expect(grants.levels.allSatisfy { $0 == 0 })
    }

    // MARK: The reference document

    @Test(
        "every scope row of the reference is in the catalog and its parameters map to it", .enabled(if: referenceExists)
    )
    func reference() throws {
        let rows = try scopeTableRows()
        #expect(rows.count == 38, "32 store and 6 account scope rows")
        #expect(rows.filter { catalog.scope(named: $0.name).map { catalog[$0].kind == .account } ?? false }.count == 6)
        for row in rows {
            let id = try #require(catalog.scope(named: row.name), "line \(row.line): \(row.name) is not in the catalog")
            let definition = catalog[id]
            // The reference writes an account resource as a ladder; the catalog, as the control
            // panel offers it, one scope per permission (issue 14): each parameter is one of them.
            if definition.group != nil {
                let permissions = catalog.permissions(of: id)
                #expect(row.parameters.count == permissions.count, "line \(row.line)")
                for parameter in row.parameters {
                    let match = try #require(catalog.parameter(parameter), "line \(row.line): \(parameter)")
                    #expect(permissions.contains(match.scope) && match.level == 1, "line \(row.line): \(parameter)")
                }
                continue
            }
            #expect(definition.name == row.name, "line \(row.line)")
            #expect(definition.levels.map(\.name) == row.levels, "line \(row.line): \(row.name)")
            #expect(!row.parameters.isEmpty, "line \(row.line)")
            // One parameter per level, from level 1 (level 0 is "none") or from level 0 when it has one.
            let first = row.parameters.count == row.levels.count ? 0 : 1
            #expect(row.parameters.count == row.levels.count - first, "line \(row.line)")
            for (offset, parameter) in row.parameters.enumerated() {
                let match = try #require(
                    catalog.parameter(parameter), "line \(row.line): \(parameter) is not in the catalog")
                #expect(match.scope == id, "line \(row.line): \(parameter) should map to \(row.name)")
                #expect(match.level == first + offset, "line \(row.line): \(parameter)")
            }
        }
        // B2B Edition comes from bigcommerce/docs (docs/b2b-edition/authentication/hosted-auth.mdx),
        // which outranks the shared reference and is newer than it.
        #expect(
            Set(rows.map(\.name))
                == Set(catalog.scopes.map { $0.group ?? $0.name }).subtracting(["B2B Edition"]),
            "the catalog and the reference list the same scopes")
    }
}
