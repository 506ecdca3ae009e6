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
        let text = try Self.text(bytes, file: file)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The text's UTF-8 is `body`, byte for byte: the text is searched in the array, and an
        // offset into it is an offset into the text's UTF-8 view (found in constant time).
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [Line] = []
        // Byte by byte: CR LF, LF and a lone CR end a line, and each is its own Character in
        // Swift too (a line break never joins what follows), so the lines are the same as a
        // split by Character, at a fraction of the cost.
        var start = body.startIndex
        var at = start
        while at < body.endIndex {
            let byte = body[at]
            guard byte == 0x0A || byte == 0x0D else {
                at += 1
                continue
            }
            lines.append(
                Line(number: lines.count + 1, text: text[index(start - body.startIndex)..<index(at - body.startIndex)]))
            at += 1
            if byte == 0x0D, at < body.endIndex, body[at] == 0x0A { at += 1 }
            start = at
        }
        lines.append(Line(number: lines.count + 1, text: text[index(start - body.startIndex)..<utf8.endIndex]))
        self.lines = lines
    }

    /// The input as text, for a reader that finds its own line breaks (CSV, whose quoted fields
    /// hold them): UTF-8 checked, the byte order mark skipped, no NUL.
    static func text(_ bytes: [UInt8], file: String) throws(ScopeLintError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalid(
                file: file, position: Self.firstInvalidPosition(Array(body)),
                message: "expected UTF-8 text; the input has bytes that are not UTF-8")
        }
        // A NUL scalar is the byte 0, and no other scalar's bytes hold a 0.
        if let nul = body.firstIndex(of: 0) {
            let utf8 = text.utf8
            let at = utf8.index(utf8.startIndex, offsetBy: nul - body.startIndex)
            throw .invalid(
                file: file, position: Self.position(after: text.unicodeScalars[..<at]),
                message: "expected text; the input holds a NUL byte (a binary file?)")
        }
        return text
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
        trimmingCharacters(in: .spaces)
    }
}
