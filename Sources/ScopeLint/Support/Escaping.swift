import Foundation

/// Each output format's escaping, in one place: text is escaped as it is appended to the
/// stream, run by run, with no intermediate `String`.
extension ByteStream {
    enum Escape {
        /// The inside of a JSON string (the writer adds the quotes).
        case json
        /// An XML attribute value (JUnit).
        case xmlAttribute
        /// XML element text: as an attribute, but line breaks stay readable.
        case xmlText
        /// The message of a GitHub Actions workflow command: `%`, CR and LF.
        case workflowMessage
        /// A property of a workflow command (`file=`, `title=`): also `:` and `,`, which would
        /// otherwise end the property (SwiftLint and conftest both miss this).
        case workflowProperty
        /// A Markdown table cell or inline text: pipes, backticks, angle brackets, line breaks
        /// and the backslash that would undo an escape would break the table or render as markup.
        case markdown
        /// Terminal text, as it is: messages are redacted where they are made (the rules show
        /// control characters escaped), and styling is added by `TextStyle`.
        case terminal
    }

    func write(_ text: String, _ mode: Escape) {
        if mode == .terminal {
            write(text)
            return
        }
        withUTF8(text) { bytes in
            switch mode {
            case .json: writeJSON(bytes)
            case .xmlAttribute: writeXML(bytes, keepLineBreaks: false)
            // Escaped byte by byte: a combining mark after a line break, `%` or `|` does not
            // hide it, as it did from the String replacements these modes replace.
            case .xmlText: writeXML(bytes, keepLineBreaks: true)
            case .workflowMessage: writeWorkflow(bytes, property: false)
            case .workflowProperty: writeWorkflow(bytes, property: true)
            case .markdown: writeMarkdown(bytes)
            case .terminal: write(bytes)
            }
        }
    }

    /// `text` escaped with `mode`, as a `String` (tests, small values).
    static func escaped(_ text: String, _ mode: Escape) -> String {
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

    private func writeJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while true {
            index = JSONScan.firstSpecial(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
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
            writeRun(bytes, runStart, index)
            switch byte {
            case 0x22: write("\\\"" as StaticString)
            case 0x5C: write("\\\\" as StaticString)
            case 0x0A: write("\\n" as StaticString)
            case 0x0D: write("\\r" as StaticString)
            case 0x09: write("\\t" as StaticString)
            default:
                // The other controls and DEL, as \u00xx.
                let hex: StaticString = "0123456789abcdef"
                write("\\u00" as StaticString)
                write(byte: hex.utf8Start[Int(byte >> 4)])
                write(byte: hex.utf8Start[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    /// Writes `bytes`, replacing each sequence `escape` names (its replacement and how many
    /// bytes it covers) and copying the runs between whole: the one loop of the XML, workflow
    /// and Markdown modes.
    @inline(__always)
    private func writeEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, _ escape: (_ at: Int) -> (StaticString, length: Int)?
    ) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            guard let (replacement, length) = escape(index) else {
                index += 1
                continue
            }
            writeRun(bytes, runStart, index)
            write(replacement)
            index += length
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    // MARK: XML

    /// Characters XML 1.0 cannot carry at all (controls, U+FFFE, U+FFFF) are replaced, since
    /// no escape exists for them.
    private func writeXML(_ bytes: UnsafeBufferPointer<UInt8>, keepLineBreaks: Bool) {
        writeEscaped(bytes) { index in
            switch bytes[index] {
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "'"): ("&apos;", 1)
            case 0x0A: keepLineBreaks ? nil : ("&#10;", 1)
            case 0x0D: ("&#13;", 1)
            case 0x09: ("&#9;", 1)
            case 0x00..<0x20: ("\u{FFFD}", 1)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                ("\u{FFFD}", 3)
            default: nil
            }
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

    private func writeMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeEscaped(bytes) { index in
            switch bytes[index] {
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "|"): ("\\|", 1)
            case UInt8(ascii: "`"): ("\\`", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "*"): ("\\*", 1)
            case UInt8(ascii: "_"): ("\\_", 1)
            case UInt8(ascii: "["): ("\\[", 1)
            case UInt8(ascii: "]"): ("\\]", 1)
            case 0x0A: (" ", 1)
            // CR LF is one line break, one space.
            case 0x0D: (" ", index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1)
            default: nil
            }
        }
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
    /// Whether a byte needs a look: a control, quote, backslash, DEL or non-ASCII byte.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F
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
                | ByteWords.control(word) | ByteWords.nonASCII(word)
            if special != 0 { break }
            index += 8
        }
        while index < bytes.count && !isSpecial(bytes[index]) { index += 1 }
        return index
    }
}
