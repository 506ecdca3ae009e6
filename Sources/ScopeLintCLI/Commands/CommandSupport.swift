/// What several commands do the same way: load policies, read exports, pick a color style.
import Foundation
import ScopeLint

enum CommandSupport {
    /// The bundled policies plus `--policies` folders, and the ids `--policy` names (files loaded).
    static func policies(_ arguments: ParsedArguments, configuration: Configuration = Configuration())
        throws(ScopeLintError) -> (PolicyLibrary, [String])
    {
        var library = try PolicyLibrary.bundled()
        for directory in configuration.policyFolders + arguments.all(Options.policies) {
            try library.addDirectory(directory)
        }
        var ids: [String] = []
        for argument in arguments.all(Options.policy) { ids.append(try library.policyID(forArgument: argument)) }
        return (library, ids)
    }

    /// What `--store` and `--account` say about inputs that do not.
    static func readOptions(_ arguments: ParsedArguments, console: Console) -> ReadOptions {
        ReadOptions(
            storeHash: arguments.value(Options.store), accountName: arguments.value(Options.account),
            limits: console.limits)
    }

    /// Standard input, read once and held to the same size limit as files.
    static func standardInput(_ console: Console) throws(ScopeLintError) -> InputBytes {
        InputBytes(
            copying: try InputFile.read("-", limit: console.limits.inputSize, standardInput: console.readStandardInput))
    }

    /// The inputs read whole, for `diff OLD NEW`, which needs every store at once: the same
    /// sources the engine reads, their stores kept.
    static func readExports(_ paths: [String], arguments: ParsedArguments, console: Console) throws(ScopeLintError)
        -> [Export]
    {
        var exports: [Export] = []
        for source in try sources(paths, arguments: arguments, console: console) {
            var stores: [Store] = []
            try source.read { stores.append($0) }
            exports.append(Export(file: source.file, stores: stores))
        }
        return exports
    }

    /// The inputs as the engine reads them: each opened when its turn comes (a file mapped,
    /// standard input read once) and streamed store by store.
    static func sources(_ paths: [String], arguments: ParsedArguments, console: Console) throws(ScopeLintError)
        -> [StoreSource]
    {
        let options = readOptions(arguments, console: console)
        let from = arguments.value(Options.from)
        let standardInput = paths.contains("-") ? try standardInput(console) : nil
        return paths.map { path in
            let file = InputFile.displayName(for: path)
            return StoreSource(file: file) { (visit) throws(ScopeLintError) in
                let input = try path == "-" ? standardInput! : InputFile.open(path, limit: options.limits.inputSize)
                try InputFormat.stream(input, file: file, from: from, options: options, eachStore: visit)
            }
        }
    }

    /// `--config FILE`, else `./.scopelint.json` when it exists, else the defaults.
    static func configuration(_ arguments: ParsedArguments) throws(ScopeLintError) -> Configuration {
        if let file = arguments.value(Options.config) {
            return try Configuration.load(try InputFile.read(file), file: file)
        }
        guard FileManager.default.fileExists(atPath: Configuration.fileName) else { return Configuration() }
        return try Configuration.load(try InputFile.read(Configuration.fileName), file: Configuration.fileName)
    }

    /// Today as `YYYY-MM-DD` in UTC, for baseline expiry; `SCOPELINT_TODAY` fixes it (tests, reruns).
    static func today(_ console: Console) -> String {
        if let fixed = console.environment["SCOPELINT_TODAY"], Baseline.isDate(fixed) { return fixed }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
