/// A policy with `extends` flattened: for every catalog scope, the allowed range, the risk
/// rows and any accepted risk. Arrays are indexed by `ScopeID.index`, so rules compare
/// integers and never look names up.
public struct ResolvedPolicy: Sendable {
    public var id: String
    public var title: String
    public var source: String?
    public var description: String?
    public var file: String
    public var position: TextPosition
    public var appliesTo: Policy.AppliesTo?
    /// Every policy this one extends, directly or not, nearest first.
    public var ancestors: [String]
    public var unlisted: Policy.Unlisted
    public var minimum: [Int]
    public var maximum: [Int]
    /// Where each scope's bound was written, when a policy in the chain lists it.
    public var listedAt: [SourceLocation?]
    public var risks: [[Policy.Risk]]
    public var accepted: [String?]
    public var severity: [RuleID: Policy.SeverityOverride]
    public var companions: [Policy.Companion]
    /// The rules' messages for this policy, made once each.
    public let messages = MessageMemo()

    /// An integration policy is one that says which accounts it applies to.
    public var isIntegration: Bool { appliesTo != nil }

    /// The highest risk row at or below `level`, if the scope is risky there.
    public func risk(for scope: ScopeID, at level: Int) -> Policy.Risk? {
        guard level > 0 else { return nil }
        var found: Policy.Risk?
        for row in risks[scope.index] where row.level <= level {
            if found == nil || row.level > found!.level || (row.level == found!.level && row.severity > found!.severity) { found = row }
        }
        return found
    }

    /// Does this policy allow exactly the catalog's range for the scope (nothing to check)?
    public func isUnconstrained(_ scope: ScopeID, catalog: Catalog) -> Bool {
        minimum[scope.index] == 0 && maximum[scope.index] == catalog[scope].highestLevel
    }
}
