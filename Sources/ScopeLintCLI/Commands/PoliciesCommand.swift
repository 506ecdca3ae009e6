import Foundation
import ScopeLint

/// `scopelint policies list|show|check|generate`: what policies exist, what one requires, whether
/// a file is valid, and a policy written from the API calls an integration makes.
enum PoliciesCommand: Command {
    static let spec = CommandSpec(
        name: "policies",
        abstract: "List, show and check policies.",
        subcommands: [
            CommandSpec(
                name: "list", abstract: "List the bundled and loaded policies.",
                options: [Options.policies, Options.config]),
            CommandSpec(
                name: "show",
                abstract: "Show one policy, resolved: every scope's allowed levels, risks and companions.",
                arguments: [ArgumentSpec("id", help: "A policy id or file.")],
                options: [Options.policies, Options.config]),
            CommandSpec(
                name: "check",
                abstract:
                    "Validate policy files: exit 0 when every one is valid, 2 with a located error for each one that is not.",
                arguments: [
                    ArgumentSpec(
                        "file", variadic: true,
                        help: "Policy files, or folders whose .json and .json5 files are all checked.")
                ],
                options: [Options.policies, Options.config]),
            CommandSpec(
                name: "generate",
                abstract:
                    "Write the least-privilege policy the API calls in usage inputs need, or compare them with a policy (--against).",
                discussion:
                    "Each scope at the least level every call needs, unlisted scopes none, extending least-privilege. Calls to other hosts are passed over and counted; a call that cannot be mapped is listed on standard error and makes the exit code 1 (2 with --strict). See docs/generate.md.",
                arguments: [
                    ArgumentSpec(
                        "usage", variadic: true,
                        help:
                            "Usage inputs (a call list, an access log, HAR, a Postman collection); '-' reads standard input."
                    )
                ],
                options: [
                    Options.policyID, Options.policyTitle, Options.policySource, Options.policyOutput,
                    Options.usageFrom,
                    Options.strict, Options.against, Options.againstFormat, Options.policies, Options.config,
                ]),
        ])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        let configuration = try CommandSupport.configuration(arguments, console: console)
        let folders = configuration.policyFolders + arguments.all(Options.policies)
        if arguments.subcommand == "check" {
            // The folders' policies are there for the checked files to extend; one that does not
            // load is not an error here unless it is checked, or one bad file in the team's
            // folder would hide every other error `check` is run to find.
            var library = try PolicyLibrary.bundled()
            for file in folders.flatMap({ PolicyLibrary.policyFiles(in: $0) ?? [] }) {
                if let policy = try? PolicyLoader.load(try InputFile.read(file), file: file, catalog: library.catalog) {
                    library.add(policy)
                }
            }
            return try check(arguments.positionals, library: library, console: &console)
        }
        var library = try PolicyLibrary.bundled()
        for directory in folders { try library.addDirectory(directory) }
        if arguments.subcommand == "generate" {
            return try generate(arguments, library: &library, configuration: configuration, console: &console)
        }
        switch arguments.subcommand {
        case "show":
            let policy = try library.resolve(try library.policyID(forArgument: arguments.positionals[0]))
            try console.writeOut { show(policy, catalog: library.catalog, to: $0) }
        default:
            try console.writeOut { list(library, to: $0) }
        }
        return 0
    }

    /// `policies generate`: reads every usage input, counting calls per operation, then writes the
    /// policy (or the comparison with `--against`). Unmapped calls go to standard error.
    static func generate(
        _ arguments: ParsedArguments, library: inout PolicyLibrary, configuration: Configuration,
        console: inout Console
    ) throws(ScopeLintError) -> Int32 {
        let path = "scopelint policies generate"
        let against = arguments.value(Options.against)
        let output = arguments.value(Options.policyOutput)
        if against == nil, arguments.value(Options.againstFormat) != nil {
            throw .usage(message: "--format is for the comparison: it needs --against.", command: path)
        }
        if against != nil, output != nil {
            throw .usage(message: "--against compares and writes no policy: drop --output.", command: path)
        }
        let id = arguments.value(Options.policyID) ?? "generated"
        guard PolicyLoader.isValidID(id) else {
            throw .usage(
                message:
                    "--id '\(Redactor.redact(id))' is not a policy id: use lower-case letters, digits and '-' (like \"my-app\").",
                command: path)
        }
        if let output {
            // The inputs, the configuration and every policy file of the run's folders.
            let reads = arguments.positionals + CommandSupport.filesRead(arguments, configuration: configuration)
            try CommandSupport.checkOutputs([(output, reads)], command: path)
        }
        var compared: ResolvedPolicy?
        if let against {
            // Loaded first, then resolved: a file adds its policy to the library.
            let id = try library.policyID(forArgument: against)
            compared = try library.resolve(id)
        }
        let risks = try library.resolve(LintEngine.fallbackPolicyID)
        let from = arguments.value(Options.usageFrom).flatMap(UsageFormat.init(rawValue:))
        var usage = UsageSummary()
        for input in arguments.positionals {
            usage.read(file: InputFile.displayName(for: input))
            _ = try UsageInput.read(
                input, from: from, limits: console.limits, standardInput: console.readStandardInput,
                standardInputDescriptor: console.standardInputDescriptor
            ) { record in usage.add(record) }
        }
        console.err += unmappedReport(usage)
        guard usage.mappedCalls > 0 else {
            throw .invalid(
                file: usage.files.joined(separator: ", "), position: nil,
                message:
                    "no call in the input that scopelint can map to the BigCommerce API, nothing to generate from (\(usage.callsRead) read, \(usage.otherHosts) to other hosts, \(usage.unmappedCalls) unmapped)"
            )
        }
        let needs = usage.needs(risks: risks)
        let catalog = library.catalog
        var status: Int32 = usage.unmappedCalls == 0 ? 0 : arguments.flag(Options.strict) ? 2 : 1
        if let compared {
            let comparison = UsageComparison(needs: needs, policy: compared, catalog: catalog)
            if comparison.isMissingAccess { status = max(status, 1) }
            let json = arguments.value(Options.againstFormat) == "json"
            try console.writeOut { stream in
                if json {
                    comparison.writeJSON(policy: compared, usage: usage, catalog: catalog, to: stream)
                } else {
                    comparison.writeText(policy: compared, catalog: catalog, to: stream)
                }
            }
            return status
        }
        let header = PolicyGenerator.Header(
            id: id, title: arguments.value(Options.policyTitle), source: arguments.value(Options.policySource))
        let write = { (stream: ByteStream) in
            PolicyGenerator.write(usage, needs: needs, header: header, risks: risks, catalog: catalog, to: stream)
        }
        if let output, !CommandSupport.isStandardOutput(output) {
            try AtomicFile.write(to: output) { stream in write(stream) }
            console.err += StreamText("scopelint: wrote \(output)\n").escaped()
        } else {
            try console.writeOut { stream in write(stream) }
        }
        return status
    }

    /// The calls scopelint could not map, each distinct request once with where it first is and
    /// how often, then one line of totals. Requests are redacted and escaped for the terminal.
    static func unmappedReport(_ usage: UsageSummary) -> String {
        let stream = ByteStream()
        if usage.unmappedCalls > 0 {
            let noun = usage.unmappedCalls == 1 ? "call" : "calls"
            stream.write(
                "scopelint: \(usage.unmappedCalls) \(own: noun) could not be mapped to an operation; the policy does not cover \(own: usage.unmappedCalls == 1 ? "it" : "them"):\n"
            )
            for row in usage.unmapped {
                let times = row.count == 1 ? "" : " (\(row.count) calls)"
                stream.write("  \(row.first.description): \(row.request)\(own: times): \(row.reason)\n")
            }
            if usage.unmappedBeyondExamples > 0 {
                stream.write("  and \(usage.unmappedBeyondExamples) more unmapped calls\n")
            }
        }
        stream.write(
            "scopelint: \(usage.callsRead) \(own: usage.callsRead == 1 ? "call" : "calls") read: \(usage.mappedCalls) mapped, \(usage.otherHosts) to other hosts (passed over), \(usage.unmappedCalls) unmapped\n"
        )
        return stream.text
    }

    /// Checks every file, and every policy file of every folder, reporting each invalid one
    /// rather than stopping at the first. All are loaded before any is resolved, so a policy
    /// may extend one that comes after it. Exit 2 when any is invalid.
    static func check(_ arguments: [String], library: PolicyLibrary, console: inout Console) throws(ScopeLintError)
        -> Int32
    {
        var library = library
        var files: [String] = []
        var errors: [ScopeLintError] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let policies = PolicyLibrary.policyFiles(in: argument) else {
                    errors.append(.unreadable(file: argument, reason: "cannot list the folder"))
                    continue
                }
                if policies.isEmpty {
                    errors.append(
                        .unreadable(file: argument, reason: "the folder holds no .json or .json5 policy file"))
                }
                files += policies
            } else {
                files.append(argument)
            }
        }
        var loaded: [(file: String, policy: Policy)] = []
        for file in files {
            do throws(ScopeLintError) {
                let policy = try PolicyLoader.load(try InputFile.read(file), file: file, catalog: library.catalog)
                library.add(policy)
                loaded.append((file, policy))
            } catch {
                errors.append(error)
            }
        }
        var lines = ""
        var valid = 0
        for (file, policy) in loaded {
            // Each file resolved as itself, even when a later file has the same id.
            var own = library
            own.add(policy)
            let id = policy.id
            do throws(ScopeLintError) {
                let resolved = try own.resolve(id)
                let extends: StreamText =
                    resolved.ancestors.isEmpty ? "" : ", extends \(resolved.ancestors.joined(separator: " > "))"
                lines += StreamText("\(file): ok: policy '\(id)'\(extends)\n").escaped()
                valid += 1
            } catch {
                errors.append(error)
            }
        }
        console.out += lines
        // Each error as the CLI prints one, escaped for the terminal.
        for error in errors { console.err += ByteStream.escaped(error.description, .terminal) + "\n" }
        if !errors.isEmpty {
            console.err += "scopelint: \(errors.count) invalid, \(valid) valid\n"
            return 2
        }
        return 0
    }

    /// Policy texts come from files anyone may have written: every one is written as data.
    static func list(_ library: PolicyLibrary, to stream: ByteStream) {
        for id in library.ids {
            guard let policy = library.policies[id] else { continue }
            stream.write("\(id)\n  \(policy.title)\n")
            if let applies = policy.appliesTo {
                stream.write("  applies to: \(describe(applies, catalog: library.catalog))\n")
            } else {
                let fallback = id == LintEngine.fallbackPolicyID ? ", and every account no other policy matches" : ""
                stream.write("  applies to: \(chosen(id))\(own: fallback)\n")
            }
            if let source = policy.source { stream.write("  source: \(source.line)\n") }
        }
    }

    /// Who a policy without `applies_to` checks. The mapping first: `--policy` applies to
    /// every account of the run, which is right for one account and wrong for a store.
    static func chosen(_ id: String) -> String {
        "accounts the configuration's \"accounts\" maps to \(id), or every account of a run with --policy \(id)"
    }

    static func describe(_ applies: Policy.AppliesTo, catalog: Catalog) -> String {
        var parts: [String] = []
        if !applies.accountNames.isEmpty {
            parts.append("accounts named \(applies.accountNames.map { "\"\($0)\"" }.joined(separator: " or "))")
        }
        if !applies.types.isEmpty { parts.append("of type \(applies.types.map(\.rawValue).joined(separator: " or "))") }
        // The two routes to one fact are alternatives (`PolicyMatcher.applies`).
        var routes: [String] = []
        if !applies.storeHasAccountTypes.isEmpty {
            routes.append(
                "in stores that have a \(applies.storeHasAccountTypes.map(\.rawValue).joined(separator: " or ")) account"
            )
        }
        if !applies.accountHolds.isEmpty {
            routes.append("holding \(holdings(applies.accountHolds, catalog: catalog))")
        }
        if !routes.isEmpty { parts.append(routes.joined(separator: " or ")) }
        return parts.joined(separator: ", ")
    }

    static func holdings(_ holdings: [Policy.Holding], catalog: Catalog) -> String {
        holdings.map { "\(catalog[$0.scope].name) at \(catalog[$0.scope].levelName($0.level))" }.joined(
            separator: " and ")
    }

    static func show(_ policy: ResolvedPolicy, catalog: Catalog, to stream: ByteStream) {
        stream.write("\(policy.id): \(policy.title)\n")
        if policy.isBundled {
            stream.write("file: none, bundled with scopelint\n" as StaticString)
        } else {
            stream.write("file: \(policy.file)\n")
        }
        if let source = policy.source { stream.write("source: \(source.line)\n") }
        if !policy.ancestors.isEmpty { stream.write("extends: \(policy.ancestors.joined(separator: " > "))\n") }
        stream.write(
            "applies to: \(policy.appliesTo.map { describe($0, catalog: catalog) } ?? chosen(policy.id))\n")
        stream.write("unlisted scopes: \(own: policy.unlisted == .none ? "must be none" : "not checked")\n")
        if let description = policy.description {
            // Escaped before it is wrapped, so the wrap's line breaks are the only ones.
            stream.write(trusted: "\n" + TextWrap.wrap(ByteStream.escaped(description, .terminal), indent: 0) + "\n")
        }
        stream.write("\nScopes (control-panel order):\n" as StaticString)
        let nameWidth = catalog.scopes.map(\.name.count).max() ?? 0
        for scope in catalog.scopes {
            let index = scope.id.index
            let range = scope.rangeText(min: policy.minimum[index], max: policy.maximum[index])
            let allowed =
                policy.minimum[index] == policy.maximum[index]
                ? "exactly \(range)" : range == "any" ? "any level" : range
            stream.write("  \(own: scope.name.padding(nameWidth))  \(own: allowed)")
            if let reason = policy.accepted[index] { stream.write("  (risk accepted: \(reason))") }
            stream.write(byte: 0x0A)
        }
        let risks = catalog.scopes.flatMap { policy.risks[$0.id.index] }
        if !risks.isEmpty {
            stream.write("\nRisks:\n" as StaticString)
            for risk in risks {
                let scope = catalog[risk.scope]
                stream.write(
                    "  \(own: risk.severity.rawValue.padding(7))  \(own: scope.name) at \(own: scope.levelName(risk.level)) \(risk.harm)\n"
                )
            }
        }
        if !policy.companions.isEmpty {
            stream.write("\nCompanion accounts:\n" as StaticString)
            for companion in policy.companions {
                let how: StreamText = companion.how.map { ": \($0)" } ?? ""
                stream.write("  \(companion.title)\(how)\n")
                if !companion.unlessAccountHolds.isEmpty {
                    stream.write(
                        "    not needed when the account holds \(holdings(companion.unlessAccountHolds, catalog: catalog))\n"
                    )
                }
            }
        }
        let overrides = policy.severity.sorted { $0.key < $1.key }
        if !overrides.isEmpty {
            stream.write("\nSeverity overrides:\n" as StaticString)
            for (rule, value) in overrides {
                switch value {
                case .severity(let severity): stream.write("  \(own: rule.rawValue): \(own: severity.rawValue)\n")
                case .off: stream.write("  \(own: rule.rawValue): off\n")
                }
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
