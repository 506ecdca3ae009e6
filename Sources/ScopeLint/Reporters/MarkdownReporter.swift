/// A pull-request comment: a summary line, then a short table per account with findings at
/// or above `--fail-on`, each with the `plan` command that fixes it. Long reports are cut so
/// the comment stays within what code hosts accept.
package enum MarkdownReporter: Reporter {
    package static let identifier = "markdown"
    package static let summary = "a summary and a table per failing account, for a pull-request comment"
    static let maximumAccounts = 20
    static let maximumRows = 15

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        let groups = AccountGroups(report)
        var failing: [(AccountGroups.StoreGroup, AccountGroups.AccountGroup)] = []
        for store in groups.stores {
            for group in store.accounts where group.findings.contains(where: { options.failOn.fails($0.severity) }) {
                failing.append((store, group))
            }
        }
        let s = report.summary
        stream.write("### scopelint: " as StaticString)
        stream.write(
            failing.isEmpty
                ? "no account needs changes"
                : "\(failing.count) of \(plural(s.accounts, "account")) \(failing.count == 1 ? "needs" : "need") changes"
        )
        stream.write(" (\(plural(s.errors, "error")), \(plural(s.warnings, "warning")), \(plural(s.notes, "note"))")
        if let suppressed = s.suppressed { stream.write(", \(suppressed) accepted by the baseline") }
        stream.write(")\n\n" as StaticString)
        stream.write("Checked \(plural(s.accounts, "account")) in \(plural(s.stores, "store")).\n")
        for (store, group) in failing.prefix(maximumAccounts) {
            let shown = group.findings.filter { options.failOn.fails($0.severity) }
            stream.write("\n#### " as StaticString)
            AccountGroups.writeStoreTitle(store, .markdown, to: stream)
            stream.write(": " as StaticString)
            stream.write(group.account.account, .markdown)
            stream.write("\n\n" as StaticString)
            if !group.account.policies.isEmpty {
                stream.write("Policy: " as StaticString)
                for (index, policy) in group.account.policies.enumerated() {
                    if index > 0 { stream.write(", " as StaticString) }
                    stream.write(policy, .markdown)
                }
                stream.write("\n\n" as StaticString)
            }
            stream.write(
                "| Severity | Rule | Scope | Expected | Actual | Finding |\n|---|---|---|---|---|---|\n" as StaticString
            )
            for finding in shown.prefix(maximumRows) {
                stream.write("| " as StaticString)
                stream.write(trusted: finding.severity.rawValue)
                stream.write(" | `" as StaticString)
                stream.write(trusted: finding.rule.rawValue)
                stream.write("` | " as StaticString)
                stream.write(finding.scope ?? "", .markdown)
                stream.write(" | " as StaticString)
                stream.write(finding.expected ?? "", .markdown)
                stream.write(" | " as StaticString)
                stream.write(finding.actual ?? "", .markdown)
                stream.write(" | " as StaticString)
                stream.write(finding.message, .markdown)
                stream.write(" |\n" as StaticString)
            }
            if shown.count > maximumRows {
                stream.write(
                    "\n…and \(shown.count - maximumRows) more; the text report (`--format text`) lists all of them.\n")
            }
            let below = group.findings.count - shown.count
            if below > 0 { stream.write("\n\(plural(below, "finding")) below the threshold not shown.\n") }
            if let command = AccountGroups.planCommand(
                for: group.findings, failOn: options.failOn, commands: options.commands)
            {
                stream.write("\nFix: store-level scopes cannot be edited; `" as StaticString)
                stream.write(trusted: command)
                stream.write("` prints the checklist for a replacement account.\n" as StaticString)
            }
        }
        if failing.count > maximumAccounts {
            stream.write(
                "\n…and \(failing.count - maximumAccounts) more accounts; the text report (`--format text`) has them all.\n"
            )
        }
        if let baseline = report.baseline, !baseline.notices.isEmpty {
            stream.write("\n**Baseline** " as StaticString)
            stream.write(baseline.file, .markdown)
            stream.write(":\n\n" as StaticString)
            for notice in baseline.notices {
                stream.write("- line " as StaticString)
                stream.write(notice.position.line)
                stream.write(": " as StaticString)
                stream.write(notice.message, .markdown)
                stream.write(byte: 0x0A)
            }
        }
    }
}
