import Foundation
import Testing

@testable import ScopeLint

private let fileName = "policy.json5"
private let catalog = Catalog.bigCommerce

private func loadText(_ text: String, file: String = fileName) throws -> Policy {
    try PolicyLoader.load(Array(text.utf8), file: file)
}

private func scope(_ name: String) -> ScopeID {
    guard let id = catalog.scope(named: name) else { preconditionFailure("no scope \(name) in the catalog") }
    return id
}

private func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

@Suite("Policies: loading")
struct PolicyLoaderTests {
    static let complete = """
        {
          id: "full-policy",
          title: "Full",
          source: "a guide",
          description: "all of it",
          applies_to: { account_names: ["Full*", "Other"], types: ["store", "app"], store_has_account_types: ["b2b-v3"] },
          extends: ["least-privilege", "read-only"],
          unlisted: "any",
          scopes: {
            Customers: "modify",
            "orders": { min: "read-only", max: "modify" },
            store_v2_products: { min: "read-only" },
            "Store Logs": "any",
            "information and settings": { max: "read-only" },
            "Metafields Access": "standard",
            "Account Users (write)": { min: "write", max: "write" },
          },
          accepts: { "Storefront API Customer Impersonation Tokens": "the integration signs customers in" },
          severity: { "excessive-scope": "warning", "normalized-value": "off", "risky-scope": "note" },
          companions: [{ title: "B2B V3 token", types: ["b2b-v3"], account_names: ["B2B*"], how: "Apps > B2B Edition" }],
          risks: [{ scope: "Carts", level: "modify", severity: "note", harm: "changes carts" }],
        }
        """

    @Test("a policy using every key loads, each part at its position")
    func completePolicy() throws {
        let policy = try loadText(Self.complete)
        #expect(policy.id == "full-policy")
        #expect(policy.title == "Full")
        #expect(policy.source == Policy.Source(title: "a guide"))
        #expect(policy.description == "all of it")
        #expect(policy.file == fileName)
        #expect(policy.position == at(1, 1))
        #expect(policy.unlisted == .any)

        let appliesTo = try #require(policy.appliesTo)
        #expect(appliesTo.accountNames == ["Full*", "Other"])
        #expect(appliesTo.types == [.store, .app])
        #expect(appliesTo.storeHasAccountTypes == [.b2bV3])

        #expect(policy.extends.map { $0.id } == ["least-privilege", "read-only"])
        #expect(policy.extends.map { $0.position } == [at(7, 13), at(7, 32)])

        let names = [
            "Customers", "Orders", "Products", "Store Logs", "Information & Settings", "Metafields Access",
            "Account Users (write)",
        ]
        #expect(policy.requirements.map(\.scope) == names.map(scope))
        #expect(
            policy.requirements.map { "\($0.min)...\($0.max)" } == [
                "2...2", "1...2", "1...2", "0...1", "0...1", "0...0", "1...1",
            ])
        #expect(policy.requirements.map(\.position) == (10...16).map { at($0, 5) })

        #expect(policy.accepts.map(\.scope) == [scope("Storefront API Customer Impersonation Tokens")])
        #expect(policy.accepts.map(\.reason) == ["the integration signs customers in"])
        #expect(policy.accepts.map(\.position) == [at(18, 14)])

        #expect(
            policy.severity == [
                .excessiveScope: .severity(.warning), .normalizedValue: .off, .riskyScope: .severity(.note),
            ])

        #expect(policy.companions.count == 1)
        let companion = try #require(policy.companions.first)
        #expect(companion.title == "B2B V3 token")
        #expect(companion.types == [.b2bV3])
        #expect(companion.accountNames == ["B2B*"])
        #expect(companion.how == "Apps > B2B Edition")
        #expect(companion.position == at(20, 16))

        let risk = try #require(policy.risks.first)
        #expect(policy.risks.count == 1)
        #expect(risk.scope == scope("Carts"))
        #expect(risk.level == 2)
        #expect(risk.severity == .note)
        #expect(risk.harm == "changes carts")
        #expect(risk.position == at(21, 11))
    }

    @Test("a minimal policy: the title defaults to the id, unlisted to none, nothing else is set")
    func minimalPolicy() throws {
        let policy = try loadText("// just an id\n{ id: \"m-1\" }")
        #expect(policy.id == "m-1")
        #expect(policy.title == "m-1")
        #expect(policy.position == at(2, 1))
        #expect(policy.unlisted == .none)
        #expect(policy.appliesTo == nil)
        #expect(policy.extends.isEmpty && policy.requirements.isEmpty && policy.accepts.isEmpty)
        #expect(policy.risks.isEmpty && policy.severity.isEmpty && policy.companions.isEmpty)
    }

    @Test("a single string is a list of one in extends, account names and types")
    func singleStrings() throws {
        let policy = try loadText(
            #"{ id: "s", extends: "least-privilege", applies_to: { account_names: "Feed", types: "app" } }"#)
        #expect(policy.extends.map { $0.id } == ["least-privilege"])
        #expect(policy.appliesTo?.accountNames == ["Feed"])
        #expect(policy.appliesTo?.types == [.app])
    }

    @Test(
        "scope keys: UI names in any case and spacing, older names and OAuth parameters",
        arguments: [
            ("Orders", "Orders"), ("ORDERS", "Orders"), ("order transactions", "Order Transactions"),
            ("Sites and Routes", "Sites & Routes"), ("Catalog", "Products"), ("store_v2_orders_read_only", "Orders"),
            ("store_checkouts", "Checkouts"), ("STORE_CART", "Carts"),
            ("Payments - Get accepted methods", "Get Payment Methods"),
        ])
    func scopeKeys(_ key: String, _ name: String) throws {
        let policy = try loadText("{ id: \"k\", scopes: { \"\(key)\": \"any\" } }")
        #expect(policy.requirements.map(\.scope) == [scope(name)])
    }

    @Test(
        "levels accept the catalog's spellings",
        arguments: [
            ("Orders", "Read-Only", 1), ("Orders", "read only", 1), ("Get Payment Methods", "non", 0),
            ("Themes", "manage", 2),
            ("Customers Login", "login", 1), ("Customers Login", "modify", 1), ("Metafields Access", "full", 1),
        ])
    func levelSpellings(_ name: String, _ level: String, _ expected: Int) throws {
        let policy = try loadText("{ id: \"l\", scopes: { \"\(name)\": \"\(level)\" } }")
        #expect(policy.requirements.map { [$0.min, $0.max] } == [[expected, expected]])
    }

    // MARK: Invalid policies

    static let invalidCases: [LocatedErrorCase] = [
        LocatedErrorCase(
            "an account-level resource of several permissions is no ladder",
            #"{ id: "x", scopes: { "Account Users": { min: "write" } } }"#, 1, 22,
            "Account Users is 3 separate permissions, each its own scope: name the ones you mean (\"Account Users (read)\", \"Account Users (write)\", \"Account Users (delete)\")"
        ),
        LocatedErrorCase(
            "unknown key, with a suggestion", #"{ id: "x", scope: {} }"#, 1, 12,
            "unknown key 'scope' in a policy (did you mean 'scopes'?); expected one of id, title, source, description, applies_to, extends, unlisted, scopes, accepts, severity, companions, risks"
        ),
        LocatedErrorCase(
            "unknown applies_to key", #"{ id: "x", applies_to: { account_name: ["A"] } }"#, 1, 26,
            "unknown key 'account_name' in \"applies_to\" (did you mean 'account_names'?)"),
        LocatedErrorCase(
            "unknown range key", #"{ id: "x", scopes: { Orders: { mn: "read-only" } } }"#, 1, 32,
            "unknown key 'mn' in a scope range (did you mean 'min'"),
        LocatedErrorCase(
            "unknown risk key",
            #"{ id: "x", risks: [{ scope: "Carts", level: "modify", severity: "note", harms: "h" }] }"#, 1, 73,
            "unknown key 'harms' in a risk row (did you mean 'harm'?)"),
        LocatedErrorCase(
            "unknown companion key", #"{ id: "x", companions: [{ title: "t", types: ["b2b-v3"], hwo: "h" }] }"#, 1, 58,
            "unknown key 'hwo' in a companion account (did you mean 'how'?)"),
        LocatedErrorCase(
            "unknown scope", #"{ id: "x", scopes: { Prodcts: "modify" } }"#, 1, 22,
            "unknown scope 'Prodcts' (did you mean 'Products'?)"),
        LocatedErrorCase(
            "unknown scope in accepts", #"{ id: "x", accepts: { Custmers: "reason" } }"#, 1, 23,
            "unknown scope 'Custmers' (did you mean 'Customers'?)"),
        LocatedErrorCase(
            "unknown scope in a risk row",
            #"{ id: "x", risks: [{ scope: "Cartz", level: "modify", severity: "note", harm: "h" }] }"#, 1, 29,
            "unknown scope 'Cartz' (did you mean 'Carts'?)"),
        LocatedErrorCase(
            "impossible level for the scope", #"{ id: "x", scopes: { "Store Logs": "modify" } }"#, 1, 36,
            "Store Logs has no level 'modify'; expected one of none, read-only"),
        LocatedErrorCase(
            "impossible level in a range", #"{ id: "x", scopes: { Orders: { max: "manage" } } }"#, 1, 37,
            "Orders has no level 'manage'; expected one of none, read-only, modify"),
        LocatedErrorCase(
            "impossible level in a risk row",
            #"{ id: "x", risks: [{ scope: "Get Payment Methods", level: "modify", severity: "note", harm: "h" }] }"#, 1,
            59, "Get Payment Methods has no level 'modify'; expected one of none, read-only"),
        LocatedErrorCase(
            "min above max", #"{ id: "x", scopes: { Orders: { min: "modify", max: "read-only" } } }"#, 1, 37,
            "Orders: min modify is above max read-only; no level can satisfy both"),
        LocatedErrorCase(
            "min above max, max written first", #"{ id: "x", scopes: { Orders: { max: "none", min: "read-only" } } }"#,
            1, 50, "Orders: min read-only is above max none"),
        LocatedErrorCase(
            "unknown rule id in severity", #"{ id: "x", severity: { "missing-scopes": "off" } }"#, 1, 24,
            "unknown rule 'missing-scopes' (did you mean 'missing-scope'?)"),
        LocatedErrorCase(
            "bad severity value", #"{ id: "x", severity: { "missing-scope": "fatal" } }"#, 1, 41,
            "expected a severity: error, warning, note or off"),
        LocatedErrorCase(
            "bad severity in a risk row",
            #"{ id: "x", risks: [{ scope: "Carts", level: "modify", severity: "critical", harm: "h" }] }"#, 1, 65,
            "expected a severity: error, warning or note"),
        LocatedErrorCase(
            "blank accepts reason", #"{ id: "x", accepts: { Orders: "  " } }"#, 1, 31,
            "expected a reason: an accepted risk must say why the integration needs it"),
        LocatedErrorCase("empty accepts reason", #"{ id: "x", accepts: { Orders: "" } }"#, 1, 31, "expected a reason"),
        LocatedErrorCase(
            "empty applies_to", #"{ id: "x", applies_to: {} }"#, 1, 24,
            "expected \"applies_to\" to name \"account_names\" or \"types\"; an empty one would match every account"),
        LocatedErrorCase(
            "applies_to with empty lists", #"{ id: "x", applies_to: { account_names: [], types: [] } }"#, 1, 24,
            "an empty one would match every account"),
        LocatedErrorCase(
            "applies_to with only store_has_account_types",
            #"{ id: "x", applies_to: { store_has_account_types: ["b2b-v3"] } }"#, 1, 24,
            "an empty one would match every account"),
        LocatedErrorCase(
            "risk at level 0",
            #"{ id: "x", risks: [{ scope: "Orders", level: "none", severity: "note", harm: "h" }] }"#, 1, 46,
            "a risk at the lowest level would flag every account"),
        LocatedErrorCase(
            "risk at level 0 named standard",
            #"{ id: "x", risks: [{ scope: "Metafields Access", level: "standard", severity: "note", harm: "h" }] }"#, 1,
            57, "a risk at the lowest level"),
        LocatedErrorCase(
            "a UI name and its OAuth parameter both listed",
            #"{ id: "x", scopes: { Orders: "modify", store_v2_orders: "modify" } }"#, 1, 40,
            "Orders is listed twice (first at line 1); list each scope once"),
        LocatedErrorCase(
            "a parameter and then the UI name",
            #"{ id: "x", scopes: { store_v2_products_read_only: "modify", Products: "any" } }"#, 1, 61,
            "Products is listed twice (first at line 1)"),
        LocatedErrorCase(
            "one UI name in two cases", #"{ id: "x", scopes: { Orders: "modify", "ORDERS": "modify" } }"#, 1, 40,
            "Orders is listed twice"),
        LocatedErrorCase(
            "a UI name and an older name, on two lines",
            "{\n  id: \"x\",\n  scopes: {\n    Products: \"modify\",\n    Catalog: \"read-only\"\n  }\n}", 5, 5,
            "Products is listed twice (first at line 4)"),
        LocatedErrorCase(
            "id with a space and capitals", #"{ id: "Mine Policy" }"#, 1, 7,
            "expected the policy id to be lower-case letters, digits and '-' (like \"modern-retail\")"),
        LocatedErrorCase(
            "id in upper case", #"{ id: "UPPER" }"#, 1, 7,
            "expected the policy id to be lower-case letters, digits and '-'"),
        LocatedErrorCase(
            "id with an underscore", #"{ id: "under_score" }"#, 1, 7,
            "expected the policy id to be lower-case letters, digits and '-'"),
        LocatedErrorCase(
            "empty id", #"{ id: "" }"#, 1, 7, "expected the policy id to be lower-case letters, digits and '-'"),
        LocatedErrorCase(
            "id that is not a string", #"{ id: 5 }"#, 1, 7, "expected the policy id as a string, found a number"),
        LocatedErrorCase("missing id", #"{ title: "no id" }"#, 1, 1, "expected the policy to have an \"id\""),
        LocatedErrorCase(
            "missing id, after a comment", "// header\n{\n  title: \"no id\",\n}", 2, 1,
            "expected the policy to have an \"id\""),
        LocatedErrorCase(
            "bad unlisted value", #"{ id: "x", unlisted: "some" }"#, 1, 22, "expected \"unlisted\" to be \"none\""),
        LocatedErrorCase(
            "unknown account type", #"{ id: "x", applies_to: { types: ["shop"] } }"#, 1, 34,
            "expected an account type, one of store, app, account, stencil-cli, b2b-v2, b2b-v3, legacy"),
        LocatedErrorCase(
            "misspelt account type", #"{ id: "x", applies_to: { types: ["stencil_cli"] } }"#, 1, 34,
            "(did you mean 'stencil-cli'?)"),
        LocatedErrorCase("a key given twice", #"{ id: "x", id: "y" }"#, 1, 12, "duplicate key 'id' in the policy"),
        LocatedErrorCase("not an object", #"["x"]"#, 1, 1, "expected a policy object, found an array"),
        LocatedErrorCase(
            "a level that is a number", #"{ id: "x", scopes: { Orders: 2 } }"#, 1, 30,
            "expected a level (\"modify\"), a range ({\"min\": ..., \"max\": ...}) or \"any\", found a number"),
        LocatedErrorCase(
            "scopes that are an array", #"{ id: "x", scopes: [] }"#, 1, 20,
            "expected \"scopes\" as an object, found an array"),
        LocatedErrorCase(
            "a risk row without harm", #"{ id: "x", risks: [{ scope: "Orders", level: "modify", severity: "note" }] }"#,
            1, 20, "expected a risk row to have \"scope\", \"level\", \"severity\" and \"harm\""),
        LocatedErrorCase(
            "a companion without a title", #"{ id: "x", companions: [{ types: ["b2b-v3"] }] }"#, 1, 25,
            "expected the companion account to have a \"title\""),
        LocatedErrorCase(
            "a companion naming no account", #"{ id: "x", companions: [{ title: "t" }] }"#, 1, 25,
            "expected the companion account to name \"types\" or \"account_names\""),
        LocatedErrorCase(
            "extends holding a number", #"{ id: "x", extends: [1] }"#, 1, 22,
            "expected policy ids as strings, found a number"),
        LocatedErrorCase(
            "extends that is an object", #"{ id: "x", extends: {} }"#, 1, 21,
            "expected policy ids as an array of strings, found an object"),
        LocatedErrorCase(
            "a JSON syntax error", "{ id: \"x\"\n  title: \"t\" }", 2, 3,
            "expected ',' or '}' after the value, found an unquoted word"),
    ]

    @Test("invalid policies are rejected with file:line:column", arguments: invalidCases)
    func invalid(_ c: LocatedErrorCase) throws {
        let failure = try #require(captureInvalid { try PolicyLoader.load(c.bytes, file: fileName) })
        #expect(failure.file == fileName)
        #expect(failure.position == c.position)
        #expect(failure.message.contains(c.phrase), "\(failure.message)")
        #expect(failure.printed.hasPrefix("\(fileName):\(c.line):\(c.column): error: "))
    }
}

@Suite("Policies: the library", .timeLimit(.minutes(1)))  // an exponential resolution never ends
struct PolicyLibraryTests {
    /// A library holding only these policies (plus the bundled ones when asked).
    private func makeLibrary(bundled: Bool = false, _ files: [(String, String)]) throws -> PolicyLibrary {
        var library = bundled ? try PolicyLibrary.bundled() : PolicyLibrary()
        for (file, text) in files { library.add(try loadText(text, file: file)) }
        return library
    }

    @Test("a diamond of extends 30 levels deep resolves each policy once (2^30 paths otherwise)")
    func diamond() throws {
        var files: [(String, String)] = []
        for level in 0..<30 {
            let parents = level == 0 ? "" : "extends: [\"a\(level - 1)\", \"b\(level - 1)\"], "
            for side in ["a", "b"] {
                files.append(
                    (
                        "\(side)\(level).json5",
                        "{ id: \"\(side)\(level)\", \(parents)scopes: { Orders: \"read-only\" } }"
                    ))
            }
        }
        let library = try makeLibrary(files)
        let top = try library.resolve("a29")
        #expect(top.ancestors.count == 58)
        #expect(try library.resolveAll().count == 60)
        _ = try LintEngine(library: library, policyIDs: ["a29", "b29"])
    }

    @Test("extends of an unknown id is an error at the reference, with a suggestion")
    func unknownParent() throws {
        let library = try makeLibrary(
            bundled: true, [("child.json5", "{\n  id: \"child\",\n  extends: [\"least-privelege\"],\n}")])
        let failure = try #require(captureInvalid { try library.resolve("child") })
        #expect(
            failure
                == InvalidInput(
                    file: "child.json5", position: at(3, 13),
                    message: "extends unknown policy 'least-privelege' (did you mean 'least-privilege'?)",
                    printed:
                        "child.json5:3:13: error: extends unknown policy 'least-privelege' (did you mean 'least-privilege'?)"
                ))
    }

    @Test("an unknown parent further up the chain is reported in the file that names it")
    func unknownGrandparent() throws {
        let library = try makeLibrary([
            ("grandchild.json5", #"{ id: "grandchild", extends: ["child"] }"#),
            ("child.json5", #"{ id: "child", extends: ["nowhere"] }"#),
        ])
        let failure = try #require(captureInvalid { try library.resolve("grandchild") })
        #expect(failure.file == "child.json5")
        #expect(failure.position == at(1, 26))
        #expect(failure.message == "extends unknown policy 'nowhere'")
    }

    @Test("resolving an id no policy has is unknownPolicy with suggestions")
    func unknownID() throws {
        let library = try PolicyLibrary.bundled()
        #expect(throws: ScopeLintError.unknownPolicy(id: "modern-retial", suggestions: ["modern-retail"])) {
            try library.resolve("modern-retial")
        }
    }

    static let cycleFiles = [
        ("a.json5", #"{ id: "a", extends: ["b"] }"#),
        ("b.json5", "{\n  id: \"b\",\n  extends: [\"least-privilege\", \"a\"],\n}"),
        ("c.json5", #"{ id: "c", extends: ["a"] }"#),
    ]

    @Test(
        "an extends cycle names the chain, at the reference that closes it",
        arguments: [
            ("a", "b.json5", 3, 32, "extends forms a cycle: a -> b -> a"),
            ("b", "a.json5", 1, 22, "extends forms a cycle: b -> a -> b"),
            ("c", "b.json5", 3, 32, "extends forms a cycle: a -> b -> a"),
        ])
    func cycle(_ id: String, _ file: String, _ line: Int, _ column: Int, _ message: String) throws {
        let library = try makeLibrary(bundled: true, Self.cycleFiles)
        let failure = try #require(captureInvalid { try library.resolve(id) })
        #expect(failure.file == file)
        #expect(failure.position == at(line, column))
        #expect(failure.message == message)
    }

    @Test("a policy that extends itself is a cycle of one")
    func selfExtends() throws {
        let library = try makeLibrary([("self.json5", "{ id: \"self\",\n  extends: [\"self\"] }")])
        let failure = try #require(captureInvalid { try library.resolve("self") })
        #expect(failure.file == "self.json5")
        #expect(failure.position == at(2, 13))
        #expect(failure.message == "extends forms a cycle: self -> self")
    }

    @Test("a cycle does not stop resolveAll from failing cleanly")
    func resolveAllWithCycle() throws {
        let library = try makeLibrary(bundled: true, Self.cycleFiles)
        let failure = try #require(captureInvalid { try library.resolveAll() })
        #expect(failure.message.hasPrefix("extends forms a cycle: "))
    }

    static let base = """
        { id: "base", unlisted: "any",
          scopes: { Orders: "read-only", Products: "modify", Customers: { min: "read-only" } },
          accepts: { Products: "catalog sync" },
          risks: [
            { scope: "Carts", level: "modify", severity: "warning", harm: "base carts" },
            { scope: "Orders", level: "modify", severity: "note", harm: "base orders" },
          ],
          severity: { "excessive-scope": "warning", "unknown-scope": "note" },
          companions: [{ title: "B2B", types: ["b2b-v3"] }],
        }
        """

    static let child = """
        { id: "child", extends: ["base"],
          scopes: { Orders: "modify" },
          risks: [
            { scope: "Orders", level: "modify", severity: "error", harm: "child orders" },
            { scope: "Orders", level: "read-only", severity: "note", harm: "child read" },
          ],
          severity: { "unknown-scope": "off" },
        }
        """

    @Test("resolve: the child's bounds over the parent's, unlisted not inherited, risks merged, accepts inherited")
    func merge() throws {
        let library = try makeLibrary([
            ("base.json5", Self.base), ("child.json5", Self.child),
            (
                "grandchild.json5",
                #"{ id: "grandchild", extends: "child", unlisted: "any", accepts: { Products: "new reason" } }"#
            ),
        ])
        let orders = scope("Orders").index
        let products = scope("Products").index
        let customers = scope("Customers").index
        let carts = scope("Carts").index
        let logs = scope("Store Logs").index

        let parent = try library.resolve("base")
        #expect(parent.unlisted == .any)
        #expect(parent.maximum[carts] == 2, "the parent's own unlisted: any")

        let child = try library.resolve("child")
        #expect(child.id == "child" && child.file == "child.json5")
        #expect(child.ancestors == ["base"])
        #expect(child.unlisted == .none)
        #expect(bounds(child, orders) == "2...2", "the child overrides")
        #expect(child.listedAt[orders]?.file == "child.json5")
        #expect(child.listedAt[orders]?.position == at(2, 13))
        #expect(bounds(child, products) == "2...2", "inherited")
        #expect(child.listedAt[products]?.file == "base.json5")
        #expect(child.listedAt[products]?.position == at(2, 34))
        #expect(bounds(child, customers) == "1...2")
        #expect(bounds(child, carts) == "0...0", "unlisted: any is not inherited")
        #expect(bounds(child, logs) == "0...0")
        #expect(child.listedAt[carts] == nil)
        #expect(
            child.risks[orders].map(\.harm) == ["child read", "child orders"],
            "the child's row replaces the parent's at the same level")
        #expect(child.risks[orders].map(\.severity) == [.note, .error])
        #expect(child.risks[carts].map(\.harm) == ["base carts"])
        #expect(child.accepted[products] == "catalog sync")
        #expect(child.accepted[orders] == nil)
        #expect(child.severity == [.excessiveScope: .severity(.warning), .unknownScope: .off])
        #expect(child.companions.map(\.title) == ["B2B"])
        #expect(child.risk(for: scope("Orders"), at: 2)?.harm == "child orders")
        #expect(child.risk(for: scope("Orders"), at: 1)?.harm == "child read")

        let grandchild = try library.resolve("grandchild")
        #expect(grandchild.ancestors == ["child", "base"])
        #expect(grandchild.accepted[products] == "new reason")
        #expect(bounds(grandchild, orders) == "2...2")
        #expect(bounds(grandchild, carts) == "0...2", "its own unlisted: any")
        #expect(grandchild.risks[carts].map(\.harm) == ["base carts"])
        #expect(grandchild.companions.map(\.title) == ["B2B"])
    }

    @Test("several parents apply in order, the later over the earlier")
    func parentOrder() throws {
        let library = try makeLibrary([
            (
                "p1.json5",
                #"{ id: "p1", scopes: { Orders: "read-only", Carts: "modify" }, accepts: { Orders: "one" } }"#
            ),
            ("p2.json5", #"{ id: "p2", scopes: { Orders: "modify" }, accepts: { Orders: "two" } }"#),
            ("both.json5", #"{ id: "both", extends: ["p1", "p2"] }"#),
        ])
        let both = try library.resolve("both")
        let orders = scope("Orders").index
        let carts = scope("Carts").index
        #expect(both.ancestors == ["p1", "p2"])
        #expect(bounds(both, orders) == "2...2")
        #expect(bounds(both, carts) == "2...2")
        #expect(both.accepted[orders] == "two")
    }

    @Test("addDirectory loads .json and .json5 files only")
    func addDirectory() throws {
        let folder = try temporaryDirectory("policies")
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{ id: "one" }"#.write(to: folder.appendingPathComponent("one.json5"), atomically: true, encoding: .utf8)
        try #"{ "id": "two" }"#.write(to: folder.appendingPathComponent("two.json"), atomically: true, encoding: .utf8)
        try "not a policy".write(to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        var library = PolicyLibrary()
        try library.addDirectory(folder.path)
        #expect(library.ids == ["one", "two"])
        #expect(library.policies["two"]?.file == folder.path + "/two.json")
    }

    @Test("addDirectory with two files of one id is an error naming both")
    func addDirectoryDuplicateID() throws {
        let folder = try temporaryDirectory("policies")
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{ id: "dup" }"#.write(to: folder.appendingPathComponent("a.json5"), atomically: true, encoding: .utf8)
        try "// the same id\n{ \"id\": \"dup\" }".write(
            to: folder.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        var library = PolicyLibrary()
        let failure = try #require(captureInvalid { try library.addDirectory(folder.path) })
        #expect(failure.file == folder.path + "/b.json")
        #expect(failure.position == at(2, 1))
        #expect(
            failure.message == "policy id 'dup' is also the id of \(folder.path)/a.json5; give each policy its own id")
    }
}

/// A resolved scope's allowed range as `min...max`.
private func bounds(_ policy: ResolvedPolicy, _ index: Int) -> String {
    "\(policy.minimum[index])...\(policy.maximum[index])"
}
