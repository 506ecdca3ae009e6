/// GitHub Actions workflow commands, so findings appear as annotations on the export's lines:
/// `::error file=…,line=…,col=…,title=…::message`, escaped as the runner requires.
public enum GitHubReporter: Reporter {
    public static let identifier = "github"
    public static let summary = "GitHub Actions annotations (workflow commands)"

    public static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        stream.write(text(report, options: options))
    }

    static func text(_ report: Report, options: ReportOptions) -> String {
        var out = ""
        for finding in report.findings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties: [String] = []
            if let location = finding.location, location.file != InputFile.standardInputName {
                properties.append("file=" + Escaping.workflowProperty(location.file))
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            let about = [finding.account, finding.scope].compactMap { $0 }.joined(separator: ", ")
            properties.append(
                "title="
                    + Escaping.workflowProperty(
                        "scopelint \(finding.rule.rawValue)" + (about.isEmpty ? "" : " (\(about))")))
            out += "::\(command) \(properties.joined(separator: ","))::\(Escaping.workflowMessage(finding.message))\n"
        }
        if let baseline = report.baseline {
            for notice in baseline.notices {
                out +=
                    "::notice file=\(Escaping.workflowProperty(baseline.file)),line=\(notice.position.line),col=\(notice.position.column),title=\(Escaping.workflowProperty("scopelint baseline")))::\(Escaping.workflowMessage(notice.message))\n"
            }
        }
        out += TextReporter.summaryLine(report, style: .plain) + "\n"
        return out
    }
}
