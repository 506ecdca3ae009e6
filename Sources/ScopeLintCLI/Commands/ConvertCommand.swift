import ScopeLint

/// `scopelint convert INPUT... [-o FILE]`: any input shape to one canonical export.
enum ConvertCommand: Command {
    static let spec = CommandSpec(
        name: "convert",
        abstract: "Write any input (token response, scope string, CSV, text) as a scopelint export.",
        discussion:
            "Scope entries are written as they were read, so the export lints to the same findings. Access tokens, client secrets and authorization codes are never written; the client id only with --keep-client-id.",
        arguments: [ArgumentSpec("input", variadic: true, help: "Inputs to convert; '-' reads standard input.")],
        options: [Options.exportOutput, Options.keepClientID] + Options.input)

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let path = "scopelint convert"
        if let output = arguments.value(Options.exportOutput) {
            try CommandSupport.checkOutputs([(output, arguments.positionals)], command: path)
        }
        // Read twice rather than held: once to learn what there is to write, once to write it
        // (an export streams both times; a shape read whole is parsed once, see `sources`).
        let sources = try CommandSupport.sources(
            arguments.positionals, arguments: arguments, console: console, readTwice: true)
        let survey = try ExportWriter.survey(sources)
        for note in survey.notes { console.err += StreamText("scopelint: \(note)\n").escaped() }
        guard survey.accounts > 0 else {
            throw ScopeLintError.invalid(
                file: InputFile.displayName(for: arguments.positionals[0]), position: nil,
                message:
                    "nothing to convert: the input names no scopes (a credentials file holds secrets only; type the account's scopes from the control panel instead)"
            )
        }
        let keepClientID = arguments.flag(Options.keepClientID)
        if let output = arguments.value(Options.exportOutput), !CommandSupport.isStandardOutput(output) {
            try AtomicFile.write(to: output) { (stream) throws(ScopeLintError) in
                try ExportWriter.write(sources, survey: survey, keepClientID: keepClientID, to: stream)
            }
        } else {
            try console.writeOut { (stream) throws(ScopeLintError) in
                try ExportWriter.write(sources, survey: survey, keepClientID: keepClientID, to: stream)
            }
        }
        return 0
    }
}
