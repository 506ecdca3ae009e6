/// Renders `scopelint diff OLD NEW`: per store, accounts added (`+`), removed (`-`) and
/// changed (`~`), each level raised (`+`) or lowered (`-`), and risky levels that are new (`!`).
package enum ExportDiffRenderer {
    package static func writeText(_ diff: ExportDiff, style: TextStyle, to stream: ByteStream) {
        stream.write("Comparing \(diff.oldFile) (old) with \(diff.newFile) (new)\n")
        for store in diff.stores {
            let name = store.name.map { " (\($0))" } ?? ""
            switch store.status {
            case .added: stream.write("\n" + style.green("+ Store \(store.store)\(name), added") + "\n")
            case .removed: stream.write("\n" + style.red("- Store \(store.store)\(name), removed") + "\n")
            case .changed: stream.write("\n" + style.bold("Store \(store.store)\(name)") + "\n")
            }
            for account in store.accounts {
                switch account.status {
                case .added:
                    stream.write(
                        "  " + style.green("+ Account \"\(account.account)\" (\(account.type.label)), added") + "\n")
                case .removed:
                    stream.write(
                        "  " + style.red("- Account \"\(account.account)\" (\(account.type.label)), removed") + "\n")
                case .changed:
                    var kind = ""
                    if let old = account.oldType, old != account.type { kind += ", was \(old.label)" }
                    if let old = account.oldName { kind += ", renamed from \"\(old)\"" }
                    stream.write(
                        "  " + style.bold("~ Account \"\(account.account)\"") + " (\(account.type.label)\(kind))\n")
                }
                var table = TextTable()
                for change in account.changes {
                    let symbol = change.newRisk != nil ? "!" : change.raised ? "+" : "-"
                    var verdict = change.raised ? "raised" : "lowered"
                    if account.status == .added { verdict = "granted" }
                    if let risk = change.newRisk {
                        verdict += "; newly risky (\(risk.severity.rawValue)): \(risk.harm)"
                    }
                    let tone: TextStyle.Tone = change.newRisk != nil ? .yellow : change.raised ? .green : .red
                    table.add([symbol, change.name, "\(change.old) -> \(change.new)", verdict], tone: tone)
                }
                if !table.rows.isEmpty { table.write(indent: "      ", style: style, to: stream) }
            }
        }
        let s = diff.summary
        if diff.stores.isEmpty { stream.write("\nNo differences in stores, accounts or levels.\n") }
        stream.write(
            "\n" + summaryText(s) + " " + (diff.escalates ? style.red("Access grew.") : style.green("No access grew."))
                + "\n")
    }

    static func summaryText(_ s: ExportDiff.Summary) -> String {
        "\(plural(s.storesAdded, "store")) added, \(s.storesRemoved) removed; \(plural(s.accountsAdded, "account")) added, \(s.accountsRemoved) removed; \(plural(s.levelsRaised, "level")) raised, \(s.levelsLowered) lowered; \(plural(s.newRisks, "new risky level"))."
    }

    package static func writeJSON(_ diff: ExportDiff, toolVersion: String, to stream: ByteStream) {
        var w = JSONWriter(to: stream)
        w.beginObject()
        w.toolHeader(version: toolVersion)
        w.field("mode", "exports")
        w.field("old", diff.oldFile)
        w.field("new", diff.newFile)
        w.beginArray("stores")
        for store in diff.stores {
            w.beginObject()
            w.field("store", store.store)
            w.field("name", store.name)
            w.field("status", store.status.rawValue)
            w.beginArray("accounts")
            for account in store.accounts {
                w.beginObject()
                w.field("account", account.account)
                w.field("status", account.status.rawValue)
                w.field("type", account.type.rawValue)
                if let old = account.oldType, old != account.type { w.field("old_type", old.rawValue) }
                w.field("old_name", account.oldName)
                w.field("escalates", account.escalates)
                w.beginArray("changes")
                for change in account.changes {
                    w.beginObject()
                    w.field("scope", change.name)
                    w.field("old", change.old)
                    w.field("new", change.new)
                    w.field("direction", change.raised ? "raised" : "lowered")
                    if let risk = change.newRisk {
                        w.beginObject("new_risk")
                        w.field("severity", risk.severity.rawValue)
                        w.field("harm", risk.harm)
                        w.endObject()
                    }
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        let s = diff.summary
        w.beginObject("summary")
        w.field("stores_added", s.storesAdded)
        w.field("stores_removed", s.storesRemoved)
        w.field("accounts_added", s.accountsAdded)
        w.field("accounts_removed", s.accountsRemoved)
        w.field("levels_raised", s.levelsRaised)
        w.field("levels_lowered", s.levelsLowered)
        w.field("new_risky_levels", s.newRisks)
        w.field("escalation", diff.escalates)
        w.endObject()
        w.endObject()
        stream.write(byte: 0x0A)
    }
}
