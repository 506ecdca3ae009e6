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
            CommandSupport.policyOption, CommandSupport.policiesOption,
            OptionSpec("config", value: "file", help: "Read settings from this file instead of ./.scopelint.json."),
            OptionSpec("all", help: "Show every scope, not only those that differ."),
            CommandSupport.formatOption(["text", "json"]), CommandSupport.failOnOption,
            OptionSpec(
                "fail-on-escalation",
                help: "With OLD NEW: exit 1 when any access grew (a raised level, a new account with any scope)."),
            CommandSupport.colorOption,
        ] + CommandSupport.inputOptions)

    static func run(_ arguments: ParsedArguments, console: inout Console) throws -> Int32 {
        let path = "scopelint diff"
        let inputs = arguments.positionals
        let json = arguments.value("format") == "json"
        let style = console.style(for: arguments.value("color"))
        let configuration = try CommandSupport.configuration(arguments)
        let (library, ids) = try CommandSupport.policies(arguments, configuration: configuration)
        if inputs.count != 2, arguments.flag("fail-on-escalation") {
            throw UsageError("'--fail-on-escalation' compares two exports: give OLD and NEW.", command: path)
        }
        switch inputs.count {
        case 0:
            guard ids.count == 2 else {
                throw UsageError(
                    "Missing expected argument '<input>': give an export, OLD and NEW exports, or two --policy to compare.",
                    command: path)
            }
            let comparison = PolicyComparison.compare(
                try library.resolve(ids[0]), try library.resolve(ids[1]), catalog: library.catalog)
            try console.writeOut {
                if json {
                    PolicyComparisonRenderer.writeJSON(
                        comparison, all: arguments.flag("all"), toolVersion: ScopeLintVersion.current, to: $0)
                } else {
                    PolicyComparisonRenderer.writeText(comparison, all: arguments.flag("all"), style: style, to: $0)
                }
            }
            return 0
        case 1:
            let failOn =
                arguments.value("fail-on").flatMap(FailThreshold.init) ?? configuration.failOn ?? .severity(.error)
            let engine = try LintEngine(library: library, policyIDs: ids, configuration: configuration)
            var diffs: [AccountDiff] = []
            var findings: [Finding] = []
            var checked: [Report.CheckedAccount] = []
            var stores = 0
            var storeIndex = (file: -1, store: 0)
            // Store by store: the rows are kept, the export is not.
            try CommandSupport.readStores(inputs, arguments: arguments, console: console) {
                (file, fileIndex, store) throws(ScopeLintError) in
                storeIndex = storeIndex.file == fileIndex ? (fileIndex, storeIndex.store + 1) : (fileIndex, 0)
                stores += 1
                try engine.evaluate(store, file: file, fileIndex: fileIndex, storeIndex: storeIndex.store) {
                    context, accountFindings in
                    diffs.append(contentsOf: AccountDiff.make(context, findings: accountFindings))
                    findings.append(contentsOf: accountFindings)
                    checked.append(Report.CheckedAccount(context))
                }
            }
            let report = Report(findings: findings, accounts: checked, stores: stores)
            try console.writeOut {
                if json {
                    AccountDiffRenderer.writeJSON(diffs, report: report, all: arguments.flag("all"), to: $0)
                } else {
                    AccountDiffRenderer.writeText(
                        diffs, report: report, all: arguments.flag("all"), style: style, to: $0)
                }
            }
            return report.exitCode(failOn: failOn)
        case 2:
            guard ids.isEmpty else {
                throw UsageError("'--policy' does not apply when comparing two exports.", command: path)
            }
            if arguments.value("fail-on") != nil {
                throw UsageError(
                    "'--fail-on' applies to one export; with OLD NEW use '--fail-on-escalation'.", command: path)
            }
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
            return arguments.flag("fail-on-escalation") && diff.escalates ? 1 : 0
        default:
            throw UsageError(
                "Unexpected argument '\(Redactor.redact(inputs[2]))': diff compares one export with its policies, or two exports.",
                command: path)
        }
    }
}
