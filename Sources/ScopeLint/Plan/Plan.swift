/// The control-panel settings of one new store-level API account that satisfies several
/// policies together: for each scope the least level that meets every minimum, provided it
/// stays within every maximum. Store-level scopes cannot be edited after creation, so every
/// fix is a new account, a hand-over, and the deletion of the old one.
package struct Plan: Sendable {
    package struct Setting: Sendable {
        package var scope: ScopeID
        package var name: String
        package var level: Int
        /// The control panel's spelling ("Read-only").
        package var panelLevel: String
        package var parameter: String?
        /// Whether the level differs from the form's default (the lowest level).
        package var changed: Bool
    }

    package var policies: [ResolvedPolicy]
    package var settings: [Setting]
    package var companions: [Policy.Companion]
    /// A name for the account that the policies' `applies_to` will recognize.
    package var suggestedName: String

    /// The OAuth parameters of the plan, as an app's scope string would list them.
    package var parameters: [String] { settings.compactMap { $0.changed ? $0.parameter : nil } }

    package static func make(_ policies: [ResolvedPolicy], catalog: Catalog) throws(ScopeLintError) -> Plan {
        // A companion with another route (`unless_account_holds`) is planned by that route: the
        // new account holds the scopes instead (B2B API accounts are no longer created in the B2B
        // panel; the B2B Edition scope on the store-level account replaces them).
        var routed = Array(repeating: 0, count: catalog.scopes.count)
        for policy in policies {
            for companion in policy.companions {
                for holding in companion.unlessAccountHolds {
                    routed[holding.scope.index] = max(routed[holding.scope.index], holding.level)
                }
            }
        }
        var settings: [Setting] = []
        for scope in catalog.scopes {
            let i = scope.id.index
            guard let needs = policies.max(by: { $0.minimum[i] < $1.minimum[i] }),
                let caps = policies.min(by: { $0.maximum[i] < $1.maximum[i] })
            else { continue }
            let level = max(needs.minimum[i], min(routed[i], caps.maximum[i]))
            if level > caps.maximum[i] {
                let at = needs.listedAt[i] ?? SourceLocation(file: needs.file, position: needs.position)
                throw .invalid(
                    file: at.file, position: at.position,
                    message:
                        "\(scope.name): \(needs.id) needs at least \(scope.levelName(level)) but \(caps.id) allows at most \(scope.levelName(caps.maximum[i])); one account cannot satisfy both, so give each integration its own API account"
                )
            }
            if scope.kind == .account || scope.appOnly {
                if level > 0 {
                    let kind = scope.appOnly ? "an app-only scope" : "an account-level scope"
                    throw .invalid(
                        file: needs.file, position: nil,
                        message: "\(scope.name): \(needs.id) needs \(kind), which a store-level account cannot have")
                }
                continue
            }
            settings.append(
                Setting(
                    scope: scope.id, name: scope.name, level: level, panelLevel: scope.panelSpelling(level),
                    parameter: scope.levels[level].parameter, changed: level > 0))
        }
        // A companion is left out only when the planned account really holds its other route: a
        // policy that caps the scope lower keeps the companion account in the plan.
        var planned = Array(repeating: 0, count: catalog.scopes.count)
        for setting in settings { planned[setting.scope.index] = setting.level }
        var companions: [Policy.Companion] = []
        for policy in policies {
            for companion in policy.companions
            where !companion.isWaived(by: planned) && !companions.contains(where: { $0.title == companion.title }) {
                companions.append(companion)
            }
        }
        return Plan(
            policies: policies, settings: settings, companions: companions, suggestedName: suggestName(policies))
    }

    /// The first account-name pattern without its wildcards, else the titles.
    static func suggestName(_ policies: [ResolvedPolicy]) -> String {
        if policies.count == 1, let pattern = policies[0].appliesTo?.accountNames.first {
            let name = pattern.filter { $0 != "*" && $0 != "?" }.trimmingWhitespace()
            if !name.isEmpty { return name }
        }
        return policies.map(\.title).joined(separator: " + ")
    }
}
