/// The .txt file the control panel downloads when a store-level API account is created:
/// `ACCESS TOKEN:`, `CLIENT NAME:`, `API PATH:`, `CLIENT ID:`, `CLIENT SECRET:` and sometimes
/// `NAME:` lines. It holds secrets and no scopes: the secrets are reported (never their
/// values) with what to give scopelint instead, and no scope rule runs on the account.
enum CredentialsFileReader: InputReader {
    static let identifier = "credentials"
    static let summary = "the credentials .txt the control panel downloads (secrets, no scopes)"
    static let keys = ["ACCESS TOKEN", "CLIENT NAME", "API PATH", "CLIENT ID", "CLIENT SECRET", "NAME"]
    static let hint =
        "This is the credentials file the control panel downloads for a new API account: it holds secrets and no scopes. Keep it out of repositories and tickets, and give scopelint the account's scopes instead, typed from the control panel (Settings > Store-level API accounts) as lines such as 'Orders: modify'."

    static func sniff(_ text: String) -> Bool {
        // Byte by byte and done at the second hit: detection runs over every input it is offered.
        let prefixes = keys.flatMap { [Array(($0 + ":").utf8), Array(($0 + " :").utf8)] }
        // A line whose first byte starts no prefix is passed over without comparing them.
        var initials = [Bool](repeating: false, count: 256)
        for prefix in prefixes { initials[Int(prefix[0])] = true }
        // Line by line over the text's buffer, with no array of its lines.
        var text = text
        return text.withUTF8 { bytes in
            var hits = 0
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let trimmed = bytes[start..<end].drop { $0 == 0x20 || $0 == 0x09 }
                if let first = trimmed.first, initials[Int(first)],
                    prefixes.contains(where: { trimmed.starts(with: $0) })
                {
                    hits += 1
                    if hits >= 2 { return true }
                }
                start = end + 1
            }
            return false
        }
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        // The input's own names, where they are written, for a contradicting --store or --account.
        var name: (String, TextPosition)?
        var hash: (String, TextPosition)?
        var clientID: String?
        var secrets: [SecretSighting] = []
        var firstPosition: TextPosition?
        for line in text.lines {
            let body = line.text.trimmed
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = body[..<colon].trimmed.uppercased()
            let value = body[body.index(after: colon)...].trimmed
            let position = TextPosition(line: line.number, column: line.column(of: body.startIndex))
            guard keys.contains(key) else { continue }
            if firstPosition == nil { firstPosition = position }
            switch key {
            case "ACCESS TOKEN":
                secrets.append(SecretSighting(kind: .accessToken, key: String(key), position: position, hint: hint))
            case "CLIENT SECRET":
                secrets.append(SecretSighting(kind: .clientSecret, key: String(key), position: position, hint: hint))
            case "CLIENT NAME" where !value.isEmpty:
                name = (String(value), TextPosition(line: line.number, column: line.column(of: value.startIndex)))
            case "NAME" where !value.isEmpty && name == nil:
                name = (String(value), TextPosition(line: line.number, column: line.column(of: value.startIndex)))
            case "CLIENT ID": clientID = String(value)
            case "API PATH":
                let parts = value.split(separator: "/")
                if let index = parts.firstIndex(of: "stores"), index + 1 < parts.count {
                    let part = parts[index + 1]
                    hash = (String(part), TextPosition(line: line.number, column: line.column(of: part.startIndex)))
                }
            default: break
            }
        }
        guard let firstPosition else {
            throw .invalid(
                file: file, position: .start,
                message:
                    "expected the credentials file the control panel downloads, with lines such as 'ACCESS TOKEN:' and 'CLIENT ID:'; found none"
            )
        }
        var account = Account(
            name: try options.accountName(name?.0, at: name?.1 ?? .start, file: file) ?? "API account",
            clientID: clientID, position: firstPosition, scopes: [], secrets: secrets)
        account.scopesKnown = false
        let storeHash = try options.storeHash(hash?.0, at: hash?.1 ?? .start, file: file)
        return Export(file: file, stores: [options.store(account, hash: storeHash)])
    }
}
