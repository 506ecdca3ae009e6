/// The host and path of a request target, the one way every usage reader takes a URL apart.
/// Works on bytes: only the host and the path become strings, and the query and fragment (where
/// tokens travel) are never copied anywhere.
enum UsageURL {
    /// The host (lower case, no user or port) and the path (no query or fragment) of an
    /// absolute http(s) or ws(s) URL or of a bare path starting with `/`; nil when `target` is
    /// neither, is not UTF-8, or holds a space or a control character, C0 or C1 (no request
    /// target on the wire does; they would be percent-encoded). A URL with no path has the path `/`.
    static func split(_ target: UnsafeBufferPointer<UInt8>) -> (host: String?, path: String)? {
        guard !target.contains(where: { $0 <= 0x20 || $0 == 0x7F }), !hasC1Control(target) else { return nil }
        var rest = target[...]
        var host: String?
        if let schemeLength = schemeLength(target) {
            rest = rest.dropFirst(schemeLength)
            let authorityEnd = rest.firstIndex(where: endsAuthority) ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
            if let colon = authority.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
            guard !authority.isEmpty, let text = Self.text(authority) else { return nil }
            host = lowercasedASCII(text)
            rest = rest[authorityEnd...]
        }
        let pathEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
        let path = rest[..<pathEnd]
        if host != nil, path.isEmpty { return (host, "/") }
        guard path.first == UInt8(ascii: "/"), let text = Self.text(path) else { return nil }
        return (host, text)
    }

    static func split(_ target: String) -> (host: String?, path: String)? {
        var target = target
        return target.withUTF8 { split($0) }
    }

    /// Whether the bytes hold U+0080...U+009F (C2 80...C2 9F in UTF-8), the C1 controls.
    private static func hasC1Control(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 1 else { return false }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0xC2 && bytes[index + 1] & 0xE0 == 0x80 {
            return true
        }
        return false
    }

    /// The bytes as text when they are UTF-8. ASCII (every host and almost every path) is taken
    /// without the generic validator, whose metadata lookup on each call was a tenth of the time
    /// of reading a log; anything else is validated.
    static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The length of `http://`, `https://`, `ws://` or `wss://` (any case) at the start.
    private static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // ASCII letters compared with their lower-case bit set, as bytes (no `Character`).
        func letter(_ index: Int, _ lower: UInt8) -> Bool { index < bytes.count && bytes[index] | 0x20 == lower }
        var index: Int
        if letter(0, 0x68), letter(1, 0x74), letter(2, 0x74), letter(3, 0x70) {  // http
            index = 4
        } else if letter(0, 0x77), letter(1, 0x73) {  // ws
            index = 2
        } else {
            return nil
        }
        if letter(index, 0x73) { index += 1 }  // s
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
            bytes[index + 2] == UInt8(ascii: "/")
        else { return nil }
        return index + 3
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    /// Host names are ASCII on the wire (IDNs travel as punycode); other bytes are kept as they are.
    static func lowercasedASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether `bytes` is an HTTP method: letters (upper case on the wire; lower case is taken
    /// as written, then upper-cased), with `-` and `_` as WebDAV's methods have them.
    static func isMethod(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 32
            && bytes.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x2D || $0 == 0x5F }
    }

    static func method(_ bytes: some Collection<UInt8>) -> String {
        guard bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 & ~0x20 : $0 }, as: UTF8.self)
    }
}
