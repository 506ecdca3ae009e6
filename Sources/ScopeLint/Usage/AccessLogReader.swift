/// Reads one line of a web server or proxy access log in the common or combined log format
/// (Apache `%h %l %u %t "%r" %>s %b`, optionally `"%{Referer}i" "%{User-agent}i"`; nginx's
/// `combined` is the same). Only the request field `"%r"` is decoded; the client, user,
/// referer and user agent are stepped over as bytes and never become text.
enum AccessLogReader {
    /// Where a line's fields are, or where it stops being an access-log line.
    enum Shape {
        /// The request field's bytes, between its quotes, escapes not yet undone.
        case line(requestStart: Int, requestEnd: Int)
        case notALogLine(offset: Int, expected: String)
    }

    static let expectedLine =
        "expected an access-log line (common or combined log format: HOST IDENT USER [DATE] \"REQUEST\" STATUS BYTES)"

    /// Finds the fields by their punctuation: some fields before ` [`, the date up to `]`,
    /// a space, the quoted request (`\"` and `\\` escaped inside), a space and a 3-digit status.
    /// A virtual host before the client (Apache's `vhost_combined`) is a field more, allowed.
    static func shape(_ line: UnsafeBufferPointer<UInt8>) -> Shape {
        let count = line.count
        var index = 0
        var fields = 0
        // The fields before the date: words separated by single spaces.
        while index < count, line[index] != UInt8(ascii: "[") {
            guard line[index] != 0x20, line[index] != 0x09 else {
                return .notALogLine(offset: index, expected: expectedLine)
            }
            while index < count, line[index] != 0x20 { index += 1 }
            fields += 1
            guard index < count else { break }
            index += 1
        }
        guard fields >= 3, index < count else { return .notALogLine(offset: 0, expected: expectedLine) }
        let dateStart = index
        guard index + 1 < count, line[index + 1].isASCIIDigit else {
            return .notALogLine(
                offset: dateStart, expected: "expected the date in brackets ([10/Oct/2000:13:55:36 -0700])")
        }
        while index < count, line[index] != UInt8(ascii: "]") { index += 1 }
        guard index < count else {
            return .notALogLine(offset: dateStart, expected: "expected the date to end with ]")
        }
        index += 1
        guard index + 1 < count, line[index] == 0x20, line[index + 1] == UInt8(ascii: "\"") else {
            return .notALogLine(
                offset: index, expected: "expected the quoted request (\"GET /path HTTP/1.1\") after the date")
        }
        let quote = index + 1
        index = quote + 1
        while index < count, line[index] != UInt8(ascii: "\"") {
            index += line[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index < count else {
            return .notALogLine(offset: quote, expected: "expected the request to end with a quote")
        }
        let requestEnd = index
        guard index + 4 < count, line[index + 1] == 0x20,
            line[index + 2].isASCIIDigit, line[index + 3].isASCIIDigit, line[index + 4].isASCIIDigit,
            index + 5 == count || line[index + 5] == 0x20
        else {
            return .notALogLine(offset: min(index + 2, count), expected: "expected the status code after the request")
        }
        return .line(requestStart: quote + 1, requestEnd: requestEnd)
    }

    /// Whether detection takes the line for an access log's: one, or one that has its first
    /// fields and a `[` but goes wrong after (so its error says what a log line needs, not
    /// what a call is).
    static func looksLikeLogLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape(line) {
        case .line: true
        case .notALogLine(let offset, _): offset > 0 && !CallListReader.looksLikeCall(line)
        }
    }

    /// The record of one log line; an error when the line is not an access-log line.
    static func record(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String) throws(ScopeLintError)
        -> UsageRecord
    {
        switch shape(line) {
        case .notALogLine(let offset, let expected):
            throw .invalid(
                file: file,
                position: TextPosition(line: number, column: UsageLines.column(of: offset, in: line)),
                message: expected)
        case .line(let start, let end):
            let location = SourceLocation(
                file: file, position: TextPosition(line: number, column: UsageLines.column(of: start, in: line)))
            let field = UnsafeBufferPointer(rebasing: line[start..<end])
            if field.contains(UInt8(ascii: "\\")) {
                let request = unescaped(field)
                return request.withUnsafeBufferPointer { requestRecord($0, at: location) }
            }
            return requestRecord(field, at: location)
        }
    }

    /// `METHOD TARGET HTTP/x.y` (or `METHOD TARGET`, HTTP/0.9): a call; anything else is a
    /// request the log holds but scopelint cannot read, described by kind, never quoted.
    static func requestRecord(_ request: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> UsageRecord {
        if request.count == 1, request[0] == UInt8(ascii: "-") {
            return .unreadable(location, what: "a request field of - (the server logged no request line)")
        }
        // Found by hand rather than split(separator:): no array for each of a billion lines.
        let methodEnd = request.firstIndex(of: 0x20) ?? request.endIndex
        let method = request[..<methodEnd]
        guard UsageURL.isMethod(method) else {
            return .unreadable(location, what: "a request field that is not an HTTP request line (binary bytes?)")
        }
        let targetStart = min(methodEnd + 1, request.endIndex)
        let targetEnd = request[targetStart...].firstIndex(of: 0x20) ?? request.endIndex
        let version = request[min(targetEnd + 1, request.endIndex)...]
        guard targetEnd > targetStart,
            targetEnd == request.endIndex || (version.starts(with: "HTTP/".utf8) && !version.contains(0x20))
        else {
            return .unreadable(location, what: "a request line without a method, a target and a protocol")
        }
        let target = UnsafeBufferPointer(rebasing: request[targetStart..<targetEnd])
        let methodText = UsageURL.method(method)
        if methodText == "CONNECT" {
            // A tunnel the proxy could not see into: the host is known, what was called is not.
            guard let host = connectHost(target) else {
                return .unreadable(location, what: "a CONNECT request whose target is not host:port")
            }
            return .call(APICall(method: methodText, host: host, path: "/", location: location))
        }
        guard let (host, path) = UsageURL.split(target) else {
            return .unreadable(location, what: "a request target that is neither a path nor an http(s) URL in UTF-8")
        }
        return .call(APICall(method: methodText, host: host, path: path, location: location))
    }

    /// `api.bigcommerce.com:443` → `api.bigcommerce.com`.
    private static func connectHost(_ target: UnsafeBufferPointer<UInt8>) -> String? {
        let colon = target.lastIndex(of: UInt8(ascii: ":")) ?? target.endIndex
        let host = target[..<colon]
        guard !host.isEmpty, !host.contains(UInt8(ascii: "/")), let text = UsageURL.text(host)
        else { return nil }
        return UsageURL.lowercasedASCII(text)
    }

    /// The request field with Apache's and nginx's escapes undone: `\"`, `\\`, `\xHH`, and
    /// `\n`, `\r`, `\t`. A `\x16\x03...` blob (TLS spoken to a plain port) becomes the bytes it
    /// was, which are not a method, so it reads as not an HTTP request line.
    static func unescaped(_ field: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var index = 0
        while index < field.count {
            let byte = field[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < field.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let next = field[index + 1]
            switch next {
            case UInt8(ascii: "x") where index + 3 < field.count:
                if let high = field[index + 2].hexDigitValue, let low = field[index + 3].hexDigitValue {
                    bytes.append(high << 4 | low)
                    index += 4
                    continue
                }
                bytes.append(byte)
                index += 1
                continue
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            default: bytes.append(next)
            }
            index += 2
        }
        return bytes
    }

}
