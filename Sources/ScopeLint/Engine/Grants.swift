/// An account's scope entries resolved against the catalog: one level per catalog scope,
/// plus what could not be resolved cleanly. Built once per account; rules only read it.
package struct Grants: Sendable {
    package struct Normalization: Sendable {
        package enum Kind: Sendable {
            case scopeName
            case level
            case parameter
        }

        package var kind: Kind
        package var scope: ScopeID
        package var written: String
        package var readAs: String
        package var position: TextPosition
    }

    package struct Conflict: Sendable {
        package var scope: ScopeID
        package var levels: [Int]
        package var positions: [TextPosition]
    }

    /// The account's level for each scope (level 0 when absent). When a scope appears twice,
    /// the higher level: a token with both has the larger access.
    package var levels: [Int]
    /// Where each scope's (highest) entry is, when the input lists it.
    package var positions: [TextPosition?]
    package var unknown: [ScopeEntry] = []
    package var normalized: [Normalization] = []
    package var conflicts: [Conflict] = []

    /// Resolves the entries; a known scope with a level it does not have is an input error.
    /// `accountLevel`: the account is account-level, where "Checkouts" is the account resource.
    package static func resolve(
        _ entries: [ScopeEntry], file: String, catalog: Catalog, accountLevel: Bool = false
    ) throws(ScopeLintError) -> Grants {
        let count = catalog.scopes.count
        var grants = Grants(levels: Array(repeating: 0, count: count), positions: Array(repeating: nil, count: count))
        var conflictIndex: [Int: Int] = [:]
        // By index: each entry is read in place, not copied (an export has millions).
        for entryIndex in entries.indices {
            guard
                let (scope, level) = try resolve(
                    entries[entryIndex], file: file, catalog: catalog, accountLevel: accountLevel, into: &grants)
            else { continue }
            let position = entries[entryIndex].position
            let index = scope.index
            // A scope seen before has a position: every resolved entry records one.
            if grants.positions[index] != nil {
                if grants.levels[index] != level || conflictIndex[index] != nil {
                    if let existing = conflictIndex[index] {
                        grants.conflicts[existing].levels.append(level)
                        grants.conflicts[existing].positions.append(position)
                    } else if grants.levels[index] != level {
                        conflictIndex[index] = grants.conflicts.count
                        grants.conflicts.append(
                            Conflict(
                                scope: scope, levels: [grants.levels[index], level],
                                positions: [grants.positions[index] ?? position, position]))
                    }
                }
                if level > grants.levels[index] {
                    grants.levels[index] = level
                    grants.positions[index] = position
                }
            } else {
                grants.levels[index] = level
                grants.positions[index] = position
            }
        }
        return grants
    }

    /// The scope and level an entry grants, from what its key and level mean in the catalog;
    /// nil for an implicit or unknown scope (the unknown ones are kept).
    private static func resolve(
        _ entry: ScopeEntry, file: String, catalog: Catalog, accountLevel: Bool, into grants: inout Grants
    ) throws(ScopeLintError) -> (ScopeID, Int)? {
        // The scope the key names, and the level when it is a bare parameter (which carries its own).
        let named: (scope: ScopeID, level: Int?)? = catalog.withKey(entry.key, word: entry.keyWord) { key in
            if entry.level == nil && key.isImplicit { return nil }
            if entry.level != nil, accountLevel, let id = catalog.accountLevelScope(named: entry.key) {
                return (id, nil)
            }
            if entry.level != nil, let id = key.scope {
                // A resource's own name ("Users") is the panel's spelling, not a variant of one.
                if !key.isCanonicalName && !catalog.isResourceName(entry.key, of: id) {
                    grants.normalized.append(
                        Normalization(
                            kind: .scopeName, scope: id, written: entry.key, readAs: catalog[id].name,
                            position: entry.position))
                }
                return (id, nil)
            }
            // A parameter: bare, or used as a key that the value gives the level for.
            guard let match = key.parameter else {
                grants.unknown.append(entry)
                return nil
            }
            if !key.isCanonicalParameter { normalizeParameter(entry, match, catalog: catalog, into: &grants) }
            return (match.scope, match.level)
        }
        guard let named else { return nil }
        guard let levelText = entry.level else { return (named.scope, named.level ?? 0) }
        let scope = named.scope
        guard let level = catalog.level(levelText, word: entry.levelWord, of: scope) else {
            // "Account Users": "delete" names the resource and one of its permissions.
            if let (member, match) = catalog.permission(levelText, of: scope) { return (member, match.level) }
            throw .invalid(
                file: file, position: entry.position,
                message:
                    "\(catalog[scope].name) has no level '\(Redactor.redact(levelText))'; expected one of \(catalog.levelNames(of: scope).joined(separator: ", "))"
            )
        }
        if level.normalized {
            grants.normalized.append(
                Normalization(
                    kind: .level, scope: scope, written: levelText, readAs: catalog[scope].levelName(level.level),
                    position: entry.position))
        }
        return (scope, level.level)
    }

    /// A parameter written other than as the guide writes it is read, and reported, as the guide's.
    private static func normalizeParameter(
        _ entry: ScopeEntry, _ match: Catalog.ParameterMatch, catalog: Catalog, into grants: inout Grants
    ) {
        // Called only when the key's word says it is not the guide's spelling.
        let canonical = match.canonical ?? catalog[match.scope].levels[match.level].parameter ?? entry.key
        grants.normalized.append(
            Normalization(
                kind: .parameter, scope: match.scope, written: entry.key, readAs: canonical, position: entry.position))
    }
}
