/// A pull-request comment: a summary line, then a short table per account with findings at
/// or above `--fail-on`, each with the `plan` command that fixes it. Long reports are cut so
/// the comment stays within what code hosts accept.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    public static let summary = "a summary and a table per failing account, for a pull-request comment"
    static let maximumAccounts = 20
    static let maximumRows = 15

    public static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        stream.write(text(report, options: options))
    }

    static func text(_ report: Report, options: ReportOptions) -> String {
        let groups = AccountGroups(report)
        var failing: [(AccountGroups.StoreGroup, AccountGroups.AccountGroup)] = []
        for store in groups.stores {
            for group in store.accounts where group.findings.contains(where: { options.failOn.fails($0.severity) }) {
                failing.append((store, group))
            }
        }
        let s = report.summary
        var out = "### scopelint: "
        out +=
            failing.isEmpty
            ? "no account needs changes"
            : "\(failing.count) of \(plural(s.accounts, "account")) \(failing.count == 1 ? "needs" : "need") changes"
        out += " (\(plural(s.errors, "error")), \(plural(s.warnings, "warning")), \(plural(s.notes, "note"))"
        if let suppressed = s.suppressed { out += ", \(suppressed) accepted by the baseline" }
        out += ")\n\n"
        out += "Checked \(plural(s.accounts, "account")) in \(plural(s.stores, "store")).\n"
        for (store, group) in failing.prefix(maximumAccounts) {
            let shown = group.findings.filter { options.failOn.fails($0.severity) }
            out +=
                "\n#### \(Escaping.markdownCell(AccountGroups.storeTitle(store))): \(Escaping.markdownCell(group.account.account))\n\n"
            if !group.account.policies.isEmpty {
                out += "Policy: " + group.account.policies.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
            }
            out += "| Severity | Rule | Scope | Expected | Actual | Finding |\n|---|---|---|---|---|---|\n"
            for finding in shown.prefix(maximumRows) {
                let cells = [
                    finding.severity.rawValue, "`\(finding.rule.rawValue)`", Escaping.markdownCell(finding.scope ?? ""),
                    Escaping.markdownCell(finding.expected ?? ""), Escaping.markdownCell(finding.actual ?? ""),
                    Escaping.markdownCell(finding.message),
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            if shown.count > maximumRows {
                out += "\n…and \(shown.count - maximumRows) more; run `scopelint lint` for all of them.\n"
            }
            let below = group.findings.count - shown.count
            if below > 0 { out += "\n\(plural(below, "finding")) below the threshold not shown.\n" }
            if let command = AccountGroups.planCommand(for: group.findings, failOn: options.failOn) {
                out +=
                    "\nFix: store-level scopes cannot be edited; `\(command)` prints the checklist for a replacement account.\n"
            }
        }
        if failing.count > maximumAccounts {
            out +=
                "\n…and \(failing.count - maximumAccounts) more accounts; run `scopelint lint` for the full report.\n"
        }
        if let baseline = report.baseline, !baseline.notices.isEmpty {
            out += "\n**Baseline `\(Escaping.markdownCell(baseline.file))`:**\n\n"
            for notice in baseline.notices {
                out += "- line \(notice.position.line): \(Escaping.markdownCell(notice.message))\n"
            }
        }
        return out
    }
}
