/// Renders `scopelint diff OLD NEW`: per store, accounts added (`+`), removed (`-`) and
/// changed (`~`), each level raised (`+`) or lowered (`-`), and risky levels that are new (`!`).
package enum ExportDiffRenderer {
    package static func writeText(_ diff: ExportDiff, style: TextStyle, to stream: ByteStream) {
        stream.write("Comparing \(diff.oldFile) (old) with \(diff.newFile) (new)\n")
        for store in diff.stores {
            let name: StreamText = store.name.map { " (\($0))" } ?? ""
            stream.write(byte: 0x0A)
            switch store.status {
            case .added: style.write("+ Store \(store.store)\(name), added", .green, on: stream)
            case .removed: style.write("- Store \(store.store)\(name), removed", .red, on: stream)
            case .changed: style.write("Store \(store.store)\(name)", .bold, on: stream)
            }
            stream.write(byte: 0x0A)
            for account in store.accounts {
                stream.write("  " as StaticString)
                switch account.status {
                case .added:
                    style.write(
                        "+ Account \"\(account.account)\" (\(own: account.type.label)), added", .green, on: stream)
                case .removed:
                    style.write(
                        "- Account \"\(account.account)\" (\(own: account.type.label)), removed", .red, on: stream)
                case .changed:
                    style.write("~ Account \"\(account.account)\"", .bold, on: stream)
                    stream.write(" (\(own: account.type.label)")
                    if let old = account.oldType, old != account.type { stream.write(", was \(own: old.label)") }
                    if let old = account.oldName { stream.write(", renamed from \"\(old)\"") }
                    stream.write(")" as StaticString)
                }
                stream.write(byte: 0x0A)
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
        if diff.stores.isEmpty { stream.write("\nNo differences in stores, accounts or levels.\n" as StaticString) }
        stream.write("\n\(own: summaryText(diff.summary)) ")
        if diff.escalates {
            style.write("Access grew.", .red, on: stream)
        } else {
            style.write("No access grew.", .green, on: stream)
        }
        stream.write(byte: 0x0A)
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
