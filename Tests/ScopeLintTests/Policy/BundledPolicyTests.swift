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
        let policy = try #require(library.policies.values.first { $0.file == "Policies/\(name)" })
        #expect(name == "\(policy.id).json5")
        let resolved = try library.resolve(policy.id)
        #expect(resolved.source?.isEmpty == false, "\(policy.id) must name its source")
        #expect(resolved.description?.isEmpty == false, "\(policy.id) must explain its choices")
        if policy.id != LintEngine.fallbackPolicyID {
            #expect(
                resolved.ancestors.contains(LintEngine.fallbackPolicyID), "\(policy.id) should extend least-privilege")
        }
    }

    @Test("every integration guide in seeds/ has a bundled policy citing it")
    func seedsHavePolicies() throws {
        let library = try PolicyLibrary.bundled()
        let sources = library.policies.values.compactMap(\.source).joined(separator: "\n")
        for seed in ["seeds/000", "seeds/001", "seeds/002", "seeds/003"] {
            #expect(sources.contains(seed), "no policy cites \(seed)")
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
