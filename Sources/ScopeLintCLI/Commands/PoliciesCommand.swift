import ScopeLint

/// `scopelint policies list|show|check`: what policies exist, what one requires, whether a
/// file is valid.
enum PoliciesCommand: Command {
    static let spec = CommandSpec(
        name: "policies",
        abstract: "List, show and check policies.",
        subcommands: [
            CommandSpec(
                name: "list", abstract: "List the bundled and loaded policies.", options: [Options.policyFolder]),
            CommandSpec(
                name: "show",
                abstract: "Show one policy, resolved: every scope's allowed levels, risks and companions.",
                arguments: [ArgumentSpec("id", help: "A policy id or file.")], options: [Options.policyFolder]),
            CommandSpec(
                name: "check", abstract: "Validate policy files: exit 0 when valid, 2 with a located error when not.",
                arguments: [ArgumentSpec("file", variadic: true, help: "Policy files to check.")],
                options: [Options.policyFolder]),
        ])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        var library = try PolicyLibrary.bundled()
        for directory in arguments.all(Options.policyFolder) { try library.addDirectory(directory) }
        switch arguments.subcommand {
        case "show":
            let id = try library.policyID(forArgument: arguments.positionals[0])
            console.out += show(try library.resolve(id), catalog: library.catalog)
        case "check":
            for file in arguments.positionals {
                let id = try library.addFile(file)
                let resolved = try library.resolve(id)
                let extends =
                    resolved.ancestors.isEmpty ? "" : ", extends \(resolved.ancestors.joined(separator: " > "))"
                console.out += "\(file): ok: policy '\(id)'\(extends)\n"
            }
        default:
            console.out += list(library)
        }
        return 0
    }

    static func list(_ library: PolicyLibrary) -> String {
        var out = ""
        for id in library.ids {
            guard let policy = library.policies[id] else { continue }
            out += "\(id)\n"
            out += "  \(policy.title)\n"
            if let applies = policy.appliesTo {
                out += "  applies to: \(describe(applies))\n"
            } else {
                out +=
                    "  applies to: accounts chosen with --policy \(id)\(id == LintEngine.fallbackPolicyID ? ", and every account no other policy matches" : "")\n"
            }
            if let source = policy.source { out += "  source: \(source)\n" }
        }
        return out
    }

    static func describe(_ applies: Policy.AppliesTo) -> String {
        var parts: [String] = []
        if !applies.accountNames.isEmpty {
            parts.append("accounts named \(applies.accountNames.map { "\"\($0)\"" }.joined(separator: " or "))")
        }
        if !applies.types.isEmpty { parts.append("of type \(applies.types.map(\.rawValue).joined(separator: " or "))") }
        if !applies.storeHasAccountTypes.isEmpty {
            parts.append(
                "in stores that have a \(applies.storeHasAccountTypes.map(\.rawValue).joined(separator: " or ")) account"
            )
        }
        return parts.joined(separator: ", ")
    }

    static func show(_ policy: ResolvedPolicy, catalog: Catalog) -> String {
        var out = "\(policy.id): \(policy.title)\n"
        out += "file: \(policy.file)\n"
        if let source = policy.source { out += "source: \(source)\n" }
        if !policy.ancestors.isEmpty { out += "extends: \(policy.ancestors.joined(separator: " > "))\n" }
        out += "applies to: \(policy.appliesTo.map(describe) ?? "accounts chosen with --policy \(policy.id)")\n"
        out += "unlisted scopes: \(policy.unlisted == .none ? "must be none" : "not checked")\n"
        if let description = policy.description { out += "\n" + TextWrap.wrap(description, indent: 0) + "\n" }
        out += "\nScopes (control-panel order):\n"
        let nameWidth = catalog.scopes.map(\.name.count).max() ?? 0
        for scope in catalog.scopes {
            let index = scope.id.index
            let range = scope.rangeText(min: policy.minimum[index], max: policy.maximum[index])
            let allowed =
                policy.minimum[index] == policy.maximum[index]
                ? "exactly \(range)" : range == "any" ? "any level" : range
            var line = "  " + scope.name.padding(nameWidth) + "  " + allowed
            if let reason = policy.accepted[index] { line += "  (risk accepted: \(reason))" }
            out += line + "\n"
        }
        let risks = catalog.scopes.flatMap { policy.risks[$0.id.index] }
        if !risks.isEmpty {
            out += "\nRisks:\n"
            for risk in risks {
                let scope = catalog[risk.scope]
                out +=
                    "  \(risk.severity.rawValue.padding(7))  \(scope.name) at \(scope.levelName(risk.level)) \(risk.harm)\n"
            }
        }
        if !policy.companions.isEmpty {
            out += "\nCompanion accounts:\n"
            for companion in policy.companions {
                out += "  \(companion.title)" + (companion.how.map { ": \($0)" } ?? "") + "\n"
            }
        }
        let overrides = policy.severity.sorted { $0.key < $1.key }
        if !overrides.isEmpty {
            out += "\nSeverity overrides:\n"
            for (rule, value) in overrides {
                switch value {
                case .severity(let severity): out += "  \(rule.rawValue): \(severity.rawValue)\n"
                case .off: out += "  \(rule.rawValue): off\n"
                }
            }
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
