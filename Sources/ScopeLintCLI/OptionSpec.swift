import ScopeLint

/// One option of a command: the single declaration the parser, usage line and help text
/// are all generated from, and the key its value is read back with (`arguments.value(option)`),
/// so a misspelt option does not compile.
package struct OptionSpec: Sendable {
    package let name: String
    package let short: Character?
    /// nil for a flag that takes no value.
    package let valueName: String?
    package let help: String
    package let repeatable: Bool
    /// The values a user may give, when the set is closed (formats, severities).
    package let choices: [String]?
    package let defaultValue: String?
    /// The command does not run without it; the parser says so, and usage shows it unbracketed.
    package let required: Bool

    package init(
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
package struct ArgumentSpec: Sendable {
    package let name: String
    package let help: String
    package let required: Bool
    package let variadic: Bool

    package init(_ name: String, required: Bool = true, variadic: Bool = false, help: String) {
        self.name = name
        self.help = help
        self.required = required
        self.variadic = variadic
    }
}

/// A command's declaration: what `--help` shows and what the parser accepts.
package struct CommandSpec: Sendable {
    package let name: String
    package let abstract: String
    package let discussion: String?
    package let arguments: [ArgumentSpec]
    package let options: [OptionSpec]
    package let subcommands: [CommandSpec]

    package init(
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
