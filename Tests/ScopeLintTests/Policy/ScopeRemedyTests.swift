import Testing

@testable import ScopeLint

/// One remedy per scope: the level that clears every finding on it under a policy.
@Suite("Scope remedy")
struct ScopeRemedyTests {
    let library: PolicyLibrary
    var catalog: Catalog { library.catalog }

    init() throws {
        var library = try PolicyLibrary.bundled()
        try library.addDirectory(packageRoot.appendingPathComponent("Fixtures/policies/celigo-dir").path)
        self.library = library
    }

    func remedy(_ policy: String, _ scope: String, _ level: String) throws -> ScopeRemedy {
        let id = try #require(catalog.scope(named: scope))
        let index = try #require(catalog[id].levels.firstIndex { $0.name == level })
        return try library.resolve(policy).remedy(for: id, at: index)
    }

    func level(_ scope: String, _ name: String) -> Int {
        catalog[catalog.scope(named: scope)!].levels.firstIndex { $0.name == name }!
    }

    @Test("above the maximum: the maximum, when it carries no risk (excessive and risky agree)")
    func excessive() throws {
        #expect(try remedy("read-only", "Orders", "modify") == .set(level: level("Orders", "read-only")))
    }

    @Test("above a maximum that is itself risky: the highest allowed level without the risk")
    func riskyMaximum() throws {
        // celigo-order-sync allows Customers up to read-only, whose personal-data risk it does not accept.
        #expect(try remedy("celigo-order-sync", "Customers", "modify") == .set(level: 0))
    }

    @Test("within bounds but risky: the minimum unless the integration needs it")
    func risky() throws {
        #expect(try remedy("least-privilege", "Orders", "modify") == .lowerUnlessNeeded(level: 0))
        #expect(try remedy("read-only", "Orders", "read-only") == .keep)
    }

    @Test("below the minimum: the minimum; an accepted risk does not stand in the way")
    func missing() throws {
        #expect(try remedy("stone-edge", "Orders", "none") == .set(level: level("Orders", "modify")))
    }
}
