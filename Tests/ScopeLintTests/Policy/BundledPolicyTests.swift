import Foundation
import Testing

@testable import ScopeLint

@Suite("Policies: the bundled ones")
struct BundledPolicyTests {
    static let names = BundledPolicies.files.map(\.name)

    @Test("the binary carries exactly the files in Policies/, byte for byte (rerun Scripts/embed-policies)")
    func embeddedMatchesFolder() throws {
        let folder = packageRoot.appendingPathComponent("Policies")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json5") }
            .sorted()
        #expect(onDisk == Self.names.sorted())
        for (name, text) in BundledPolicies.files {
            let disk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(disk == text, "\(name) differs from its embedded copy")
        }
    }

    @Test("every bundled policy loads, resolves, and is named by its id", arguments: names)
    func loadsAndResolves(_ name: String) throws {
        let library = try PolicyLibrary.bundled()
        let policy = try #require(
            library.policies.values.first { SourceLocation.bundledPolicyID($0.file).map { "\($0).json5" } == name })
        #expect(name == "\(policy.id).json5")
        let resolved = try library.resolve(policy.id)
        // A page users can open: its title, public address and the day it was read, never a
        // path in this repository.
        let source = try #require(resolved.source, "\(policy.id) must name its source")
        #expect(!source.title.isEmpty)
        #expect(source.url?.hasPrefix("http") == true, "\(policy.id): the source's address")
        #expect(source.read?.count == 10, "\(policy.id): the day the source was read")
        for path in ["shared/", "seeds/", "Policies/", "Fixtures/", ".json5"] {
            #expect(!source.line.contains(path), "\(policy.id)'s source names a repository path")
        }
        #expect(resolved.description?.isEmpty == false, "\(policy.id) must explain its choices")
        if policy.id != LintEngine.fallbackPolicyID {
            #expect(
                resolved.ancestors.contains(LintEngine.fallbackPolicyID), "\(policy.id) should extend least-privilege")
        }
    }

    @Test("every integration guide in seeds/ has a bundled policy citing the vendor's public page")
    func seedsHavePolicies() throws {
        let library = try PolicyLibrary.bundled()
        // The pages seeds 000 to 003 were copied from, as the search tool's stored copies name them.
        let pages = [
            "csm-business-central": "https://hub.suiteengine.com/knowledge-base/obtaining-bigcommerce-credentials",
            "csm-business-central-b2b": "https://hub.suiteengine.com/knowledge-base/obtaining-bigcommerce-credentials",
            "modern-retail":
                "https://support.modernretail.com/hc/en-us/articles/360045342413-BigCommerce-API-Credentials",
            "celigo-integrator-io": "https://docs.celigo.com/hc/en-us/articles/360038514692",
            "stone-edge": "https://stoneedge.com/kb/articles/setting-up-bigcommerce/",
        ]
        for (id, url) in pages {
            #expect(library.policies[id]?.source?.url == url, "\(id) should cite \(url)")
        }
    }

    /// Every catalog scope must be allowed at exactly the listed level, or its lowest level
    /// when the guide does not list it.
    func expectExactly(_ id: String, _ levels: [String: String]) throws {
        let policy = try PolicyLibrary.bundled().resolve(id)
        for scope in Catalog.bigCommerce.scopes {
            let level = levels[scope.name] ?? scope.levelName(0)
            #expect(scope.levelName(policy.minimum[scope.id.index]) == level, "\(id): \(scope.name) minimum")
            #expect(scope.levelName(policy.maximum[scope.id.index]) == level, "\(id): \(scope.name) maximum")
        }
    }

    @Test("Modern Retail: exactly the guide's ten scopes, everything else none")
    func modernRetail() throws {
        try expectExactly(
            "modern-retail",
            [
                "Customers": "modify", "Information & Settings": "read-only", "Marketing": "modify", "Orders": "modify",
                "Order Transactions": "modify", "Get Payment Methods": "read-only", "Products": "modify",
                "Carts": "modify",
                "Storefront API Tokens": "manage", "Storefront API Customer Impersonation Tokens": "manage",
            ])
    }

    @Test("Stone Edge: every row of the guide's list")
    func stoneEdge() throws {
        try expectExactly(
            "stone-edge",
            [
                "Content": "read-only", "Checkout Content": "modify", "Customers": "modify", "Orders": "modify",
                "Order Transactions": "modify", "Products": "modify", "Carts": "modify", "Checkouts": "modify",
                "Store Locations": "read-only", "Store Inventory": "modify", "Fulfillment Methods": "modify",
                "Order Fulfillment": "modify",
            ])
    }

    @Test("Codat: the five read-only scopes of its table, everything else none")
    func codat() throws {
        try expectExactly(
            "codat",
            [
                "Orders": "read-only", "Order Transactions": "read-only", "Products": "read-only",
                "Information & Settings": "read-only", "Customers": "read-only",
            ])
    }

    @Test("BigCommerce for WordPress: fast headless is full import plus the two storefront token scopes")
    func wordpressVariants() throws {
        let library = try PolicyLibrary.bundled()
        let full = try library.resolve("bigcommerce-for-wordpress")
        let headless = try library.resolve("bigcommerce-for-wordpress-headless")
        let tokens = ["Storefront API Tokens", "Storefront API Customer Impersonation Tokens"]
        for scope in Catalog.bigCommerce.scopes {
            let index = scope.id.index
            if tokens.contains(scope.name) {
                #expect(full.maximum[index] == 0 && headless.minimum[index] == scope.highestLevel, "\(scope.name)")
            } else {
                #expect(full.minimum[index] == headless.minimum[index], "\(scope.name) minimum")
                #expect(full.maximum[index] == headless.maximum[index], "\(scope.name) maximum")
            }
        }
        let matcher = PolicyMatcher(policies: try library.resolveAll())
        let store = Store(hash: "s", name: nil, position: .start, accounts: [])
        func matched(_ name: String) -> [String] {
            matcher.matches(for: Account(name: name, position: .start, scopes: []), in: store).map(\.id)
        }
        #expect(matched("WordPress") == ["bigcommerce-for-wordpress"])
        #expect(matched("WordPress Headless") == ["bigcommerce-for-wordpress-headless"])
        #expect(matched("Headless WordPress site") == ["bigcommerce-for-wordpress-headless"])
    }

    @Test("StarShip matches the name its page suggests, as a word: not Starshipit, another shipping tool")
    func starshipNames() throws {
        let matcher = PolicyMatcher(policies: try PolicyLibrary.bundled().resolveAll())
        let store = Store(hash: "s", name: nil, position: .start, accounts: [])
        for (name, ids) in [
            ("StarShip", ["starship"]), ("BigCommerce - StarShip", ["starship"]),
            ("StarShip integration", ["starship"]),
            ("Starshipit", []),
        ] {
            let matched = matcher.matches(for: Account(name: name, position: .start, scopes: []), in: store)
            #expect(matched.map(\.id) == ids, "\(name)")
        }
    }

    @Test("a name's pattern matches are remembered across accounts, by the exact name, and forgotten when full")
    func nameMemo() throws {
        let matcher = PolicyMatcher(policies: try PolicyLibrary.bundled().resolveAll())
        let store = Store(hash: "s", name: nil, position: .start, accounts: [])
        let names = [
            "StarShip", "Stone Edge", "STONE EDGE", "Starshipit", "StarShip", "WordPress Headless", "Stone Edge",
            "Modern Retail", "Reports", "WordPress", "Modern Retail",
        ]
        for capacity in [1, 2, 4_096] {
            var memo = PolicyMatcher.NameMemo()
            memo.capacity = capacity
            for name in names {
                let account = Account(name: name, position: .start, scopes: [])
                let remembered = matcher.matches(for: account, storeTypes: [], levels: { nil }, names: &memo)
                #expect(remembered.map(\.id) == matcher.matches(for: account, in: store).map(\.id), "\(name)")
            }
        }
    }

    /// Policies written from a page whose scope list is kept in Fixtures/realworld: the text the
    /// reader is tested on and the policy must agree, so neither can drift from the page alone.
    static let pages = [
        ("bigcommerce-for-wordpress", "bigcommerce-for-wordpress"),
        ("wpengine-atlas-commerce", "wpengine-atlas-commerce"),
        ("sumtracker", "sumtracker"), ("synchup", "synchup-snapshot-design"), ("dropstream", "dropstream"),
        ("bookkeep", "bookkeep"), ("starship", "starship-vtechnologies"),
    ]

    @Test(
        "each policy from a kept page allows exactly the page's levels (none where the page lists none)",
        arguments: pages)
    func agreesWithPage(_ id: String, _ folder: String) throws {
        let policy = try PolicyLibrary.bundled().resolve(id)
        let url = packageRoot.appendingPathComponent("Fixtures/realworld/\(folder)/expected.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let levels = try #require(json["scopes"] as? [String: String])
        let catalog = Catalog.bigCommerce
        for name in levels.keys { #expect(catalog.scope(named: name) != nil, "\(folder): \(name)") }
        for scope in catalog.scopes where scope.kind == .store {
            let wanted = levels[scope.name] ?? scope.levelName(0)
            let level = try #require(
                (0...scope.highestLevel).first { scope.levelName($0) == wanted }, "\(folder): \(scope.name) \(wanted)")
            let index = scope.id.index
            #expect(
                policy.minimum[index] <= level && level <= policy.maximum[index],
                "\(id): \(scope.name) at \(wanted) is outside the policy")
            // The policy may widen a row only where its description says why (SynchUP's two copies).
            if policy.minimum[index] != policy.maximum[index] {
                #expect(id == "synchup" && scope.name == "Store Locations", "\(id): \(scope.name) is a range")
            }
        }
    }

    @Test("the risk catalog names the harms the mission lists")
    func riskCatalog() throws {
        let policy = try PolicyLibrary.bundled().resolve("least-privilege")
        let catalog = Catalog.bigCommerce
        func risk(_ name: String) -> Policy.Risk? {
            let id = catalog.scope(named: name)!
            return policy.risk(for: id, at: catalog[id].highestLevel)
        }
        #expect(risk("Customers Login")?.severity == .error)
        #expect(risk("Customers Login")?.harm.contains("impersonation") == true)
        #expect(risk("Storefront API Customer Impersonation Tokens")?.severity == .error)
        #expect(risk("Create Payments")?.severity == .error)
        #expect(risk("Checkout Content")?.harm.contains("card") == true)
        #expect(risk("Orders")?.harm.contains("refund") == true)
        #expect(risk("Products") == nil)
    }

    @Test("CSM with B2B Edition applies instead of CSM only where the store has B2B accounts")
    func csmRefinement() throws {
        let library = try PolicyLibrary.bundled()
        let matcher = PolicyMatcher(policies: try library.resolveAll())
        let csm = Account(name: "CSM Business Central", position: .start, scopes: [])
        let b2b = Account(name: "B2B", type: .b2bV3, position: .start, scopes: [])
        let plain = Store(hash: "s", name: nil, position: .start, accounts: [csm])
        let withB2B = Store(hash: "s", name: nil, position: .start, accounts: [csm, b2b])
        #expect(matcher.matches(for: csm, in: plain).map(\.id) == ["csm-business-central"])
        #expect(matcher.matches(for: csm, in: withB2B).map(\.id) == ["csm-business-central-b2b"])
    }

    @Test("CSM with B2B Edition accepts either route: B2B-panel tokens, or the B2B Edition scope on CSM's account")
    func csmB2BRoutes() throws {
        let csm =
            #"{ name: "CSM Business Central", scopes: { Customers: "modify", Orders: "modify", Products: "modify""#
        // The scope route: no panel tokens, no missing-account, the B2B Edition risk accepted.
        let scoped = try lint(
            #"{ store_hash: "s", accounts: [\#(csm), "B2B Edition": "modify" } }] }"#, policy: nil)
        #expect(!scoped.findings.contains { $0.rule == .missingAccount })
        let risk = try #require(scoped.findings.first { $0.scope == "B2B Edition" })
        #expect(risk.policy == "csm-business-central-b2b" && risk.isAccepted)
        // Without either route, plain CSM applies and nothing about B2B is asked.
        let plain = try lint(#"{ store_hash: "s", accounts: [\#(csm) } }] }"#, policy: nil)
        #expect(plain.findings.allSatisfy { $0.policy != "csm-business-central-b2b" })
        // The panel route half done (a V3 token only) still needs the V2 token.
        let panel = try lint(
            #"{ store_hash: "s", accounts: [\#(csm) } }, { name: "V3", type: "b2b-v3", scopes: [] }] }"#, policy: nil)
        #expect(panel.findings.filter { $0.rule == .missingAccount }.map(\.subject) == ["a B2B Edition V2 API token"])
    }
}
