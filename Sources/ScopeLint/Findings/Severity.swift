/// How serious a finding is. Ordered, so `--fail-on warning` means "warning or worse".
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The `--fail-on` threshold: a severity, or `never` to always exit 0 after a report.
public enum FailThreshold: Equatable, Sendable {
    case severity(Severity)
    case never

    public static let names = ["error", "warning", "note", "never"]

    public init?(_ text: String) {
        if text == "never" {
            self = .never
            return
        }
        guard let severity = Severity(rawValue: text) else { return nil }
        self = .severity(severity)
    }

    public func fails(_ severity: Severity) -> Bool {
        if case .severity(let threshold) = self { return severity >= threshold }
        return false
    }
}
