import Foundation
import Synchronization

/// The machine-readable report whose shape PRODUCT.md fixes: tool, findings, summary.
/// Keys that do not apply to a finding are absent, never null.
public enum JSONReporter: Reporter {
    public static let identifier = "json"
    public static let summary = "the findings and summary as JSON (shape in the README)"

    public static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        write(report, to: stream, parallelAbove: parallelThreshold)
    }

    /// `parallelAbove` lets a test render the same report both ways.
    static func write(_ report: Report, to stream: ByteStream, parallelAbove threshold: Int) {
        var writer = JSONWriter(to: stream)
        writer.beginObject()
        writer.toolHeader(version: report.toolVersion)
        writer.beginArray("findings")
        if report.findings.count < threshold {
            for index in report.findings.indices {
                write(report.findings[index], to: &writer)
            }
        } else {
            writeInParallel(report.findings, to: &writer)
        }
        writer.endArray()
        writer.beginObject("summary")
        writer.field("errors", report.summary.errors)
        writer.field("warnings", report.summary.warnings)
        writer.field("notes", report.summary.notes)
        writer.field("stores", report.summary.stores)
        writer.field("accounts", report.summary.accounts)
        if let suppressed = report.summary.suppressed { writer.field("suppressed", suppressed) }
        writer.endObject()
        if let baseline = report.baseline {
            writer.beginObject("baseline")
            writer.field("file", baseline.file)
            writer.beginArray("notices")
            for notice in baseline.notices {
                writer.beginObject()
                writer.field("kind", notice.kind.rawValue)
                writer.field("message", notice.message)
                writer.beginObject("location")
                writer.field("file", baseline.file)
                writer.field("line", notice.position.line)
                writer.field("column", notice.position.column)
                writer.endObject()
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endObject()
        writer.finish()
        stream.write("\n")
    }

    /// Below this many findings one thread writes them all: sharing out costs more than it saves.
    static let parallelThreshold = 20_000
    /// Findings rendered per round: each round's text is held in memory until it is written.
    static let window = 8_192

    /// Renders the findings on every core, a window at a time, each core taking a slice of
    /// the window into its own buffer; the slices are written in order, so the text is the
    /// same byte for byte as one thread would write.
    private static func writeInParallel(_ findings: [Finding], to writer: inout JSONWriter) {
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < findings.count {
            let (first, end) = (start, min(start + window, findings.count))
            let size = (end - first + workers - 1) / workers
            let parts = Mutex([[UInt8]](repeating: [], count: workers))
            DispatchQueue.concurrentPerform(iterations: workers) { part in
                let lower = first + part * size
                let upper = min(lower + size, end)
                guard lower < upper else { return }
                var fragment = JSONWriter(fragmentAtDepth: 2, continuing: lower > 0)
                for index in lower..<upper { write(findings[index], to: &fragment) }
                let bytes = fragment.fragment
                parts.withLock { $0[part] = bytes }
            }
            for part in parts.withLock({ $0 }) { writer.append(fragment: part) }
            start = end
        }
    }

    /// Borrowed, not copied: a finding holds a dozen strings, and a fleet has 200,000 findings.
    private static func write(_ finding: borrowing Finding, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("rule", finding.rule.rawValue)
        writer.field("severity", finding.severity.rawValue)
        writer.field("store", finding.store)
        writer.field("account", finding.account)
        writer.field("policy", finding.policy)
        writer.field("scope", finding.scope)
        writer.field("expected", finding.expected)
        writer.field("actual", finding.actual)
        writer.field("message", finding.message)
        if let location = finding.location {
            writer.beginObject("location")
            writer.field("file", location.file)
            writer.field("line", location.line)
            writer.field("column", location.column)
            writer.endObject()
        }
        writer.endObject()
    }
}
