/// JUnit XML for Jenkins, GitLab and other CI test views: one test suite per store, one test
/// case per account, one failure per finding at or above `--fail-on`; findings below it go
/// to the test case's output so nothing is hidden.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"
    public static let summary = "JUnit XML: a suite per store, a test case per account"

    public static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        stream.write(text(report, options: options))
    }

    static func text(_ report: Report, options: ReportOptions) -> String {
        let groups = AccountGroups(report)
        var body = ""
        var totalTests = 0
        var totalFailures = 0
        for store in groups.stores {
            var cases = ""
            var failures = 0
            for group in store.accounts {
                let failing = group.findings.filter { options.failOn.fails($0.severity) }
                let other = group.findings.filter { !options.failOn.fails($0.severity) }
                failures += failing.count
                let name = Escaping.xml(group.account.account)
                let classname = Escaping.xml("scopelint.\(store.store)")
                let file = Escaping.xml(group.account.file)
                if group.findings.isEmpty {
                    cases += "    <testcase name=\"\(name)\" classname=\"\(classname)\" file=\"\(file)\" time=\"0\"/>\n"
                    continue
                }
                cases += "    <testcase name=\"\(name)\" classname=\"\(classname)\" file=\"\(file)\" time=\"0\">\n"
                for finding in failing {
                    cases +=
                        "      <failure type=\"\(finding.rule.rawValue)\" message=\"\(Escaping.xml(finding.message))\">\(Escaping.xmlText(line(finding)))</failure>\n"
                }
                if !other.isEmpty {
                    cases +=
                        "      <system-out>\(Escaping.xmlText(other.map(line).joined(separator: "\n")))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            totalTests += store.accounts.count
            totalFailures += failures
            body +=
                "  <testsuite name=\"\(Escaping.xml(AccountGroups.storeTitle(store)))\" tests=\"\(store.accounts.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            body += cases
            body += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"scopelint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\">\n"
        out += body
        out += "</testsuites>\n"
        return out
    }

    static func line(_ finding: Finding) -> String {
        let location = finding.location.map { "\($0.description): " } ?? ""
        return "\(location)\(finding.severity.rawValue): \(finding.message) [\(finding.rule.rawValue)]"
    }
}
