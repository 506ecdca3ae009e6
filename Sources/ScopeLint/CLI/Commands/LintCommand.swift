/// `scopelint lint INPUT...`: read exports, choose policies, run the rules, print a report.
enum LintCommand: Command {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check each API account of the inputs against its integration's policy.",
        discussion: "Each account is checked against the policy whose applies_to matches it (or every --policy given); an account no policy matches is checked against least-privilege alone.",
        arguments: [ArgumentSpec("input", variadic: true, help: "Scope exports to check; '-' reads standard input.")],
        options: [
            CommandSupport.policyOption, CommandSupport.policiesOption,
            CommandSupport.formatOption(Reporters.identifiers), CommandSupport.failOnOption, CommandSupport.colorOption,
        ])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws -> Int32 {
        let failOn = FailThreshold(arguments.value("fail-on") ?? "error") ?? .severity(.error)
        let reporter = Reporters.named(arguments.value("format") ?? "text") ?? TextReporter.self
        let (library, ids) = try CommandSupport.policies(arguments)
        let engine = try LintEngine(library: library, policyIDs: ids)
        let exports = try CommandSupport.readExports(arguments.positionals, console: console)
        let report = try engine.lint(exports)
        let options = ReportOptions(style: console.style(for: arguments.value("color")), failOn: failOn)
        console.out += reporter.render(report, options: options)
        return report.exitCode(failOn: failOn)
    }
}
