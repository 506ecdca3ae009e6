extension InputFormat {
    /// The shapes read line by line. Forced onto JSON they would read its braces and quotes
    /// as scope names and report those, so the JSON is named instead, with the `--from` that
    /// reads it. (The export and token-response readers check their own keys.)
    static let lineReaders = [
        TextListReader.identifier, ScopeStringReader.identifier, CSVReader.identifier,
        CredentialsFileReader.identifier,
    ]

    /// Throws when a forced line-based `reader` is given JSON: an object or an array that parses.
    static func checkForced(_ reader: any InputReader.Type, _ bytes: [UInt8], file: String, options: ReadOptions)
        throws(ScopeLintError)
    {
        guard lineReaders.contains(reader.identifier) else { return }
        let found: (TextPosition, String)? = bytes.withUnsafeBufferPointer { buffer in
            var json = JSONReader(bytes: buffer, file: file, limits: options.limits)
            guard (try? json.skipTrivia()) != nil, json.peek(UInt8(ascii: "{")) || json.peek(UInt8(ascii: "["))
            else { return nil }
            let position = json.position(at: json.index)
            // An export may be large: its first key names it without parsing the rest.
            if isExport(buffer) { return (position, "a scopelint export (JSON): use --from export, or drop --from") }
            guard let root = try? JSONReader.parse(bytes, file: file, limits: options.limits) else { return nil }
            if let members = root.members {
                if members.contains(where: { ["stores", "accounts", "store_hash"].contains($0.key) }) {
                    return (position, "a scopelint export (JSON): use --from export, or drop --from")
                }
                if members.contains(where: { ["scope", "access_token", "context"].contains($0.key) }) {
                    return (position, "an OAuth token response (JSON): use --from token-response, or drop --from")
                }
                return (position, "a JSON object: drop --from to have its shape detected")
            }
            if root.elements != nil {
                return (position, "a JSON array: drop --from to read it as OAuth scope parameters")
            }
            return nil
        }
        if let (position, kind) = found {
            throw .invalid(
                file: file, position: position,
                message: "expected \(reader.summary) (--from \(reader.identifier)); this input is \(kind)")
        }
    }
}
