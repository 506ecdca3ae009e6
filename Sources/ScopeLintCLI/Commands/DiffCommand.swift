import ScopeLint

/// `scopelint diff`: an export against its policies (one input), two exports against each
/// other (two inputs), or two policies against each other (no input, two --policy).
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show, scope by scope, an export against its policies, two exports, or two policies.",
        discussion:
            "scopelint diff INPUT [--policy ID]: each account against its policy; - missing, + excessive, ! risky. scopelint diff OLD NEW: accounts added and removed, levels raised and lowered. scopelint diff --policy A --policy B: what each policy allows that the other does not.",
        arguments: [
            ArgumentSpec(
                "input", required: false, variadic: true,
                help: "One export, or the old and the new export; '-' reads standard input.")
        ],
        options: [
            Options.policy, Options.policies, Options.config, Options.all, Options.textOrJSON, Options.failOn,
            Options.failOnEscalation, Options.color,
        ] + Options.input)

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let path = "scopelint diff"
        let inputs = arguments.positionals
        let json = arguments.value(Options.textOrJSON) == "json"
        let style = console.style(for: arguments.value(Options.color))
        let configuration = try CommandSupport.configuration(arguments, console: console)
        let (library, ids) = try CommandSupport.policies(arguments, configuration: configuration)
        if inputs.count != 2, arguments.flag(Options.failOnEscalation) {
            throw ScopeLintError.usage(
                message: "'--fail-on-escalation' compares two exports: give OLD and NEW.", command: path)
        }
        // An option the mode would ignore is refused, naming the mode: silence would let a
        // user believe it took effect.
        func refuse(_ options: [OptionSpec], mode: String) throws(ScopeLintError) {
            if let option = options.first(where: arguments.given) {
                throw .usage(message: "'--\(option.name)' does not apply when \(mode).", command: path)
            }
        }
        switch inputs.count {
        case 0:
            try refuse(
                [Options.failOn] + Options.input, mode: "comparing two policies (diff --policy A --policy B)")
            guard ids.count == 2 else {
                throw ScopeLintError.usage(
                    message:
                        "Missing expected argument '<input>': give an export, OLD and NEW exports, or two --policy to compare.",
                    command: path)
            }
            let comparison = PolicyComparison.compare(
                try library.resolve(ids[0]), try library.resolve(ids[1]), catalog: library.catalog)
            try console.writeOut {
                if json {
                    PolicyComparisonRenderer.writeJSON(
                        comparison, all: arguments.flag(Options.all), toolVersion: ScopeLintVersion.current, to: $0)
                } else {
                    PolicyComparisonRenderer.writeText(
                        comparison, all: arguments.flag(Options.all), style: style, to: $0)
                }
            }
            return 0
        case 1:
            let failOn =
                arguments.value(Options.failOn).flatMap(FailThreshold.init) ?? configuration.failOn ?? .severity(.error)
            let engine = try LintEngine(library: library, policyIDs: ids, configuration: configuration)
            // Store by store: the rows are kept, the export is not.
            var units = try engine.evaluate(
                try CommandSupport.sources(inputs, arguments: arguments, console: console),
                into: (diffs: [AccountDiff](), accounts: [Report.CheckedAccount]()), keepFindings: false
            ) { partial, context, findings in
                partial.diffs += AccountDiff.make(context, findings: Array(findings))
                partial.accounts.append(Report.CheckedAccount(context))
            }
            // Each unit's tables are moved over and freed at once, never held twice.
            var diffs: [AccountDiff] = []
            diffs.reserveCapacity(units.reduce(0) { $0 + $1.partial.diffs.count })
            for index in units.indices {
                diffs += units[index].partial.diffs
                units[index].partial.diffs = []
            }
            var budget = Suggestions.Budget()
            for index in diffs.indices { engine.suggest(&diffs[index].otherFindings, budget: &budget) }
            let report = engine.report(consume units) { $0.accounts }
            try console.writeOut {
                if json {
                    AccountDiffRenderer.writeJSON(diffs, report: report, all: arguments.flag(Options.all), to: $0)
                } else {
                    AccountDiffRenderer.writeText(
                        diffs, report: report, all: arguments.flag(Options.all), style: style,
                        commands: CommandSupport.commandContext(arguments, ids: ids), to: $0)
                }
            }
            return report.exitCode(failOn: failOn)
        case 2:
            guard ids.isEmpty else {
                throw ScopeLintError.usage(
                    message: "'--policy' does not apply when comparing two exports.", command: path)
            }
            if arguments.value(Options.failOn) != nil {
                throw ScopeLintError.usage(
                    message: "'--fail-on' applies to one export; with OLD NEW use '--fail-on-escalation'.",
                    command: path)
            }
            try refuse([Options.all], mode: "comparing two exports (diff OLD NEW), which lists every change")
            let exports = try CommandSupport.readExports(inputs, arguments: arguments, console: console)
            let diff = try ExportDiff.compare(
                old: exports[0], new: exports[1], risks: try library.resolve(LintEngine.fallbackPolicyID),
                catalog: library.catalog)
            try console.writeOut {
                if json {
                    ExportDiffRenderer.writeJSON(diff, toolVersion: ScopeLintVersion.current, to: $0)
                } else {
                    ExportDiffRenderer.writeText(diff, style: style, to: $0)
                }
            }
            return arguments.flag(Options.failOnEscalation) && diff.escalates ? 1 : 0
        default:
            throw ScopeLintError.usage(
                message:
                    "Unexpected argument '\(Redactor.redact(inputs[2]))': diff compares one export with its policies, or two exports.",
                command: path)
        }
    }
}
