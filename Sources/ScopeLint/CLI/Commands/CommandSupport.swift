/// What several commands do the same way: load policies, read exports, pick a color style.
import Foundation
import Synchronization

enum CommandSupport {
    static let policyOption = OptionSpec(
        "policy", value: "id|file", repeatable: true, help: "A bundled or --policies id, or a policy file. Repeatable.")
    static let policiesOption = OptionSpec(
        "policies", value: "dir", repeatable: true, help: "Also load the policy files (.json, .json5) in this folder.")
    static let colorOption = OptionSpec(
        "color", value: "when", choices: ["auto", "always", "never"], defaultValue: "auto",
        help: "Color the text output; auto colors only on a terminal without NO_COLOR.")
    static let failOnOption = OptionSpec(
        "fail-on", value: "severity", choices: FailThreshold.names, defaultValue: "error",
        help: "Exit 1 when a finding is at or above this severity.")

    static func formatOption(_ names: [String]) -> OptionSpec {
        OptionSpec("format", value: "format", choices: names, defaultValue: names[0], help: "Output format.")
    }

    /// The bundled policies plus `--policies` folders, and the ids `--policy` names (files loaded).
    static func policies(_ arguments: ParsedArguments, configuration: Configuration = Configuration())
        throws(ScopeLintError) -> (PolicyLibrary, [String])
    {
        var library = try PolicyLibrary.bundled()
        for directory in configuration.policyFolders + arguments.all("policies") { try library.addDirectory(directory) }
        var ids: [String] = []
        for argument in arguments.all("policy") { ids.append(try library.policyID(forArgument: argument)) }
        return (library, ids)
    }

    static let fromOption = OptionSpec(
        "from", value: "format", choices: InputFormat.identifiers,
        help: "Read every input as this shape instead of detecting it.")
    static let storeOption = OptionSpec(
        "store", value: "hash",
        help: "The store hash, for inputs that do not name one (scope strings, lists, CSV without a store column).")
    static let accountOption = OptionSpec(
        "account", value: "name", help: "The account name, for inputs that do not name one.")
    static var inputOptions: [OptionSpec] { [fromOption, storeOption, accountOption] }

    /// What `--store` and `--account` say about inputs that do not.
    static func readOptions(_ arguments: ParsedArguments, console: Console) -> ReadOptions {
        ReadOptions(
            storeHash: arguments.value("store"), accountName: arguments.value("account"), limits: console.limits)
    }

    /// Standard input, read once and held to the same size limit as files.
    static func standardInput(_ console: Console) throws(ScopeLintError) -> InputBytes {
        InputBytes(
            copying: try InputFile.read("-", limit: console.limits.inputSize, standardInput: console.readStandardInput))
    }

    /// An input named on the command line: mapped when it is a file, read whole when it is
    /// standard input (`standardInput`, read once by the caller).
    static func open(_ path: String, limits: Limits, standardInput: () throws(ScopeLintError) -> InputBytes)
        throws(ScopeLintError) -> (file: String, input: InputBytes)
    {
        (
            InputFile.displayName(for: path),
            path == "-" ? try standardInput() : try InputFile.open(path, limit: limits.inputSize)
        )
    }

    static func readExports(_ paths: [String], arguments: ParsedArguments, console: Console) throws(ScopeLintError)
        -> [Export]
    {
        let options = readOptions(arguments, console: console)
        var exports: [Export] = []
        for path in paths {
            let bytes = try InputFile.read(
                path, limit: console.limits.inputSize, standardInput: console.readStandardInput)
            exports.append(
                try InputFormat.read(
                    bytes, file: InputFile.displayName(for: path), from: arguments.value("from"), options: options))
        }
        return exports
    }

    /// Reads the inputs one store at a time, in order, handing each to `eachStore` with its
    /// file's display name and place on the command line; nothing is kept between stores.
    static func readStores(
        _ paths: [String], arguments: ParsedArguments, console: Console,
        eachStore: (_ file: String, _ fileIndex: Int, _ store: Store) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let options = readOptions(arguments, console: console)
        for (index, path) in paths.enumerated() {
            let (file, input) = try open(path, limits: console.limits) { () throws(ScopeLintError) in
                try standardInput(console)
            }
            try InputFormat.stream(input, file: file, from: arguments.value("from"), options: options) {
                (store) throws(ScopeLintError) in
                try eachStore(file, index, store)
            }
        }
    }

    /// Inputs smaller than this are read and linted on one thread: a second would cost more
    /// to start than it saves.
    static let pipelineThreshold = 4 << 20

    /// Lints the inputs, each streamed store by store, several at once on all cores. The
    /// report is in command-line order whatever finishes first, and when inputs are invalid
    /// the error is the first one's in that order, so output never depends on timing.
    static func lint(_ paths: [String], engine: LintEngine, arguments: ParsedArguments, console: Console)
        throws(ScopeLintError) -> Report
    {
        let options = readOptions(arguments, console: console)
        let from = arguments.value("from")
        // Standard input is read here, once, before any work is shared out.
        let standardInput = paths.contains("-") ? try Self.standardInput(console) : nil
        let lintOne = { @Sendable (index: Int) throws(ScopeLintError) -> LintEngine.FileResult in
            let (file, input) = try open(paths[index], limits: options.limits) { standardInput! }
            return try engine.lintFile(file, index: index) { (visit) throws(ScopeLintError) in
                // A large input is read on a second thread while this one lints what it has read.
                guard input.count >= pipelineThreshold else {
                    return try InputFormat.stream(input, file: file, from: from, options: options, eachStore: visit)
                }
                try Pipeline.run(
                    produce: { (send) throws(ScopeLintError) in
                        try InputFormat.stream(input, file: file, from: from, options: options, eachStore: send)
                    }, consume: visit)
            }
        }
        if paths.count == 1 { return engine.report([try lintOne(0)]) }
        let results = Mutex<[Result<LintEngine.FileResult, ScopeLintError>?]>(Array(repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { () throws(ScopeLintError) in try lintOne(index) }
            results.withLock { $0[index] = result }
        }
        var files: [LintEngine.FileResult] = []
        for result in results.withLock({ $0 }) { files.append(try result!.get()) }
        return engine.report(files)
    }

    /// `--config FILE`, else `./.scopelint.json` when it exists, else the defaults.
    static func configuration(_ arguments: ParsedArguments) throws(ScopeLintError) -> Configuration {
        if let file = arguments.value("config") {
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
