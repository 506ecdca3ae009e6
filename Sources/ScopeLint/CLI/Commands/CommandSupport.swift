/// What several commands do the same way: load policies, read exports, pick a color style.
enum CommandSupport {
    static let policyOption = OptionSpec("policy", value: "id|file", repeatable: true, help: "A bundled or --policies id, or a policy file. Repeatable.")
    static let policiesOption = OptionSpec("policies", value: "dir", repeatable: true, help: "Also load the policy files (.json, .json5) in this folder.")
    static let colorOption = OptionSpec("color", value: "when", choices: ["auto", "always", "never"], defaultValue: "auto", help: "Color the text output; auto colors only on a terminal without NO_COLOR.")
    static let failOnOption = OptionSpec("fail-on", value: "severity", choices: FailThreshold.names, defaultValue: "error", help: "Exit 1 when a finding is at or above this severity.")

    static func formatOption(_ names: [String]) -> OptionSpec {
        OptionSpec("format", value: "format", choices: names, defaultValue: names[0], help: "Output format.")
    }

    /// The bundled policies plus `--policies` folders, and the ids `--policy` names (files loaded).
    static func policies(_ arguments: ParsedArguments) throws(ScopeLintError) -> (PolicyLibrary, [String]) {
        var library = try PolicyLibrary.bundled()
        for directory in arguments.all("policies") { try library.addDirectory(directory) }
        var ids: [String] = []
        for argument in arguments.all("policy") { ids.append(try library.policyID(forArgument: argument)) }
        return (library, ids)
    }

    static func readExports(_ paths: [String], console: Console) throws(ScopeLintError) -> [Export] {
        var exports: [Export] = []
        for path in paths {
            let bytes = try InputFile.read(path, standardInput: console.readStandardInput)
            exports.append(try ExportReader.read(bytes, file: InputFile.displayName(for: path)))
        }
        return exports
    }
}
