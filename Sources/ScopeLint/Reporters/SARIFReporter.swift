/// SARIF 2.1.0 for code-scanning tools: every rule in the driver, every finding a result
/// with its level, message, the scope entry's line and column in the input, and a stable
/// partial fingerprint. Validated in CI against the OASIS schema.
package enum SARIFReporter: Reporter {
    package static let identifier = "sarif"
    package static let summary = "SARIF 2.1.0 for code scanning (GitHub, Azure DevOps...)"
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let fingerprintKey: StaticString = "scopelintFinding/v1"

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        var w = JSONWriter(to: stream)
        w.beginObject()
        w.field("$schema", schema)
        w.field("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool")
        w.beginObject("driver")
        w.field("name", report.toolName)
        w.field("version", report.toolVersion)
        w.field("semanticVersion", report.toolVersion)
        w.beginArray("rules")
        for rule in RuleID.allCases {
            let d = rule.description
            w.beginObject()
            w.field("id", rule.rawValue)
            w.field("name", d.title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            w.beginObject("shortDescription")
            w.field("text", d.summary)
            w.endObject()
            w.beginObject("fullDescription")
            w.field("text", d.summary + " " + d.rationale)
            w.endObject()
            w.beginObject("help")
            w.field("text", d.remediation)
            w.endObject()
            w.beginObject("defaultConfiguration")
            w.field("level", d.defaultSeverity.rawValue)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.beginArray("invocations")
        w.beginObject()
        w.field("executionSuccessful", true)
        writeNotifications(report, options: options, into: &w)
        w.endObject()
        w.endArray()
        w.field("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        // Findings of one file come together: its URI is worked out once, not per finding.
        var uris = URICache(workingDirectory: options.workingDirectory)
        for finding in report.findings { writeResult(finding, suppression: nil, uris: &uris, into: &w) }
        for suppressed in report.suppressed {
            writeResult(suppressed.finding, suppression: suppressed.reason, uris: &uris, into: &w)
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        stream.write(byte: 0x0A)
    }

    /// The last file's URI, kept while the findings are of that file.
    struct URICache {
        let workingDirectory: String
        var last: (file: String, uri: (String, Bool)?)?

        mutating func uri(_ file: String) -> (String, Bool)? {
            if let last, last.file == file { return last.uri }
            let uri = SARIFReporter.uri(file, workingDirectory: workingDirectory)
            last = (file, uri)
            return uri
        }
    }

    static func writeResult(_ finding: Finding, suppression: String?, uris: inout URICache, into w: inout JSONWriter) {
        w.beginObject()
        w.field("ruleId", finding.rule.rawValue)
        w.field("ruleIndex", finding.rule.order)
        w.field("level", finding.severity.rawValue)
        w.beginObject("message")
        w.field("text", finding.message)
        w.endObject()
        if let location = finding.location, let uri = uris.uri(location.file) {
            w.beginArray("locations")
            w.beginObject()
            writePhysicalLocation(uri: uri, position: location.position, into: &w)
            w.endObject()
            w.endArray()
        }
        w.beginObject("partialFingerprints")
        w.field(fingerprintKey, finding.fingerprint)
        w.endObject()
        if let suppression {
            w.beginArray("suppressions")
            w.beginObject()
            w.field("kind", "external")
            w.field("status", "accepted")
            w.field("justification", suppression)
            w.endObject()
            w.endArray()
        }
        w.beginObject("properties")
        w.field("store", finding.store)
        w.field("account", finding.account)
        w.field("policy", finding.policy)
        w.field("scope", finding.scope)
        w.field("expected", finding.expected)
        w.field("actual", finding.actual)
        w.endObject()
        w.endObject()
    }

    static func writePhysicalLocation(uri: (String, Bool), position: TextPosition, into w: inout JSONWriter) {
        w.beginObject("physicalLocation")
        w.beginObject("artifactLocation")
        w.field("uri", uri.0)
        if uri.1 { w.field("uriBaseId", "%SRCROOT%") }
        w.endObject()
        w.beginObject("region")
        w.field("startLine", position.line)
        w.field("startColumn", position.column)
        w.endObject()
        w.endObject()
    }

    /// Baseline entries that expired or match nothing, as notifications at their line.
    static func writeNotifications(_ report: Report, options: ReportOptions, into w: inout JSONWriter) {
        guard let baseline = report.baseline, !baseline.notices.isEmpty else { return }
        w.beginArray("toolExecutionNotifications")
        for notice in baseline.notices {
            w.beginObject()
            w.field("level", "note")
            w.beginObject("message")
            w.field("text", notice.message)
            w.endObject()
            if let uri = uri(baseline.file, workingDirectory: options.workingDirectory) {
                w.beginArray("locations")
                w.beginObject()
                writePhysicalLocation(uri: uri, position: notice.position, into: &w)
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
    }

    /// The artifact URI: relative to the working directory (with `%SRCROOT%`) when the file is
    /// inside it, else an absolute `file://` URI; nil for standard input.
    static func uri(_ file: String, workingDirectory: String) -> (String, Bool)? {
        if file == InputFile.standardInputName { return nil }
        var path = file
        if path.hasPrefix("/") {
            let root = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
            guard !workingDirectory.isEmpty, path.hasPrefix(root) else {
                return ("file://" + uriPath(path), false)
            }
            path.removeFirst(root.count)
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return (uriPath(path), true)
    }

    /// A relative path as a URI reference (`artifactLocation.uri`): each segment
    /// percent-encoded except unreserved characters.
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
