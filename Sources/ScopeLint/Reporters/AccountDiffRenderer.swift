/// Renders `scopelint diff INPUT`: per account, a header and one row per scope in
/// control-panel order (`-` missing, `+` excessive, `!` risky), equal rows folded into a
/// count unless `all`, and the totals.
package enum AccountDiffRenderer {
    package struct Totals: Sendable, Equatable {
        /// `risky` counts every scope with an unaccepted risk, excessive ones too, as the rows
        /// show them: the four need not add up to the scopes compared.
        package var missing = 0, excessive = 0, risky = 0, asRequired = 0
    }

    package static func totals(_ diffs: [AccountDiff]) -> Totals {
        var t = Totals()
        for diff in diffs {
            for verdict in diff.verdicts {
                switch verdict {
                case .missing: t.missing += 1
                case .excessive: t.excessive += 1
                case .risky: break
                case .asRequired: t.asRequired += 1
                }
            }
            t.risky += diff.unacceptedRisks
        }
        return t
    }

    package static func writeText(
        _ diffs: [AccountDiff], report: Report, all: Bool, style: TextStyle,
        commands: CommandContext = CommandContext(),
        to stream: ByteStream
    ) {
        var lastStore: (Int, Int)?
        for diff in diffs {
            let storeKey = (diff.order.file, diff.order.store)
            if lastStore.map({ $0 != storeKey }) ?? true {
                if lastStore != nil { stream.write(byte: 0x0A) }
                let name: StreamText = diff.storeName.map { " (\($0))" } ?? ""
                style.write("Store \(diff.store)\(name)", .bold, on: stream)
                stream.write(byte: 0x0A)
                lastStore = storeKey
            }
            stream.write("\n  " as StaticString)
            style.write("Account \"\(diff.account)\"", .bold, on: stream)
            stream.write(" (\(diff.type.label))\n")
            guard let policy = diff.policy else {
                if case .companion(of: let owner) = diff.matching {
                    stream.write("  companion account required by \(owner); it has no scopes to compare\n")
                } else {
                    stream.write(
                        "  the input does not say which scopes this account has; nothing to compare\n" as StaticString)
                }
                writeOthers(diff, style: style, to: stream)
                continue
            }
            let how = diff.matching == .fallback ? " (no integration policy matched)" : ""
            stream.write("  Policy \(policy.id): \(policy.title)\(how)\n")
            if let source = policy.source { stream.write("  Source: \(source.line)\n") }
            var table = TextTable()
            table.add([" ", "Scope", "Policy", "Actual", "Verdict"], tone: .dim)
            var folded = 0
            let rows = diff.rows
            for row in rows {
                if row.verdict == .asRequired && !all {
                    folded += 1
                    continue
                }
                let tone: TextStyle.Tone
                switch row.verdict {
                case .missing: tone = .red
                case .excessive: tone = .green
                case .risky: tone = .yellow
                case .asRequired: tone = .plain
                }
                table.add([row.verdict.symbol, row.name, row.policy, row.actual, verdictText(row)], tone: tone)
            }
            if table.rows.count > 1 {
                stream.write(byte: 0x0A)
                table.write(indent: "  ", style: style, to: stream)
            }
            if folded > 0 {
                // Indented to the Scope column: two spaces, the symbol, two spaces.
                if table.rows.count <= 1 { stream.write(byte: 0x0A) }
                stream.write(
                    "     \(own: folded == rows.count ? "all " : "")\(own: plural(folded, "scope")) as required\n")
            }
            writeOthers(diff, style: style, to: stream)
            if rows.contains(where: { $0.verdict == .missing || $0.verdict == .excessive }) {
                stream.write("\n  " as StaticString)
                style.write("fix:", .cyan, on: stream)
                stream.write(
                    " `\(commands.plan([policy.id]))` prints the control-panel checklist for a replacement account.\n")
            }
        }
        let t = totals(diffs)
        if !diffs.isEmpty { stream.write(byte: 0x0A) }
        stream.write(
            "Compared \(plural(report.summary.accounts, "account")) in \(plural(report.summary.stores, "store")): ")
        style.write("\(t.missing) missing", .red, on: stream)
        stream.write(", " as StaticString)
        style.write("\(t.excessive) excessive", .green, on: stream)
        stream.write(", " as StaticString)
        style.write("\(t.risky) risky", .yellow, on: stream)
        stream.write(", \(t.asRequired) as required. Lint: ")
        TextReporter.writeSeverityCounts(report, style: style, to: stream)
        stream.write(".\n" as StaticString)
    }

    static func verdictText(_ row: AccountDiff.Row) -> String {
        var text: String
        switch row.verdict {
        case .asRequired: text = "as required"
        case .missing: text = "missing: set to \(row.target ?? "")"
        case .excessive: text = "excessive: set to \(row.target ?? "")"
        case .risky: text = "risky"
        }
        if let risk = row.risk {
            if row.acceptedBecause != nil {
                text += " (accepted risk)"
            } else if row.verdict != .risky {
                text += ", risky (\(risk.severity.rawValue))"
            } else {
                text += " (\(risk.severity.rawValue))"
            }
        }
        return text
    }

    static func writeOthers(_ diff: AccountDiff, style: TextStyle, to stream: ByteStream) {
        for finding in diff.otherFindings {
            stream.write("  " as StaticString)
            style.write(finding.severity, on: stream)
            stream.write(": " as StaticString)
            stream.write(finding.message, .terminal)
            stream.write(byte: UInt8(ascii: " "))
            style.write("[\(finding.rule.rawValue)]", .dim, on: stream)
            stream.write(byte: 0x0A)
        }
    }

    package static func writeJSON(_ diffs: [AccountDiff], report: Report, all: Bool, to stream: ByteStream) {
        var w = JSONWriter(to: stream)
        w.beginObject()
        w.toolHeader(version: report.toolVersion)
        w.field("mode", "policy")
        w.beginArray("accounts")
        for diff in diffs {
            w.beginObject()
            w.field("store", diff.store)
            w.field("store_name", diff.storeName)
            w.field("account", diff.account)
            w.field("type", diff.type.rawValue)
            if let policy = diff.policy {
                w.field("policy", policy.id)
                w.field("policy_title", policy.title)
                w.source(policy.source)
                w.beginArray("rows")
                for row in diff.rows where all || row.verdict != .asRequired {
                    w.beginObject()
                    w.field("scope", row.name)
                    w.field("policy", row.policy)
                    w.field("actual", row.actual)
                    w.field("verdict", row.verdict.rawValue)
                    w.field("target", row.target)
                    if let risk = row.risk {
                        w.beginObject("risk")
                        w.field("severity", risk.severity.rawValue)
                        w.field("harm", risk.harm)
                        w.field("accepted", row.acceptedBecause)
                        w.endObject()
                    }
                    w.endObject()
                }
                w.endArray()
                w.field("as_required", diff.count(.asRequired))
            } else if case .companion(of: let owner) = diff.matching {
                w.field("companion_of", owner)
            }
            w.endObject()
        }
        w.endArray()
        let t = totals(diffs)
        w.beginObject("summary")
        w.field("missing", t.missing)
        w.field("excessive", t.excessive)
        w.field("risky", t.risky)
        w.field("as_required", t.asRequired)
        w.field("errors", report.summary.errors)
        w.field("warnings", report.summary.warnings)
        w.field("notes", report.summary.notes)
        w.field("stores", report.summary.stores)
        w.field("accounts", report.summary.accounts)
        w.endObject()
        w.endObject()
        stream.write(byte: 0x0A)
    }
}
