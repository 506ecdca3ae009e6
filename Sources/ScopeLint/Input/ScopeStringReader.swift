/// A bare list of OAuth parameters, separated by spaces, commas, `+` or line breaks, as an
/// app's scope setting or a log line shows them.
enum ScopeStringReader: InputReader {
    static let identifier = "scope-string"
    static let summary = "OAuth scope parameters separated by spaces, commas, + or lines"

    static func sniff(_ text: String) -> Bool {
        var words = 0
        for word in text.split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline || $0 == "," || $0 == "+"
        }) {
            guard word.contains("_"), word.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
            else { return false }
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
