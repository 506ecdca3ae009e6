import Foundation

/// All policies a run can use: the bundled ones, then `--policies DIR`, then `--policy FILE`.
/// A user policy with a bundled policy's id replaces it, so a team can regrade the risk
/// catalog in its own `least-privilege.json5`.
public struct PolicyLibrary: Sendable {
    package private(set) var policies: [String: Policy] = [:]
    package let catalog: Catalog

    package init(catalog: Catalog = .bigCommerce) {
        self.catalog = catalog
    }

    /// The policies built into the binary from `Policies/`.
    public static func bundled(catalog: Catalog = .bigCommerce) throws(ScopeLintError) -> PolicyLibrary {
        var library = PolicyLibrary(catalog: catalog)
        for (name, text) in BundledPolicies.files {
            // Named by its id (the file name, which a test holds equal to the id): the user
            // has no Policies/ folder to open.
            let id = name.hasSuffix(".json5") ? String(name.dropLast(6)) : name
            let policy = try PolicyLoader.load(
                Array(text.utf8), file: SourceLocation.bundledPolicy(id), catalog: catalog)
            library.policies[policy.id] = policy
        }
        return library
    }

    public var ids: [String] { policies.keys.sorted() }

    @discardableResult
    package mutating func add(_ policy: Policy) -> String {
        policies[policy.id] = policy
        return policy.id
    }

    /// Loads a policy file and adds it; returns its id.
    @discardableResult
    public mutating func addFile(_ path: String) throws(ScopeLintError) -> String {
        let bytes = try InputFile.read(path)
        return add(try PolicyLoader.load(bytes, file: path, catalog: catalog))
    }

    /// Loads every `.json` and `.json5` file of a folder (not recursively). Two files with
    /// one id are an error: which one wins would depend on the file system.
    public mutating func addDirectory(_ path: String) throws(ScopeLintError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(file: path, reason: "expected a folder of policy files")
        }
        guard let files = Self.policyFiles(in: path) else {
            throw .unreadable(file: path, reason: "cannot list the folder")
        }
        var seen: [String: String] = [:]
        let folder = AtomicFile.canonical(path) + "/"
        for file in files {
            // A link may not smuggle in a policy from elsewhere: what the folder holds is what a
            // reviewer of the folder saw.
            if FileManager.default.fileExists(atPath: file), !AtomicFile.canonical(file).hasPrefix(folder) {
                throw .unreadable(
                    file: file, reason: "it links outside \(path); copy the policy into the folder instead")
            }
            let policy = try PolicyLoader.load(try InputFile.read(file), file: file, catalog: catalog)
            if let other = seen[policy.id] {
                throw .invalid(
                    file: file, position: policy.position,
                    message: "policy id '\(policy.id)' is also the id of \(other); give each policy its own id")
            }
            seen[policy.id] = file
            add(policy)
        }
    }

    /// A folder's policy files (`.json` and `.json5`, not recursively) as paths, sorted by name;
    /// nil when the folder cannot be listed. The one definition of what a policy folder holds,
    /// for loading it, checking it and knowing which files a run reads.
    package static func policyFiles(in folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".json5") }.sorted().map {
            (folder as NSString).appendingPathComponent($0)
        }
    }

    /// The id an argument of `--policy` names: a file is loaded, anything else is an id.
    package mutating func policyID(forArgument argument: String) throws(ScopeLintError) -> String {
        if policies[argument] != nil { return argument }
        if argument.hasSuffix(".json") || argument.hasSuffix(".json5") || argument.contains("/")
            || FileManager.default.fileExists(atPath: argument)
        {
            return try addFile(argument)
        }
        throw .unknownPolicy(id: argument, suggestions: Suggestions.closest(to: argument, in: ids))
    }

    /// Flattens `extends`. Parents apply in order, later ones over earlier ones, and the
    /// policy itself over all of them. `unlisted` is never inherited: a policy that does not
    /// say is strict (`none`), so extending the risk catalog cannot loosen anything by accident.
    package func resolve(_ id: String) throws(ScopeLintError) -> ResolvedPolicy {
        var resolved: [String: ResolvedPolicy] = [:]
        return try resolve(id, chain: [], reference: nil, resolved: &resolved)
    }

    /// Every policy, each resolved once however many others extend it.
    package func resolveAll() throws(ScopeLintError) -> [ResolvedPolicy] {
        var resolved: [String: ResolvedPolicy] = [:]
        var result: [ResolvedPolicy] = []
        for id in ids { result.append(try resolve(id, chain: [], reference: nil, resolved: &resolved)) }
        return result
    }

    /// `resolved` holds the policies already flattened in this resolution: each is flattened
    /// once, so a diamond of `extends` costs its size, not its number of paths (which doubles
    /// with every level).
    private func resolve(
        _ id: String, chain: [String], reference: SourceLocation?, resolved: inout [String: ResolvedPolicy]
    ) throws(ScopeLintError) -> ResolvedPolicy {
        if let done = resolved[id] { return done }
        guard let policy = policies[id] else {
            if let reference {
                throw .invalid(
                    file: reference.file, position: reference.position,
                    message: "extends unknown policy '\(Redactor.redact(id))'\(Suggestions.hint(for: id, in: ids))")
            }
            throw .unknownPolicy(id: id, suggestions: Suggestions.closest(to: id, in: ids))
        }
        // The resolved values are built here, then the policy is made once: it never changes after.
        let count = catalog.scopes.count
        var ancestors: [String] = []
        var minimum = Array(repeating: 0, count: count)
        var maximum = Array(repeating: 0, count: count)
        var listedAt: [SourceLocation?] = Array(repeating: nil, count: count)
        var risks: [[Policy.Risk]] = Array(repeating: [], count: count)
        var accepted: [String?] = Array(repeating: nil, count: count)
        var severity: [RuleID: Policy.SeverityOverride] = [:]
        var companions: [Policy.Companion] = []
        var listed = Array(repeating: false, count: count)
        for parent in policy.extends {
            if chain.contains(parent.id) || parent.id == id {
                let cycle = (chain + [id, parent.id]).drop { $0 != parent.id }
                throw .invalid(
                    file: policy.file, position: parent.position,
                    message: "extends forms a cycle: \(cycle.joined(separator: " -> "))")
            }
            let base = try resolve(
                parent.id, chain: chain + [id], reference: SourceLocation(file: policy.file, position: parent.position),
                resolved: &resolved)
            ancestors.append(contentsOf: [base.id] + base.ancestors)
            for index in 0..<count {
                if base.listedAt[index] != nil {
                    minimum[index] = base.minimum[index]
                    maximum[index] = base.maximum[index]
                    listedAt[index] = base.listedAt[index]
                    listed[index] = true
                }
                for row in base.risks[index] { Self.merge(row, into: &risks[index]) }
                if let reason = base.accepted[index] { accepted[index] = reason }
            }
            severity.merge(base.severity) { _, new in new }
            companions.append(contentsOf: base.companions)
        }
        for requirement in policy.requirements {
            let index = requirement.scope.index
            minimum[index] = requirement.min
            maximum[index] = requirement.max
            listedAt[index] = SourceLocation(file: policy.file, position: requirement.position)
            listed[index] = true
        }
        for index in 0..<count where !listed[index] {
            minimum[index] = 0
            maximum[index] = policy.unlisted == .none ? 0 : catalog.scopes[index].highestLevel
        }
        for row in policy.risks { Self.merge(row, into: &risks[row.scope.index]) }
        for acceptance in policy.accepts { accepted[acceptance.scope.index] = acceptance.reason }
        severity.merge(policy.severity) { _, new in new }
        companions.append(contentsOf: policy.companions)
        var seenAncestors: Set<String> = []
        let result = ResolvedPolicy(
            id: policy.id, title: policy.title, source: policy.source, description: policy.description,
            file: policy.file, position: policy.position, appliesTo: policy.appliesTo,
            ancestors: ancestors.filter { seenAncestors.insert($0).inserted }, unlisted: policy.unlisted,
            minimum: minimum, maximum: maximum, listedAt: listedAt, risks: risks, accepted: accepted,
            severity: severity, companions: companions)
        resolved[id] = result
        return result
    }

    /// A row for the same scope and level replaces the inherited one.
    private static func merge(_ row: Policy.Risk, into rows: inout [Policy.Risk]) {
        if let index = rows.firstIndex(where: { $0.level == row.level }) {
            rows[index] = row
        } else {
            rows.append(row)
            rows.sort { $0.level < $1.level }
        }
    }
}
