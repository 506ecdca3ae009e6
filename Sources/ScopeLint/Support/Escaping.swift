import Foundation

/// Each output format's escaping, in one place: text is escaped as it is appended to the
/// stream, run by run, with no intermediate `String`.
extension ByteStream {
    package enum Escape {
        /// The inside of a JSON string (the writer adds the quotes).
        case json
        /// The inside of a JSON string in a file people read and print (a generated policy):
        /// also every character that can drive a terminal or hide or reorder text
        /// (`invisibleLength`), line breaks and tabs included, as `\u` escapes, so the file
        /// shows what it holds and reads back the same.
        case jsonShown
        /// XML text or an attribute value (JUnit): line breaks too are escaped, so no line of
        /// the file starts with text from an input.
        case xml
        /// The message of a GitHub Actions workflow command: `%`, CR and LF.
        case workflowMessage
        /// A property of a workflow command (`file=`, `title=`): also `:` and `,`, which would
        /// otherwise end the property (SwiftLint and conftest both miss this).
        case workflowProperty
        /// A Markdown table cell or inline text: an inline code span, so nothing in it renders as
        /// markup, a link, a mention or an issue reference; pipes are escaped for tables.
        case markdown
        /// Terminal text and CI logs: see `writeTerminal`.
        case terminal
        /// HTML text or a quoted attribute value: see `writeHTML`.
        case html
    }

    func write(_ text: String, _ mode: Escape) {
        withUTF8(text) { bytes in
            switch mode {
            case .json: writeJSON(bytes, showing: false)
            case .jsonShown: writeJSON(bytes, showing: true)
            case .xml: writeXML(bytes)
            case .workflowMessage: writeWorkflow(bytes, property: false)
            case .workflowProperty: writeWorkflow(bytes, property: true)
            case .markdown: writeMarkdown(bytes)
            case .terminal: writeTerminal(bytes)
            case .html: writeHTML(bytes)
            }
        }
    }

    /// `text` escaped with `mode`, as a `String` (tests, small values).
    package static func escaped(_ text: String, _ mode: Escape) -> String {
        let stream = ByteStream()
        stream.write(text, mode)
        return stream.text
    }

    /// Copies `bytes[start..<end]`, the run before an escape that needs no escaping.
    @inline(__always)
    private func writeRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if start < end { write(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    }

    // MARK: JSON

    private func writeJSON(_ bytes: UnsafeBufferPointer<UInt8>, showing: Bool) {
        let hex: StaticString = "0123456789abcdef"
        var runStart = 0
        var index = 0
        while true {
            index = JSONScan.firstSpecial(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if showing, case let length = Self.invisibleLength(bytes, index), length > 0 {
                // As JSON spells a character: its UTF-16 units (a pair beyond the basic plane).
                writeRun(bytes, runStart, index)
                for unit in String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self
                )
                .utf16 {
                    write("\\u" as StaticString)
                    for shift in [12, 8, 4, 0] { write(byte: hex.utf8Start[Int(unit >> shift & 0xF)]) }
                }
                index += length
                runStart = index
                continue
            }
            if byte >= 0x80 {
                // UTF-8 other than U+2028/9 goes as it is; those two are valid JSON but break
                // JavaScript consumers.
                if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                {
                    let escape: StaticString = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    writeRun(bytes, runStart, index)
                    write(escape)
                    index += 3
                    runStart = index
                } else {
                    index += 1
                }
                continue
            }
            if byte == UInt8(ascii: "[") && !Self.afterTwoHashes(bytes, index) {
                index += 1
                continue
            }
            writeRun(bytes, runStart, index)
            switch byte {
            case UInt8(ascii: "["): write("\\u005b" as StaticString)
            case 0x22: write("\\\"" as StaticString)
            case 0x5C: write("\\\\" as StaticString)
            case 0x0A: write("\\n" as StaticString)
            case 0x0D: write("\\r" as StaticString)
            case 0x09: write("\\t" as StaticString)
            default:
                // The other controls and DEL, as \u00xx.
                write("\\u00" as StaticString)
                write(byte: hex.utf8Start[Int(byte >> 4)])
                write(byte: hex.utf8Start[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    /// Writes `bytes`, replacing each sequence `escape` names (its replacement, or nil to show
    /// the character as `\u{…}`, and how many bytes it covers) and copying the runs between
    /// whole: the one loop of the XML, workflow, Markdown and terminal modes. Characters that
    /// drive a terminal or hide text (`invisibleLength`) are shown in every one of them.
    @inline(__always)
    private func writeEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, _ escape: (_ at: Int) -> (StaticString?, length: Int)?
    ) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            var found = escape(index)
            if found == nil, bytes[index] >= 0x80 || bytes[index] < 0x20 || bytes[index] == 0x7F {
                let length = Self.invisibleLength(bytes, index)
                if length > 0 { found = (nil, length) }
            }
            guard let (replacement, length) = found else {
                index += 1
                continue
            }
            writeRun(bytes, runStart, index)
            if let replacement { write(replacement) } else { writeVisible(bytes, index, length) }
            index += length
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    /// The length of the character at `index` if it is one that can drive a terminal or hide
    /// or reorder text when shown, else 0: C0 and C1 controls, DEL, the soft hyphen, bidi
    /// marks, embeddings, overrides and isolates, zero-width and other invisible characters
    /// (U+034F, U+115F, U+1160, U+180E, U+200B-U+200F, U+2060-U+206F, U+3164, U+FEFF,
    /// U+FFA0, U+FFF9-U+FFFB), line and paragraph separators, and tag characters.
    static func invisibleLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x20 || lead == 0x7F { return 1 }
        let left = bytes.count - index
        func at(_ offset: Int) -> UInt8 { bytes[index + offset] }
        switch lead {
        case 0xC2 where left >= 2: return at(1) <= 0x9F || at(1) == 0xAD ? 2 : 0
        case 0xCD where left >= 2: return at(1) == 0x8F ? 2 : 0
        case 0xD8 where left >= 2: return at(1) == 0x9C ? 2 : 0
        case 0xE1 where left >= 3:
            return (at(1) == 0xA0 && at(2) == 0x8E) || (at(1) == 0x85 && (at(2) == 0x9F || at(2) == 0xA0)) ? 3 : 0
        case 0xE2 where left >= 3:
            if at(1) == 0x80 { return (0x8B...0x8F).contains(at(2)) || (0xA8...0xAE).contains(at(2)) ? 3 : 0 }
            return at(1) == 0x81 && at(2) >= 0xA0 ? 3 : 0
        case 0xE3 where left >= 3: return at(1) == 0x85 && at(2) == 0xA4 ? 3 : 0
        case 0xEF where left >= 3:
            return (at(1) == 0xBB && at(2) == 0xBF) || (at(1) == 0xBE && at(2) == 0xA0)
                || (at(1) == 0xBF && (0xB9...0xBB).contains(at(2))) ? 3 : 0
        case 0xF3 where left >= 4: return at(1) == 0xA0 && (at(2) == 0x80 || at(2) == 0x81) ? 4 : 0
        default: return 0
        }
    }

    /// The character of `length` bytes at `index` as `\u{1B}`: seen, never obeyed.
    private func writeVisible(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) {
        let masks: [UInt32] = [0x7F, 0x1F, 0x0F, 0x07]
        var scalar = UInt32(bytes[index]) & masks[length - 1]
        for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
        write("\\u{" as StaticString)
        write(trusted: String(scalar, radix: 16, uppercase: true))
        write(byte: UInt8(ascii: "}"))
    }

    // MARK: XML

    /// Characters XML 1.0 cannot carry at all (controls, U+FFFE, U+FFFF) are replaced, since
    /// no escape exists for them.
    private func writeXML(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeEscaped(bytes) { index in
            if let entity = Self.markupEntity(bytes, index) { return (entity, 1) }
            return switch bytes[index] {
            case UInt8(ascii: "'"): ("&apos;", 1)
            case 0x0A: ("&#10;", 1)
            case 0x0D: ("&#13;", 1)
            case 0x09: ("&#9;", 1)
            case 0x00..<0x20: ("\u{FFFD}", 1)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                ("\u{FFFD}", 3)
            default: nil
            }
        }
    }

    // MARK: HTML

    /// HTML text or a quoted attribute value: the five markup characters as entities, so no
    /// input opens a tag, ends an attribute or starts an entity; controls and invisibles shown
    /// as `\u{…}` as in a terminal (no line break, no reordered or hidden text), and `##[` as
    /// `##&#91;` (a page may be printed in a CI log too).
    private func writeHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeEscaped(bytes) { index in
            if let entity = Self.markupEntity(bytes, index) { return (entity, 1) }
            return bytes[index] == UInt8(ascii: "'") ? ("&#39;", 1) : nil
        }
    }

    /// The entities XML and HTML both write: no input opens a tag, ends a quoted attribute or
    /// starts an entity, and `##[` (read as a command by CI runners) is broken up. The
    /// apostrophe, line breaks and controls differ between the two and stay with each.
    @inline(__always)
    private static func markupEntity(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> StaticString? {
        switch bytes[index] {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "[") where afterTwoHashes(bytes, index): "&#91;"
        default: nil
        }
    }

    // MARK: GitHub workflow commands

    private func writeWorkflow(_ bytes: UnsafeBufferPointer<UInt8>, property: Bool) {
        writeEscaped(bytes) { index in
            switch bytes[index] {
            case UInt8(ascii: "%"): ("%25", 1)
            case 0x0D: ("%0D", 1)
            case 0x0A: ("%0A", 1)
            case UInt8(ascii: ":") where property: ("%3A", 1)
            case UInt8(ascii: ",") where property: ("%2C", 1)
            default: nil
            }
        }
    }

    // MARK: Markdown

    /// Input text as an inline code span: GitHub renders nothing in one as a link, a mention,
    /// an issue reference, HTML or emphasis. The fence is longer than any run of backticks in
    /// the text; pipes are escaped (tables), line breaks become spaces.
    private func writeMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first, let last = bytes.last else { return }
        var longest = 0
        var run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        // A space inside each fence keeps a backtick or space at either end from being taken as
        // part of the fence or trimmed.
        let edges: [UInt8] = [UInt8(ascii: "`"), 0x20, 0x0A, 0x0D]
        let pad = edges.contains(first) || edges.contains(last)
        write(byte: UInt8(ascii: "`"), repeating: longest + 1)
        if pad { write(byte: UInt8(ascii: " ")) }
        writeEscaped(bytes) { index in
            switch bytes[index] {
            case UInt8(ascii: "|"): ("\\|", 1)
            case UInt8(ascii: "[") where Self.afterTwoHashes(bytes, index): (nil, 1)
            case 0x0A: (" ", 1)
            // CR LF is one line break, one space.
            case 0x0D: (" ", index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1)
            default: nil
            }
        }
        if pad { write(byte: UInt8(ascii: " ")) }
        write(byte: UInt8(ascii: "`"), repeating: longest + 1)
    }

    // MARK: Terminal

    /// Text for a terminal or a CI log: control and invisible characters are shown as
    /// `\u{…}` (no escape sequence, line break or reordering reaches the screen), and nothing
    /// can make a line a CI runner's command: a `::` that would start a line (after spaces,
    /// which GitHub's runner trims) and the older `##[` anywhere in a line are broken with a
    /// visible `\u{3A}` or `\u{5B}`.
    private func writeTerminal(_ bytes: UnsafeBufferPointer<UInt8>) {
        var command = -1
        if lineIsBlank {
            var start = 0
            while start < bytes.count, case let space = Self.horizontalSpaceLength(bytes, start), space > 0 {
                start += space
            }
            if start + 1 < bytes.count, bytes[start] == UInt8(ascii: ":"), bytes[start + 1] == UInt8(ascii: ":") {
                command = start
            }
        }
        writeEscaped(bytes) { index in
            switch bytes[index] {
            case UInt8(ascii: ":") where index == command: (nil, 1)
            case UInt8(ascii: "[") where Self.afterTwoHashes(bytes, index): (nil, 1)
            default: nil
            }
        }
    }

    /// Whether the `[` at `index` ends `##[`, which GitHub's runner reads as a command anywhere
    /// in a line of a log (its older syntax): every mode breaks it, since any output may be
    /// printed in a CI log.
    @inline(__always)
    static func afterTwoHashes(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index >= 2 && bytes[index - 1] == UInt8(ascii: "#") && bytes[index - 2] == UInt8(ascii: "#")
    }

    /// The length of a space other than a line break at `index` (ASCII or Unicode: the runner
    /// trims them all), else 0.
    static func horizontalSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = bytes[index]
        if lead == 0x20 || lead == 0x09 { return 1 }
        guard lead >= 0xC2 else { return 0 }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self),
            let scalar = text.unicodeScalars.first, scalar.properties.isWhitespace
        else { return 0 }
        return end - index
    }
}

/// The UTF-8 bytes of `text`, without a copy when the string is native.
@inline(__always)
func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
}

/// The fast scan of JSON escaping.
enum JSONScan {
    /// Whether a byte needs a look: a control, quote, backslash, DEL or non-ASCII byte, or a
    /// `[` (which may end `##[`).
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F || byte == 0x5B
    }

    /// The index of the first byte at or after `start` that needs a look, or `bytes.count`:
    /// eight bytes at a time while none does (most strings are one such run).
    @inline(__always)
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return bytes.count }
        var index = start
        while bytes.count - index >= 8 {
            let word = ByteWords.load(base, index)
            let special =
                ByteWords.equal(word, 0x22) | ByteWords.equal(word, 0x5C) | ByteWords.equal(word, 0x7F)
                | ByteWords.equal(word, 0x5B)
                | ByteWords.control(word) | ByteWords.nonASCII(word)
            if special != 0 { break }
            index += 8
        }
        while index < bytes.count && !isSpecial(bytes[index]) { index += 1 }
        return index
    }
}

/// A line or two of a report: the literal parts are scopelint's own words and are written as
/// they are; every interpolated `String` came from somewhere else (an input, a policy, a file
/// name) and is escaped for the medium it is written to. So a renderer cannot forget to escape:
/// `stream.write("Store \(hash)\n")` escapes the hash and keeps the line break.
package struct StreamText: ExpressibleByStringInterpolation {
    enum Piece {
        case own(String)
        case data(String)
    }

    var pieces: [Piece]

    package init(stringLiteral value: String) { pieces = [.own(value)] }

    package init(stringInterpolation: Interpolation) { pieces = stringInterpolation.pieces }

    package struct Interpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        package init(literalCapacity: Int, interpolationCount: Int) {
            pieces.reserveCapacity(interpolationCount * 2 + 1)
        }

        package mutating func appendLiteral(_ literal: String) { pieces.append(.own(literal)) }

        package mutating func appendInterpolation(_ text: String) { pieces.append(.data(text)) }

        package mutating func appendInterpolation(_ number: Int) { pieces.append(.own(String(number))) }

        package mutating func appendInterpolation(_ text: StreamText) { pieces += text.pieces }

        /// Text scopelint made (counts, a command it prints): written as it is.
        package mutating func appendInterpolation(own text: String) { pieces.append(.own(text)) }
    }

    /// The text for `mode`, as a `String` (console output that is not a stream).
    package func escaped(_ mode: ByteStream.Escape = .terminal) -> String {
        let stream = ByteStream()
        stream.write(self, mode)
        return stream.text
    }
}

extension ByteStream {
    /// Writes `text`, its interpolated data escaped with `mode`.
    package func write(_ text: StreamText, _ mode: Escape = .terminal) {
        for piece in text.pieces {
            switch piece {
            case .own(let own): write(trusted: own)
            case .data(let data): write(data, mode)
            }
        }
    }
}
