import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

/// A command line that must be refused, and the first line of the error it must print.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let message: String
    var testDescription: String { name }
}

@Suite("Command line")
struct CommandLineParserTests {
    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "no subcommand", arguments: [],
            message: "error: Missing subcommand; expected one of lint, diff, plan, convert, policies, scopes, explain."),
        ErrorCase(
            name: "misspelt subcommand", arguments: ["lnit"],
            message: "error: Unknown subcommand 'lnit'. Did you mean 'lint'?"),
        ErrorCase(
            name: "unknown option with suggestion", arguments: ["lint", "x.json", "--fromat", "json"],
            message: "error: Unknown option '--fromat'. Did you mean '--format'?"),
        ErrorCase(
            name: "unknown short option", arguments: ["lint", "x.json", "-q"], message: "error: Unknown option '-q'."),
        ErrorCase(name: "missing input", arguments: ["lint"], message: "error: Missing expected argument '<input>'."),
        ErrorCase(
            name: "missing option value", arguments: ["lint", "x.json", "--format"],
            message: "error: Missing value for '--format <format>'."),
        ErrorCase(
            name: "option value looks like an option", arguments: ["lint", "x.json", "--policy", "--format"],
            message: "error: Missing value for '--policy <id|file>'."),
        ErrorCase(
            name: "unknown format lists the valid ones", arguments: ["lint", "x.json", "--format", "sarif2"],
            message:
                "error: The value 'sarif2' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'."
        ),
        ErrorCase(
            name: "unknown fail-on lists the valid ones", arguments: ["lint", "x.json", "--fail-on=fatal"],
            message:
                "error: The value 'fatal' is invalid for '--fail-on <severity>'. Please provide one of 'error', 'warning', 'note', 'never'."
        ),
        ErrorCase(
            name: "single-value option twice",
            arguments: ["lint", "x.json", "--fail-on", "error", "--fail-on", "note"],
            message: "error: The option '--fail-on' was given more than once; it takes one value."),
        ErrorCase(
            name: "two formats need two outputs",
            arguments: ["lint", "x.json", "--format", "json", "--format", "text"],
            message:
                "error: Two reports would be written to standard output; give every '--format' but one an '--output' after it."
        ),
        ErrorCase(
            name: "extra argument", arguments: ["explain", "missing-scope", "extra"],
            message: "error: Unexpected argument 'extra'."),
        ErrorCase(
            name: "unknown policies subcommand", arguments: ["policies", "lst"],
            message: "error: Unknown subcommand 'lst'. Did you mean 'list'?"),
        ErrorCase(
            name: "policies show without id", arguments: ["policies", "show"],
            message: "error: Missing expected argument '<id>'."),
        ErrorCase(
            name: "policies without a subcommand", arguments: ["policies"],
            message: "error: Missing expected argument '<subcommand>'."),
        ErrorCase(
            name: "policies list with an argument", arguments: ["policies", "list", "extra"],
            message: "error: Unexpected argument 'extra'."),
        ErrorCase(
            name: "plan without its required option", arguments: ["plan"],
            message: "error: Missing expected option '--policy <id|file>'."),
        ErrorCase(name: "unknown rule", arguments: ["explain", "secret"], message: "error: Unknown rule 'secret'."),
        ErrorCase(
            name: "a token-shaped argument is redacted",
            arguments: ["lint", "x.json", "--abcdefghij0123456789abcdefghijk"],
            message: "error: Unknown option '--[redacted]'."),
    ]

    @Test(arguments: errorCases)
    func usageErrors(_ item: ErrorCase) {
        var console = Console()
        let code = CLI.run(item.arguments, console: &console)
        #expect(code == 2)
        #expect(console.out.isEmpty)
        let first = console.err.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix(item.message), "got: \(first)")
        #expect(console.err.contains("Usage: scopelint"))
    }

    @Test("options parse in every spelling")
    func spellings() throws {
        let parsed = try CommandLineParser.parse(
            ["a.json", "--policy", "x", "--policy=y", "-", "--format=json", "--", "--b.json"], for: LintCommand.spec,
            path: "scopelint lint")
        #expect(parsed.positionals == ["a.json", "-", "--b.json"])
        #expect(parsed.all(Options.policy) == ["x", "y"])
        #expect(parsed.value(Options.reportFormat) == "json")
    }

    @Test(
        "help and version exit 0 on standard output",
        arguments: [
            ["--help"], ["-h"], ["help"], ["help", "lint"], ["lint", "--help"], ["policies", "--help"],
            ["help", "policies", "show"], ["--version"],
        ])
    func helpAndVersion(_ arguments: [String]) {
        var console = Console()
        #expect(CLI.run(arguments, console: &console) == 0)
        #expect(!console.out.isEmpty)
        #expect(console.err.isEmpty)
    }

    @Test("a required option is unbracketed in the usage line; optional ones are bracketed")
    func requiredInUsage() {
        let usage = HelpRenderer.usage(PlanCommand.spec, path: "scopelint plan")
        #expect(usage.hasPrefix("scopelint plan --policy <id|file> ... [--policies <dir> ...]"))
    }

    @Test("the help command each help page points to runs, for every subcommand")
    func helpPointsToWorkingCommand() throws {
        for spec in [CLI.rootSpec] + CLI.rootSpec.subcommands where !spec.subcommands.isEmpty {
            let path = spec.name == "scopelint" ? "scopelint" : "scopelint \(spec.name)"
            let help = HelpRenderer.help(spec, path: path)
            let line = try #require(help.split(separator: "\n").first { $0.contains("for detailed help") })
            let printed = try #require(line.split(separator: "'").dropFirst().first)
            for sub in spec.subcommands {
                let words = printed.replacingOccurrences(of: "<subcommand>", with: sub.name).split(separator: " ")
                #expect(words.first == "scopelint")
                var console = Console()
                #expect(CLI.run(words.dropFirst().map(String.init), console: &console) == 0, "\(words)")
            }
        }
    }

    @Test("every command's help fits 80 columns", arguments: CLI.rootSpec.subcommands)
    func helpWidth(_ spec: CommandSpec) {
        let help = HelpRenderer.help(spec, path: "scopelint \(spec.name)")
        for line in help.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "\(spec.name): \(line)")
        }
    }

    @Test("color: only on a terminal, never with NO_COLOR or TERM=dumb, forced by --color")
    func colorDecision() {
        #expect(Console(isTerminal: true).style(for: nil).enabled)
        #expect(!Console(isTerminal: false).style(for: nil).enabled)
        #expect(!Console(environment: ["NO_COLOR": "1"], isTerminal: true).style(for: nil).enabled)
        #expect(Console(environment: ["NO_COLOR": ""], isTerminal: true).style(for: "auto").enabled)
        #expect(!Console(environment: ["TERM": "dumb"], isTerminal: true).style(for: nil).enabled)
        #expect(Console(environment: ["NO_COLOR": "1"], isTerminal: false).style(for: "always").enabled)
        #expect(!Console(isTerminal: true).style(for: "never").enabled)
    }
}

extension CommandSpec: CustomTestStringConvertible {
    public var testDescription: String { name }
}
