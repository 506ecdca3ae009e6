/// The default report for people: findings grouped by store and account, each as
/// `file:line:column: severity: message [rule]` (the form editors and terminals link), a
/// what-to-do line under accounts whose scopes must change, and a summary line.
public enum TextReporter: Reporter {
    public static let identifier = "text"
    public static let summary = "grouped by store and account, colored on a terminal (default)"

    public static func render(_ report: Report, options: ReportOptions) -> String {
        let style = options.style
        var out = ""
        var findingIndex = 0
        var lastStore: (Int, Int)?
        for account in report.accounts {
            var own: [Finding] = []
            while findingIndex < report.findings.count, sameAccount(report.findings[findingIndex].order, account.order) {
                own.append(report.findings[findingIndex])
                findingIndex += 1
            }
            guard !own.isEmpty else { continue }
            let storeKey = (account.order.file, account.order.store)
            if lastStore.map({ $0 != storeKey }) ?? true {
                if lastStore != nil { out += "\n" }
                let name = account.storeName.map { " (\($0))" } ?? ""
                out += style.bold("Store \(account.store)\(name)") + "\n"
                lastStore = storeKey
            }
            out += "  " + style.bold("Account \"\(account.account)\"") + " " + style.dim(describe(account)) + "\n"
            for finding in own {
                let location = finding.location.map { "\($0.description): " } ?? ""
                out += "    \(location)\(style.severity(finding.severity)): \(finding.message) \(style.dim("[\(finding.rule.rawValue)]"))\n"
            }
            if own.contains(where: { ($0.rule == .missingScope || $0.rule == .excessiveScope) && options.failOn.fails($0.severity) }) {
                out += "    " + style.cyan("fix:") + " store-level scopes cannot be edited. Create a new API account with the levels above, give its credentials to the integration, then delete this one.\n"
            }
        }
        if !report.findings.isEmpty { out += "\n" }
        out += summaryLine(report, style: style) + "\n"
        return out
    }

    static func sameAccount(_ a: Finding.Order, _ b: Finding.Order) -> Bool {
        a.file == b.file && a.store == b.store && a.account == b.account
    }

    static func describe(_ account: Report.CheckedAccount) -> String {
        let kind = account.type.label
        switch account.matching {
        case .explicit, .matched:
            return "(\(kind), policy \(account.policies.joined(separator: " + ")))"
        case .fallback:
            return "(\(kind), no integration policy: least-privilege only)"
        case let .companion(of: policy):
            return "(\(kind), companion account of \(policy))"
        }
    }

    static func summaryLine(_ report: Report, style: TextStyle) -> String {
        let s = report.summary
        let checked = "Checked \(plural(s.accounts, "account")) in \(plural(s.stores, "store"))"
        if report.findings.isEmpty { return checked + ": " + style.green("no findings") + "." }
        var parts: [String] = []
        let errors = plural(s.errors, "error")
        parts.append(s.errors > 0 ? style.red(errors) : errors)
        let warnings = plural(s.warnings, "warning")
        parts.append(s.warnings > 0 ? style.yellow(warnings) : warnings)
        parts.append(plural(s.notes, "note"))
        return checked + ": " + parts.joined(separator: ", ") + "."
    }
}
