import ScopeLint

/// `scopelint scopes`: the catalog, in control-panel order, with each level's OAuth
/// parameter and the risks least-privilege lists.
enum ScopesCommand: Command {
    static let spec = CommandSpec(
        name: "scopes",
        abstract: "Print the scope catalog: levels, OAuth parameters and risks.",
        options: [Options.policies, Options.config])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let configuration = try CommandSupport.configuration(arguments, console: console)
        var library = try PolicyLibrary.bundled()
        for directory in configuration.policyFolders + arguments.all(Options.policies) {
            try library.addDirectory(directory)
        }
        let catalog = library.catalog
        let baseline = try library.resolve(LintEngine.fallbackPolicyID)
        var out = ""
        var kind: ScopeKind?
        for scope in catalog.scopes {
            if scope.kind != kind {
                kind = scope.kind
                if !out.isEmpty { out += "\n" }
                out +=
                    scope.kind == .store
                    ? "Store resource scopes (store-level and app accounts)\n"
                    : "Account resource scopes (account-level accounts): one checkbox per permission, any of a\nresource's may be selected, and each is its own scope\n"
            }
            // An account-level resource shows once, its permissions as the panel's checkboxes.
            if let group = scope.group {
                let members = catalog.permissions(of: scope.id)
                if members.first == scope.id {
                    let also =
                        scope.nameAliases.filter { $0 != group }
                        + scope.accountLevelAliases.map { "\($0) on account-level accounts" }
                    out += "\n  \(group)"
                    if !also.isEmpty { out += "  (also: \(also.joined(separator: ", ")))" }
                    out += "\n    scopes: \(members.map { catalog[$0].name }.joined(separator: ", "))\n"
                }
                let level = scope.levels[1]
                out += "    [ ] \(level.name.padding(11)) \(level.parameter ?? "-")\n"
                if let risk = baseline.risks[scope.id.index].first(where: { $0.level == 1 }) {
                    out += "      risk (\(risk.severity.rawValue)): \(risk.harm)\n"
                }
                continue
            }
            out += "\n  \(scope.name)"
            if !scope.nameAliases.isEmpty { out += "  (also: \(scope.nameAliases.joined(separator: ", ")))" }
            out += "\n"
            for (index, level) in scope.levels.enumerated() {
                var line = "    \(level.name.padding(15)) \(level.parameter ?? "-")"
                let aliases = scope.parameterAliases.filter { $0.level == index }.map(\.parameter)
                if !aliases.isEmpty { line += " (also \(aliases.joined(separator: ", ")))" }
                if let risk = baseline.risks[scope.id.index].first(where: { $0.level == index }) {
                    line += "\n      risk (\(risk.severity.rawValue)): \(risk.harm)"
                }
                out += line + "\n"
            }
            if let note = scope.note { out += "    note: \(note)\n" }
        }
        out +=
            "\nImplicit on every token, never reported: \(catalog.implicitParameters.sorted().joined(separator: ", "))\n"
        console.out += out
        return 0
    }
}
