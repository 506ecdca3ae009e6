/// A policy as written in its file, already checked against the catalog, with the position
/// of everything an error or finding may need to point at. `PolicyResolver` flattens
/// `extends` into a `ResolvedPolicy`; rules only ever see resolved policies.
public struct Policy: Sendable {
    public enum Unlisted: String, Sendable {
        /// Scopes the policy does not list must stay at their lowest level.
        case none
        /// Scopes the policy does not list are not checked.
        case any
    }

    /// Which accounts a policy is for, when no `--policy` is given.
    public struct AppliesTo: Sendable {
        /// Glob patterns (`*`, `?`), matched against the account name ignoring case.
        public var accountNames: [String] = []
        public var types: [AccountType] = []
        /// The store must also have an account of one of these types (CSM's B2B tokens).
        public var storeHasAccountTypes: [AccountType] = []
    }

    public struct Requirement: Sendable {
        public var scope: ScopeID
        public var min: Int
        public var max: Int
        public var position: TextPosition
    }

    public struct Acceptance: Sendable {
        public var scope: ScopeID
        public var reason: String
        public var position: TextPosition
    }

    /// A row of the risk catalog: from `level` up, holding `scope` risks `harm`.
    public struct Risk: Sendable, Equatable {
        public var scope: ScopeID
        public var level: Int
        public var severity: Severity
        public var harm: String
        public var position: TextPosition
    }

    /// Another API account the integration needs in the same store (CSM's B2B Edition tokens).
    public struct Companion: Sendable {
        public var title: String
        public var types: [AccountType]
        public var accountNames: [String]
        public var how: String?
        public var position: TextPosition
    }

    public enum SeverityOverride: Sendable, Equatable {
        case severity(Severity)
        case off
    }

    public var id: String
    public var title: String
    public var source: String?
    public var description: String?
    public var file: String
    public var position: TextPosition
    public var appliesTo: AppliesTo?
    public var extends: [(id: String, position: TextPosition)]
    public var unlisted: Unlisted
    public var requirements: [Requirement]
    public var accepts: [Acceptance]
    public var risks: [Risk]
    public var severity: [RuleID: SeverityOverride]
    public var companions: [Companion]
}
