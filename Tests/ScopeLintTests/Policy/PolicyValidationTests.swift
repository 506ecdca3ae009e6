import Testing

@testable import ScopeLint

func loadPolicy(_ text: String) throws -> Policy { try PolicyLoader.load(Array(text.utf8), file: "p.json5") }

@Suite("Policies: validation")
struct PolicyValidationTests {
    @Test("every part of the format loads")
    func complete() throws {
        let policy = try loadPolicy(
            """
            { id: "mine", title: "Mine", source: "s", description: "d",
              applies_to: { account_names: ["Mine*"], types: ["store", "app"], store_has_account_types: ["b2b-v3"] },
              extends: ["least-privilege"], unlisted: "any",
              scopes: { Orders: "modify", store_v2_products: { min: "read-only" }, "Store Logs": "any", Customers: { max: "read-only" } },
              accepts: { Orders: "we refund" }, severity: { "excessive-scope": "warning", "normalized-value": "off" },
              companions: [{ title: "a token", types: ["b2b-v3"], how: "here" }],
              risks: [{ scope: "Carts", level: "modify", severity: "note", harm: "lets the token change carts" }] }
            """)
        #expect(policy.id == "mine" && policy.unlisted == .any)
        #expect(policy.requirements.map { "\($0.min)-\($0.max)" } == ["2-2", "1-2", "0-1", "0-1"])
        #expect(policy.severity[.normalizedValue] == .off)
        #expect(policy.companions.first?.types == [.b2bV3])
        #expect(policy.appliesTo?.storeHasAccountTypes == [.b2bV3])
    }

    @Test(
        "invalid policies are located errors",
        arguments: [
            (#"{ id: "x", scope: {} }"#, "1:12", "unknown key 'scope' in a policy (did you mean 'scopes'?)"),
            (
                #"{ id: "x", scopes: { Prodcts: "modify" } }"#, "1:22",
                "unknown scope 'Prodcts' (did you mean 'Products'?)"
            ),
            (
                #"{ id: "x", scopes: { "Store Logs": "modify" } }"#, "1:36",
                "Store Logs has no level 'modify'; expected one of none, read-only"
            ),
            (
                #"{ id: "x", scopes: { Orders: { min: "modify", max: "read-only" } } }"#, "1:37",
                "min modify is above max read-only"
            ),
            (#"{ id: "x", severity: { "missing-scopes": "off" } }"#, "1:24", "unknown rule 'missing-scopes'"),
            (
                #"{ id: "x", severity: { "missing-scope": "fatal" } }"#, "1:41",
                "expected a severity: error, warning, note or off"
            ),
            (#"{ id: "x", accepts: { Orders: "  " } }"#, "1:31", "expected a reason"),
            (#"{ id: "x", applies_to: {} }"#, "1:24", "an empty one would match every account"),
            (
                #"{ id: "x", risks: [{ scope: "Orders", level: "none", severity: "note", harm: "h" }] }"#, "1:46",
                "a risk at the lowest level"
            ),
            (
                #"{ id: "x", scopes: { Orders: "modify", store_v2_orders: "modify" } }"#, "1:40",
                "Orders is listed twice"
            ),
            (#"{ id: "Mine Policy" }"#, "1:7", "lower-case letters, digits and '-'"),
            (#"{ title: "no id" }"#, "1:1", "expected the policy to have an \"id\""),
            (#"{ id: "x", unlisted: "some" }"#, "1:22", "expected \"unlisted\" to be \"none\""),
            (#"{ id: "x", applies_to: { types: ["shop"] } }"#, "1:34", "expected an account type"),
            (#"{ id: "x", id: "y" }"#, "1:12", "duplicate key 'id'"),
            (#"{ id: "x", source: "  " }"#, "1:20", "expected the source to name the page"),
            (#"{ id: "x", source: 3 }"#, "1:20", "expected the source as a string or as { title, url, read }"),
            (#"{ id: "x", source: { title: "T" } }"#, "1:20", "expected the source to have a \"url\""),
            (#"{ id: "x", source: { url: "https://a.example/" } }"#, "1:20", "to have a \"title\""),
            (
                #"{ id: "x", source: { title: "T", uri: "https://a.example/" } }"#, "1:34",
                "unknown key 'uri' in the source (did you mean 'url'?); expected one of title, url, read"
            ),
            (#"{ id: "x", source: { title: "T", url: "Policies/x.json5" } }"#, "1:39", "the page's public address"),
            (#"{ id: "x", source: { title: "T", url: "ftp://a.example/" } }"#, "1:39", "http:// or https://"),
            (#"{ id: "x", source: { title: "T", url: "https://a.example/a b" } }"#, "1:39", "without spaces"),
            (#"{ id: "x", source: { title: "T", url: "https://" } }"#, "1:39", "public address"),
            (#"{ id: "x", source: { title: "T", url: "https://v.example@evil.example/" } }"#, "1:39", "public address"),
            (#"{ id: "x", source: { title: "T", url: "https://\u202Eexample/" } }"#, "1:39", "public address"),
            (
                #"{ id: "x", source: { title: "T", url: "https://a.example/", read: "29/11/2026" } }"#, "1:67",
                "as YYYY-MM-DD"
            ),
            (
                #"{ id: "x", source: { title: "T", url: "https://a.example/", read: "2026-02-29" } }"#, "1:67",
                "YYYY-MM-DD"
            ),
            (#"{ id: "x", source: { title: "T", title: "U" } }"#, "1:34", "duplicate key 'title' in the source"),
        ])
    func invalid(_ text: String, _ at: String, _ phrase: String) {
        #expect {
            try loadPolicy(text)
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("p.json5:\(at): error: ") && description.contains(phrase)
        }
    }

    @Test("a source is a title alone (older policies) or the page's title, address and day read")
    func sources() throws {
        let old = try loadPolicy(#"{ id: "x", source: "Vendor guide: set up BigCommerce" }"#)
        #expect(old.source == Policy.Source(title: "Vendor guide: set up BigCommerce"))
        #expect(old.source?.line == "Vendor guide: set up BigCommerce")
        let full = try loadPolicy(
            #"{ id: "x", source: { title: "Set up", url: "https://docs.example/a?b=1#c", read: "2024-02-29" } }"#)
        #expect(full.source == Policy.Source(title: "Set up", url: "https://docs.example/a?b=1#c", read: "2024-02-29"))
        #expect(full.source?.line == "Set up <https://docs.example/a?b=1#c>, read 2024-02-29")
        let undated = try loadPolicy(#"{ id: "x", source: { title: "Set up", url: "http://help.example/bc.htm" } }"#)
        #expect(undated.source?.line == "Set up <http://help.example/bc.htm>")
    }

    @Test("severities and account types are read in any letter case")
    func letterCase() throws {
        let policy = try loadPolicy(
            #"{ id: "x", applies_to: { types: ["App"] }, severity: { "excessive-scope": "Warning", "normalized-value": "OFF" } }"#
        )
        #expect(policy.appliesTo?.types == [.app])
        #expect(policy.severity[.excessiveScope] == .severity(.warning))
        #expect(policy.severity[.normalizedValue] == .off)
    }

    @Test("extends: parents in order, the child over them; unlisted not inherited; risks and accepts inherited")
    func resolution() throws {
        var library = try PolicyLibrary.bundled()
        library.add(
            try loadPolicy(
                #"{ id: "parent", extends: ["least-privilege"], unlisted: "any", scopes: { Orders: "read-only", Products: "modify" }, accepts: { Products: "p" } }"#
            ))
        library.add(try loadPolicy(#"{ id: "child", extends: ["parent"], scopes: { Orders: "modify" } }"#))
        let child = try library.resolve("child")
        let catalog = Catalog.bigCommerce
        let orders = catalog.scope(named: "Orders")!.index
        let products = catalog.scope(named: "Products")!.index
        let carts = catalog.scope(named: "Carts")!.index
        #expect(child.minimum[orders] == 2 && child.maximum[orders] == 2)
        #expect(child.minimum[products] == 2)
        #expect(child.maximum[carts] == 0, "unlisted: none by default, not the parent's any")
        #expect(child.accepted[products] == "p")
        #expect(child.risks[catalog.scope(named: "Customers Login")!.index].isEmpty == false)
        #expect(child.ancestors == ["parent", "least-privilege"])
    }

    @Test("extends errors: unknown parent with a suggestion, cycles with the chain")
    func extendsErrors() throws {
        var library = try PolicyLibrary.bundled()
        library.add(try loadPolicy(#"{ id: "a", extends: ["least-privelege"] }"#))
        #expect(
            throws: ScopeLintError.invalid(
                file: "p.json5", position: TextPosition(line: 1, column: 22),
                message: "extends unknown policy 'least-privelege' (did you mean 'least-privilege'?)")
        ) {
            try library.resolve("a")
        }
        library.add(try loadPolicy(#"{ id: "self", extends: ["self"] }"#))
        #expect(
            throws: ScopeLintError.invalid(
                file: "p.json5", position: TextPosition(line: 1, column: 25),
                message: "extends forms a cycle: self -> self")
        ) {
            try library.resolve("self")
        }
    }
}
