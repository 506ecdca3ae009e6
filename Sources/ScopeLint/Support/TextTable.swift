/// Left-aligned columns sized to their longest cell, so long scope names widen the table
/// instead of breaking it. Styling is applied after padding, so color codes never skew widths.
struct TextTable {
    struct Row {
        var cells: [String]
        /// Applied to the padded line, so color codes never skew the widths.
        var tone: TextStyle.Tone
    }

    var rows: [Row] = []

    /// Cells are terminal text escaped here, before their widths are measured.
    mutating func add(_ cells: [String], tone: TextStyle.Tone = .plain) {
        rows.append(Row(cells: cells.map { ByteStream.escaped($0, .terminal) }, tone: tone))
    }

    /// Writes the lines, each prefixed with `indent`; the last column is not padded.
    func write(indent: String, style: TextStyle, to stream: ByteStream) {
        let columns = rows.map(\.cells.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        for row in rows {
            // One line at a time, so its trailing spaces can go before the tone wraps it.
            var line = ""
            for (index, cell) in row.cells.enumerated() {
                if index < row.cells.count - 1 {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                } else {
                    line += cell
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            stream.write(trusted: indent)
            style.write("\(own: line)", row.tone, on: stream)
            stream.write(byte: 0x0A)
        }
    }
}
