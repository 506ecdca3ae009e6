/// Renders a report in one output format. Renderers are pure: they never change the report
/// and never open files; the CLI decides where the stream goes.
public protocol Reporter {
    /// The `--format` word.
    static var identifier: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// Writes the report to `stream` as it goes, so a large report is never one string.
    static func write(_ report: Report, options: ReportOptions, to stream: ByteStream)
}

extension Reporter {
    /// The report as text (tests, small outputs).
    public static func render(_ report: Report, options: ReportOptions) -> String {
        let stream = ByteStream()
        write(report, options: options, to: stream)
        return stream.text
    }
}

/// What a renderer may need beyond the report itself.
public struct ReportOptions: Sendable {
    public var style: TextStyle
    public var failOn: FailThreshold
    /// Paths in SARIF are made relative to this folder when they lie inside it.
    public var workingDirectory: String
    /// The flags the suggested commands carry, so they find the same policies.
    package var commands = CommandContext()
    /// The text report also lists accepted risks and normalized spellings (it counts them).
    public var verbose: Bool

    public init(
        style: TextStyle = .plain, failOn: FailThreshold = .severity(.error), workingDirectory: String = "",
        verbose: Bool = false
    ) {
        self.style = style
        self.failOn = failOn
        self.workingDirectory = workingDirectory
        self.verbose = verbose
    }
}

/// Every output format, in the order help lists them.
public enum Reporters {
    public static var all: [any Reporter.Type] {
        [
            TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self,
            MarkdownReporter.self, HTMLReporter.self,
        ]
    }

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }
}
