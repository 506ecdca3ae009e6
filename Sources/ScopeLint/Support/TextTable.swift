/// Left-aligned columns sized to their longest cell, so long scope names widen the table
/// instead of breaking it. Styling is applied after padding, so color codes never skew widths.
struct TextTable {
    struct Row {
        var cells: [String]
        /// Applied to the padded line, so color codes never skew the widths.
        var tone: TextStyle.Tone
    }

    var rows: [Row] = []

    mutating func add(_ cells: [String], tone: TextStyle.Tone = .plain) {
        rows.append(Row(cells: cells, tone: tone))
    }

    /// The lines, each prefixed with `indent`; the last column is not padded.
    func render(indent: String, style: TextStyle) -> String {
        let columns = rows.map(\.cells.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.cells.enumerated() {
                if index < row.cells.count - 1 {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                } else {
                    line += cell
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += indent + style.paint(line, row.tone) + "\n"
        }
        return out
    }
}
