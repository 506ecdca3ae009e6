/// Renders `scopelint diff --policy A --policy B`: per scope, each policy's range and the
/// levels only one of them allows.
public enum PolicyComparisonRenderer {
    public static func text(_ comparison: PolicyComparison, all: Bool, style: TextStyle) -> String {
        let a = comparison.a
        let b = comparison.b
        var out = "Comparing policy \(a.id) (A: \(a.title)) with \(b.id) (B: \(b.title))\n\n"
        var table = TextTable()
        table.add([" ", "Scope", "A: \(a.id)", "B: \(b.id)", "Difference"], tone: .dim)
        var same = 0
        for row in comparison.rows {
            guard row.differs || all else {
                same += 1
                continue
            }
            var notes: [String] = []
            if !row.onlyA.isEmpty { notes.append("only A allows \(row.onlyA.joined(separator: ", "))") }
            if !row.onlyB.isEmpty { notes.append("only B allows \(row.onlyB.joined(separator: ", "))") }
            if row.acceptedA != row.acceptedB { notes.append("risk accepted by \(row.acceptedA ? "A" : "B") only") }
            let symbol =
                !row.onlyA.isEmpty && !row.onlyB.isEmpty
                ? "~" : !row.onlyA.isEmpty ? "-" : !row.onlyB.isEmpty ? "+" : row.differs ? "~" : " "
            let tone: TextStyle.Tone = symbol == "-" ? .red : symbol == "+" ? .green : symbol == "~" ? .yellow : .plain
            table.add(
                [symbol, row.name, row.a, row.b, notes.isEmpty ? "same" : notes.joined(separator: "; ")], tone: tone)
        }
        if table.rows.count > 1 { out += table.render(indent: "  ", style: style) }
        if same > 0 { out += "     \(plural(same, "scope")) the same in both\n" }
        for title in comparison.companionsOnlyA { out += "  companion account only A requires: \(title)\n" }
        for title in comparison.companionsOnlyB { out += "  companion account only B requires: \(title)\n" }
        out +=
            "\n\(plural(comparison.differences, "difference")). `-` only A allows a level, `+` only B does, `~` both.\n"
        return out
    }

    public static func json(_ comparison: PolicyComparison, all: Bool, toolVersion: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.toolHeader(version: toolVersion)
        w.field("mode", "policies")
        w.field("a", comparison.a.id)
        w.field("b", comparison.b.id)
        w.beginArray("rows")
        for row in comparison.rows where all || row.differs {
            w.beginObject()
            w.field("scope", row.name)
            w.field("a", row.a)
            w.field("b", row.b)
            w.beginArray("only_a")
            for level in row.onlyA { w.element(level) }
            w.endArray()
            w.beginArray("only_b")
            for level in row.onlyB { w.element(level) }
            w.endArray()
            w.field("accepted_a", row.acceptedA)
            w.field("accepted_b", row.acceptedB)
            w.endObject()
        }
        w.endArray()
        w.beginArray("companions_only_a")
        for title in comparison.companionsOnlyA { w.element(title) }
        w.endArray()
        w.beginArray("companions_only_b")
        for title in comparison.companionsOnlyB { w.element(title) }
        w.endArray()
        w.beginObject("summary")
        w.field("differences", comparison.differences)
        w.endObject()
        w.endObject()
        return w.output + "\n"
    }
}
