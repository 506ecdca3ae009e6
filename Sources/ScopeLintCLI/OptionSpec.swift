import ScopeLint

/// One option of a command: the single declaration the parser, usage line and help text
/// are all generated from, and the key its value is read back with (`arguments.value(option)`),
/// so a misspelt option does not compile.
public struct OptionSpec: Sendable {
    public let name: String
    public let short: Character?
    /// nil for a flag that takes no value.
    public let valueName: String?
    public let help: String
    public let repeatable: Bool
    /// The values a user may give, when the set is closed (formats, severities).
    public let choices: [String]?
    public let defaultValue: String?
    /// The command does not run without it; the parser says so, and usage shows it unbracketed.
    public let required: Bool

    public init(
        _ name: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false,
        choices: [String]? = nil, defaultValue: String? = nil, required: Bool = false, help: String
    ) {
        self.name = name
        self.required = required
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
        self.choices = choices
        self.defaultValue = defaultValue
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public let name: String
    public let help: String
    public let required: Bool
    public let variadic: Bool

    public init(_ name: String, required: Bool = true, variadic: Bool = false, help: String) {
        self.name = name
        self.help = help
        self.required = required
        self.variadic = variadic
    }
}

/// A command's declaration: what `--help` shows and what the parser accepts.
public struct CommandSpec: Sendable {
    public let name: String
    public let abstract: String
    public let discussion: String?
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    public let subcommands: [CommandSpec]

    public init(
        name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], subcommands: [CommandSpec] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }
}
