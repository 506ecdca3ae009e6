#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one line of a call list: `METHOD URL`, the URL a path or an absolute http(s) URL.
/// Blank lines and `#` comments are passed over; anything else is an error at its line, since
/// a call list has nothing else in it. Works on the line's bytes: only the method, host and
/// path become strings.
enum CallListReader {
    static func call(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String) throws(ScopeLintError) -> APICall? {
        func position(_ offset: Int) -> TextPosition {
            TextPosition(line: number, column: UsageLines.column(of: offset, in: line))
        }
        guard let first = line.firstIndex(where: { !isBlank($0) }), line[first] != UInt8(ascii: "#") else { return nil }
        // The whole line is text, as the call list's lines always had to be.
        if line.contains(where: { $0 >= 0x80 }), String(validating: line, as: UTF8.self) == nil {
            throw .invalid(
                file: file, position: position(UTF8Validation.firstInvalidByte(line, in: line.indices)),
                message: "expected UTF-8 text; the input has bytes that are not UTF-8")
        }
        if let base = line.baseAddress, let nul = memchr(base, 0, line.count) {
            throw .invalid(
                file: file, position: position(base.distance(to: nul.assumingMemoryBound(to: UInt8.self))),
                message: "expected text; the input holds a NUL byte (a binary file?)")
        }
        let methodEnd = line[first...].firstIndex(where: isBlank) ?? line.endIndex
        let method = line[first..<methodEnd]
        guard method.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else {
            throw .invalid(
                file: file, position: position(first),
                message: "expected a call: a method and a URL or path (GET /v3/catalog/products)")
        }
        guard let urlStart = line[methodEnd...].firstIndex(where: { !isBlank($0) }) else {
            throw .invalid(file: file, position: position(first), message: "expected a URL or path after the method")
        }
        let urlEnd = line[urlStart...].firstIndex(where: isBlank) ?? line.endIndex
        guard let (host, path) = UsageURL.split(UnsafeBufferPointer(rebasing: line[urlStart..<urlEnd])) else {
            throw .invalid(
                file: file, position: position(urlStart), message: "expected a path starting with / or an http(s) URL")
        }
        let location = SourceLocation(file: file, position: position(first))
        return APICall(method: UsageURL.method(method), host: host, path: path, location: location)
    }

    /// Whether the line is `METHOD /path` or `METHOD http(s)://...`: what a forced `--from`
    /// asks before reading.
    static func looksLikeCall(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? call(line, number: 1, file: "")) != nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
