/// An app's OAuth token response (`{"access_token", "scope", "context": "stores/abc123", ...}`)
/// or its auth-callback parameters (`code=...&scope=store_v2_orders+store_v2_products&context=stores%2Fabc123`,
/// alone or as a whole callback URL). `scope` holds the parameters; `context` the store hash.
/// The access token and the authorization code are secrets: reported, never kept.
enum TokenResponseReader: InputReader {
    static let identifier = "token-response"
    /// Keys whose values are credentials, in any letter case: reported, never kept.
    /// A credential key, or the callback's authorization code (a secret only in this shape).
    static func secretKind(_ key: some StringProtocol) -> SecretSighting.Kind? {
        // ASCII letters lowered as bytes: no other scalar lower-cases to c, o, d or e.
        key.utf8.elementsEqual("code".utf8) { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
            ? .authorizationCode : SecretSighting.Kind(credentialKey: String(key))
    }

    static let summary = "an app's OAuth token response (JSON) or auth-callback parameters (query string)"

    static func sniff(_ text: String) -> Bool {
        // Searched as bytes: every input is sniffed whole.
        let text = Substring(text)
        return text.foundationStart(of: Array("scope=".utf8)) != nil
            && text.foundationStart(of: Array("\n\n".utf8)) == nil
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        if let first = text.lines.lazy.map(\.text.trimmed).first(where: { !$0.isEmpty }),
            first.hasPrefix("{") || first.hasPrefix("[") || first.hasPrefix("//") || first.hasPrefix("/*")
        {
            return try read(
                try JSONReader.parse(bytes, file: file, limits: options.limits), file: file, options: options)
        }
        return try readQueries(text, file: file, options: options)
    }

    static func read(_ root: JSONNode, file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        guard let members = root.members else {
            throw .invalid(
                file: file, position: root.position,
                message:
                    "expected an OAuth token response, an object with \"scope\", found \(root.value.kindDescription)")
        }
        // As in an export: with a key given twice, which one counts would be a guess.
        try ExportReader.checkDuplicates(
            members.map { ExportReader.Key(position: $0.keyPosition, text: $0.key) }, in: "the token response",
            file: file)
        var entries: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        var hash: String?
        for member in members {
            if let kind = secretKind(member.key) {
                secrets.append(SecretSighting(kind: kind, key: member.key, position: member.keyPosition))
                continue
            }
            switch member.key {
            case "scope":
                guard let value = member.value.stringValue else {
                    throw .invalid(
                        file: file, position: member.value.position,
                        message:
                            "expected \"scope\" as a string of OAuth parameters, found \(member.value.value.kindDescription)"
                    )
                }
                entries = ExportReader.splitParameters(value, at: member.value.position)
            case "context":
                hash = try options.storeHash(
                    try storeHash(fromContext: member.value.stringValue, at: member.value.position, file: file),
                    at: member.value.position, file: file)
            default:
                // A token response has other fields (user, owner, account_uuid); none is about scopes.
                break
            }
        }
        guard let entries else {
            let isExport = members.contains { ["stores", "accounts", "store_hash"].contains($0.key) }
            throw .invalid(
                file: file, position: root.position,
                message: "expected an OAuth token response with \"scope\""
                    + (isExport ? "; this is a scopelint export: use --from export, or drop --from" : ""))
        }
        var account = Account(
            name: options.accountName ?? "App token", type: .app, position: root.position, scopes: entries,
            secrets: secrets)
        account.clientID = nil
        return Export(file: file, stores: [options.store(account, hash: hash)])
    }

    /// `context` is `stores/{store_hash}`; anything else would leave the store unnamed unnoticed.
    static func storeHash(fromContext context: String?, at position: TextPosition, file: String)
        throws(ScopeLintError) -> String
    {
        let parts = context?.split(separator: "/", omittingEmptySubsequences: false) ?? []
        guard parts.count == 2, parts[0] == "stores", !parts[1].isEmpty else {
            throw .invalid(file: file, position: position, message: "expected the context as 'stores/{store_hash}'")
        }
        return String(parts[1])
    }

    /// Callback parameters, one query (or URL) per line. Each query is one app account; queries
    /// whose `context` names the same store share it. Several queries are named by their line.
    private static func readQueries(_ text: TextLines, file: String, options: ReadOptions) throws(ScopeLintError)
        -> Export
    {
        var stores: [Store] = []
        var storeIndex: [String?: Int] = [:]
        var queries = 0
        for line in text.lines where !line.text.trimmed.isEmpty {
            let (entries, secrets, hash) = try readQuery(line, file: file, options: options)
            queries += 1
            let account = Account(
                name: options.accountName ?? "App token (line \(line.number))", type: .app,
                position: TextPosition(line: line.number, column: 1), scopes: entries, secrets: secrets)
            let store = options.store(account, hash: hash)
            if let index = storeIndex[store.hash] {
                stores[index].accounts.append(account)
            } else {
                storeIndex[store.hash] = stores.count
                stores.append(store)
            }
        }
        guard queries > 0 else {
            throw .invalid(
                file: file, position: .start,
                message: "expected an OAuth token response (JSON with \"scope\") or callback parameters with scope=")
        }
        // One query needs no line number to be told apart.
        if queries == 1, options.accountName == nil { stores[0].accounts[0].name = "App token" }
        return Export(file: file, stores: stores)
    }

    /// One query: its scope parameters, the secrets it carries and the store its `context` names.
    private static func readQuery(_ line: TextLines.Line, file: String, options: ReadOptions) throws(ScopeLintError)
        -> ([ScopeEntry], [SecretSighting], String?)
    {
        var query = line.text.trimmed
        // Split as bytes, as a URL is: `?`, `&`, `#` and `=` are ASCII, so a byte match never
        // cuts a scalar; and a combining mark after `&` cannot join the next pair to this one
        // (which would hide its key, an authorization code say, inside a scope value).
        if let mark = query.utf8.firstIndex(of: UInt8(ascii: "?")) { query = query[query.utf8.index(after: mark)...] }
        var entries: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        var storeHash: String?
        var keys: [ExportReader.Key] = []
        // Columns are counted as we go: a long query must not cost quadratic time.
        var column = line.column(of: query.startIndex)
        let utf8 = query.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            // The fragment is read too: an implicit grant returns `#access_token=` there.
            let end = utf8[start...].firstIndex { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
            let pair = query[start..<end]
            let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let key = pair[..<equals]
            let valueStart = equals < pair.endIndex ? pair.utf8.index(after: equals) : equals
            let value = pair[valueStart...]
            let position = TextPosition(line: line.number, column: column)
            // A scalar is a byte that does not continue one.
            let valuePosition = TextPosition(
                line: line.number, column: column + pair.utf8[..<valueStart].count { $0 & 0xC0 != 0x80 })
            keys.append(ExportReader.Key(position: position, text: String(key)))
            if let kind = secretKind(key) {
                secrets.append(SecretSighting(kind: kind, key: String(key), position: position))
            }
            if key.utf8.elementsEqual("scope".utf8) {
                entries = parameters(in: value, at: valuePosition)
            } else if key.utf8.elementsEqual("context".utf8) {
                storeHash = try options.storeHash(
                    try Self.storeHash(fromContext: percentDecoded(value), at: valuePosition, file: file),
                    at: valuePosition, file: file)
            }
            column += pair.utf8.count { $0 & 0xC0 != 0x80 } + 1
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        // A second scope= (or context=) would otherwise replace the first unnoticed.
        try ExportReader.checkDuplicates(keys, in: "the callback parameters", file: file)
        guard let entries else {
            throw .invalid(
                file: file,
                position: TextPosition(line: line.number, column: line.column(of: line.text.trimmed.startIndex)),
                message:
                    "expected callback parameters with scope= on every line (one query or callback URL per line)")
        }
        return (entries, secrets, storeHash)
    }

    /// The parameters of a URL-encoded scope value that starts at `position`, split on `+`,
    /// `%20`, `,` and `%2C`, each located at its raw column.
    static func parameters(in value: Substring, at position: TextPosition) -> [ScopeEntry] {
        var entries: [ScopeEntry] = []
        // Byte by byte, columns counted as we go (a scalar is a byte that does not continue
        // one): a long query costs its length, not its length squared.
        let utf8 = value.utf8
        var index = utf8.startIndex
        var start = index
        var column = position.column
        var startColumn = column
        func flush(_ end: Substring.Index) {
            if start < end {
                entries.append(
                    ScopeEntry(
                        key: String(value[start..<end]), level: nil,
                        position: TextPosition(line: position.line, column: startColumn)))
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            var separator = 0
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") {
                separator = 1
            } else if byte == UInt8(ascii: "%"), case let rest = utf8[index...].dropFirst().prefix(2),
                rest.elementsEqual("20".utf8) || rest.elementsEqual("2C".utf8) || rest.elementsEqual("2c".utf8)
            {
                separator = 3
            }
            if separator > 0 {
                flush(index)
                index = utf8.index(index, offsetBy: separator)
                column += separator
                start = index
                startColumn = column
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
        }
        flush(utf8.endIndex)
        return entries
    }

    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
                high < utf8.endIndex,
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 3)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
