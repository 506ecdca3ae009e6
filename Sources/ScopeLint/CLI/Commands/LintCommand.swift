/// `scopelint lint INPUT...`: read exports, choose policies, run the rules, print a report.
enum LintCommand: Command {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check each API account of the inputs against its integration's policy.",
        discussion: "Each account is checked against the policy whose applies_to matches it (or every --policy given); an account no policy matches is checked against least-privilege alone.",
        arguments: [ArgumentSpec("input", variadic: true, help: "Scope exports to check; '-' reads standard input.")],
        options: [
            OptionSpec("policy", value: "id|file", repeatable: true, help: "Check every account against this policy (a bundled or --policies id, or a policy file). Repeatable."),
            OptionSpec("policies", value: "dir", repeatable: true, help: "Also load the policy files (.json, .json5) in this folder."),
            OptionSpec("format", value: "format", choices: Reporters.identifiers, defaultValue: "text", help: "Output format."),
            OptionSpec("fail-on", value: "severity", choices: FailThreshold.names, defaultValue: "error", help: "Exit 1 when a finding is at or above this severity."),
            OptionSpec("color", value: "when", choices: ["auto", "always", "never"], defaultValue: "auto", help: "Color the text report; auto colors only on a terminal without NO_COLOR."),
        ])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws -> Int32 {
        let failOn = FailThreshold(arguments.value("fail-on") ?? "error") ?? .severity(.error)
        let reporter = Reporters.named(arguments.value("format") ?? "text") ?? TextReporter.self
        var library = try PolicyLibrary.bundled()
        for directory in arguments.all("policies") { try library.addDirectory(directory) }
        var ids: [String] = []
        for argument in arguments.all("policy") { ids.append(try library.policyID(forArgument: argument)) }
        let engine = try LintEngine(library: library, policyIDs: ids)
        var exports: [Export] = []
        for path in arguments.positionals {
            let name = InputFile.displayName(for: path)
            let bytes = try InputFile.read(path, standardInput: console.readStandardInput)
            exports.append(try ExportReader.read(bytes, file: name))
        }
        let report = try engine.lint(exports)
        let options = ReportOptions(style: console.style(for: arguments.value("color")), failOn: failOn)
        console.out += reporter.render(report, options: options)
        return report.exitCode(failOn: failOn)
    }
}
