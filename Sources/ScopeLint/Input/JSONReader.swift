/// A byte-level JSON and JSON5 parser that records the line and column of every value and key.
///
/// Foundation's decoders report no positions, and findings must point at the scope entry
/// they are about, so scopelint parses its inputs itself. Accepted beyond strict JSON (the
/// JSON5 additions): `//` and `/* */` comments, trailing commas, unquoted identifier keys,
/// single-quoted strings, hexadecimal numbers, leading or trailing decimal points, a leading
/// `+`, `Infinity` and `NaN`, and escaped line breaks in strings. Errors say what was expected
/// at a position and never quote the input, which may hold secrets.
package struct JSONReader {
    /// Deeper nesting than any real export or policy needs; the limit keeps a hostile
    /// file from exhausting the stack.
    package static let maximumDepth = 256

    // An unsafe buffer, not an array: the reader is the hot loop of every lint, and every
    // access below is guarded by an explicit `index < bytes.count` check.
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let limits: Limits
    var index = 0
    private var depth = 0
    // Positions are asked for in increasing byte order, so lines and columns are counted
    // incrementally from the last answer: linear in the input, even on one huge line.
    private var trackedOffset = 0
    // Where an error that steps back counts again from: the top, or the last `forget(before:)`.
    private var origin = 0
    private var originPosition = TextPosition.start
    private var trackedPosition = TextPosition(line: 1, column: 1)

    package static func parse(_ bytes: [UInt8], file: String, limits: Limits = .standard) throws(ScopeLintError)
        -> JSONNode
    {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) -> JSONNode in
            var reader = JSONReader(bytes: buffer, file: file, limits: limits)
            return try reader.parseDocument()
        }
    }

    /// A reader over bytes the caller keeps alive for the reader's lifetime.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: Limits = .standard) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        // A UTF-8 byte order mark is allowed before the document and skipped.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            trackedOffset = 3
            origin = 3
        }
    }

    private mutating func parseDocument() throws(ScopeLintError) -> JSONNode {
        try skipTrivia()
        guard index < bytes.count else { throw error("expected a JSON value, found an empty document") }
        let node = try parseValue()
        try expectEnd()
        return node
    }

    /// After the top-level value: only trivia may follow.
    mutating func expectEnd() throws(ScopeLintError) {
        try skipTrivia()
        if index < bytes.count {
            throw error("expected the end of the document after the top-level value, found \(describeHere())")
        }
    }

    // MARK: Values

    mutating func parseValue() throws(ScopeLintError) -> JSONNode {
        let start = position(at: index)
        guard index < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        default:
            let wordStart = index
            let word = try identifier()
            switch word {
            case "true": return JSONNode(.bool(true), at: start)
            case "false": return JSONNode(.bool(false), at: start)
            case "null": return JSONNode(.null, at: start)
            case "Infinity", "NaN": return JSONNode(.number(word), at: start)
            default:
                // Step back by position, not by the word's length: invalid UTF-8 decodes to
                // longer replacement characters (a fuzzer found the difference).
                index = wordStart
                throw error(
                    "expected a value (object, array, string, number, true, false or null), found \(describeHere())")
            }
        }
    }

    private mutating func enter() throws(ScopeLintError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(
                "expected at most \(Self.maximumDepth) levels of nesting, found more; scopelint inputs are never that deep"
            )
        }
    }

    private mutating func parseObject() throws(ScopeLintError) -> JSONValue {
        try openObject()
        var members: [JSONMember] = []
        var first = true
        while try nextMember(&first) {
            let keyPosition = position(at: index)
            let key = try readKey()
            try expectColon()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: try parseValue()))
        }
        return .object(members)
    }

    private mutating func parseArray() throws(ScopeLintError) -> JSONValue {
        try openArray()
        var elements: [JSONNode] = []
        var first = true
        while try nextElement(&first) {
            elements.append(try parseValue())
        }
        return .array(elements)
    }

    // MARK: Streaming

    // The tree parser above and the streaming export reader walk objects and arrays with
    // these steps, so both give the same errors at the same places.

    /// Whether the value at the cursor (after trivia) starts with `byte`.
    mutating func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// Consumes the `{` at the cursor.
    mutating func openObject() throws(ScopeLintError) {
        try enter()
        index += 1
    }

    /// Moves to the next key of the open object: false when the object closes. `first` is
    /// the caller's flag for whether a separator is due.
    mutating func nextMember(_ first: inout Bool) throws(ScopeLintError) -> Bool {
        if !first {
            try skipTrivia()
            guard index < bytes.count else {
                throw error("expected ',' or '}' after the value, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return false
            }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw error("expected ',' or '}' after the value, found \(describeHere())")
            }
            trackASCII(from: index, to: index + 1)
            index += 1
        }
        first = false
        try skipTrivia()
        guard index < bytes.count else {
            throw error("expected a key or '}' to close the object, found the end of the file")
        }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return false
        }
        return true
    }

    /// Reads the key at the cursor: quoted, or a JSON5 identifier.
    mutating func readKey() throws(ScopeLintError) -> String {
        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { return try parseString() }
        let keyStart = index
        let key = try identifier()
        if key.isEmpty { throw error("expected a key in quotes or '}' to close the object, found \(describeHere())") }
        if bytes[keyStart..<index].contains(where: { $0 >= 0x80 }),
            String(validating: bytes[keyStart..<index], as: UTF8.self) == nil
        {
            index = UTF8Validation.firstInvalidByte(bytes, in: keyStart..<index)
            throw error("expected UTF-8 text; this byte is not UTF-8")
        }
        return key
    }

    /// The `:` after a key, and the trivia around it.
    mutating func expectColon() throws(ScopeLintError) {
        try skipTrivia()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after the key, found \(describeHere())")
        }
        trackASCII(from: index, to: index + 1)
        index += 1
        try skipTrivia()
    }

    /// Consumes the `[` at the cursor.
    mutating func openArray() throws(ScopeLintError) {
        try enter()
        index += 1
    }

    /// Moves to the next element of the open array: false when the array closes.
    mutating func nextElement(_ first: inout Bool) throws(ScopeLintError) -> Bool {
        if !first {
            try skipTrivia()
            guard index < bytes.count else {
                throw error("expected ',' or ']' after the value, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return false
            }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw error("expected ',' or ']' after the value, found \(describeHere())")
            }
            index += 1
        }
        first = false
        try skipTrivia()
        guard index < bytes.count else {
            throw error("expected a value or ']' to close the array, found the end of the file")
        }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        return true
    }

    /// A string whose bytes can be used as they are: no escapes, valid UTF-8. The streaming
    /// reader looks these up in the catalog without making a `String`.
    enum Token {
        case bytes(Range<Int>)
        case text(String)
    }

    /// Reads the string at the cursor as a token: the common case costs one scan and no allocation.
    mutating func readStringToken() throws(ScopeLintError) -> Token {
        let quote = bytes[index]
        let start = index + 1
        var cursor = start
        // Eight bytes at a time while none is the quote, a backslash, a control or non-ASCII.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while bytes.count - cursor >= 8 {
                let word = ByteWords.load(base, cursor)
                let special =
                    ByteWords.equal(word, quote) | ByteWords.equal(word, 0x5C) | ByteWords.control(word)
                    | ByteWords.nonASCII(word)
                if special != 0 { break }
                cursor += 8
            }
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == quote {
                if cursor - start <= limits.stringLength {
                    // ASCII without controls: one column per byte, no line break.
                    trackASCII(from: index, to: cursor + 1)
                    index = cursor + 1
                    return .bytes(start..<cursor)
                }
                break
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            cursor += 1
        }
        // Escapes, non-ASCII text or an error: the full decoder handles and reports them.
        return .text(try parseString())
    }

    mutating func parseString() throws(ScopeLintError) -> String {
        let quote = bytes[index]
        let opening = index
        index += 1
        let contentStart = index
        // Fast path: no escapes, the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                try checkLength(index - contentStart, opening: opening)
                let text = try decodeUTF8(contentStart..<index)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A
                        ? "expected the closing quote before the end of the line"
                        : "expected an escape sequence instead of a raw control character in a string")
            }
            index += 1
        }
        var scalars = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                try checkLength(scalars.count, opening: opening)
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    // Escapes are ASCII and decode to valid UTF-8: the bad byte is a raw one.
                    index = UTF8Validation.firstInvalidByte(bytes, in: contentStart..<index)
                    throw error("expected UTF-8 text; this byte is not UTF-8")
                }
                index += 1
                return text
            }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A
                        ? "expected the closing quote before the end of the line"
                        : "expected an escape sequence instead of a raw control character in a string")
            }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "v"): scalars.append(0x0B)
            case UInt8(ascii: "0"): scalars.append(0x00)
            case 0x0A: break  // JSON5 line continuation
            case 0x0D:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            case UInt8(ascii: "x"):
                let value = try hexDigits(2)
                appendScalar(value, to: &scalars)
            case UInt8(ascii: "u"):
                let escapeStart = index - 2
                var value = try hexDigits(4)
                if (0xD800...0xDBFF).contains(value) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error("expected a \\u escape for the low surrogate after a high surrogate")
                    }
                    let lowStart = index
                    index += 2
                    let low = try hexDigits(4)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        index = lowStart
                        throw error("expected a low surrogate (\\uDC00 to \\uDFFF) after a high surrogate")
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(value) {
                    index = escapeStart
                    throw error("expected a high surrogate before this low surrogate escape")
                }
                appendScalar(value, to: &scalars)
            default:
                index -= 1
                throw error("expected a valid escape sequence after a backslash")
            }
        }
        throw error("expected the closing quote of a string, found the end of the file")
    }

    private mutating func checkLength(_ length: Int, opening: Int) throws(ScopeLintError) {
        guard length > limits.stringLength else { return }
        index = opening
        throw error(
            "a string longer than \(Limits.describe(limits.stringLength)); no scope, level, name or hash is that long")
    }

    private mutating func hexDigits(_ count: Int) throws(ScopeLintError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = bytes[index].hexDigitValue else {
                throw error("expected \(count) hexadecimal digits in the escape sequence")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func appendScalar(_ value: UInt32, to buffer: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func parseNumber() throws(ScopeLintError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let wordStart = index
        let word = try identifier()
        if word == "Infinity" || word == "NaN" { return String(decoding: bytes[start..<index], as: UTF8.self) }
        index = wordStart
        var digits = 0
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "0"), bytes[index + 1] | 0x20 == UInt8(ascii: "x") {
            index += 2
            while index < bytes.count, bytes[index].hexDigitValue != nil {
                index += 1
                digits += 1
            }
        } else {
            while index < bytes.count, bytes[index].isASCIIDigit {
                index += 1
                digits += 1
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, bytes[index].isASCIIDigit {
                    index += 1
                    digits += 1
                }
            }
            if digits > 0, index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    index += 1
                }
                var exponentDigits = 0
                while index < bytes.count, bytes[index].isASCIIDigit {
                    index += 1
                    exponentDigits += 1
                }
                if exponentDigits == 0 { throw error("expected digits in the number's exponent") }
            }
        }
        if digits == 0 { throw error("expected digits in a number") }
        if index < bytes.count, Self.isIdentifierByte(bytes[index]), !isNoBreakSpace(at: index) {
            throw error("expected a separator after the number, found \(describeHere())")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: Lexing helpers

    /// Reads a run of identifier characters (JSON5 unquoted keys, literals); may be empty.
    /// A no-break space is JSON5 whitespace, so it ends the word like a space does.
    /// An unquoted key or word; as long as a string may be, no longer.
    private mutating func identifier() throws(ScopeLintError) -> String {
        let start = index
        while index < bytes.count, Self.isIdentifierByte(bytes[index]), !isNoBreakSpace(at: index) { index += 1 }
        try checkLength(index - start, opening: start)
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isNoBreakSpace(at offset: Int) -> Bool {
        bytes[offset] == 0xC2 && offset + 1 < bytes.count && bytes[offset + 1] == 0xA0
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte.isASCIIDigit || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    mutating func skipTrivia() throws(ScopeLintError) {
        // Indentation first: most trivia is a line break and a run of spaces, skipped
        // eight spaces at a time.
        if index < bytes.count, bytes[index] == 0x0A {
            trackLineBreak(at: index)
            index += 1
        }
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let start = index
            while bytes.count - index >= 8 {
                let others = ~ByteWords.equal(ByteWords.load(base, index), 0x20) & ByteWords.high
                if others != 0 {
                    index += ByteWords.leadingUnmarked(others)
                    break
                }
                index += 8
            }
            trackASCII(from: start, to: index)
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                index += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
                index += 2  // no-break space, allowed by JSON5
            case UInt8(ascii: "/"):
                guard index + 1 < bytes.count else { throw error("expected a comment after '/'") }
                let opening = index
                if bytes[index + 1] == UInt8(ascii: "/") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else if bytes[index + 1] == UInt8(ascii: "*") {
                    index += 2
                    var closed = false
                    while index + 1 < bytes.count {
                        if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                            index += 2
                            closed = true
                            break
                        }
                        index += 1
                    }
                    if !closed {
                        index = opening
                        throw error("expected '*/' to close this comment before the end of the file")
                    }
                } else {
                    throw error("expected a comment after '/'")
                }
                // Comments are text too: the export is read without a whole-text pass first.
                if bytes[opening..<index].contains(where: { $0 >= 0x80 }) {
                    let bad = UTF8Validation.firstInvalidByte(bytes, in: opening..<index)
                    if bad < index {
                        index = bad
                        throw error("expected UTF-8 text; this byte is not UTF-8")
                    }
                }
            default:
                return
            }
        }
    }

    private mutating func decodeUTF8(_ range: Range<Int>) throws(ScopeLintError) -> String {
        // ASCII is by far the common case and needs no validation.
        if !bytes[range].contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            index = UTF8Validation.firstInvalidByte(bytes, in: range)
            throw error("expected UTF-8 text; this byte is not UTF-8")
        }
        return text
    }

    /// A short, value-free description of what is at the current position.
    func describeHere() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"),
            UInt8(ascii: ","):
            return "'\(Character(Unicode.Scalar(byte)))'"
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return "a string"
        case 0x30...0x39, UInt8(ascii: "-"): return "a number"
        case 0x00: return "a NUL byte"
        default:
            if Self.isIdentifierByte(byte) { return "an unquoted word" }
            if byte < 0x20 || byte == 0x7F { return "a control character" }
            return "the character '\(Character(Unicode.Scalar(byte)))'"
        }
    }

    /// The hot paths move the position along as they consume bytes they know to be ASCII
    /// without line breaks (or a line break), when the position was last asked for exactly
    /// where they start; `position(at:)` then has nothing left to count. Anywhere else the
    /// position stays behind and `position(at:)` counts from there.
    @inline(__always)
    private mutating func trackASCII(from start: Int, to end: Int) {
        if trackedOffset == start {
            trackedPosition.column += end - start
            trackedOffset = end
        }
    }

    @inline(__always)
    private mutating func trackLineBreak(at offset: Int) {
        if trackedOffset == offset {
            trackedPosition.line += 1
            trackedPosition.column = 1
            trackedOffset = offset + 1
        }
    }

    mutating func position(at offset: Int) -> TextPosition {
        if offset < trackedOffset {
            // Only errors step back; count again from the top, or from what was forgotten.
            trackedOffset = origin
            trackedPosition = originPosition
        }
        var line = trackedPosition.line
        var column = trackedPosition.column
        var cursor = trackedOffset
        let base = UnsafeRawPointer(bytes.baseAddress)
        while cursor < offset {
            // Eight ASCII bytes at a time: count their line breaks and, after the last one,
            // their columns. (Called for every key of every export.)
            if offset - cursor >= 8, let base {
                let word = ByteWords.load(base, cursor)
                if ByteWords.nonASCII(word) == 0 {
                    let breaks = ByteWords.equal(word, 0x0A)
                    if breaks == 0 {
                        column += 8
                    } else {
                        line += breaks.nonzeroBitCount
                        // The first byte is lowest: the highest set bit is the last line break.
                        let last = (63 - breaks.leadingZeroBitCount) / 8
                        column = 1 + 7 - last
                    }
                    cursor += 8
                    continue
                }
            }
            let byte = bytes[cursor]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            cursor += 1
        }
        trackedOffset = offset
        trackedPosition = TextPosition(line: line, column: column)
        return trackedPosition
    }

    /// No position before `offset` will be asked for again, and the bytes before it may be
    /// handed back (`InputBytes.release`): an error that steps back counts from here.
    mutating func forget(before offset: Int) {
        originPosition = position(at: offset)
        origin = offset
    }

    mutating func error(_ message: String) -> ScopeLintError {
        .invalid(file: file, position: position(at: min(index, bytes.count)), message: message)
    }
}
