/// How levels and policy ranges read in reports.
extension ScopeDefinition {
    /// The control panel's spelling of a level: "Read-only", "Modify", "None".
    package func panelSpelling(_ level: Int) -> String {
        let name = levelName(level)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// A policy's allowed range in words: "modify", "at most read-only", "at least modify",
    /// "read-only to modify", "any".
    package func rangeText(min: Int, max: Int) -> String {
        if min == max { return levelName(min) }
        if min == 0 && max == highestLevel { return "any" }
        if min == 0 { return "at most \(levelName(max))" }
        if max == highestLevel { return "at least \(levelName(min))" }
        return "\(levelName(min)) to \(levelName(max))"
    }
}
