/// An account's scope entries resolved against the catalog: one level per catalog scope,
/// plus what could not be resolved cleanly. Built once per account; rules only read it.
public struct Grants: Sendable {
    public struct Normalization: Sendable {
        public enum Kind: Sendable {
            case scopeName
            case level
            case parameter
        }

        public var kind: Kind
        public var scope: ScopeID
        public var written: String
        public var readAs: String
        public var position: TextPosition
    }

    public struct Conflict: Sendable {
        public var scope: ScopeID
        public var levels: [Int]
        public var positions: [TextPosition]
    }

    /// The account's level for each scope (level 0 when absent). When a scope appears twice,
    /// the higher level: a token with both has the larger access.
    public var levels: [Int]
    /// Where each scope's (highest) entry is, when the input lists it.
    public var positions: [TextPosition?]
    public var unknown: [ScopeEntry] = []
    public var normalized: [Normalization] = []
    public var conflicts: [Conflict] = []

    /// Resolves the entries; a known scope with a level it does not have is an input error.
    public static func resolve(_ entries: [ScopeEntry], file: String, catalog: Catalog) throws(ScopeLintError) -> Grants
    {
        let count = catalog.scopes.count
        var grants = Grants(levels: Array(repeating: 0, count: count), positions: Array(repeating: nil, count: count))
        var conflictIndex: [Int: Int] = [:]
        // By index: each entry is read in place, not copied (an export has millions).
        for entryIndex in entries.indices {
            guard let (scope, level) = try resolve(entries[entryIndex], file: file, catalog: catalog, into: &grants)
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

    private static func resolve(_ entry: ScopeEntry, file: String, catalog: Catalog, into grants: inout Grants)
        throws(ScopeLintError) -> (ScopeID, Int)?
    {
        if entry.keyWord >= 0 { return try resolveWord(entry, file: file, catalog: catalog, into: &grants) }
        guard let levelText = entry.level else {
            // A bare OAuth parameter carries its own level.
            if catalog.implicitParameters.contains(entry.key) { return nil }
            // Implicit scopes are accepted silently in any letter case, like other parameters.
            if entry.key.utf8.count <= Catalog.longestName, catalog.implicitParameters.contains(entry.key.lowercased())
            {
                return nil
            }
            guard let match = catalog.parameter(entry.key) else {
                grants.unknown.append(entry)
                return nil
            }
            normalizeParameter(entry, match, catalog: catalog, into: &grants)
            return (match.scope, match.level)
        }
        let scope: ScopeID
        if let id = catalog.scope(named: entry.key) {
            scope = id
            if catalog[id].name != entry.key {
                grants.normalized.append(
                    Normalization(
                        kind: .scopeName, scope: id, written: entry.key, readAs: catalog[id].name,
                        position: entry.position))
            }
        } else if let match = catalog.parameter(entry.key) {
            // A parameter used as a key names the scope; the value gives the level.
            scope = match.scope
            normalizeParameter(entry, match, catalog: catalog, into: &grants)
        } else {
            grants.unknown.append(entry)
            return nil
        }
        return try resolveLevel(levelText, of: scope, entry: entry, file: file, catalog: catalog, into: &grants)
    }

    /// The same answers as the text lookups above, read from the spelling table's words.
    private static func resolveWord(_ entry: ScopeEntry, file: String, catalog: Catalog, into grants: inout Grants)
        throws(ScopeLintError) -> (ScopeID, Int)?
    {
        // Fields are read in place; copying a word would copy its strings and arrays.
        let words = catalog.spellings.words
        let key = Int(entry.keyWord)
        guard let levelText = entry.level else {
            if words[key].isImplicit { return nil }
            guard let match = words[key].parameter else {
                grants.unknown.append(entry)
                return nil
            }
            if !words[key].isCanonicalParameter { normalizeParameter(entry, match, catalog: catalog, into: &grants) }
            return (match.scope, match.level)
        }
        let scope: ScopeID
        if let id = words[key].scope {
            scope = id
            if !words[key].isCanonicalName {
                grants.normalized.append(
                    Normalization(
                        kind: .scopeName, scope: id, written: entry.key, readAs: catalog[id].name,
                        position: entry.position))
            }
        } else if let match = words[key].parameter {
            scope = match.scope
            if !words[key].isCanonicalParameter { normalizeParameter(entry, match, catalog: catalog, into: &grants) }
        } else {
            grants.unknown.append(entry)
            return nil
        }
        if entry.levelWord >= 0 {
            let levelWord = Int(entry.levelWord)
            if !words[levelWord].levels.isEmpty, let level = words[levelWord].levels[scope.index] {
                if level.normalized {
                    grants.normalized.append(
                        Normalization(
                            kind: .level, scope: scope, written: levelText,
                            readAs: catalog[scope].levelName(level.level), position: entry.position))
                }
                return (scope, level.level)
            }
        }
        return try resolveLevel(levelText, of: scope, entry: entry, file: file, catalog: catalog, into: &grants)
    }

    /// A parameter written other than as the guide writes it is read, and reported, as the guide's.
    private static func normalizeParameter(
        _ entry: ScopeEntry, _ match: Catalog.ParameterMatch, catalog: Catalog, into grants: inout Grants
    ) {
        let canonical = match.canonical ?? catalog[match.scope].levels[match.level].parameter ?? entry.key
        if canonical != entry.key {
            grants.normalized.append(
                Normalization(
                    kind: .parameter, scope: match.scope, written: entry.key, readAs: canonical,
                    position: entry.position))
        }
    }

    private static func resolveLevel(
        _ levelText: String, of scope: ScopeID, entry: ScopeEntry, file: String, catalog: Catalog,
        into grants: inout Grants
    ) throws(ScopeLintError) -> (ScopeID, Int) {
        guard let level = catalog.level(levelText, of: scope) else {
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
}
