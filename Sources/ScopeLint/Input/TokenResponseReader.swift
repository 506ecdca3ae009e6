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
        // One `/` (a Character, as a split would find it) between "stores" and a hash; looked
        // for without splitting, as every callback line has a context.
        guard let context, let slash = context.firstIndex(of: "/"), context[..<slash] == "stores",
            case let hash = context[context.index(after: slash)...], !hash.isEmpty, !hash.contains(where: { $0 == "/" })
        else {
            throw .invalid(file: file, position: position, message: "expected the context as 'stores/{store_hash}'")
        }
        return String(hash)
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
        // The pairs' byte offsets, found in the query's buffer (stepping a Substring's views a
        // byte at a time cost tens of instructions a byte); columns are counted as we go, so a
        // long query costs its length, not its length squared.
        var pairs: [(start: Int, equals: Int, end: Int, column: Int, valueColumn: Int)] = []
        var bytes = query
        bytes.withUTF8 { bytes in
            var column = line.column(of: query.startIndex)
            var start = 0
            while start < bytes.count {
                var end = start
                var equals: Int?
                var valueColumn = column
                var scalars = 0
                // The fragment is read too: an implicit grant returns `#access_token=` there.
                while end < bytes.count, bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: "#") {
                    if equals == nil, bytes[end] == UInt8(ascii: "=") {
                        equals = end
                        valueColumn = column + scalars + 1
                    }
                    // A scalar is a byte that does not continue one.
                    if bytes[end] & 0xC0 != 0x80 { scalars += 1 }
                    end += 1
                }
                pairs.append((start, equals ?? end, end, column, equals == nil ? column + scalars : valueColumn))
                column += scalars + 1
                start = end + 1
            }
        }
        let utf8 = query.utf8
        func index(_ offset: Int) -> Substring.Index { utf8.index(query.startIndex, offsetBy: offset) }
        for pair in pairs {
            let key = query[index(pair.start)..<index(pair.equals)]
            let value = query[index(min(pair.equals + 1, pair.end))..<index(pair.end)]
            let position = TextPosition(line: line.number, column: pair.column)
            let valuePosition = TextPosition(line: line.number, column: pair.valueColumn)
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
        // Byte by byte in the value's buffer, columns counted as we go (a scalar is a byte that
        // does not continue one): a long query costs its length, not its length squared.
        var found: [(start: Int, end: Int, column: Int)] = []
        var bytes = value
        bytes.withUTF8 { bytes in
            var index = 0
            var start = 0
            var column = position.column
            var startColumn = column
            while index < bytes.count {
                let byte = bytes[index]
                var separator = 0
                if byte == UInt8(ascii: "+") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") {
                    separator = 1
                } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "2"),
                    bytes[index + 2] == UInt8(ascii: "0") || bytes[index + 2] | 0x20 == UInt8(ascii: "c")
                {
                    separator = 3
                }
                if separator > 0 {
                    if start < index { found.append((start, index, startColumn)) }
                    index += separator
                    column += separator
                    start = index
                    startColumn = column
                    continue
                }
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            if start < bytes.count { found.append((start, bytes.count, startColumn)) }
        }
        let utf8 = value.utf8
        return found.map { parameter in
            ScopeEntry(
                key: String(
                    value[
                        utf8.index(
                            value.startIndex, offsetBy: parameter.start)..<utf8.index(
                                value.startIndex, offsetBy: parameter.end)]),
                level: nil, position: TextPosition(line: position.line, column: parameter.column))
        }
    }

    static func percentDecoded(_ text: Substring) -> String? {
        var decoded: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            decoded.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                    let value = hexByte(bytes[index + 1], bytes[index + 2])
                {
                    decoded.append(value)
                    index += 3
                } else {
                    decoded.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                    index += 1
                }
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// The byte two characters after `%` stand for, as `UInt8(_:radix: 16)` reads them: two hex
    /// digits, or a sign and one digit (`+a` is 10, `-0` is 0).
    static func hexByte(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let low = low.hexDigitValue else { return nil }
        if let high = high.hexDigitValue { return high << 4 | low }
        if high == UInt8(ascii: "+") { return low }
        return high == UInt8(ascii: "-") && low == 0 ? 0 : nil
    }
}
