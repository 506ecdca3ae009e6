import ScopeLint

/// The standard streams, environment and terminal status of one run. The executable fills
/// it from the process; tests fill it by hand. The library never touches the terminal itself.
package struct Console {
    package var environment: [String: String]
    package var isTerminal: Bool
    /// Reads standard input, bounded by the limit it is given (see `InputFile.StandardInput`).
    package var readStandardInput: InputFile.StandardInput
    /// The descriptor of standard input, for inputs read in chunks (usage logs, which may be
    /// gigabytes); nil in tests, which hand bytes through `readStandardInput`.
    package var standardInputDescriptor: Int32?
    package var out = ""
    package var err = ""
    /// Where large reports stream as they are written; nil keeps everything in `out` (tests).
    /// Whatever is in `out` is written first, so the order of output never changes.
    package var standardOutput: ByteStream?
    package var standardError: ByteStream?
    /// What a command built and no longer needs, held until the process ends: the executable
    /// exits without freeing it, since freeing a fleet's report (hundreds of thousands of
    /// objects) one by one took longer than writing it. Tests simply let it go.
    package var retained: [any Sendable] = []
    /// How large inputs may be; tests lower it to prove the limits on small inputs.
    package var limits = Limits.standard

    package init(
        environment: [String: String] = [:], isTerminal: Bool = false,
        readStandardInput: @escaping InputFile.StandardInput = { _ in InputBytes(copying: []) }
    ) {
        self.environment = environment
        self.isTerminal = isTerminal
        self.readStandardInput = readStandardInput
    }

    /// Hands `body` the stream standard output goes to: the real one when there is one
    /// (after what `out` holds), else one kept in memory and added to `out`.
    mutating func writeOut(_ body: (ByteStream) throws(ScopeLintError) -> Void) throws(ScopeLintError) {
        guard let stream = standardOutput else {
            let memory = ByteStream()
            try body(memory)
            out += memory.text
            return
        }
        stream.write(trusted: out)
        out = ""
        do throws(ScopeLintError) {
            try body(stream)
        } catch {
            stream.flush()
            throw error
        }
        stream.flush()
        if stream.failed {
            throw .unwritable(file: "standard output", reason: "the stream was closed or the disk is full")
        }
    }

    /// Color only on a terminal, never with NO_COLOR (any non-empty value) or TERM=dumb,
    /// unless `--color always` forces it.
    package func style(for mode: String?) -> TextStyle {
        switch mode {
        case "always": return .ansi
        case "never": return .plain
        default:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return TextStyle(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
        }
    }
}

/// A subcommand: its declaration and what it does. `run` returns the exit code.
protocol Command {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32
}

/// The command-line entry point: dispatches to a subcommand and maps every failure to
/// exit 2 with a message on standard error.
package enum CLI {
    static var commands: [any Command.Type] {
        [
            LintCommand.self, DiffCommand.self, PlanCommand.self, ConvertCommand.self, PoliciesCommand.self,
            ScopesCommand.self, ExplainCommand.self,
        ]
    }

    static var rootSpec: CommandSpec {
        CommandSpec(
            name: "scopelint",
            abstract: "Lint the OAuth scopes of BigCommerce API accounts against integration policies.",
            discussion:
                "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the command could not run (bad arguments, unreadable or invalid input or policy).",
            options: [OptionSpec("version", help: "Show the version.")],
            subcommands: commands.map { $0.spec } + [
                CommandSpec(
                    name: "help", abstract: "Show subcommand help information.",
                    arguments: [
                        ArgumentSpec(
                            "subcommand", required: false, variadic: true,
                            help: "The subcommand, and its subcommand, to show help for ('policies check').")
                    ])
            ])
    }

    package static func run(_ arguments: [String], console: inout Console) -> Int32 {
        do {
            return try dispatch(arguments, console: &console)
        } catch {
            // Errors name files and quote policy ids: terminal text, escaped like every report.
            console.err += ByteStream.escaped(error.description, .terminal) + "\n"
            if case .usage(_, let command) = error {
                console.err += "Usage: \(usageLine(for: command))\n"
                console.err += "  See '\(command) --help' for more information.\n"
            }
            return 2
        }
    }

    static func dispatch(_ arguments: [String], console: inout Console) throws(ScopeLintError) -> Int32 {
        guard let first = arguments.first else {
            throw ScopeLintError.usage(
                message:
                    "Missing subcommand; expected one of \(commands.map { $0.spec.name }.joined(separator: ", ")).",
                command: "scopelint")
        }
        switch first {
        case "--version":
            console.out += ScopeLintVersion.current + "\n"
            return 0
        case "--help", "-h":
            console.out += HelpRenderer.help(rootSpec, path: "scopelint")
            return 0
        case "help":
            return try help(Array(arguments.dropFirst()), console: &console)
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                if first.hasPrefix("-") {
                    throw ScopeLintError.usage(
                        message: "Unknown option '\(Redactor.redact(first))'.", command: "scopelint")
                }
                let hint =
                    Suggestions.closest(to: first, in: commands.map { $0.spec.name }, limit: 1).first.map {
                        " Did you mean '\($0)'?"
                    } ?? ""
                throw ScopeLintError.usage(
                    message: "Unknown subcommand '\(Redactor.redact(first))'.\(hint)", command: "scopelint")
            }
            return try command.run(arguments: Array(arguments.dropFirst()), console: &console)
        }
    }

    static func help(_ path: [String], console: inout Console) throws(ScopeLintError) -> Int32 {
        var spec = rootSpec
        var name = "scopelint"
        for word in path {
            guard let sub = spec.subcommands.first(where: { $0.name == word }) else {
                throw ScopeLintError.usage(
                    message: "Unknown subcommand '\(Redactor.redact(word))' for help.", command: name)
            }
            spec = sub
            name += " " + word
        }
        console.out += HelpRenderer.help(spec, path: name)
        return 0
    }

    static func usageLine(for path: String) -> String {
        var spec = rootSpec
        for word in path.split(separator: " ").dropFirst() {
            guard let sub = spec.subcommands.first(where: { $0.name == word }) else { break }
            spec = sub
        }
        return HelpRenderer.usage(spec, path: path)
    }
}

extension Command {
    /// Picks the subcommand when the command has them, parses, answers `--help`, then runs.
    static func run(arguments: [String], console: inout Console) throws(ScopeLintError) -> Int32 {
        var path = "scopelint \(spec.name)"
        var declaration = spec
        var arguments = arguments[...]
        if !spec.subcommands.isEmpty {
            // `scopelint policies help [SUBCOMMAND]`, as `scopelint help policies [SUBCOMMAND]`.
            if arguments.first == "help" {
                return try CLI.help([spec.name] + arguments.dropFirst(), console: &console)
            }
            guard let word = arguments.first, !word.hasPrefix("-") else {
                if let word = arguments.first, word == "--help" || word == "-h" {
                    console.out += HelpRenderer.help(spec, path: path)
                    return 0
                }
                throw .usage(message: "Missing expected argument '<subcommand>'.", command: path)
            }
            guard let sub = spec.subcommands.first(where: { $0.name == word }) else {
                let hint =
                    Suggestions.closest(to: word, in: spec.subcommands.map(\.name), limit: 1).first.map {
                        " Did you mean '\($0)'?"
                    } ?? ""
                throw .usage(message: "Unknown subcommand '\(Redactor.redact(word))'.\(hint)", command: path)
            }
            declaration = sub
            path += " " + word
            arguments = arguments.dropFirst()
        }
        var parsed = try CommandLineParser.parse(Array(arguments), for: declaration, path: path)
        if parsed.helpRequested {
            console.out += HelpRenderer.help(declaration, path: path)
            return 0
        }
        if declaration.name != spec.name { parsed.subcommand = declaration.name }
        do throws(ScopeLintError) {
            return try run(parsed, console: &console)
        } catch .unknownPolicy(let id, let suggestions, _) {
            // The list that would show the id: with the folders and configuration this run named.
            var flags: [String] = []
            for config in parsed.values["config"] ?? [] { flags += ["--config", config] }
            for folder in parsed.values["policies"] ?? [] { flags += ["--policies", folder] }
            let list = CommandContext(flags: flags).command("policies", extra: ["list"], policies: [])
            throw .unknownPolicy(id: id, suggestions: suggestions, list: list)
        }
    }
}
