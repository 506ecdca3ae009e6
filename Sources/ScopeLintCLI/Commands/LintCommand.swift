import Foundation
import ScopeLint

/// `scopelint lint INPUT...`: read exports, choose policies, run the rules, apply the
/// baseline, and write one or more reports.
enum LintCommand: Command {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check each API account of the inputs against its integration's policy.",
        discussion:
            "Each account is checked against the policy whose applies_to matches it (or every --policy given, or the configuration's mapping); an account no policy matches is checked against least-privilege alone. Several reports in one run: each --output writes the report of the --format before it (an --output before any --format, the text report); one --format may go without, to standard output.",
        arguments: [ArgumentSpec("input", variadic: true, help: "Scope exports to check; '-' reads standard input.")],
        options: [
            Options.policy, Options.policies, Options.config, Options.reportFormat, Options.reportOutput,
            Options.failOn, Options.baseline, Options.writeBaseline, Options.verbose, Options.color,
        ] + Options.input)

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let path = "scopelint lint"
        let configuration = try CommandSupport.configuration(arguments, console: console)
        let failOn =
            arguments.value(Options.failOn).flatMap(FailThreshold.init) ?? configuration.failOn ?? .severity(.error)
        let (library, ids) = try CommandSupport.policies(arguments, configuration: configuration)
        let engine = try LintEngine(library: library, policyIDs: ids, configuration: configuration)

        let outputs = arguments.all(Options.reportOutput)
        let pairs = try reports(arguments, path: path)
        let writeBaseline = arguments.value(Options.writeBaseline)
        let toStandardOutput =
            pairs.filter { $0.1.map(CommandSupport.isStandardOutput) ?? true }.count
            + (writeBaseline.map(CommandSupport.isStandardOutput) ?? false ? 1 : 0)
        if toStandardOutput > 1 {
            throw ScopeLintError.usage(
                message:
                    "Two reports would be written to standard output; give every '--format' but one an '--output' after it.",
                command: path)
        }

        // Nothing scopelint writes may replace one of the files it reads; refreshing the
        // baseline it reads is the one exception.
        let reads = arguments.positionals + CommandSupport.filesRead(arguments, configuration: configuration)
        let baselinePath = arguments.value(Options.baseline) ?? configuration.baseline
        try CommandSupport.checkOutputs(
            outputs.map { ($0, reads + (baselinePath.map { [$0] } ?? [])) }
                + (writeBaseline.map { [($0, reads)] } ?? []),
            command: path)

        // The HTML page draws each account's scope table, which the other formats do not need.
        var report = try engine.lint(
            try CommandSupport.sources(arguments.positionals, arguments: arguments, console: console),
            diffs: pairs.contains { $0.0 == HTMLReporter.identifier })
        var baseline: Baseline?
        if let baselinePath {
            let loaded = try Baseline.load(
                try CommandSupport.open(baselinePath, console: console).array, file: baselinePath)
            report = loaded.apply(to: report, today: CommandSupport.today(console))
            baseline = loaded
        }
        var options = ReportOptions(
            style: console.style(for: arguments.value(Options.color)), failOn: failOn,
            workingDirectory: FileManager.default.currentDirectoryPath, verbose: arguments.flag(Options.verbose))
        options.commands = CommandSupport.commandContext(arguments, ids: ids)
        // Every file is written to its temporary first and renamed only when all were written,
        // so a failing output leaves every file as it was.
        var pending: [AtomicFile.Pending] = []
        do throws(ScopeLintError) {
            if let target = writeBaseline {
                let text = Baseline.render(
                    report, reason: "accepted when this baseline was written; replace with the real reason",
                    previous: baseline)
                if CommandSupport.isStandardOutput(target) {
                    try console.writeOut { $0.write(trusted: text) }
                } else {
                    pending.append(try AtomicFile.stage(to: target) { $0.write(trusted: text) })
                }
            }
            for (format, output) in pairs {
                let reporter = Reporters.named(format) ?? TextReporter.self
                if let output, !CommandSupport.isStandardOutput(output) {
                    var fileOptions = options
                    fileOptions.style = .plain
                    pending.append(
                        try AtomicFile.stage(to: output) { reporter.write(report, options: fileOptions, to: $0) })
                } else {
                    try console.writeOut { reporter.write(report, options: options, to: $0) }
                }
            }
            try AtomicFile.commit(pending)
        } catch {
            AtomicFile.discard(pending)
            throw error
        }
        if let target = writeBaseline {
            let count = plural(report.findings.count + report.suppressed.count, "entry", "entries")
            let place: StreamText = CommandSupport.isStandardOutput(target) ? "standard output" : "\(target)"
            console.err += StreamText("scopelint: wrote \(own: count) to \(place)\n").escaped()
        }
        // Writing a baseline records the findings on purpose: the run did what it was asked,
        // so it succeeds (exit 0); the next run, with --baseline, is the gate.
        let code = writeBaseline == nil ? report.exitCode(failOn: failOn) : 0
        console.retained.append(report)
        return code
    }

    /// Each report's format and where it goes: an `--output` belongs to the `--format` before
    /// it; one before any `--format` to the text report. A format without one goes to
    /// standard output.
    static func reports(_ arguments: ParsedArguments, path: String) throws(ScopeLintError) -> [(String, String?)] {
        var pairs: [(String, String?)] = []
        for given in arguments.inOrder([Options.reportFormat, Options.reportOutput]) {
            if given.option == Options.reportFormat.name {
                pairs.append((given.value, nil))
            } else if pairs.isEmpty {
                pairs.append(("text", given.value))
            } else if let previous = pairs[pairs.count - 1].1 {
                throw .usage(
                    message:
                        "'--output \(given.value)' follows '--output \(previous)' for the same '--format \(pairs[pairs.count - 1].0)'; each '--output' belongs to the '--format' before it, so give this one its own '--format'.",
                    command: path)
            } else {
                pairs[pairs.count - 1].1 = given.value
            }
        }
        return pairs.isEmpty ? [("text", nil)] : pairs
    }
}
