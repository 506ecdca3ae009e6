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

    /// The flags a suggested command needs to find the policies this run found: `--config`
    /// when one was named (one found by searching is found again), every `--policies`, and the
    /// file behind each `--policy FILE` (`ids` are what `policies` made of `--policy`).
    static func commandContext(_ arguments: ParsedArguments, ids: [String]) -> CommandContext {
        var context = CommandContext()
        if let config = arguments.value(Options.config) { context.flags += ["--config", config] }
        for folder in arguments.all(Options.policies) { context.flags += ["--policies", folder] }
        for (argument, id) in zip(arguments.all(Options.policy), ids) where argument != id {
            context.policyFiles[id] = argument
        }
        return context
    }

    /// What `--store` and `--account` say about inputs that do not.
    static func readOptions(_ arguments: ParsedArguments, console: Console) -> ReadOptions {
        ReadOptions(
            storeHash: arguments.value(Options.store), accountName: arguments.value(Options.account),
            limits: console.limits)
    }

    /// An input, configuration or baseline, read with the run's limits; `-` reads the console's
    /// standard input.
    static func open(_ path: String, console: Console) throws(ScopeLintError) -> InputBytes {
        try InputFile.open(path, limit: console.limits.inputSize, standardInput: console.readStandardInput)
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

    /// The inputs as the engine reads them, streamed store by store. A regular file is opened
    /// when its turn comes, each time it is read, so the reader may hand its bytes back behind
    /// it; what can be read only once (standard input, a pipe, a FIFO, a device) is read first,
    /// in order, and kept: its bytes are handed back only when nothing reads them again (not
    /// when named twice, nor when the caller reads the sources twice, as `convert` does).
    static func sources(
        _ paths: [String], arguments: ParsedArguments, console: Console, readTwice: Bool = false
    ) throws(ScopeLintError) -> [StoreSource] {
        let options = readOptions(arguments, console: console)
        let from = arguments.value(Options.from)
        var kept: [String: InputBytes] = [:]
        for path in paths where kept[path] == nil && !opensAgain(path) {
            kept[path] = try open(path, console: console)
            kept[path]?.releasesBehind = !readTwice && paths.count(where: { $0 == path }) == 1
        }
        return paths.map { [kept] path in
            let file = InputFile.displayName(for: path)
            let replay = Replay()
            return StoreSource(file: file) { (visit) throws(ScopeLintError) in
                // A shape read whole (all but the export) is held whole anyway: read twice, its
                // second pass hands over the stores of the first instead of parsing it again.
                if let stores = replay.stores {
                    replay.stores = nil
                    for store in stores { try visit(store) }
                    return
                }
                let input: InputBytes
                if let held = kept[path] {
                    input = held
                } else {
                    input = try open(path, console: console)
                    input.releasesBehind = true
                }
                guard readTwice, !InputFormat.streams(input, from: from) else {
                    try InputFormat.stream(input, file: file, from: from, options: options, eachStore: visit)
                    return
                }
                var stores: [Store] = []
                try InputFormat.stream(input, file: file, from: from, options: options) {
                    (store) throws(ScopeLintError) in
                    stores.append(store)
                    try visit(store)
                }
                replay.stores = stores
            }
        }
    }

    /// The stores of a first pass over an input read whole, for the second (see `sources`).
    private final class Replay {
        var stores: [Store]?
    }

    /// Whether `path` reads the same when opened again: a regular file, or what is not there
    /// (its error then comes in its turn).
    static func opensAgain(_ path: String) -> Bool {
        var status = stat()
        guard path != "-" else { return false }
        guard stat(path, &status) == 0 else { return true }
        return ![S_IFIFO, S_IFCHR, S_IFSOCK].contains(status.st_mode & S_IFMT)
    }

    /// Whether an output path means standard output: `-`, or /dev/stdout, which is written
    /// through the console's stream rather than opened (or replaced) as a file.
    static func isStandardOutput(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }

    /// The files a run reads besides its inputs, none of which it may write over: the
    /// configuration and the policy files (`--policy FILE`, every policy in a policy folder).
    static func filesRead(_ arguments: ParsedArguments, configuration: Configuration) -> [String] {
        var files = configuration.file.map { [$0] } ?? []
        // `--policy FILE` where the command has it (`policies generate` does not).
        if arguments.declares(Options.policy) {
            files += arguments.all(Options.policy).filter { FileManager.default.fileExists(atPath: $0) }
        }
        for folder in configuration.policyFolders + arguments.all(Options.policies) {
            files += PolicyLibrary.policyFiles(in: folder) ?? []
        }
        return files
    }

    /// Refuses, before anything is written, an output that names a file the run reads, by
    /// whatever path (links, `..`, a hard link), or one another output names. Each output
    /// comes with the files it must not replace. A device or FIFO replaces nothing.
    static func checkOutputs(_ outputs: [(path: String, reads: [String])], command: String) throws(ScopeLintError) {
        let files = outputs.filter {
            var status = stat()
            return !isStandardOutput($0.path) && (stat($0.path, &status) != 0 || status.st_mode & S_IFMT == S_IFREG)
        }
        for (index, output) in files.enumerated() {
            if let read = output.reads.first(where: { $0 != "-" && AtomicFile.sameFile($0, output.path) }) {
                throw .usage(
                    message:
                        "'\(output.path)' is \(read == output.path ? "" : "'\(read)', ")one of the files scopelint reads; write the output somewhere else.",
                    command: command)
            }
            if files[..<index].contains(where: { AtomicFile.sameFile($0.path, output.path) }) {
                throw .usage(
                    message: "Two outputs would be written to the same file, '\(output.path)'.", command: command)
            }
        }
    }

    /// `--config FILE`, else the `.scopelint.json` or `.scopelint.json5` found from the working
    /// folder up to the repository root (`Configuration.find`), else the defaults.
    static func configuration(_ arguments: ParsedArguments, console: Console) throws(ScopeLintError) -> Configuration {
        let file: String
        if let given = arguments.value(Options.config) {
            file = given
        } else {
            let found = try Configuration.find(from: FileManager.default.currentDirectoryPath) {
                FileManager.default.fileExists(atPath: $0)
            }
            guard let found else { return Configuration() }
            file = found
        }
        return try Configuration.load(try open(file, console: console).array, file: file)
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
