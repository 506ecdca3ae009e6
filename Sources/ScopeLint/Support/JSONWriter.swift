/// Writes JSON text with keys in the order given and two-space indentation. Reports are
/// compared byte for byte, so nothing here depends on hashing or locale.
///
/// The writer fills its own byte buffer (a value, so appends need no runtime exclusivity
/// checks) and hands it to the stream in blocks; `finish()` hands over the rest.
struct JSONWriter {
    let stream: ByteStream
    private var buffer: [UInt8] = []
    private var indent = 0
    private var needsComma = [false]

    static let blockSize = 64 << 10

    /// A writer into `stream`, or into memory, which `output` then reads back.
    init(to stream: ByteStream = ByteStream()) {
        self.stream = stream
        buffer.reserveCapacity(Self.blockSize + 1024)
    }

    /// Everything written, for a writer kept in memory.
    var output: String {
        mutating get {
            finish()
            return stream.text
        }
    }

    /// Hands what is buffered to the stream; call once the document is written.
    mutating func finish() {
        buffer.withUnsafeBufferPointer { stream.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

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
        Self.appendQuoted(value, to: &buffer)
    }

    mutating func field(_ key: String, _ value: Int) {
        item(key)
        buffer.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: String, _ value: Bool) {
        item(key)
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func element(_ value: String) {
        item(nil)
        Self.appendQuoted(value, to: &buffer)
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        item(key)
        buffer.append(bracket)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        buffer.append(bracket)
        if buffer.count >= Self.blockSize { finish() }
    }

    private mutating func item(_ key: String?) {
        if needsComma[needsComma.count - 1] { buffer.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if indent > 0 { newline() }
        if let key {
            Self.appendQuoted(key, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline() {
        buffer.append(0x0A)
        for _ in 0..<indent * 2 { buffer.append(0x20) }
    }

    /// Appends `text` as a JSON string. Runs that need no escaping are copied whole; most
    /// strings are one run.
    static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            buffer.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Printable ASCII other than `"` and `\`, and UTF-8 other than U+2028/9, go as they are.
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
                    index += 1
                    continue
                }
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
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but break JavaScript consumers.
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    runStart = index
                    continue
                default:
                    break
                }
                if let escape {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(contentsOf: escape.utf8)
                    runStart = index + 1
                }
                index += 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var buffer: [UInt8] = []
        appendQuoted(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
