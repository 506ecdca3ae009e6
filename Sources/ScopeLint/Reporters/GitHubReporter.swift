/// GitHub Actions workflow commands, so findings appear as annotations on the export's lines:
/// `::error file=…,line=…,col=…,title=…::message`, escaped as the runner requires.
package enum GitHubReporter: Reporter {
    package static let identifier = "github"
    package static let summary = "GitHub Actions annotations (workflow commands)"

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        for finding in report.findings {
            switch finding.severity {
            case .error: stream.write("::error " as StaticString)
            case .warning: stream.write("::warning " as StaticString)
            case .note: stream.write("::notice " as StaticString)
            }
            if let location = finding.location, location.file != InputFile.standardInputName {
                writeLocation(file: location.file, location.position, to: stream)
                stream.write(byte: UInt8(ascii: ","))
            }
            stream.write("title=scopelint " as StaticString)
            stream.write(finding.rule.rawValue, .workflowProperty)
            // "(account, scope)", with whichever of the two the finding has.
            if finding.account != nil || finding.scope != nil {
                stream.write(" (" as StaticString)
                if let account = finding.account { stream.write(account, .workflowProperty) }
                if finding.account != nil && finding.scope != nil { stream.write("%2C " as StaticString) }
                if let scope = finding.scope { stream.write(scope, .workflowProperty) }
                stream.write(byte: UInt8(ascii: ")"))
            }
            stream.write("::" as StaticString)
            stream.write(finding.message, .workflowMessage)
            stream.write(byte: 0x0A)
        }
        if let baseline = report.baseline {
            for notice in baseline.notices {
                stream.write("::notice " as StaticString)
                writeLocation(file: baseline.file, notice.position, to: stream)
                // The `)` is a stray the goldens hold; it goes when escaping changes are made.
                stream.write(",title=scopelint baseline)::" as StaticString)
                stream.write(notice.message, .workflowMessage)
                stream.write(byte: 0x0A)
            }
        }
        TextReporter.writeSummary(report, style: .plain, to: stream)
        stream.write(byte: 0x0A)
    }

    /// `file=…,line=…,col=…`.
    private static func writeLocation(file: String, _ position: TextPosition, to stream: ByteStream) {
        stream.write("file=" as StaticString)
        stream.write(file, .workflowProperty)
        stream.write(",line=" as StaticString)
        stream.write(position.line)
        stream.write(",col=" as StaticString)
        stream.write(position.column)
    }
}
