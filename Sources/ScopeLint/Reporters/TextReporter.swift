/// The default report for people: findings grouped by store and account, each as
/// `file:line:column: severity: message [rule]` (the form editors and terminals link), a
/// what-to-do line under accounts whose scopes must change, and a summary line.
public enum TextReporter: Reporter {
    public static let identifier = "text"
    public static let summary = "grouped by store and account, colored on a terminal (default)"

    public static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        let style = options.style
        // Blank lines separate stores and sections, so the stream tracks whether any came before.
        var wroteAny = false
        func section() {
            if wroteAny { stream.write("\n") }
            wroteAny = true
        }
        for store in AccountGroups(report).stores {
            let accounts = store.accounts.filter { !$0.findings.isEmpty }
            guard !accounts.isEmpty else { continue }
            section()
            stream.write(style.bold(AccountGroups.storeTitle(store)) + "\n")
            for group in accounts {
                stream.write(
                    "  " + style.bold("Account \"\(group.account.account)\"") + " " + style.dim(describe(group.account))
                        + "\n")
                for finding in group.findings {
                    let location = finding.location.map { "\($0.description): " } ?? ""
                    stream.write(
                        "    \(location)\(style.severity(finding.severity)): \(finding.message) \(style.dim("[\(finding.rule.rawValue)]"))\n"
                    )
                }
                if let command = AccountGroups.planCommand(for: group.findings, failOn: options.failOn) {
                    stream.write(
                        "    " + style.cyan("fix:")
                            + " store-level scopes cannot be edited; `\(command)` prints the checklist for a replacement account.\n"
                    )
                }
            }
        }
        if let baseline = report.baseline {
            section()
            stream.write(
                style.bold("Baseline \(baseline.file)") + ": \(plural(report.suppressed.count, "finding")) accepted\n")
            for notice in baseline.notices {
                stream.write(
                    "    \(baseline.file):\(notice.position.line):\(notice.position.column): \(style.severity(.note)): \(notice.message)\n"
                )
            }
        }
        section()
        stream.write(summaryLine(report, style: style) + "\n")
    }

    static func describe(_ account: Report.CheckedAccount) -> String {
        let kind = account.type.label
        switch account.matching {
        case .explicit, .matched:
            return "(\(kind), policy \(account.policies.joined(separator: " + ")))"
        case .configured:
            return "(\(kind), policy \(account.policies.joined(separator: " + ")) from the configuration)"
        case .fallback:
            return "(\(kind), no integration policy: least-privilege only)"
        case .companion(of: let policy):
            return "(\(kind), companion account of \(policy))"
        }
    }

    static func summaryLine(_ report: Report, style: TextStyle) -> String {
        let s = report.summary
        let checked = "Checked \(plural(s.accounts, "account")) in \(plural(s.stores, "store"))"
        let accepted = report.summary.suppressed.map { ", \($0) accepted by the baseline" } ?? ""
        if report.findings.isEmpty { return checked + ": " + style.green("no findings") + accepted + "." }
        return checked + ": " + severityCounts(report, style: style) + accepted + "."
    }

    /// "3 errors, 1 warning, 0 notes", errors red and warnings yellow when there are any.
    static func severityCounts(_ report: Report, style: TextStyle) -> String {
        let s = report.summary
        let errors = plural(s.errors, "error")
        let warnings = plural(s.warnings, "warning")
        return [
            s.errors > 0 ? style.red(errors) : errors, s.warnings > 0 ? style.yellow(warnings) : warnings,
            plural(s.notes, "note"),
        ]
        .joined(separator: ", ")
    }
}
