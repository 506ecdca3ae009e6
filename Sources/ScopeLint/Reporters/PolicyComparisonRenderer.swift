/// Renders `scopelint diff --policy A --policy B`: per scope, each policy's range and the
/// levels only one of them allows.
package enum PolicyComparisonRenderer {
    package static func writeText(_ comparison: PolicyComparison, all: Bool, style: TextStyle, to stream: ByteStream) {
        let a = comparison.a
        let b = comparison.b
        stream.write("Comparing policy \(a.id) (A: \(a.title)) with \(b.id) (B: \(b.title))\n\n")
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
        if table.rows.count > 1 { table.write(indent: "  ", style: style, to: stream) }
        if same > 0 { stream.write("     \(plural(same, "scope")) the same in both\n") }
        for title in comparison.companionsOnlyA { stream.write("  companion account only A requires: \(title)\n") }
        for title in comparison.companionsOnlyB { stream.write("  companion account only B requires: \(title)\n") }
        stream.write(
            "\n\(plural(comparison.differences, "difference")). `-` only A allows a level, `+` only B does, `~` both.\n"
        )
    }

    package static func writeJSON(_ comparison: PolicyComparison, all: Bool, toolVersion: String, to stream: ByteStream)
    {
        var w = JSONWriter(to: stream)
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
            w.field("only_a", elements: row.onlyA)
            w.field("only_b", elements: row.onlyB)
            w.field("accepted_a", row.acceptedA)
            w.field("accepted_b", row.acceptedB)
            w.endObject()
        }
        w.endArray()
        w.field("companions_only_a", elements: comparison.companionsOnlyA)
        w.field("companions_only_b", elements: comparison.companionsOnlyB)
        w.beginObject("summary")
        w.field("differences", comparison.differences)
        w.endObject()
        w.endObject()
        stream.write(byte: 0x0A)
    }
}
