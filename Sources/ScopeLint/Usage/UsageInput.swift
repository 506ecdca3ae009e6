/// Reads API usage: each request of an input, in input order, handed to `each` as it is read.
///
/// Text (call lists and access logs) streams from the descriptor in chunks, line by line, with
/// no size limit: memory is one chunk and one line. JSON (HAR files and Postman collections) is
/// read whole under `Limits.inputSize` and parsed. See docs/usage-inputs.md.
package enum UsageInput {
    /// Reads `path` (`-` is standard input) as `format` (detected when nil), and returns the
    /// format it read.
    ///
    /// - `standardInputDescriptor`: the descriptor `-` streams from (the executable passes
    ///   `STDIN_FILENO`); when nil, standard input comes whole from `standardInput`.
    /// - `chunkSize`: how much each read(2) takes; tests make it tiny to cut lines across chunks.
    package static func read(
        _ path: String, from format: UsageFormat? = nil, limits: Limits = .standard,
        standardInput: InputFile.StandardInput = InputFile.readStandardInput,
        standardInputDescriptor: Int32? = nil, chunkSize: Int = 1 << 20,
        each: (UsageRecord) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) -> UsageFormat {
        let file = InputFile.displayName(for: path)
        var reading = Reading(file: file, forced: format, limits: limits)
        try InputFile.stream(
            path, chunkSize: chunkSize, limit: limits.inputSize, standardInput: standardInput,
            standardInputDescriptor: standardInputDescriptor
        ) { (chunk) throws(ScopeLintError) in
            try reading.feed(chunk, each: each)
        }
        return try reading.finish(each: each)
    }

    /// The state of one input: undecided until its first byte that is not white space, then
    /// JSON (collected whole) or lines (decided call list or access log by the first line
    /// with text on it).
    struct Reading {
        let file: String
        let forced: UsageFormat?
        let limits: Limits
        private var state = State.start([])

        enum State {
            /// White space (and a byte order mark) seen so far.
            case start([UInt8])
            case json([UInt8])
            case lines(UsageLines, UsageFormat?)
        }

        init(file: String, forced: UsageFormat?, limits: Limits) {
            self.file = file
            self.forced = forced
            self.limits = limits
        }

        mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, each: (UsageRecord) throws(ScopeLintError) -> Void)
            throws(ScopeLintError)
        {
            switch state {
            case .start(var seen):
                seen.append(contentsOf: chunk)
                guard let first = Self.firstText(seen) else {
                    // Only white space yet: keep it (a little), it may be JSON's.
                    if seen.count > limits.stringLength {
                        state = .lines(UsageLines(file: file, maxLength: limits.stringLength), nil)
                        try seen.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in
                            try feed(buffer, each: each)
                        }
                    } else {
                        state = .start(seen)
                    }
                    return
                }
                if seen[first] == UInt8(ascii: "{") || seen[first] == UInt8(ascii: "[") {
                    if seen.count > limits.inputSize { throw tooLarge }
                    state = .json(seen)
                } else {
                    state = .lines(UsageLines(file: file, maxLength: limits.stringLength), nil)
                    try seen.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in try feed(buffer, each: each) }
                }
            case .json(var bytes):
                state = .json([])
                if bytes.count + chunk.count > limits.inputSize {
                    throw tooLarge
                }
                bytes.append(contentsOf: chunk)
                state = .json(bytes)
            case .lines(var lines, var kind):
                state = .start([])
                try lines.feed(chunk) { (line, number) throws(ScopeLintError) in
                    try self.line(line, number: number, kind: &kind, each: each)
                }
                state = .lines(lines, kind)
            }
        }

        mutating func finish(each: (UsageRecord) throws(ScopeLintError) -> Void) throws(ScopeLintError) -> UsageFormat {
            switch state {
            case .start: return forced ?? .calls
            case .json(let bytes): return try json(bytes, each: each)
            case .lines(var lines, var kind):
                try lines.finish { (line, number) throws(ScopeLintError) in
                    try self.line(line, number: number, kind: &kind, each: each)
                }
                return kind ?? forced ?? .calls
            }
        }

        /// JSON is read whole, so its size is bounded (text streams and is not).
        var tooLarge: ScopeLintError {
            .invalid(
                file: file, position: .start,
                message:
                    "the JSON input is larger than \(Limits.describe(limits.inputSize)), the most scopelint reads whole; a HAR file or collection that large is not one session's calls"
            )
        }

        /// The index of the first byte that is not white space or the byte order mark.
        static func firstText(_ bytes: [UInt8]) -> Int? {
            var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return index
                }
            }
            return nil
        }

        // MARK: Lines

        func line(
            _ line: UnsafeBufferPointer<UInt8>, number: Int, kind: inout UsageFormat?,
            each: (UsageRecord) throws(ScopeLintError) -> Void
        ) throws(ScopeLintError) {
            if kind == nil {
                if UsageLines.isBlankOrComment(line) { return }
                kind = try decide(line, number: number)
            }
            if kind == .accessLog {
                if UsageLines.isBlankOrComment(line) { return }
                try each(AccessLogReader.record(line, number: number, file: file))
            } else if let call = try CallListReader.call(line, number: number, file: file) {
                try each(.call(call))
            }
        }

        /// The first line with text decides: an access-log line, or else a list of calls. A
        /// forced format that does not fit is refused here, saying which `--from` reads it.
        func decide(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(ScopeLintError) -> UsageFormat {
            let isLog = AccessLogReader.looksLikeLogLine(line)
            let looks: UsageFormat = isLog ? .accessLog : .calls
            guard let forced, forced != looks else { return looks }
            // An access log forced onto call-list lines gets the access-log reader's own error,
            // which says what a log line is, unless the line is plainly a call.
            if forced == .accessLog, !CallListReader.looksLikeCall(line) { return .accessLog }
            let start = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) ?? 0
            throw mismatch(
                forced, found: looks, at: TextPosition(line: number, column: UsageLines.column(of: start, in: line)))
        }

        /// A forced `--from` that does not fit: what the input is instead, and the `--from` that
        /// reads it (JSON of no known shape: drop `--from`).
        func mismatch(_ forced: UsageFormat, found: UsageFormat?, json: Bool = false, at position: TextPosition)
            -> ScopeLintError
        {
            let expected = "expected \(forced.summary) (--from \(forced.rawValue)); this input is "
            guard let found else {
                return .invalid(
                    file: file, position: position, message: expected + "JSON: drop --from to have its shape detected")
            }
            return .invalid(
                file: file, position: position,
                message: expected
                    + "\(found.summary)\(json ? " (JSON)" : ""): use --from \(found.rawValue), or drop --from")
        }

        // MARK: JSON

        func json(_ bytes: [UInt8], each: (UsageRecord) throws(ScopeLintError) -> Void) throws(ScopeLintError)
            -> UsageFormat
        {
            if let forced, forced == .calls || forced == .accessLog {
                // Text forced onto JSON would read its braces as calls: name what it is instead.
                let root = try? JSONReader.parse(bytes, file: file, limits: limits)
                throw mismatch(
                    forced, found: root.flatMap(Self.detect), json: true,
                    at: root?.position ?? TextPosition(line: 1, column: 1 + (Self.firstText(bytes) ?? 0)))
            }
            let root = try JSONReader.parse(bytes, file: file, limits: limits)
            let detected = Self.detect(root)
            let format: UsageFormat
            switch (forced, detected) {
            case (nil, nil):
                throw .invalid(
                    file: file, position: root.position,
                    message:
                        "expected a HAR file (an object with log.entries) or a Postman collection (an object with info and item)"
                )
            case (nil, let found?): format = found
            case (let wanted?, let found?) where wanted != found:
                throw mismatch(wanted, found: found, at: root.position)
            case (let wanted?, _): format = wanted
            }
            if format == .har {
                try HARReader.read(root, file: file, each: each)
            } else {
                try PostmanReader.read(root, file: file, limits: limits, each: each)
            }
            return format
        }

        /// A HAR file has `log`; a Postman collection has `info` and `item`.
        static func detect(_ root: JSONNode) -> UsageFormat? {
            guard let members = root.members else { return nil }
            let keys = Set(members.map(\.key))
            if keys.contains("log") { return .har }
            if keys.contains("info"), keys.contains("item") { return .postman }
            return nil
        }
    }
}

extension UsageFormat {
    /// What a message calls an input of this format.
    package var summary: String {
        switch self {
        case .calls: "a list of calls"
        case .accessLog: "an access log"
        case .har: "a HAR file"
        case .postman: "a Postman collection"
        }
    }
}
