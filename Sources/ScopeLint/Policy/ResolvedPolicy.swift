/// A policy with `extends` flattened: for every catalog scope, the allowed range, the risk
/// rows and any accepted risk. Arrays are indexed by `ScopeID.index`, so rules compare
/// integers and never look names up.
///
/// A class of constants: every account's context and every rule passes policies around, and
/// a reference costs one retain where a struct of a dozen arrays cost a dozen. Nothing changes
/// once `PolicyLibrary` has resolved it, so it is safely shared between threads.
package final class ResolvedPolicy: Sendable {
    package let id: String
    package let title: String
    package let source: Policy.Source?
    package let description: String?
    package let file: String
    /// Built into the binary: advice never says to edit it (see `Policy.isBundled`).
    package var isBundled: Bool { SourceLocation.bundledPolicyID(file) != nil }
    package let position: TextPosition
    package let appliesTo: Policy.AppliesTo?
    /// Every policy this one extends, directly or not, nearest first.
    package let ancestors: [String]
    package let unlisted: Policy.Unlisted
    package let minimum: [Int]
    package let maximum: [Int]
    /// Where each scope's bound was written, when a policy in the chain lists it.
    package let listedAt: [SourceLocation?]
    package let risks: [[Policy.Risk]]
    package let accepted: [String?]
    package let severity: [RuleID: Policy.SeverityOverride]
    package let companions: [Policy.Companion]
    /// Each scope's lowest risk row level (`Int.max` for none): every rule and the diff ask
    /// for the risk of every granted scope, and most have none at the level held.
    private let lowestRiskLevel: [Int]

    package init(
        id: String, title: String, source: Policy.Source?, description: String?, file: String, position: TextPosition,
        appliesTo: Policy.AppliesTo?, ancestors: [String], unlisted: Policy.Unlisted, minimum: [Int], maximum: [Int],
        listedAt: [SourceLocation?], risks: [[Policy.Risk]], accepted: [String?],
        severity: [RuleID: Policy.SeverityOverride], companions: [Policy.Companion]
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.description = description
        self.file = file
        self.position = position
        self.appliesTo = appliesTo
        self.ancestors = ancestors
        self.unlisted = unlisted
        self.minimum = minimum
        self.maximum = maximum
        self.listedAt = listedAt
        self.risks = risks
        self.accepted = accepted
        self.severity = severity
        self.companions = companions
        lowestRiskLevel = risks.map { $0.lazy.map(\.level).min() ?? Int.max }
    }

    /// An integration policy is one that says which accounts it applies to.
    package var isIntegration: Bool { appliesTo != nil }

    /// The highest risk row at or below `level`, if the scope is risky there.
    package func risk(for scope: ScopeID, at level: Int) -> Policy.Risk? {
        guard level > 0, level >= lowestRiskLevel[scope.index] else { return nil }
        // By index: a row is copied (its strings retained) once, when it is the answer.
        let rows = risks[scope.index]
        var found: Int?
        for index in rows.indices where rows[index].level <= level {
            if let best = found,
                rows[index].level < rows[best].level
                    || (rows[index].level == rows[best].level && rows[index].severity <= rows[best].severity)
            {
                continue
            }
            found = index
        }
        return found.map { rows[$0] }
    }

    /// Does this policy allow exactly the catalog's range for the scope (nothing to check)?
    package func isUnconstrained(_ scope: ScopeID, catalog: Catalog) -> Bool {
        minimum[scope.index] == 0 && maximum[scope.index] == catalog[scope].highestLevel
    }
}
