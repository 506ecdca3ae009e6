/// An input split into lines for the line-based readers (CSV, text, credentials, scope
/// strings): UTF-8 checked, the byte order mark skipped, LF or CRLF endings, and the
/// 1-based line number of each line kept for locations.
struct TextLines {
    struct Line {
        var number: Int
        var text: Substring
        /// Column (1-based, in Unicode scalars) of a position inside `text`.
        func column(of index: Substring.Index) -> Int {
            // Every scalar has one byte that is not a continuation byte (10xxxxxx): counting
            // those counts scalars without decoding them.
            text.utf8[text.startIndex..<index].count { $0 & 0xC0 != 0x80 } + 1
        }
    }

    var lines: [Line]

    init(_ bytes: [UInt8], file: String) throws(ScopeLintError) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalid(
                file: file, position: Self.firstInvalidPosition(Array(body)),
                message: "expected UTF-8 text; the input has bytes that are not UTF-8")
        }
        // A NUL scalar is the byte 0, and no other scalar's bytes hold a 0.
        if let nul = text.utf8.firstIndex(of: 0) {
            throw .invalid(
                file: file, position: Self.position(after: text.unicodeScalars[..<nul]),
                message: "expected text; the input holds a NUL byte (a binary file?)")
        }
        var lines: [Line] = []
        // Byte by byte: CR LF, LF and a lone CR end a line, and each is its own Character in
        // Swift too (a line break never joins what follows), so the lines are the same as a
        // split by Character, at a fraction of the cost.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(Line(number: lines.count + 1, text: text[start..<index]))
            index = utf8.index(after: index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(Line(number: lines.count + 1, text: text[start..<utf8.endIndex]))
        self.lines = lines
    }

    /// Where UTF-8 decoding first fails, for the error message.
    static func firstInvalidPosition(_ bytes: [UInt8]) -> TextPosition {
        let offset = UTF8Validation.firstInvalidByte(bytes, in: bytes.indices)
        // Everything before the bad byte is valid UTF-8, so it decodes exactly.
        return position(after: String(decoding: bytes[..<offset], as: UTF8.self).unicodeScalars)
    }

    /// The position just after `scalars`, the text from the start of the input.
    static func position(after scalars: some BidirectionalCollection<Unicode.Scalar>) -> TextPosition {
        TextPosition(line: scalars.count { $0 == "\n" } + 1, column: scalars.reversed().prefix { $0 != "\n" }.count + 1)
    }
}

extension Substring {
    /// The text with spaces and tabs trimmed from both ends.
    var trimmed: Substring {
        trimmingCharacters(in: " \t\u{A0}")
    }
}
