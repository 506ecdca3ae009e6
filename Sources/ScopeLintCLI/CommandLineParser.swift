import ScopeLint

/// What the parser found: option values, positionals in order, and the subcommand chosen.
/// Values are read back by the option's declaration, never by a string.
package struct ParsedArguments: Sendable, Equatable {
    var values: [String: [String]] = [:]
    /// Every option value in command-line order, for options whose meaning depends on the
    /// one before them (`-o` belongs to the `--format` before it).
    var sequence: [Given] = []
    struct Given: Sendable, Equatable {
        var option: String
        var value: String
    }
    var flags: Set<String> = []
    package var positionals: [String] = []
    package var helpRequested = false
    /// The subcommand's name, for a command that has subcommands (`policies show`).
    package var subcommand: String?
    /// The options the command declares: reading another is a programming error.
    var declared: Set<String> = []

    package func value(_ option: OptionSpec) -> String? { all(option).last }
    /// Whether the command declares `option`, for code several commands share.
    func declares(_ option: OptionSpec) -> Bool { declared.contains(option.name) }
    package func all(_ option: OptionSpec) -> [String] {
        assert(declared.contains(option.name), "--\(option.name) is not declared by this command")
        return values[option.name] ?? []
    }
    /// Whether the command line gave `option`, as a flag or with a value.
    func given(_ option: OptionSpec) -> Bool {
        assert(declared.contains(option.name), "--\(option.name) is not declared by this command")
        return values[option.name] != nil || flags.contains(option.name)
    }
    /// The values of `options`, in the order they were given.
    func inOrder(_ options: [OptionSpec]) -> [Given] {
        for option in options {
            assert(declared.contains(option.name), "--\(option.name) is not declared by this command")
        }
        return sequence.filter { given in options.contains { $0.name == given.option } }
    }
    package func flag(_ option: OptionSpec) -> Bool {
        assert(declared.contains(option.name), "--\(option.name) is not declared by this command")
        return flags.contains(option.name)
    }
}

/// Parses arguments against a command's declaration, in the style of swift-argument-parser:
/// `--name value`, `--name=value`, `-x value`, `--` ends options, `-` is a positional
/// (standard input). Unknown options get a "did you mean".
package enum CommandLineParser {
    package static func parse(_ arguments: [String], for spec: CommandSpec, path: String) throws(ScopeLintError)
        -> ParsedArguments
    {
        var result = ParsedArguments()
        result.declared = Set(spec.options.map(\.name))
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                result.helpRequested = true
                continue
            }
            var name: String
            var inlineValue: String?
            let option: OptionSpec?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                option = spec.options.first { $0.name == name }
                if option == nil {
                    let hint =
                        Suggestions.closest(to: name, in: spec.options.map(\.name), limit: 1).first.map {
                            " Did you mean '--\($0)'?"
                        } ?? ""
                    throw .usage(message: "Unknown option '--\(Redactor.redact(name))'.\(hint)", command: path)
                }
            } else {
                let letters = Array(argument.dropFirst())
                option = letters.count == 1 ? spec.options.first { $0.short == letters[0] } : nil
                guard option != nil else {
                    throw .usage(message: "Unknown option '\(Redactor.redact(argument))'.", command: path)
                }
                name = option!.name
            }
            guard let option else { continue }
            guard option.valueName != nil else {
                if inlineValue != nil { throw .usage(message: "The option '--\(name)' takes no value.", command: path) }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, !(arguments[index].hasPrefix("-") && arguments[index] != "-") else {
                    throw .usage(message: "Missing value for '--\(name) <\(option.valueName!)>'.", command: path)
                }
                value = arguments[index]
                index += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                throw .usage(
                    message:
                        "The value '\(Redactor.redact(value))' is invalid for '--\(name) <\(option.valueName!)>'. Please provide one of \(choices.map { "'\($0)'" }.joined(separator: ", ")).",
                    command: path)
            }
            if !option.repeatable, result.values[name] != nil {
                throw .usage(
                    message: "The option '--\(name)' was given more than once; it takes one value.", command: path)
            }
            result.values[name, default: []].append(value)
            result.sequence.append(ParsedArguments.Given(option: name, value: value))
        }
        if result.helpRequested { return result }
        for option in spec.options where option.required && result.values[option.name] == nil {
            throw .usage(
                message: "Missing expected option '--\(option.name) <\(option.valueName ?? "")>'.", command: path)
        }
        let required = spec.arguments.filter(\.required)
        if result.positionals.count < required.count {
            let missing = required[result.positionals.count]
            throw .usage(message: "Missing expected argument '<\(missing.name)>'.", command: path)
        }
        let takesMany = spec.arguments.contains(where: \.variadic)
        if !takesMany, result.positionals.count > spec.arguments.count {
            throw .usage(
                message:
                    "Unexpected argument '\(Redactor.redact(result.positionals[spec.arguments.count]))'.", command: path
            )
        }
        return result
    }
}
