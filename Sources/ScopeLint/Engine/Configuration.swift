import Foundation

/// `.scopelint.json` or `.scopelint.json5` (JSON5 allowed in both): a team's settings, found in
/// the working directory or the nearest parent up to the repository root (`find`), or named with
/// `--config`. Command-line flags win over it; it wins over policies' own severity overrides.
public struct Configuration: Sendable {
    package struct Mapping: Sendable {
        /// A glob over account names (`*`, `?`, case ignored).
        package var pattern: String
        package var policies: [String]
        package var position: TextPosition
    }

    package static let fileName = ".scopelint.json"
    /// The names looked for in each folder, in the order an error lists them.
    package static let fileNames = [".scopelint.json", ".scopelint.json5"]

    /// The configuration file that applies in `directory` (a path the caller can open, relative
    /// to `directory` when found in it or a parent): the first folder, from `directory` up,
    /// holding one, never above the repository root (the first folder holding `.git`, a file in
    /// a worktree or a directory) nor above `/`. Both names in one folder is an error naming
    /// both, since which one wins would be a guess. nil when there is none.
    package static func find(from directory: String, exists: (String) -> Bool) throws(ScopeLintError) -> String? {
        var folder = directory
        var prefix = ""
        while true {
            let present = fileNames.filter { exists((folder as NSString).appendingPathComponent($0)) }
            if present.count > 1 {
                throw .invalid(
                    file: prefix + present[0], position: nil,
                    message:
                        "both \(present.map { prefix + $0 }.joined(separator: " and ")) are here; keep one (scopelint reads one configuration per folder)"
                )
            }
            if let name = present.first { return prefix + name }
            let parent = (folder as NSString).deletingLastPathComponent
            if exists((folder as NSString).appendingPathComponent(".git")) || parent == folder || parent.isEmpty {
                return nil
            }
            folder = parent
            prefix += "../"
        }
    }
    static let keys = ["policies", "accounts", "severity", "disabled_rules", "fail_on", "baseline"]

    package var file: String?
    /// Policy folders, resolved against the configuration file's folder.
    package var policyFolders: [String] = []
    package var mappings: [Mapping] = []
    package var severity: [RuleID: Policy.SeverityOverride] = [:]
    package var disabledRules: Set<RuleID> = []
    package var failOn: FailThreshold?
    package var baseline: String?

    public init() {}

    package static func load(_ bytes: [UInt8], file: String) throws(ScopeLintError) -> Configuration {
        let root = try JSONReader.parse(bytes, file: file)
        func error(_ position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }
        guard let members = root.members else { throw error(root.position, "expected a configuration object") }
        let folder = (file as NSString).deletingLastPathComponent
        func path(_ text: String) -> String {
            text.hasPrefix("/") || folder.isEmpty ? text : (folder as NSString).appendingPathComponent(text)
        }
        func strings(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> [JSONNode] {
            if node.stringValue != nil { return [node] }
            guard let elements = node.elements else {
                throw error(node.position, "expected \(what) as an array of strings")
            }
            for element in elements where element.stringValue == nil {
                throw error(element.position, "expected \(what) as strings, found \(element.value.kindDescription)")
            }
            return elements
        }
        func rule(_ text: String, at position: TextPosition) throws(ScopeLintError) -> RuleID {
            guard let rule = RuleID(rawValue: text) else {
                throw error(
                    position,
                    "unknown rule '\(Redactor.redact(text))'\(Suggestions.hint(for: text, in: RuleID.allCases.map(\.rawValue))); scopelint explain lists the rules"
                )
            }
            return rule
        }
        var configuration = Configuration()
        configuration.file = file
        var seen: Set<String> = []
        for member in members {
            guard keys.contains(member.key) else {
                throw .unknownKey(member, file: file, allowed: keys, in: "the configuration")
            }
            guard seen.insert(member.key).inserted else {
                throw error(member.keyPosition, "duplicate key '\(member.key)' in the configuration")
            }
            switch member.key {
            case "policies":
                configuration.policyFolders = try strings(member.value, "policy folders").map { path($0.stringValue!) }
            case "accounts":
                guard let elements = member.value.elements else {
                    throw error(
                        member.value.position,
                        "expected \"accounts\" as an array of {\"name\": pattern, \"policy\": id}")
                }
                for element in elements {
                    guard let fields = element.members else {
                        throw error(element.position, "expected {\"name\": pattern, \"policy\": id}")
                    }
                    var mapping = Mapping(pattern: "", policies: [], position: element.position)
                    for field in fields {
                        switch field.key {
                        case "name":
                            guard let text = field.value.stringValue, !text.isEmpty else {
                                throw error(field.value.position, "expected an account-name pattern")
                            }
                            mapping.pattern = text
                        case "policy": mapping.policies = try strings(field.value, "policy ids").map { $0.stringValue! }
                        default:
                            throw .unknownKey(field, file: file, allowed: ["name", "policy"], in: "an account mapping")
                        }
                    }
                    if mapping.pattern.isEmpty || mapping.policies.isEmpty {
                        throw error(element.position, "expected the mapping to have \"name\" and \"policy\"")
                    }
                    configuration.mappings.append(mapping)
                }
            case "severity":
                guard let fields = member.value.members else {
                    throw error(member.value.position, "expected \"severity\" as an object of rule to severity")
                }
                for field in fields {
                    let id = try rule(field.key, at: field.keyPosition)
                    switch field.value.stringValue?.lowercased() {
                    case "off": configuration.severity[id] = .off
                    case let text?:
                        if let severity = Severity(rawValue: text) {
                            configuration.severity[id] = .severity(severity)
                        } else {
                            fallthrough
                        }
                    default: throw error(field.value.position, "expected a severity: error, warning, note or off")
                    }
                }
            case "disabled_rules":
                for node in try strings(member.value, "rule ids") {
                    configuration.disabledRules.insert(try rule(node.stringValue!, at: node.position))
                }
            case "fail_on":
                guard let text = member.value.stringValue, let threshold = FailThreshold(text) else {
                    throw error(
                        member.value.position,
                        "expected \"fail_on\" to be one of \(FailThreshold.names.joined(separator: ", "))")
                }
                configuration.failOn = threshold
            case "baseline":
                guard let text = member.value.stringValue, !text.isEmpty else {
                    throw error(member.value.position, "expected \"baseline\" as a file path")
                }
                configuration.baseline = path(text)
            default: break
            }
        }
        return configuration
    }
}
