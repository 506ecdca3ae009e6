import Foundation
import ScopeLint

/// `scopelint lint INPUT...`: read exports, choose policies, run the rules, apply the
/// baseline, and write one or more reports.
enum LintCommand: Command {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check each API account of the inputs against its integration's policy.",
        discussion:
            "Each account is checked against the policy whose applies_to matches it (or every --policy given, or the configuration's mapping); an account no policy matches is checked against least-privilege alone. Give --format and --output in pairs to write several reports in one run.",
        arguments: [ArgumentSpec("input", variadic: true, help: "Scope exports to check; '-' reads standard input.")],
        options: [
            Options.policy, Options.policies, Options.config, Options.reportFormat, Options.reportOutput,
            Options.failOn, Options.baseline, Options.writeBaseline, Options.color,
        ] + Options.input)

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let path = "scopelint lint"
        let configuration = try CommandSupport.configuration(arguments, console: console)
        let failOn =
            arguments.value(Options.failOn).flatMap(FailThreshold.init) ?? configuration.failOn ?? .severity(.error)
        let (library, ids) = try CommandSupport.policies(arguments, configuration: configuration)
        let engine = try LintEngine(library: library, policyIDs: ids, configuration: configuration)

        let formats = arguments.all(Options.reportFormat)
        let outputs = arguments.all(Options.reportOutput)
        let pairs: [(String, String?)]
        if outputs.isEmpty {
            guard formats.count <= 1 else {
                throw ScopeLintError.usage(
                    message: "Several '--format' need one '--output' each.", command: path)
            }
            pairs = [(formats.first ?? "text", nil)]
        } else if formats.isEmpty && outputs.count == 1 {
            pairs = [("text", outputs[0])]
        } else {
            // Formats pair with outputs in order; one format left over goes to standard output.
            guard formats.count == outputs.count || formats.count == outputs.count + 1 else {
                throw ScopeLintError.usage(
                    message:
                        "Give one '--output' for each '--format', and at most one '--format' without (\(formats.count) formats, \(outputs.count) outputs).",
                    command: path)
            }
            pairs = formats.enumerated().map { ($0.element, $0.offset < outputs.count ? outputs[$0.offset] : nil) }
        }
        let writeBaseline = arguments.value(Options.writeBaseline)
        let toStandardOutput =
            pairs.filter { $0.1.map(CommandSupport.isStandardOutput) ?? true }.count
            + (writeBaseline.map(CommandSupport.isStandardOutput) ?? false ? 1 : 0)
        if toStandardOutput > 1 {
            throw ScopeLintError.usage(message: "Two outputs would be written to standard output.", command: path)
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
        let options = ReportOptions(
            style: console.style(for: arguments.value(Options.color)), failOn: failOn,
            workingDirectory: FileManager.default.currentDirectoryPath)
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
        let code = report.exitCode(failOn: failOn)
        console.retained.append(report)
        return code
    }
}
