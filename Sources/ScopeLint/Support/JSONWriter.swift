/// Writes JSON text with keys in the order given and two-space indentation. Reports are
/// compared byte for byte, so nothing here depends on hashing or locale.
///
/// The writer fills its own buffer and hands it to the stream in blocks; `finish()` hands
/// over the rest.
struct JSONWriter: ~Copyable {
    let stream: ByteStream
    private var buffer = OutputBuffer(capacity: blockSize + 4096)
    private var indent = 0
    /// Whether the open object or array at each depth already has an item (bit per depth).
    private var hasItems: [Bool] = [false]

    static let blockSize = 64 << 10

    /// A writer into `stream`, or into memory, which `output` then reads back.
    init(to stream: ByteStream = ByteStream()) {
        self.stream = stream
    }

    /// A writer for a piece of a document rendered apart (on another thread): it starts
    /// `depth` levels deep, inside an array that already has items when `continuing`.
    init(fragmentAtDepth depth: Int, continuing: Bool) {
        stream = ByteStream()
        indent = depth
        hasItems = Array(repeating: true, count: depth) + [continuing]
    }

    /// Everything a fragment writer wrote.
    var fragment: [UInt8] {
        mutating get {
            finish()
            return stream.bytes
        }
    }

    /// Adds a fragment rendered apart, as the next items of the open array.
    mutating func append(fragment: [UInt8]) {
        guard !fragment.isEmpty else { return }
        // Straight to the stream, after what is buffered: a fragment is large, copying it costs.
        finish()
        fragment.withUnsafeBufferPointer { stream.write($0) }
        hasItems[hasItems.count - 1] = true
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
        stream.write(buffer.bytes)
        buffer.removeAll()
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
        buffer.append(String(value))
    }

    mutating func field(_ key: String, _ value: Bool) {
        item(key)
        buffer.append(value ? "true" : "false")
    }

    mutating func element(_ value: String) {
        item(nil)
        Self.appendQuoted(value, to: &buffer)
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        item(key)
        buffer.append(bracket)
        indent += 1
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = hasItems.removeLast()
        indent -= 1
        if hadItems { newline() }
        buffer.append(bracket)
        if buffer.count >= Self.blockSize { finish() }
    }

    private mutating func item(_ key: String?) {
        let depth = hasItems.count - 1
        if hasItems[depth] { buffer.append(UInt8(ascii: ",")) } else { hasItems[depth] = true }
        if indent > 0 { newline() }
        if let key {
            Self.appendQuoted(key, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline() {
        buffer.append(0x0A)
        buffer.append(0x20, repeating: indent * 2)
    }

    /// Appends `text` as a JSON string. Runs that need no escaping are copied whole; most
    /// strings are one run.
    static func appendQuoted(_ text: String, to buffer: inout OutputBuffer) {
        var text = text
        text.withUTF8 { bytes in
            buffer.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            let base = UnsafeRawPointer(bytes.baseAddress)
            while index < bytes.count {
                // Eight bytes at a time while none needs a look: no control, quote,
                // backslash, DEL or non-ASCII byte.
                if bytes.count - index >= 8, let base {
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
                    if (zeros | control | word) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
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
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but break JavaScript consumers.
                    buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    runStart = index
                    continue
                default:
                    break
                }
                if let escape {
                    buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(escape)
                    runStart = index + 1
                }
                index += 1
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var buffer = OutputBuffer()
        appendQuoted(text, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
