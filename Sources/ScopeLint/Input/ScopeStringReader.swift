/// A bare list of OAuth parameters, separated by spaces, commas, `+` or line breaks, as an
/// app's scope setting or a log line shows them.
enum ScopeStringReader: InputReader {
    static let identifier = "scope-string"
    static let summary = "OAuth scope parameters separated by spaces, commas, + or lines"

    /// Whether every word is a parameter-like `lower_case_word`: byte by byte, and done at the
    /// first word that is not (detection offers it every input whole).
    static func sniff(_ text: String) -> Bool {
        var words = 0
        var length = 0
        var underscore = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            // Separators: space, tab, line breaks, comma, plus, and no-break space or NEL (C2 A0, C2 85).
            let separator =
                byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x2C || byte == 0x2B
                || (previous == 0xC2 && (byte == 0xA0 || byte == 0x85))
            if separator || byte == 0xC2 {
                if length > 0 {
                    guard underscore else { return false }
                    words += 1
                }
                length = 0
                underscore = false
                continue
            }
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F else { return false }
            length += 1
            if byte == 0x5F { underscore = true }
        }
        if length > 0 {
            guard underscore else { return false }
            words += 1
        }
        return words > 0
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        var entries: [ScopeEntry] = []
        for line in text.lines {
            var start: Substring.Index?
            var startColumn = 1
            // Columns are counted as we go: one long line must not cost quadratic time.
            var column = 1
            var index = line.text.startIndex
            while true {
                let atEnd = index == line.text.endIndex
                let separator = atEnd || " \t,+\u{A0}".contains(line.text[index])
                if separator, let begin = start {
                    entries.append(
                        ScopeEntry(
                            key: String(line.text[begin..<index]), level: nil,
                            position: TextPosition(line: line.number, column: startColumn)))
                    start = nil
                } else if !separator, start == nil {
                    start = index
                    startColumn = column
                }
                if atEnd { break }
                column += line.text[index].unicodeScalars.count
                index = line.text.index(after: index)
            }
        }
        if entries.isEmpty {
            throw .invalid(
                file: file, position: .start, message: "expected OAuth scope parameters, found an empty input")
        }
        let account = Account(
            name: options.accountName ?? "API account", position: entries[0].position, scopes: entries)
        return Export(file: file, stores: [options.store(account)])
    }
}
