/// An app's OAuth token response (`{"access_token", "scope", "context": "stores/abc123", ...}`)
/// or its auth-callback parameters (`code=...&scope=store_v2_orders+store_v2_products&context=stores%2Fabc123`,
/// alone or as a whole callback URL). `scope` holds the parameters; `context` the store hash.
/// The access token and the authorization code are secrets: reported, never kept.
enum TokenResponseReader: InputReader {
    static let identifier = "token-response"
    static let summary = "an app's OAuth token response (JSON) or auth-callback parameters (query string)"

    static func sniff(_ text: String) -> Bool {
        text.contains("scope=") && !text.contains("\n\n")
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        if let first = text.lines.first(where: { !$0.text.trimmed.isEmpty }), first.text.trimmed.hasPrefix("{") {
            return try read(
                try JSONReader.parse(bytes, file: file, limits: options.limits), file: file, options: options)
        }
        return try readQuery(text, file: file, options: options)
    }

    static func read(_ root: JSONNode, file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        guard let members = root.members else {
            throw .invalid(
                file: file, position: root.position, message: "expected a token response object with \"scope\"")
        }
        var entries: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        var hash: String?
        for member in members {
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
            case "access_token":
                secrets.append(SecretSighting(kind: .accessToken, key: member.key, position: member.keyPosition))
            case "context":
                hash = member.value.stringValue.flatMap(storeHash(fromContext:))
            default:
                // A token response has other fields (user, owner, account_uuid); none is about scopes.
                break
            }
        }
        guard let entries else {
            throw .invalid(
                file: file, position: root.position,
                message:
                    "expected a scopelint export (\"stores\" or \"accounts\") or an OAuth token response (\"scope\")")
        }
        var account = Account(
            name: options.accountName ?? "App token", type: .app, position: root.position, scopes: entries,
            secrets: secrets)
        account.clientID = nil
        return Export(file: file, stores: [options.store(account, hash: hash)])
    }

    /// `context` is `stores/{store_hash}`.
    static func storeHash(fromContext context: String) -> String? {
        let parts = context.split(separator: "/")
        guard parts.count == 2, parts[0] == "stores", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    private static func readQuery(_ text: TextLines, file: String, options: ReadOptions) throws(ScopeLintError)
        -> Export
    {
        guard let line = text.lines.first(where: { $0.text.contains("scope=") }) else {
            throw .invalid(file: file, position: .start, message: "expected callback parameters with scope=")
        }
        var query = line.text.trimmed
        if let mark = query.firstIndex(of: "?") { query = query[query.index(after: mark)...] }
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        var entries: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        var storeHash: String?
        var start = query.startIndex
        while start < query.endIndex {
            let end = query[start...].firstIndex(of: "&") ?? query.endIndex
            let pair = query[start..<end]
            let equals = pair.firstIndex(of: "=") ?? pair.endIndex
            let key = pair[..<equals]
            let valueStart = equals < pair.endIndex ? pair.index(after: equals) : equals
            let value = pair[valueStart...]
            let position = TextPosition(line: line.number, column: line.column(of: pair.startIndex))
            switch key {
            case "scope":
                entries = parameters(in: value, line: line)
            case "code":
                secrets.append(SecretSighting(kind: .authorizationCode, key: "code", position: position))
            case "access_token":
                secrets.append(SecretSighting(kind: .accessToken, key: "access_token", position: position))
            case "context":
                storeHash = percentDecoded(value).flatMap(Self.storeHash(fromContext:))
            default:
                break
            }
            start = end < query.endIndex ? query.index(after: end) : end
        }
        guard let entries else {
            throw .invalid(
                file: file, position: TextPosition(line: line.number, column: 1), message: "expected a scope= parameter"
            )
        }
        let account = Account(
            name: options.accountName ?? "App token", type: .app, position: TextPosition(line: line.number, column: 1),
            scopes: entries, secrets: secrets)
        return Export(file: file, stores: [options.store(account, hash: storeHash)])
    }

    /// The parameters of a URL-encoded scope value, split on `+`, `%20`, `,` and `%2C`,
    /// each located at its raw column.
    static func parameters(in value: Substring, line: TextLines.Line) -> [ScopeEntry] {
        var entries: [ScopeEntry] = []
        var index = value.startIndex
        var current = ""
        // Columns are counted as we go: a long query must not cost quadratic time.
        var column = line.column(of: index)
        var currentColumn = column
        func flush() {
            if !current.isEmpty {
                entries.append(
                    ScopeEntry(
                        key: current, level: nil, position: TextPosition(line: line.number, column: currentColumn)))
            }
            current = ""
        }
        while index < value.endIndex {
            let rest = value[index...]
            if rest.hasPrefix("%20") || rest.hasPrefix("%2C") || rest.hasPrefix("%2c") {
                flush()
                index = value.index(index, offsetBy: 3)
                column += 3
                continue
            }
            let character = value[index]
            if character == "+" || character == "," || character == " " {
                flush()
            } else {
                if current.isEmpty { currentColumn = column }
                current.append(character)
            }
            column += character.unicodeScalars.count
            index = value.index(after: index)
        }
        flush()
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
