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
        /// A Markdown table cell or inline text: pipes, backticks, angle brackets and line
        /// breaks would break the table or render as markup.
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
            case .xmlText:
                // Line breaks were put back by replacing `&#10;` in the escaped text, which does
                // not match before a combining mark: such text keeps that behaviour exactly.
                if Self.nonASCIINextTo(bytes, where: { $0 == 0x0A }) {
                    write(Self.escaped(text, .xmlAttribute).replacingOccurrences(of: "&#10;", with: "\n"))
                } else {
                    writeXML(bytes, keepLineBreaks: true)
                }
            case .workflowMessage, .workflowProperty:
                let property = mode == .workflowProperty
                // The escapes were String replacements, which skip a match that a combining
                // mark joins: such text keeps that behaviour exactly.
                if Self.nonASCIINextTo(bytes, where: { Self.isWorkflowSpecial($0, property: property) }) {
                    write(Self.workflowByCharacter(text, property: property))
                } else {
                    writeWorkflow(bytes, property: property)
                }
            case .markdown: writeMarkdown(bytes, text)
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

    // MARK: XML

    /// Characters XML 1.0 cannot carry at all (controls, U+FFFE, U+FFFF) are replaced, since
    /// no escape exists for them.
    private func writeXML(_ bytes: UnsafeBufferPointer<UInt8>, keepLineBreaks: Bool) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escape: StaticString
            var length = 1
            switch byte {
            case UInt8(ascii: "&"): escape = "&amp;"
            case UInt8(ascii: "<"): escape = "&lt;"
            case UInt8(ascii: ">"): escape = "&gt;"
            case UInt8(ascii: "\""): escape = "&quot;"
            case UInt8(ascii: "'"): escape = "&apos;"
            case 0x0A:
                if keepLineBreaks {
                    index += 1
                    continue
                }
                escape = "&#10;"
            case 0x0D: escape = "&#13;"
            case 0x09: escape = "&#9;"
            case 0x00..<0x20: escape = "\u{FFFD}"
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                escape = "\u{FFFD}"
                length = 3
            default:
                index += 1
                continue
            }
            writeRun(bytes, runStart, index)
            write(escape)
            index += length
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    // MARK: GitHub workflow commands

    @inline(__always)
    private static func isWorkflowSpecial(_ byte: UInt8, property: Bool) -> Bool {
        byte == UInt8(ascii: "%") || byte == 0x0D || byte == 0x0A
            || (property && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")))
    }

    private static func workflowByCharacter(_ text: String, property: Bool) -> String {
        let message = text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        guard property else { return message }
        return message.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// Whether a byte `special` picks has a non-ASCII neighbour: only then can escaping by
    /// characters differ from escaping by bytes.
    @inline(__always)
    static func nonASCIINextTo(_ bytes: UnsafeBufferPointer<UInt8>, where special: (UInt8) -> Bool) -> Bool {
        for index in 0..<bytes.count where special(bytes[index]) {
            if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) {
                return true
            }
        }
        return false
    }

    private func writeWorkflow(_ bytes: UnsafeBufferPointer<UInt8>, property: Bool) {
        var runStart = 0
        for index in 0..<bytes.count {
            let escape: StaticString
            switch bytes[index] {
            case UInt8(ascii: "%"): escape = "%25"
            case 0x0D: escape = "%0D"
            case 0x0A: escape = "%0A"
            case UInt8(ascii: ":") where property: escape = "%3A"
            case UInt8(ascii: ",") where property: escape = "%2C"
            default: continue
            }
            writeRun(bytes, runStart, index)
            write(escape)
            runStart = index + 1
        }
        writeRun(bytes, runStart, bytes.count)
    }

    // MARK: Markdown

    private func writeMarkdown(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) {
        // Markdown escaping compares whole characters, so a special character that a
        // neighbour joins into one character (a combining mark after `|`), or U+1FEF, which
        // equals a backtick, is left to the character-by-character escaper.
        if Self.markdownNeedsCharacters(bytes) {
            write(Self.markdownByCharacter(text))
            return
        }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escape: StaticString
            var length = 1
            switch byte {
            case UInt8(ascii: "|"): escape = "\\|"
            case UInt8(ascii: "`"): escape = "\\`"
            case UInt8(ascii: "<"): escape = "&lt;"
            case UInt8(ascii: ">"): escape = "&gt;"
            case UInt8(ascii: "*"): escape = "\\*"
            case UInt8(ascii: "_"): escape = "\\_"
            case UInt8(ascii: "["): escape = "\\["
            case UInt8(ascii: "]"): escape = "\\]"
            case 0x0A: escape = " "
            case 0x0D:
                escape = " "
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { length = 2 }
            default:
                index += 1
                continue
            }
            writeRun(bytes, runStart, index)
            write(escape)
            index += length
            runStart = index
        }
        writeRun(bytes, runStart, bytes.count)
    }

    /// Whether a Markdown special character has a non-ASCII neighbour, or the text holds
    /// U+1FEF (E1 BF AF): only then can characters differ from bytes.
    private static func markdownNeedsCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nonASCIINextTo(bytes) { byte in
            switch byte {
            case UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "*"),
                UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), 0x0A, 0x0D:
                return true
            default:
                return false
            }
        }
            || bytes.indices.contains {
                bytes[$0] == 0xE1 && $0 + 2 < bytes.count && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xAF
            }
    }

    private static func markdownByCharacter(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "`": out += "\\`"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "[", "]": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
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
            let word = (base + index).loadUnaligned(as: UInt64.self)
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let quote = word ^ 0x2222_2222_2222_2222
            let slash = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
            let control = ~((word & low) &+ 0x6060_6060_6060_6060)
            // A high bit marks a byte of x that is zero, exactly (no carries between bytes).
            let zeros =
                ~(((quote & low) &+ low) | quote) | ~(((slash & low) &+ low) | slash)
                | ~(((delete & low) &+ low) | delete)
            if (zeros | control | word) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < bytes.count && !isSpecial(bytes[index]) { index += 1 }
        return index
    }
}
