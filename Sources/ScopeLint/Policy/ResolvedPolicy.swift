/// A policy with `extends` flattened: for every catalog scope, the allowed range, the risk
/// rows and any accepted risk. Arrays are indexed by `ScopeID.index`, so rules compare
/// integers and never look names up.
///
/// The fields live in one shared, copy-on-write box: every account's context and every rule
/// passes policies around, and copying a dozen arrays and strings each time (a retain and a
/// release apiece) was a fifth of a fleet lint's time.
public struct ResolvedPolicy: Sendable {
    // @unchecked: the box is only written through `unique()`, which copies it first when
    // it is shared, so no two values ever see one box change.
    private final class Storage: @unchecked Sendable {
        var id: String
        var title: String
        var source: String?
        var description: String?
        var file: String
        var position: TextPosition
        var appliesTo: Policy.AppliesTo?
        var ancestors: [String]
        var unlisted: Policy.Unlisted
        var minimum: [Int]
        var maximum: [Int]
        var listedAt: [SourceLocation?]
        var risks: [[Policy.Risk]]
        var accepted: [String?]
        var severity: [RuleID: Policy.SeverityOverride]
        var companions: [Policy.Companion]
        /// The rules' messages for this policy, made once each.
        let messages = MessageMemo()

        init(
            id: String, title: String, source: String?, description: String?, file: String, position: TextPosition,
            appliesTo: Policy.AppliesTo?, ancestors: [String], unlisted: Policy.Unlisted, minimum: [Int],
            maximum: [Int], listedAt: [SourceLocation?], risks: [[Policy.Risk]], accepted: [String?],
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
        }

        func copy() -> Storage {
            Storage(
                id: id, title: title, source: source, description: description, file: file, position: position,
                appliesTo: appliesTo, ancestors: ancestors, unlisted: unlisted, minimum: minimum, maximum: maximum,
                listedAt: listedAt, risks: risks, accepted: accepted, severity: severity, companions: companions)
        }
    }

    private var storage: Storage

    public init(
        id: String, title: String, source: String?, description: String?, file: String, position: TextPosition,
        appliesTo: Policy.AppliesTo?, ancestors: [String], unlisted: Policy.Unlisted, minimum: [Int], maximum: [Int],
        listedAt: [SourceLocation?], risks: [[Policy.Risk]], accepted: [String?],
        severity: [RuleID: Policy.SeverityOverride], companions: [Policy.Companion]
    ) {
        storage = Storage(
            id: id, title: title, source: source, description: description, file: file, position: position,
            appliesTo: appliesTo, ancestors: ancestors, unlisted: unlisted, minimum: minimum, maximum: maximum,
            listedAt: listedAt, risks: risks, accepted: accepted, severity: severity, companions: companions)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var id: String {
        get { storage.id }
        _modify { yield &unique().id }
    }

    public var title: String {
        get { storage.title }
        _modify { yield &unique().title }
    }

    public var source: String? {
        get { storage.source }
        _modify { yield &unique().source }
    }

    public var description: String? {
        get { storage.description }
        _modify { yield &unique().description }
    }

    public var file: String {
        get { storage.file }
        _modify { yield &unique().file }
    }

    public var position: TextPosition {
        get { storage.position }
        _modify { yield &unique().position }
    }

    public var appliesTo: Policy.AppliesTo? {
        get { storage.appliesTo }
        _modify { yield &unique().appliesTo }
    }

    /// Every policy this one extends, directly or not, nearest first.
    public var ancestors: [String] {
        get { storage.ancestors }
        _modify { yield &unique().ancestors }
    }

    public var unlisted: Policy.Unlisted {
        get { storage.unlisted }
        _modify { yield &unique().unlisted }
    }

    public var minimum: [Int] {
        get { storage.minimum }
        _modify { yield &unique().minimum }
    }

    public var maximum: [Int] {
        get { storage.maximum }
        _modify { yield &unique().maximum }
    }

    /// Where each scope's bound was written, when a policy in the chain lists it.
    public var listedAt: [SourceLocation?] {
        get { storage.listedAt }
        _modify { yield &unique().listedAt }
    }

    public var risks: [[Policy.Risk]] {
        get { storage.risks }
        _modify { yield &unique().risks }
    }

    public var accepted: [String?] {
        get { storage.accepted }
        _modify { yield &unique().accepted }
    }

    public var severity: [RuleID: Policy.SeverityOverride] {
        get { storage.severity }
        _modify { yield &unique().severity }
    }

    public var companions: [Policy.Companion] {
        get { storage.companions }
        _modify { yield &unique().companions }
    }

    /// The rules' messages for this policy, made once each.
    public var messages: MessageMemo { storage.messages }

    /// An integration policy is one that says which accounts it applies to.
    public var isIntegration: Bool { appliesTo != nil }

    /// The highest risk row at or below `level`, if the scope is risky there.
    public func risk(for scope: ScopeID, at level: Int) -> Policy.Risk? {
        guard level > 0 else { return nil }
        var found: Policy.Risk?
        for row in risks[scope.index] where row.level <= level {
            if found == nil || row.level > found!.level || (row.level == found!.level && row.severity > found!.severity)
            {
                found = row
            }
        }
        return found
    }

    /// Does this policy allow exactly the catalog's range for the scope (nothing to check)?
    public func isUnconstrained(_ scope: ScopeID, catalog: Catalog) -> Bool {
        minimum[scope.index] == 0 && maximum[scope.index] == catalog[scope].highestLevel
    }
}
