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
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
