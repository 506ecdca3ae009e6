/// The default report for people: problems grouped by store and account, each as
/// `file:line:column: severity: message [rule]` (the form editors and terminals link), in the
/// control panel's order, a what-to-do line under accounts whose scopes must change, and a
/// summary line. Accepted risks and normalized spellings are counted, and listed only with
/// `verbose` (see `TextProblems`); a conforming input prints the summary alone.
package enum TextReporter: Reporter {
    package static let identifier = "text"
    package static let summary = "grouped by store and account, colored on a terminal (default)"

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        let style = options.style
        // Blank lines separate stores and sections, so the stream tracks whether any came before.
        var wroteAny = false
        func section() {
            if wroteAny { stream.write(byte: 0x0A) }
            wroteAny = true
        }
        var quiet = Quiet()
        for store in AccountGroups(report).stores {
            let accounts = store.accounts.map {
                (group: $0, problems: TextProblems($0.findings, verbose: options.verbose, failOn: options.failOn))
            }
            for account in accounts {
                quiet.acceptedRisks += account.problems.acceptedRisks
                quiet.normalizedSpellings += account.problems.normalizedSpellings
                for severity in Severity.allCases {
                    quiet.counts[severity, default: 0] += account.problems.count(severity)
                }
            }
            // A conforming account (and a store of them) prints nothing: the summary counts it.
            guard accounts.contains(where: { !$0.problems.lines.isEmpty }) else { continue }
            section()
            style.begin(.bold, on: stream)
            AccountGroups.writeStoreTitle(store, .terminal, to: stream)
            style.end(.bold, on: stream)
            stream.write(byte: 0x0A)
            for (group, problems) in accounts where !problems.lines.isEmpty {
                stream.write("  " as StaticString)
                style.begin(.bold, on: stream)
                stream.write("Account \"" as StaticString)
                stream.write(group.account.account, .terminal)
                stream.write(byte: UInt8(ascii: "\""))
                style.end(.bold, on: stream)
                stream.write(byte: UInt8(ascii: " "))
                style.write("\(describe(group.account))", .dim, on: stream)
                stream.write(byte: 0x0A)
                for line in problems.lines {
                    stream.write("    " as StaticString)
                    if let location = line.location {
                        writeLocation(location, to: stream)
                        stream.write(": " as StaticString)
                    }
                    style.write(line.severity, on: stream)
                    stream.write(": " as StaticString)
                    stream.write(line.message, .terminal)
                    stream.write(byte: UInt8(ascii: " "))
                    style.begin(.dim, on: stream)
                    stream.write(byte: UInt8(ascii: "["))
                    for (index, rule) in line.rules.enumerated() {
                        if index > 0 { stream.write(", " as StaticString) }
                        stream.write(trusted: rule.rawValue)
                    }
                    stream.write(byte: UInt8(ascii: "]"))
                    style.end(.dim, on: stream)
                    stream.write(byte: 0x0A)
                }
                if let command = AccountGroups.planCommand(
                    for: group.findings, failOn: options.failOn, commands: options.commands)
                {
                    stream.write("    " as StaticString)
                    style.write("fix:", .cyan, on: stream)
                    stream.write(" store-level scopes cannot be edited; `" as StaticString)
                    stream.write(command, .terminal)
                    stream.write("` prints the checklist for a replacement account.\n" as StaticString)
                }
            }
        }
        if let baseline = report.baseline {
            section()
            style.write("Baseline \(baseline.file)", .bold, on: stream)
            stream.write(": \(own: plural(report.suppressed.count, "finding")) accepted\n")
            for notice in baseline.notices {
                stream.write("    " as StaticString)
                writeLocation(SourceLocation(file: baseline.file, position: notice.position), to: stream)
                stream.write(": " as StaticString)
                style.write(.note, on: stream)
                stream.write(": " as StaticString)
                stream.write(notice.message, .terminal)
                stream.write(byte: 0x0A)
            }
        }
        section()
        writeQuietSummary(report, quiet, verbose: options.verbose, style: style, to: stream)
        stream.write(byte: 0x0A)
    }

    /// The counts behind the quiet view: printed problems by severity, and what was left out.
    struct Quiet {
        var counts: [Severity: Int] = [:]
        var acceptedRisks = 0
        var normalizedSpellings = 0
    }

    /// "Checked 3 accounts in 1 store: 2 errors, 0 warnings, 1 note; 6 accepted risks (--verbose
    /// lists them)." The severity counts are of printed lines (an excessive risky scope is one).
    static func writeQuietSummary(
        _ report: Report, _ quiet: Quiet, verbose: Bool, style: TextStyle, to stream: ByteStream
    ) {
        let s = report.summary
        stream.write("Checked \(own: plural(s.accounts, "account")) in \(own: plural(s.stores, "store")): ")
        let errors = quiet.counts[.error, default: 0]
        let warnings = quiet.counts[.warning, default: 0]
        let notes = quiet.counts[.note, default: 0]
        if errors + warnings + notes == 0 {
            style.write("no problems", .green, on: stream)
        } else {
            style.write("\(own: plural(errors, "error"))", errors > 0 ? .red : .plain, on: stream)
            stream.write(", " as StaticString)
            style.write("\(own: plural(warnings, "warning"))", warnings > 0 ? .yellow : .plain, on: stream)
            stream.write(", \(own: plural(notes, "note"))")
        }
        var counted: [String] = []
        if quiet.acceptedRisks > 0 { counted.append(plural(quiet.acceptedRisks, "accepted risk")) }
        if quiet.normalizedSpellings > 0 { counted.append(plural(quiet.normalizedSpellings, "normalized spelling")) }
        if !counted.isEmpty {
            stream.write("; \(counted.joined(separator: ", "))")
            if !verbose { stream.write(" (--verbose lists them)" as StaticString) }
        }
        if let suppressed = s.suppressed { stream.write(", \(suppressed) accepted by the baseline") }
        stream.write(byte: UInt8(ascii: "."))
    }

    /// `file:line:column`, as editors and terminals link it.
    static func writeLocation(_ location: SourceLocation, to stream: ByteStream) {
        stream.write(location.file, .terminal)
        stream.write(byte: UInt8(ascii: ":"))
        stream.write(location.line)
        stream.write(byte: UInt8(ascii: ":"))
        stream.write(location.column)
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

    /// "Checked 3 accounts in 1 store: 2 errors, 0 warnings, 1 note."
    static func writeSummary(_ report: Report, style: TextStyle, to stream: ByteStream) {
        let s = report.summary
        stream.write("Checked \(own: plural(s.accounts, "account")) in \(own: plural(s.stores, "store")): ")
        if report.findings.isEmpty {
            style.write("no findings", .green, on: stream)
        } else {
            writeSeverityCounts(report, style: style, to: stream)
        }
        if let suppressed = s.suppressed { stream.write(", \(suppressed) accepted by the baseline") }
        stream.write(byte: UInt8(ascii: "."))
    }

    /// "3 errors, 1 warning, 0 notes", errors red and warnings yellow when there are any.
    static func writeSeverityCounts(_ report: Report, style: TextStyle, to stream: ByteStream) {
        let s = report.summary
        style.write("\(own: plural(s.errors, "error"))", s.errors > 0 ? .red : .plain, on: stream)
        stream.write(", " as StaticString)
        style.write("\(own: plural(s.warnings, "warning"))", s.warnings > 0 ? .yellow : .plain, on: stream)
        stream.write(", \(own: plural(s.notes, "note"))")
    }
}
