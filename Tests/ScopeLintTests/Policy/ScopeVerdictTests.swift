import Testing

@testable import ScopeLint

/// `ResolvedPolicy.verdict` is the one place that decides missing, excessive and risky; the
/// rules and the diff only read it.
@Suite("scope verdict")
struct ScopeVerdictTests {
    let catalog = Catalog.bigCommerce
    var orders: ScopeID { catalog.scope(named: "Orders")! }

    /// A policy that bounds Orders to `min...max`, with optional risk rows and an accepted reason.
    func policy(min: Int, max: Int, risks: [(level: Int, severity: Severity)] = [], accepted: String? = nil)
        -> ResolvedPolicy
    {
        let count = catalog.scopes.count
        var minimum = Array(repeating: 0, count: count)
        var maximum = catalog.scopes.map(\.highestLevel)
        var rows: [[Policy.Risk]] = Array(repeating: [], count: count)
        var reasons: [String?] = Array(repeating: nil, count: count)
        minimum[orders.index] = min
        maximum[orders.index] = max
        rows[orders.index] = risks.map {
            Policy.Risk(
                scope: orders, level: $0.level, severity: $0.severity, harm: "harm at \($0.level)",
                position: TextPosition(line: 1, column: 1))
        }
        reasons[orders.index] = accepted
        return ResolvedPolicy(
            id: "p", title: "P", source: nil, description: nil, file: "p.json5",
            position: TextPosition(line: 1, column: 1),
            appliesTo: nil, ancestors: [], unlisted: .any, minimum: minimum, maximum: maximum,
            listedAt: Array(repeating: nil, count: count), risks: rows, accepted: reasons, severity: [:], companions: []
        )
    }

    @Test("below the minimum is missing, with the level to set")
    func missing() {
        let verdict = policy(min: 2, max: 2).verdict(for: orders, at: 1)
        #expect(verdict.bound == .missing(minimum: 2))
        #expect(verdict.summary == .missing)
        #expect(verdict.target == 2)
        #expect(verdict.risk == nil)
    }

    @Test("above the maximum is excessive, with the level to set")
    func excessive() {
        let verdict = policy(min: 0, max: 1).verdict(for: orders, at: 2)
        #expect(verdict.bound == .excessive(maximum: 1))
        #expect(verdict.summary == .excessive)
        #expect(verdict.target == 1)
    }

    @Test("a risk row within the bounds is risky unless accepted")
    func risky() {
        let verdict = policy(min: 0, max: 2, risks: [(1, .warning), (2, .error)]).verdict(for: orders, at: 2)
        #expect(verdict.bound == .within)
        #expect(verdict.summary == .risky)
        #expect(verdict.risk?.level == 2 && verdict.risk?.severity == .error, "the highest row the level reaches")
        #expect(verdict.acceptedBecause == nil && verdict.unacceptedRisk == verdict.risk)
        #expect(verdict.target == nil)
    }

    @Test("an accepted risk is as required, and keeps its risk row and reason")
    func accepted() {
        let verdict = policy(min: 0, max: 2, risks: [(1, .error)], accepted: "it syncs orders").verdict(
            for: orders, at: 2)
        #expect(verdict.bound == .within)
        #expect(verdict.summary == .asRequired)
        #expect(verdict.risk?.level == 1)
        #expect(verdict.acceptedBecause == "it syncs orders")
        #expect(verdict.unacceptedRisk == nil)
    }

    @Test("within the bounds and below every risk row is as required")
    func asRequired() {
        let verdict = policy(min: 1, max: 2, risks: [(2, .error)], accepted: "unused").verdict(for: orders, at: 1)
        #expect(verdict == ScopeVerdict(bound: .within, risk: nil, acceptedBecause: nil))
        #expect(verdict.summary == .asRequired)
        #expect(policy(min: 0, max: 2, risks: [(1, .error)]).verdict(for: orders, at: 0).summary == .asRequired)
    }

    @Test("a crossed bound comes before a risk in the summary; the risk is still there for the risky rule")
    func excessiveAndRisky() {
        let verdict = policy(min: 0, max: 1, risks: [(2, .error)]).verdict(for: orders, at: 2)
        #expect(verdict.summary == .excessive)
        #expect(verdict.risk?.level == 2)
    }
}
