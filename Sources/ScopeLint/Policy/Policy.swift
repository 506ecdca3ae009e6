/// A policy as written in its file, already checked against the catalog, with the position
/// of everything an error or finding may need to point at. `PolicyResolver` flattens
/// `extends` into a `ResolvedPolicy`; rules only ever see resolved policies.
package struct Policy: Sendable {
    package enum Unlisted: String, Sendable {
        /// Scopes the policy does not list must stay at their lowest level.
        case none
        /// Scopes the policy does not list are not checked.
        case any
    }

    /// Which accounts a policy is for, when no `--policy` is given.
    package struct AppliesTo: Sendable {
        /// Glob patterns (`*`, `?`), matched against the account name ignoring case.
        package var accountNames: [String] = []
        package var types: [AccountType] = []
        /// The store must also have an account of one of these types (CSM's B2B tokens).
        package var storeHasAccountTypes: [AccountType] = []
        /// The account holds each of these scopes at least at its level (`account_holds`). With
        /// `storeHasAccountTypes` it is the other route to the same fact, so either is enough:
        /// a store uses B2B Edition through B2B-panel tokens or through the B2B Edition scope.
        package var accountHolds: [Policy.Holding] = []
    }

    /// A scope held at least at `level` (`{ "B2B Edition": "modify" }`).
    package struct Holding: Sendable, Equatable {
        package var scope: ScopeID
        package var level: Int

        /// Does an account with these levels (indexed by `ScopeID.index`) hold it?
        package func isHeld(in levels: [Int]) -> Bool { levels[scope.index] >= level }
    }

    package struct Requirement: Sendable {
        package var scope: ScopeID
        package var min: Int
        package var max: Int
        package var position: TextPosition
    }

    package struct Acceptance: Sendable {
        package var scope: ScopeID
        package var reason: String
        package var position: TextPosition
    }

    /// A row of the risk catalog: from `level` up, holding `scope` risks `harm`.
    package struct Risk: Sendable, Equatable {
        package var scope: ScopeID
        package var level: Int
        package var severity: Severity
        package var harm: String
        package var position: TextPosition
    }

    /// Another API account the integration needs in the same store (CSM's B2B Edition tokens).
    package struct Companion: Sendable {
        package var title: String
        package var types: [AccountType]
        package var accountNames: [String]
        package var how: String?
        /// The other route (`unless_account_holds`): the companion is not needed when the
        /// account the policy applies to holds these (CSM's B2B tokens, or the B2B Edition scope).
        package var unlessAccountHolds: [Holding] = []
        package var position: TextPosition
    }

    /// The page a policy was written from. A policy file may give it as one string (the form
    /// older policies use, kept working) or as `{ title, url, read }`, which every bundled
    /// policy uses so a user can open the page and see how old the reading is.
    package struct Source: Sendable, Equatable {
        package var title: String
        /// An absolute http(s) address; `PolicyLoader` refuses anything else.
        package var url: String?
        /// The day the page was read, `YYYY-MM-DD`.
        package var read: String?

        package init(title: String, url: String? = nil, read: String? = nil) {
            self.title = title
            self.url = url
            self.read = read
        }

        /// One line for people: `Title <https://...>, read 2026-11-29`.
        package var line: String {
            var text = title
            if let url { text += " <\(url)>" }
            if let read { text += ", read \(read)" }
            return text
        }
    }

    package enum SeverityOverride: Sendable, Equatable {
        case severity(Severity)
        case off
    }

    package var id: String
    package var title: String
    package var source: Source?
    package var description: String?
    package var file: String
    /// Built into the binary: a user cannot edit it, only extend it or replace it by id.
    package var isBundled: Bool { SourceLocation.bundledPolicyID(file) != nil }
    package var position: TextPosition
    package var appliesTo: AppliesTo?
    package var extends: [(id: String, position: TextPosition)]
    package var unlisted: Unlisted
    package var requirements: [Requirement]
    package var accepts: [Acceptance]
    package var risks: [Risk]
    package var severity: [RuleID: SeverityOverride]
    package var companions: [Companion]
}

extension Policy.Companion {
    /// Does an account holding these levels use the other route, so needs no companion?
    package func isWaived(by levels: [Int]) -> Bool {
        !unlessAccountHolds.isEmpty && unlessAccountHolds.allSatisfy { $0.isHeld(in: levels) }
    }
}
