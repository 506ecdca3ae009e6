/// Writes JSON text with keys in the order given and two-space indentation. Reports are
/// compared byte for byte, so nothing here depends on hashing or locale.
///
/// The writer appends straight to its stream, which buffers and writes in blocks.
struct JSONWriter: ~Copyable {
    let stream: ByteStream
    private var indent = 0
    /// Whether the open object or array at each depth already has an item.
    private var hasItems: [Bool] = [false]

    /// A writer into `stream`, or into memory, which `output` then reads back.
    init(to stream: ByteStream = ByteStream()) {
        self.stream = stream
    }

    /// Everything written, for a writer kept in memory.
    var output: String { stream.text }

    // Keys are the program's own constants, written as they are; a key that comes from an input
    // goes through `field(inputKey:_:)`, escaped like any value.
    mutating func beginObject(_ key: StaticString? = nil) { open(key, UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray(_ key: StaticString? = nil) { open(key, UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// `"tool": {"name": "scopelint", "version": ...}`, the first member of every JSON output.
    mutating func toolHeader(version: String) {
        beginObject("tool")
        field("name", "scopelint")
        field("version", version)
        endObject()
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        item(key)
        quoted(value)
    }

    /// A member whose key is data (a scope as an input spelled it), escaped like a value.
    mutating func field(inputKey key: String, _ value: String) {
        item(nil)
        quoted(key)
        stream.write(": " as StaticString)
        quoted(value)
    }

    /// A policy's source: `"source"` stays the string it always was (the page's title), so
    /// programs that read it keep working; the address and the day it was read come beside it.
    mutating func source(_ source: Policy.Source?) {
        guard let source else { return }
        field("source", source.title)
        field("source_url", source.url)
        field("source_read", source.read)
    }

    mutating func field(_ key: StaticString, _ value: Int) {
        item(key)
        stream.write(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        item(key)
        stream.write(value ? "true" : "false" as StaticString)
    }

    /// `"key": ["a", "b"]`, an array of strings.
    mutating func field(_ key: StaticString, elements: some Sequence<String>) {
        beginArray(key)
        for value in elements { element(value) }
        endArray()
    }

    mutating func element(_ value: String) {
        item(nil)
        quoted(value)
    }

    private mutating func open(_ key: StaticString?, _ bracket: UInt8) {
        item(key)
        stream.write(byte: bracket)
        indent += 1
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = hasItems.removeLast()
        indent -= 1
        if hadItems { newline() }
        stream.write(byte: bracket)
    }

    private mutating func item(_ key: StaticString?) {
        let depth = hasItems.count - 1
        if hasItems[depth] { stream.write(byte: UInt8(ascii: ",")) } else { hasItems[depth] = true }
        if indent > 0 { newline() }
        if let key {
            assert(key.withUTF8Buffer { !$0.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } })
            stream.write(byte: UInt8(ascii: "\""))
            stream.write(key)
            stream.write("\": " as StaticString)
        }
    }

    private mutating func newline() {
        stream.write(byte: 0x0A)
        stream.write(byte: 0x20, repeating: indent * 2)
    }

    /// `text` as a JSON string literal.
    @inline(__always)
    private func quoted(_ text: String) {
        stream.write(byte: UInt8(ascii: "\""))
        stream.write(text, .json)
        stream.write(byte: UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal (tests, small values).
    static func quoted(_ text: String) -> String {
        "\"" + ByteStream.escaped(text, .json) + "\""
    }
}
