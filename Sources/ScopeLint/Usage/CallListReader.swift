/// Reads one line of a call list: `METHOD URL`, the URL a path or an absolute http(s) URL.
/// Blank lines and `#` comments are passed over; anything else is an error at its line, since
/// a call list has nothing else in it.
enum CallListReader {
    static func call(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String) throws(ScopeLintError) -> APICall? {
        if UsageLines.isBlankOrComment(line) { return nil }
        guard let text = String(validating: line, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidByte(line, in: line.indices)
            throw .invalid(
                file: file, position: TextPosition(line: number, column: UsageLines.column(of: offset, in: line)),
                message: "expected UTF-8 text; the input has bytes that are not UTF-8")
        }
        if let nul = line.firstIndex(of: 0) {
            throw .invalid(
                file: file, position: TextPosition(line: number, column: UsageLines.column(of: nul, in: line)),
                message: "expected text; the input holds a NUL byte (a binary file?)")
        }
        return try call(TextLines.Line(number: number, text: Substring(text)), file: file)
    }

    /// Whether the line is `METHOD /path` or `METHOD http(s)://...`: what detection and a
    /// forced `--from` ask before reading.
    static func looksLikeCall(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let text = String(validating: line, as: UTF8.self) else { return false }
        return (try? call(TextLines.Line(number: 1, text: Substring(text)), file: "")) != nil
    }

    static func call(_ line: TextLines.Line, file: String) throws(ScopeLintError) -> APICall? {
        let text = line.text
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }), text[first] != "#" else { return nil }
        let methodEnd = text[first...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? text.endIndex
        let method = text[first..<methodEnd]
        let at = SourceLocation(file: file, position: TextPosition(line: line.number, column: line.column(of: first)))
        guard method.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid(
                file: file, position: at.position,
                message: "expected a call: a method and a URL or path (GET /v3/catalog/products)")
        }
        guard let urlStart = text[methodEnd...].firstIndex(where: { $0 != " " && $0 != "\t" }) else {
            throw .invalid(file: file, position: at.position, message: "expected a URL or path after the method")
        }
        let urlEnd = text[urlStart...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? text.endIndex
        guard let (host, path) = UsageURL.split(String(text[urlStart..<urlEnd])) else {
            throw .invalid(
                file: file,
                position: TextPosition(line: line.number, column: line.column(of: urlStart)),
                message: "expected a path starting with / or an http(s) URL")
        }
        return APICall(method: method.uppercased(), host: host, path: path, location: at)
    }
}
