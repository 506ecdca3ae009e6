/// The machine-readable report whose shape PRODUCT.md fixes: tool, findings, summary.
/// Keys that do not apply to a finding are absent, never null.
package enum JSONReporter: Reporter {
    package static let identifier = "json"
    package static let summary = "the findings and summary as JSON (shape in the README)"

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        var writer = JSONWriter(to: stream)
        writer.beginObject()
        writer.toolHeader(version: report.toolVersion)
        writer.beginArray("findings")
        for index in report.findings.indices {
            write(report.findings[index], to: &writer)
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
        stream.write(byte: 0x0A)
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
