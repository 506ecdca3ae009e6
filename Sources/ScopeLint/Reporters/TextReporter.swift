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
            let levelFindings = own.filter { ($0.rule == .missingScope || $0.rule == .excessiveScope) && options.failOn.fails($0.severity) }
            if !levelFindings.isEmpty {
                var policies: [String] = []
                for finding in levelFindings { if let id = finding.policy, !policies.contains(id) { policies.append(id) } }
                let command = "scopelint plan " + policies.map { "--policy \($0)" }.joined(separator: " ")
                out += "    " + style.cyan("fix:") + " store-level scopes cannot be edited; `\(command)` prints the checklist for a replacement account.\n"
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
        return checked + ": " + severityCounts(report, style: style) + "."
    }

    /// "3 errors, 1 warning, 0 notes", errors red and warnings yellow when there are any.
    static func severityCounts(_ report: Report, style: TextStyle) -> String {
        let s = report.summary
        let errors = plural(s.errors, "error"), warnings = plural(s.warnings, "warning")
        return [s.errors > 0 ? style.red(errors) : errors, s.warnings > 0 ? style.yellow(warnings) : warnings, plural(s.notes, "note")]
            .joined(separator: ", ")
    }
}
