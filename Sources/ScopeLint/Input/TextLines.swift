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

    /// The lines, found as they are read: no array of every line of a large input is held.
    let lines: Lines

    init(_ bytes: [UInt8], file: String) throws(ScopeLintError) {
        lines = Lines(text: try Self.text(bytes, file: file))
    }

    struct Lines: Sequence {
        let text: String

        func makeIterator() -> Iterator { Iterator(text: text) }

        /// Byte by byte: CR LF, LF and a lone CR end a line, and each is its own Character in
        /// Swift too (a line break never joins what follows), so the lines are the same as a
        /// split by Character, at a fraction of the cost. The text ends with one last line,
        /// empty when it ends with a line break.
        struct Iterator: IteratorProtocol {
            let text: String
            var start: String.Index
            var number = 0
            var done = false

            init(text: String) {
                self.text = text
                start = text.utf8.startIndex
            }

            mutating func next() -> Line? {
                guard !done else { return nil }
                number += 1
                let utf8 = text.utf8
                let from = utf8.distance(from: utf8.startIndex, to: start)
                // The break is looked for in the text's buffer: stepping the view's index a byte
                // at a time cost tens of instructions a byte.
                var whole = text
                let found: (end: Int, next: Int)? = whole.withUTF8 { bytes in
                    var at = from
                    while at < bytes.count {
                        let byte = bytes[at]
                        if byte == 0x0A || byte == 0x0D {
                            let next = byte == 0x0D && at + 1 < bytes.count && bytes[at + 1] == 0x0A ? at + 2 : at + 1
                            return (at, next)
                        }
                        at += 1
                    }
                    return nil
                }
                guard let found else {
                    done = true
                    return Line(number: number, text: text[start..<utf8.endIndex])
                }
                let end = utf8.index(start, offsetBy: found.end - from)
                let line = Line(number: number, text: text[start..<end])
                start = utf8.index(start, offsetBy: found.next - from)
                return line
            }
        }
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
        if let nul = body.withUnsafeBufferPointer({ $0.firstIndex(of: 0) }).map({ body.startIndex + $0 }) {
            let utf8 = text.utf8
            let at = utf8.index(utf8.startIndex, offsetBy: nul - body.startIndex)
            throw .invalid(
                file: file, position: Self.position(after: text.unicodeScalars[..<at]),
                message: "expected text; the input holds a NUL byte (a binary file?)")
        }
        return text
    }

    /// The first line with more than spaces on it.
    static func firstLineWithText(_ text: String) -> Substring? {
        Lines(text: text).lazy.map(\.text).first { !$0.trimmed.isEmpty }
    }

    /// The text with CR LF and a lone CR made LF, for what splits lines at LF alone.
    static func withLineFeeds(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous == 0x0D {
                previous = byte
                continue
            }
            bytes.append(byte == 0x0D ? 0x0A : byte)
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
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
