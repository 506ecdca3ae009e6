/// JUnit XML for Jenkins, GitLab and other CI test views: one test suite per store, one test
/// case per account, failed by one `<failure>` that lists every finding at or above
/// `--fail-on` (so `failures` counts failing test cases and never exceeds `tests`, as JUnit
/// means it and junitparser recounts it); findings below it go to the test case's output so
/// nothing is hidden.
package enum JUnitReporter: Reporter {
    package static let identifier = "junit"
    package static let summary = "JUnit XML: a suite per store, a test case per account"

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        let groups = AccountGroups(report)
        let failOn = options.failOn
        // The totals head the document, so they are counted before anything is written.
        func failures(_ store: AccountGroups.StoreGroup) -> Int {
            store.accounts.count { group in group.findings.contains { failOn.fails($0.severity) } }
        }
        stream.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"scopelint\" tests=\"" as StaticString)
        stream.write(groups.stores.reduce(0) { $0 + $1.accounts.count })
        stream.write("\" failures=\"" as StaticString)
        stream.write(groups.stores.reduce(0) { $0 + failures($1) })
        stream.write("\" errors=\"0\" time=\"0\">\n" as StaticString)
        for store in groups.stores {
            stream.write("  <testsuite name=\"" as StaticString)
            AccountGroups.writeStoreTitle(store, .xml, to: stream)
            stream.write("\" tests=\"" as StaticString)
            stream.write(store.accounts.count)
            stream.write("\" failures=\"" as StaticString)
            stream.write(failures(store))
            stream.write("\" errors=\"0\" skipped=\"0\" time=\"0\">\n" as StaticString)
            for group in store.accounts {
                stream.write("    <testcase name=\"" as StaticString)
                stream.write(group.account.account, .xml)
                stream.write("\" classname=\"scopelint." as StaticString)
                stream.write(store.store, .xml)
                stream.write("\" file=\"" as StaticString)
                stream.write(group.account.file, .xml)
                guard !group.findings.isEmpty else {
                    stream.write("\" time=\"0\"/>\n" as StaticString)
                    continue
                }
                stream.write("\" time=\"0\">\n" as StaticString)
                let failing = group.findings.filter { failOn.fails($0.severity) }
                let below = group.findings.count - failing.count
                if let first = failing.first {
                    // One finding: its rule and message. Several: how many, and their rules.
                    var rules: [String] = []
                    for finding in failing where !rules.contains(finding.rule.rawValue) {
                        rules.append(finding.rule.rawValue)
                    }
                    stream.write("      <failure type=\"" as StaticString)
                    stream.write(trusted: failing.count == 1 ? first.rule.rawValue : "scopelint")
                    stream.write("\" message=\"" as StaticString)
                    if failing.count == 1 {
                        stream.write(first.message, .xml)
                    } else {
                        stream.write(trusted: "\(failing.count) findings: \(rules.joined(separator: ", "))")
                    }
                    stream.write("\">" as StaticString)
                    for (index, finding) in failing.enumerated() {
                        if index > 0 { stream.write(byte: 0x0A) }
                        writeLine(finding, to: stream)
                    }
                    stream.write("</failure>\n" as StaticString)
                }
                if below > 0 {
                    stream.write("      <system-out>" as StaticString)
                    var first = true
                    for finding in group.findings where !failOn.fails(finding.severity) {
                        if !first { stream.write(byte: 0x0A) }
                        first = false
                        writeLine(finding, to: stream)
                    }
                    stream.write("</system-out>\n" as StaticString)
                }
                stream.write("    </testcase>\n" as StaticString)
            }
            stream.write("  </testsuite>\n" as StaticString)
        }
        stream.write("</testsuites>\n" as StaticString)
    }

    /// `file:line:column: severity: message [rule]`, as XML element text.
    static func writeLine(_ finding: Finding, to stream: ByteStream) {
        if let location = finding.location {
            stream.write(location.file, .xml)
            stream.write(byte: UInt8(ascii: ":"))
            stream.write(location.line)
            stream.write(byte: UInt8(ascii: ":"))
            stream.write(location.column)
            stream.write(": " as StaticString)
        }
        stream.write(trusted: finding.severity.rawValue)
        stream.write(": " as StaticString)
        stream.write(finding.message, .xml)
        stream.write(" [" as StaticString)
        stream.write(trusted: finding.rule.rawValue)
        stream.write(byte: UInt8(ascii: "]"))
    }
}
