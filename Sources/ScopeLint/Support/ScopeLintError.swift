/// Every way a scopelint command can fail to run. Each case prints as
/// `file:line:column: error: message`; messages describe tokens by kind and
/// never quote input values, so a secret in a broken file cannot leak through an error.
public enum ScopeLintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Input or policy text that does not parse or does not have the expected shape.
    case invalid(file: String, position: TextPosition?, message: String)
    /// A file that cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// A file that cannot be written.
    case unwritable(file: String, reason: String)
    /// A policy id that no bundled or user policy has.
    /// `list` is the command that lists them, with the flags that found the run's policies.
    case unknownPolicy(id: String, suggestions: [String], list: String = "scopelint policies list")
    /// A mistake in the command line: printed with the usage line of `command` (e.g.
    /// "scopelint policies show").
    case usage(message: String, command: String)

    public var description: String {
        switch self {
        case .invalid(let file, let position, let message):
            return "\(SourceLocation.describe(file, position)): error: \(message)"
        case .unreadable(let file, let reason):
            return "\(SourceLocation.describe(file, nil)): error: cannot read: \(reason)"
        case .unwritable(let file, let reason):
            return "\(file): error: cannot write: \(reason)"
        case .unknownPolicy(let id, let suggestions, let list):
            var text = "error: no policy has the id '\(Redactor.redact(id))'"
            if !suggestions.isEmpty { text += "; did you mean '\(suggestions.joined(separator: "', '"))'?" }
            return text + " (`\(list)` shows them all)"
        case .usage(let message, _):
            return "error: \(message)"
        }
    }
}

extension ScopeLintError {
    /// An object key the format does not have, with the nearest valid key and the full list.
    static func unknownKey(_ member: JSONMember, file: String, allowed: [String], in what: String) -> ScopeLintError {
        unknownKey(member.key, at: member.keyPosition, file: file, allowed: allowed, in: what)
    }

    static func unknownKey(_ key: String, at position: TextPosition, file: String, allowed: [String], in what: String)
        -> ScopeLintError
    {
        .invalid(
            file: file, position: position,
            message:
                "unknown key '\(Redactor.redact(key))' in \(what)\(Suggestions.hint(for: key, in: allowed)); expected one of \(allowed.joined(separator: ", "))"
        )
    }
}
