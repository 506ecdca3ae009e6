/// Every input shape scopelint reads, in detection order, and the one place that picks a
/// reader: `--from` forces it; otherwise the content decides. JSON is parsed once and sent
/// to the export or token-response reader by its keys.
public enum InputFormat {
    static var readers: [any InputReader.Type] {
        [
            ExportFormat.self, TokenResponseReader.self, ScopeStringReader.self, CSVReader.self, TextListReader.self,
            CredentialsFileReader.self,
        ]
    }

    package static var identifiers: [String] { readers.map { $0.identifier } }

    package static func summaries() -> [(String, String)] { readers.map { ($0.identifier, $0.summary) } }

    /// Reads one input, forcing `from` when given. Every store comes out scrubbed of secrets
    /// (`Store.scrubbingSecrets`), whichever reader read it, and with accounts holding only
    /// `account_*` parameters typed account-level (`Store.inferringAccountLevel`).
    public static func read(_ bytes: [UInt8], file: String, from: String? = nil, options: ReadOptions = ReadOptions())
        throws(ScopeLintError) -> Export
    {
        var export = try readShape(bytes, file: file, from: from, options: options)
        export.stores = export.stores.map { $0.scrubbingSecrets().inferringAccountLevel() }
        return export
    }

    private static func readShape(_ bytes: [UInt8], file: String, from: String?, options: ReadOptions)
        throws(ScopeLintError) -> Export
    {
        if from == ExportFormat.identifier || (from == nil && bytes.withUnsafeBufferPointer(isExport)) {
            return try ExportReader.read(bytes, file: file, options: options)
        }
        if let from {
            guard let reader = readers.first(where: { $0.identifier == from }) else {
                throw .invalid(
                    file: file, position: nil,
                    message: "unknown input format '\(from)'; expected one of \(identifiers.joined(separator: ", "))")
            }
            try checkForced(reader, bytes, file: file, options: options)
            return try options.checkNames(in: reader.read(bytes, file: file, options: options))
        }
        return try options.checkNames(in: detect(bytes, file: file, options: options))
    }

    /// Reads one input store by store: an export streams (see `ExportReader.stream`) and the
    /// bytes behind the reader are handed back; other shapes are small and read whole.
    package static func stream(
        _ input: InputBytes, file: String, from: String? = nil, options: ReadOptions = ReadOptions(),
        eachStore: (Store) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        if streams(input, from: from) {
            try ExportReader.stream(
                input.buffer, file: file, options: options, progress: input.release(before:)
            ) { (store) throws(ScopeLintError) in try eachStore(store.scrubbingSecrets().inferringAccountLevel()) }
            return
        }
        for store in try read(input.array, file: file, from: from, options: options).stores { try eachStore(store) }
    }

    /// Whether `stream` hands the input's stores over as it reads them (an export), rather than
    /// reading it whole first (every other shape).
    package static func streams(_ input: InputBytes, from: String?) -> Bool {
        from == ExportFormat.identifier || (from == nil && isExport(input.buffer))
    }

    /// Whether the input is a JSON object whose first key only an export has: the cheap
    /// test that lets a large export skip detection's whole-text checks.
    static func isExport(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var reader = JSONReader(bytes: bytes, file: "")
        guard (try? reader.skipTrivia()) != nil, reader.peek(UInt8(ascii: "{")), (try? reader.openObject()) != nil
        else { return false }
        var first = true
        guard (try? reader.nextMember(&first)) == true, let key = try? reader.readKey() else { return false }
        return ["format", "exported_at", "generator", "stores", "store_hash", "accounts"].contains(key)
    }

    static func detect(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        // The text the sniffers read is let go before the reader runs: a large input is not
        // held twice while it is read.
        if let reader = try sniff(bytes, file: file) { return try reader.read(bytes, file: file, options: options) }
        return try readJSON(bytes, file: file, options: options)
    }

    /// The reader for a text input; nil for JSON.
    private static func sniff(_ bytes: [UInt8], file: String) throws(ScopeLintError) -> (any InputReader.Type)? {
        let text = try TextLines.text(bytes, file: file)
        guard let first = TextLines.firstLineWithText(text)?.trimmed else {
            throw .invalid(
                file: file, position: .start,
                message:
                    "expected an export, a token response, scope parameters, a CSV or a list of scopes, found an empty input"
            )
        }
        if first.hasPrefix("{") || first.hasPrefix("[") || first.hasPrefix("//") || first.hasPrefix("/*") { return nil }
        // The sniffers split lines at LF: CR LF and a lone CR are made LF first, when there are any.
        // Looked for in the buffer: a byte at a time through the view costs tens of instructions each.
        var whole = text
        let lf = whole.withUTF8 { $0.contains(0x0D) } ? TextLines.withLineFeeds(text) : text
        for reader in [CredentialsFileReader.self, TokenResponseReader.self, CSVReader.self, ScopeStringReader.self]
            as [any InputReader.Type] where reader.sniff(lf)
        {
            return reader
        }
        return TextListReader.self
    }

    private static func readJSON(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError)
        -> Export
    {
        let root = try JSONReader.parse(bytes, file: file, limits: options.limits)
        if let members = root.members {
            if members.contains(where: { ["stores", "accounts", "store_hash"].contains($0.key) }) {
                return try ExportReader.read(bytes, file: file, options: options)
            }
            if members.contains(where: { ["scope", "access_token", "context"].contains($0.key) }) {
                return try TokenResponseReader.read(root, file: file, options: options)
            }
            throw .invalid(
                file: file, position: root.position,
                message:
                    "expected a scopelint export (\"stores\" or \"store_hash\" and \"accounts\") or an OAuth token response (\"scope\")"
            )
        }
        if let elements = root.elements {
            // A bare JSON array of parameters.
            var entries: [ScopeEntry] = []
            for element in elements {
                guard let text = element.stringValue else {
                    throw .invalid(
                        file: file, position: element.position,
                        message:
                            "expected an array of OAuth scope parameters, found \(element.value.kindDescription)")
                }
                entries += ExportReader.splitParameters(text, at: element.position)
            }
            let account = Account(
                name: options.accountName ?? "API account", position: root.position, scopes: entries)
            return Export(file: file, stores: [options.store(account)])
        }
        throw .invalid(
            file: file, position: root.position,
            message: "expected a scopelint export object, found \(root.value.kindDescription)")
    }

}

/// The canonical export, as a reader in the `--from` list.
enum ExportFormat: InputReader {
    static let identifier = "export"
    static let summary = "the scopelint export (JSON or JSON5), one store or many"
    static func sniff(_ text: String) -> Bool { text.hasPrefix("{") }
    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        try ExportReader.read(bytes, file: file, options: options)
    }
}
