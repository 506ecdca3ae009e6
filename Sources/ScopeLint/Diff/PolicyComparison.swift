/// What one policy allows that another does not, scope by scope: for a vendor updating a
/// requirement, or a reviewer comparing a team's policy with the bundled one.
package struct PolicyComparison: Sendable {
    package struct Row: Sendable {
        package var scope: ScopeID
        package var name: String
        package var a: String
        package var b: String
        /// Levels the first policy allows and the second does not, lowest first.
        package var onlyA: [String]
        package var onlyB: [String]
        package var acceptedA: Bool
        package var acceptedB: Bool

        package var differs: Bool { !onlyA.isEmpty || !onlyB.isEmpty || acceptedA != acceptedB }
    }

    package var a: ResolvedPolicy
    package var b: ResolvedPolicy
    package var rows: [Row]
    package var companionsOnlyA: [String]
    package var companionsOnlyB: [String]

    package var differences: Int { rows.count(where: \.differs) + companionsOnlyA.count + companionsOnlyB.count }

    package static func compare(_ a: ResolvedPolicy, _ b: ResolvedPolicy, catalog: Catalog) -> PolicyComparison {
        var rows: [Row] = []
        for scope in catalog.scopes {
            let i = scope.id.index
            let rangeA = a.minimum[i]...a.maximum[i]
            let rangeB = b.minimum[i]...b.maximum[i]
            let levels = 0...scope.highestLevel
            rows.append(
                Row(
                    scope: scope.id, name: scope.name,
                    a: scope.rangeText(min: a.minimum[i], max: a.maximum[i]),
                    b: scope.rangeText(min: b.minimum[i], max: b.maximum[i]),
                    onlyA: levels.filter { rangeA.contains($0) && !rangeB.contains($0) }.map(scope.levelName),
                    onlyB: levels.filter { rangeB.contains($0) && !rangeA.contains($0) }.map(scope.levelName),
                    acceptedA: a.accepted[i] != nil, acceptedB: b.accepted[i] != nil))
        }
        let titlesA = a.companions.map(\.title)
        let titlesB = b.companions.map(\.title)
        return PolicyComparison(
            a: a, b: b, rows: rows,
            companionsOnlyA: titlesA.filter { !titlesB.contains($0) },
            companionsOnlyB: titlesB.filter { !titlesA.contains($0) })
    }
}
