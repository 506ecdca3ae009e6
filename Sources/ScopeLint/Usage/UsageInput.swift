/// Reads API usage: each request of an input, in input order, handed to `each` as it is read.
package enum UsageInput {
    /// Reads `path` (`-` is standard input) as `format`, and returns the format it read.
    ///
    /// Only the call list is read yet; detection and the other formats come with their readers.
    package static func read(
        _ path: String, from format: UsageFormat? = nil, limits: Limits = .standard,
        standardInput: InputFile.StandardInput = InputFile.readStandardInput,
        each: (UsageRecord) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) -> UsageFormat {
        let file = InputFile.displayName(for: path)
        if let format, format != .calls {
            throw .usage(message: "--from \(format.rawValue) is not read yet", command: "scopelint policies generate")
        }
        let bytes = try InputFile.read(path, limit: limits.inputSize, standardInput: standardInput)
        for line in try TextLines(bytes, file: file).lines {
            guard let call = try callListLine(line, file: file) else { continue }
            try each(.call(call))
        }
        return .calls
    }

    /// `METHOD URL` (a path, or an absolute http or https URL); blank lines and `#` comments
    /// are passed over. Anything else is an error at its line: a call list has nothing else.
    static func callListLine(_ line: TextLines.Line, file: String) throws(ScopeLintError) -> APICall? {
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
        guard let (host, path) = split(url: text[urlStart..<urlEnd]) else {
            throw .invalid(
                file: file,
                position: TextPosition(line: line.number, column: line.column(of: urlStart)),
                message: "expected a path starting with / or an http(s) URL")
        }
        return APICall(method: method.uppercased(), host: host, path: path, location: at)
    }

    /// The host (lower case, no port or user) and the path (no query or fragment) of a URL or
    /// bare path; nil when it is neither.
    static func split(url: Substring) -> (host: String?, path: String)? {
        var rest = url
        var host: String?
        let lowered = url.prefix(8).lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
            rest = rest.dropFirst(lowered.hasPrefix("https://") ? 8 : 7)
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if let colon = authority.lastIndex(of: ":") { authority = authority[..<colon] }
            guard !authority.isEmpty else { return nil }
            host = authority.lowercased()
            rest = rest[authorityEnd...]
        }
        let pathEnd = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let path = rest[..<pathEnd]
        if host != nil, path.isEmpty { return (host, "/") }
        guard path.first == "/" else { return nil }
        return (host, String(path))
    }
}
