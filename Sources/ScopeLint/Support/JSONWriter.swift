/// Writes JSON text with keys in the order given and two-space indentation. Reports are
/// compared byte for byte, so nothing here depends on hashing or locale.
struct JSONWriter {
    private(set) var output = ""
    private var indent = 0
    private var needsComma = [false]

    enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
    }

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    /// `"tool": {"name": "scopelint", "version": ...}`, the first member of every JSON output.
    mutating func toolHeader(version: String) {
        beginObject("tool")
        field("name", "scopelint")
        field("version", version)
        endObject()
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        item(key)
        Self.appendQuoted(value, to: &output)
    }

    mutating func field(_ key: String, _ value: Int) {
        item(key)
        output += String(value)
    }

    mutating func field(_ key: String, _ value: Bool) {
        item(key)
        output += value ? "true" : "false"
    }

    mutating func element(_ value: String) {
        item(nil)
        Self.appendQuoted(value, to: &output)
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        item(key)
        output += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        output += bracket
    }

    private mutating func item(_ key: String?) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if indent > 0 { newline() }
        if let key {
            Self.appendQuoted(key, to: &output)
            output += ": "
        }
    }

    private mutating func newline() {
        while indents.count <= indent { indents.append(indents.last! + "  ") }
        output += indents[indent]
    }

    /// "\n" followed by each depth's indentation, built once per writer.
    private var indents = ["\n"]

    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        let utf8 = text.utf8
        // Copy runs that need no escaping whole; most strings are one run.
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            var escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 are valid JSON but break JavaScript consumers.
                let rest = utf8[next...].prefix(2)
                if rest.count == 2, rest.first == 0x80, rest.last == 0xA8 || rest.last == 0xA9 {
                    output += String(text[runStart..<index])
                    output += rest.last == 0xA8 ? "\\u2028" : "\\u2029"
                    index = utf8.index(next, offsetBy: 2)
                    runStart = index
                    continue
                }
            default:
                break
            }
            if let escape {
                output += String(text[runStart..<index])
                output += escape
                runStart = next
            }
            index = next
        }
        output += String(text[runStart..<utf8.endIndex])
        output += "\""
    }
}
