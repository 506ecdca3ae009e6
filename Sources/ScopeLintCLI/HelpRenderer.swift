import ScopeLint

/// Renders `--help` and usage lines from a command's declaration, in swift-argument-parser's
/// layout (OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS), wrapped at 80 columns.
package enum HelpRenderer {
    static let labelWidth = 26

    package static func usage(_ spec: CommandSpec, path: String) -> String {
        var parts = [path]
        if !spec.subcommands.isEmpty { parts.append("<subcommand>") }
        for argument in spec.arguments {
            var text = "<\(argument.name)>"
            if argument.variadic { text += " ..." }
            parts.append(argument.required ? text : "[\(text)]")
        }
        for option in spec.options {
            var text = "--\(option.name)"
            if let value = option.valueName { text += " <\(value)>" }
            if option.repeatable { text += " ..." }
            parts.append(option.required ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    package static func help(_ spec: CommandSpec, path: String) -> String {
        var out = TextWrap.wrap("OVERVIEW: \(spec.abstract)", indent: 0) + "\n"
        if let discussion = spec.discussion { out += "\n" + TextWrap.wrap(discussion, indent: 0) + "\n" }
        out += "\nUSAGE: \(usage(spec, path: path))\n"
        if !spec.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in spec.arguments { out += row("<\(argument.name)>", argument.help) }
        }
        out += "\nOPTIONS:\n"
        for option in spec.options {
            var label = option.short.map { "-\($0), " } ?? ""
            label += "--\(option.name)"
            if let value = option.valueName { label += " <\(value)>" }
            var help = option.help
            // Said by the declaration, never by hand, so help cannot disagree with the parser.
            var facts: [String] = []
            if option.required { facts.append("required") }
            if option.repeatable { facts.append("repeatable") }
            if let choices = option.choices { facts.append("values: \(choices.joined(separator: ", "))") }
            if let value = option.defaultValue { facts.append("default: \(value)") }
            if !facts.isEmpty { help += " (\(facts.joined(separator: "; ")))" }
            out += row(label, help)
        }
        out += row("-h, --help", "Show help information.")
        if !spec.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in spec.subcommands { out += row(sub.name, sub.abstract) }
            // `scopelint policies help show` works too; this is the form every level has.
            let words = path.split(separator: " ")
            let help = ([words[0], "help"] + words.dropFirst()).joined(separator: " ")
            out += "\n  See '\(help) <subcommand>' for detailed help.\n"
        }
        return out
    }

    static func row(_ label: String, _ help: String) -> String {
        let padded = "  " + label
        let body = TextWrap.wrap(help, indent: labelWidth)
        if padded.count + 2 <= labelWidth {
            return padded + String(repeating: " ", count: labelWidth - padded.count) + body.dropFirst(labelWidth) + "\n"
        }
        return padded + "\n" + body + "\n"
    }
}
