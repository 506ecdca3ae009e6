/// A dense index into the catalog. Its order is the control panel's order, so sorting by
/// `ScopeID` sorts scopes the way a person sees them on the Create API account page.
package struct ScopeID: Hashable, Comparable, Sendable {
    package let index: Int
    package init(_ index: Int) { self.index = index }
    package static func < (a: ScopeID, b: ScopeID) -> Bool { a.index < b.index }
}

/// Store resource scopes belong to store-level and app tokens; account scopes to
/// account-level API accounts.
package enum ScopeKind: String, Sendable {
    case store
    case account
}

/// One step of a scope's access, lowest first. Level 0 is what an account has when the
/// scope is not granted (`none`, or `standard` for Metafields Access).
package struct ScopeLevel: Sendable {
    /// The control panel's label, lower case ("read-only", "modify", "login").
    package let name: String
    /// The OAuth parameter a token carries at this level; nil for level 0.
    package let parameter: String?
    /// Other labels for this level seen in BigCommerce's docs, older UIs or guides.
    package let spellings: [String]
    /// A granted level whose OAuth parameter BigCommerce's docs do not publish (B2B Edition):
    /// it has no parameter here, so a scope string cannot name it and only names reach it.
    package let parameterUnpublished: Bool

    package init(
        _ name: String, _ parameter: String? = nil, spellings: [String] = [], parameterUnpublished: Bool = false
    ) {
        self.name = name
        self.parameter = parameter
        self.spellings = spellings
        self.parameterUnpublished = parameterUnpublished
    }
}

/// One scope of the control panel: its name, levels and the parameters that encode them.
package struct ScopeDefinition: Sendable {
    package let id: ScopeID
    package let name: String
    package let kind: ScopeKind
    package let levels: [ScopeLevel]
    /// Older or alternative UI names ("Payments - Get accepted methods").
    package let nameAliases: [String]
    /// Parameters from BigCommerce's own specs that differ from the guide's, with the level they mean.
    package let parameterAliases: [(parameter: String, level: Int)]
    /// A fact worth showing next to the scope (which accounts can have it, what the docs call a level).
    package let note: String?
    /// Granted to app-level accounts only: a store-level account's form does not offer it.
    package let appOnly: Bool
    /// The account-level resource this permission belongs to ("Account Users"); nil for store scopes.
    package let group: String?
    /// Names that mean this resource on account-level accounts only ("Checkouts").
    package let accountLevelAliases: [String]

    package var highestLevel: Int { levels.count - 1 }

    package func levelName(_ level: Int) -> String { levels[level].name }
}
